import XCTest
@testable import MailParser

final class AddressListTests: XCTestCase {
    func testPlainAngleAndBareAddresses() {
        XCTAssertEqual(AddressListParser.parse("Jan Jansen <jan@example.nl>, piet@example.nl"), [
            MailAddress(name: "Jan Jansen", address: "jan@example.nl"),
            MailAddress(name: nil, address: "piet@example.nl"),
        ])
    }

    func testQuotedDisplayNameWithCommaStaysOneMailbox() {
        XCTAssertEqual(AddressListParser.parse("\"Jansen, Jan\" <jan@example.nl>"),
                       [MailAddress(name: "Jansen, Jan", address: "jan@example.nl")])
    }

    func testEncodedDisplayNameIsDecodedAfterParsing() {
        // The decoded name contains a comma; it must not split the mailbox.
        let parsed = AddressListParser.parse("=?utf-8?q?Jansen=2C_Jos=C3=A9?= <jose@example.nl>, b@example.nl")
        XCTAssertEqual(parsed, [MailAddress(name: "Jansen, José", address: "jose@example.nl"),
                                MailAddress(name: nil, address: "b@example.nl")])
    }

    func testQuotedEncodedWordNameIsDecoded() {
        XCTAssertEqual(AddressListParser.parse("\"=?utf-8?B?w4lsaW5l?=\" <eline@example.nl>"),
                       [MailAddress(name: "Éline", address: "eline@example.nl")])
    }

    func testGroupsYieldTheirMembers() {
        let parsed = AddressListParser.parse("Ouders: a@example.nl, Bea <b@example.nl>;, c@example.nl")
        XCTAssertEqual(parsed.map(\.address), ["a@example.nl", "b@example.nl", "c@example.nl"])
        XCTAssertEqual(parsed[1].name, "Bea")
    }

    func testEmptyGroupYieldsNothing() {
        XCTAssertEqual(AddressListParser.parse("undisclosed-recipients:;"), [])
    }

    func testCommentBecomesNameForBareAddress() {
        XCTAssertEqual(AddressListParser.parse("jan@example.nl (Jan Jansen)"),
                       [MailAddress(name: "Jan Jansen", address: "jan@example.nl")])
    }

    func testCommentsInsideAngleFormAreIgnored() {
        XCTAssertEqual(AddressListParser.parse("Jan (werk) <jan@example.nl>"),
                       [MailAddress(name: "Jan", address: "jan@example.nl")])
    }

    func testObsoleteRouteIsDropped() {
        XCTAssertEqual(AddressListParser.parse("<@relay.example.nl:jan@example.nl>"),
                       [MailAddress(name: nil, address: "jan@example.nl")])
    }

    func testInitialsWithDotsKeepTheirDots() {
        XCTAssertEqual(AddressListParser.parse("J.P. de Vries <jp@example.nl>").first?.name, "J.P. de Vries")
    }

    func testRawUTF8NameInMessage() {
        let message = parse("From: Renée van Dijk <renee@example.nl>\nTo: a@example.nl\nCc: b@example.nl\nReply-To: c@example.nl\n\nx")
        XCTAssertEqual(message.from, [MailAddress(name: "Renée van Dijk", address: "renee@example.nl")])
        XCTAssertEqual(message.to.map(\.address), ["a@example.nl"])
        XCTAssertEqual(message.cc.map(\.address), ["b@example.nl"])
        XCTAssertEqual(message.replyTo.map(\.address), ["c@example.nl"])
    }

    func testCommentsAndSpacesInsideAddrSpecAreRemoved() {
        XCTAssertEqual(AddressListParser.parse("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>"),
                       [MailAddress(name: "Pete", address: "pete@silly.test")])
    }

    func testQuotedLocalPartKeepsItsQuotes() {
        XCTAssertEqual(AddressListParser.parse("<\"big bug bb\"@bug.com>").first?.address, "\"big bug bb\"@bug.com")
    }

    func testMailboxesWithoutCommaAreSeparated() {
        XCTAssertEqual(AddressListParser.parse("Bob Dunite <bob@extern> Bobby Dunite <bobby@extern>"), [
            MailAddress(name: "Bob Dunite", address: "bob@extern"),
            MailAddress(name: "Bobby Dunite", address: "bobby@extern"),
        ])
        XCTAssertEqual(AddressListParser.parse("tim@example.nl concierge@example.nl").map(\.address),
                       ["tim@example.nl", "concierge@example.nl"])
    }
}
