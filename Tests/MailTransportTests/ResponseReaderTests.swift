import CCurl
@testable import MailTransport
import XCTest

final class ResponseReaderTests: XCTestCase {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    func testSimpleLinesAreFramedOneByOne() {
        var reader = ResponseReader()
        reader.append(bytes("* 3 EXISTS\r\nK1 OK done\r\n"))
        XCTAssertEqual(reader.nextResponse(), bytes("* 3 EXISTS\r\n"))
        XCTAssertEqual(reader.nextResponse(), bytes("K1 OK done\r\n"))
        XCTAssertNil(reader.nextResponse())
    }

    func testLiteralIsCountedByBytesEvenWhenItContainsATaggedLine() throws {
        let body = "Subject: x\r\n\r\nA004 OK\r\n"
        let response = "* 1 FETCH (UID 7 BODY[] {\(body.utf8.count)}\r\n\(body))\r\n"
        var reader = ResponseReader()
        reader.append(bytes(response + "A004 OK FETCH completed\r\n"))
        let framed = try XCTUnwrap(reader.nextResponse())
        XCTAssertEqual(framed, bytes(response))
        XCTAssertEqual(reader.nextResponse(), bytes("A004 OK FETCH completed\r\n"))
    }

    func testNonSynchronizingLiteralIsFramedLikeALiteral() {
        var reader = ResponseReader()
        reader.append(bytes("* 1 FETCH (BODY[] {5+}\r\nab\r\nc)\r\n"))
        XCTAssertEqual(reader.nextResponse(), bytes("* 1 FETCH (BODY[] {5+}\r\nab\r\nc)\r\n"))
    }

    func testResponseSplitAcrossReadsAtEveryByteIsFramedOnce() {
        let text = "* 2 FETCH (UID 9 BODY[] {4}\r\n\r\n\r\n)\r\nK2 OK\r\n"
        var reader = ResponseReader()
        var framed: [[UInt8]] = []
        for byte in bytes(text) {
            reader.append([byte])
            while let response = reader.nextResponse() { framed.append(response) }
        }
        XCTAssertEqual(framed, [bytes("* 2 FETCH (UID 9 BODY[] {4}\r\n\r\n\r\n)\r\n"), bytes("K2 OK\r\n")])
    }

    func testLiteralWithBinaryBytesIsKeptExactly() throws {
        let body: [UInt8] = [0x00, 0xFF, 0x0D, 0x0A, 0x7B, 0x31, 0x7D, 0x0D, 0x0A]
        var response = bytes("* 1 FETCH (UID 3 BODY[] {\(body.count)}\r\n")
        response += body + bytes(")\r\n")
        var reader = ResponseReader()
        reader.append(response)
        let untagged = try XCTUnwrap(reader.nextResponse())
        guard case .untagged(let fetch) = try Response(untagged) else { return XCTFail("not untagged") }
        XCTAssertEqual(try FetchResponse(fetch).body, body)
    }

    func testFetchResponseItemsAreParsed() throws {
        let text = "* 12 FETCH (UID 4827 FLAGS (\\Seen $KlachtVerwerkt) INTERNALDATE \" 1-Feb-2026 09:30:00 +0100\" RFC822.SIZE 44 BODY[] {3}\r\nabc)\r\n"
        guard case .untagged(let response) = try Response(bytes(text)) else { return XCTFail("not untagged") }
        let fetch = try FetchResponse(response)
        XCTAssertEqual(fetch.uid, 4827)
        XCTAssertEqual(fetch.flags, ["\\Seen", "$KlachtVerwerkt"])
        XCTAssertEqual(fetch.body, bytes("abc"))
        XCTAssertEqual(fetch.internalDateSeconds, 1_769_934_600)
    }

    func testTaggedCompletionCarriesResponseCode() throws {
        guard case .tagged(let tag, let text) = try Response(bytes("K5 NO [ALREADYEXISTS] Mailbox already exists\r\n")) else {
            return XCTFail("not tagged")
        }
        XCTAssertEqual(tag, "K5")
        XCTAssertEqual(text.status, "NO")
        XCTAssertEqual(text.codeName, "ALREADYEXISTS")
        XCTAssertEqual(text.text, "Mailbox already exists")
    }

    func testSelectResponsesGiveMailboxStatus() throws {
        let lines = ["* FLAGS (\\Answered \\Seen)\r\n", "* 172 EXISTS\r\n", "* 1 RECENT\r\n",
                     "* OK [UIDVALIDITY 3857529045] UIDs valid\r\n", "* OK [UIDNEXT 4392] Predicted next UID\r\n"]
        let untagged = try lines.map { line -> UntaggedResponse in
            guard case .untagged(let response) = try Response(bytes(line)) else { throw TransportFailure.protocolError(line) }
            return response
        }
        XCTAssertEqual(try MailboxStatus(selectResponses: untagged),
                       MailboxStatus(uidValidity: 3_857_529_045, uidNext: 4392, exists: 172))
    }

    func testSearchResponseListsUIDs() throws {
        guard case .untagged(let response) = try Response(bytes("* SEARCH 2 84 882\r\n")) else { return XCTFail("not untagged") }
        XCTAssertEqual(try SearchResponse.uids(response), [2, 84, 882])
    }

    func testSequenceSetCompressesRuns() {
        XCTAssertEqual(Command.sequenceSet([9, 1, 2, 3, 5, 10, 11, 2]), "1:3,5,9:11")
    }

    func testMailboxNamesAreQuotedInModifiedUTF7() throws {
        XCTAssertEqual(try Command.mailbox("Klachten/Afgehandeld"), "\"Klachten/Afgehandeld\"")
        XCTAssertEqual(try Command.mailbox("Café & \"x\""), "\"Caf&AOk- &- \\\"x\\\"\"")
        XCTAssertThrowsError(try Command.mailbox("a\r\nK9 LOGOUT"))
    }

    func testFlagsThatCouldBreakACommandAreRefused() {
        XCTAssertNoThrow(try Command.flagList(["\\Seen", "$KlachtVerwerkt"]))
        XCTAssertThrowsError(try Command.flagList(["bad flag"]))
        XCTAssertThrowsError(try Command.flagList(["x)"]))
    }

    func testLineEndingsBecomeCRLFWithoutDoublingExistingOnes() {
        XCTAssertEqual(crlfNormalized(bytes("a\nb\r\nc\n")), bytes("a\r\nb\r\nc\r\n"))
    }

    func testFailureDescriptionsNeverContainThePassword() {
        let failure = CurlFailure.map(code: CURLE_LOGIN_DENIED, text: "Login denied", server: "imap://127.0.0.1:1",
                                      username: "klachten@example.test", responseCode: 0)
        XCTAssertEqual(failure, .authentication("login as klachten@example.test at imap://127.0.0.1:1: Login denied [curl 67]"))
        XCTAssertFalse(failure.isPermanent)
        XCTAssertTrue(TransportFailure.permanentRefusal(code: 550, text: "User unknown").isPermanent)
        XCTAssertFalse(TransportFailure.transientRefusal(code: 451, text: "Try later").isPermanent)
    }
}
