import XCTest
@testable import MailTransport

/// Command arguments and URL parts, built without Foundation (the supervisor links this module).
final class CommandArgumentTests: XCTestCase {
    func testMailboxNamesUseModifiedUTF7() throws {
        // RFC 3501 §5.1.3's own example, and the organisation's "Klachten & meldingen" folder.
        XCTAssertEqual(ModifiedUTF7.encode("~peter/mail/台北/日本語"), "~peter/mail/&U,BTFw-/&ZeVnLIqe-")
        XCTAssertEqual(ModifiedUTF7.encode("Klachten & meldingen"), "Klachten &- meldingen")
        XCTAssertEqual(ModifiedUTF7.encode("Verwerkt/Crèche"), "Verwerkt/Cr&AOg-che")
        XCTAssertEqual(try Command.mailbox("Map \"a\\b\""), "\"Map \\\"a\\\\b\\\"\"")
    }

    func testModifiedBase64PadsNothingAndUsesComma() {
        XCTAssertEqual(ModifiedUTF7.modifiedBase64([]), "")
        XCTAssertEqual(ModifiedUTF7.modifiedBase64([0xFF]), ",w")
        XCTAssertEqual(ModifiedUTF7.modifiedBase64([0xFF, 0xFF]), ",,8")
        XCTAssertEqual(ModifiedUTF7.modifiedBase64([0xFB, 0xFF, 0xBF]), "+,+,")
    }

    func testURLMailboxIsPercentDecoded() {
        XCTAssertEqual(MailServerEndpoint(url: "imap://host:143/INBOX").mailbox, "INBOX")
        XCTAssertEqual(MailServerEndpoint(url: "imaps://host/Klachten%20ouders;UIDVALIDITY=5").mailbox, "Klachten ouders")
        XCTAssertEqual(MailServerEndpoint(url: "imap://host/Cr%C3%A8che").mailbox, "Crèche")
        XCTAssertEqual(MailServerEndpoint(url: "imap://host/100%").mailbox, "100%", "a broken escape is kept as written")
        XCTAssertNil(MailServerEndpoint(url: "imap://host").mailbox)
        XCTAssertEqual(MailServerEndpoint(url: "imaps://user:pw@host:993/INBOX").serverURL, "imaps://host:993")
        XCTAssertEqual(MailServerEndpoint(url: "no scheme").serverURL, "no scheme")
    }
}
