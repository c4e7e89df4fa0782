@testable import MailTransport
import XCTest

/// The reader against a long stream of FETCH responses cut into reads of random sizes, as TLS delivers them.
final class ResponseStreamTests: XCTestCase {
    private func fetchResponse(uid: Int, body: [UInt8]) -> [UInt8] {
        Array("* \(uid) FETCH (UID \(uid) FLAGS (\\Seen) BODY[] {\(body.count)}\r\n".utf8) + body + Array(")\r\n".utf8)
    }

    func testRandomReadSizesFrameEveryResponseAndKeepEveryBody() throws {
        var generator = SystemRandomNumberGenerator()
        var stream: [UInt8] = []
        var bodies: [[UInt8]] = []
        for uid in 1...200 {
            var body = Array("Subject: \(uid)\r\n\r\nK\(uid) OK looks like a completion\r\n{12}\r\n".utf8)
            body += (0..<Int.random(in: 0...3000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bodies.append(body)
            stream += fetchResponse(uid: uid, body: body)
        }
        stream += Array("K9 OK Fetch completed.\r\n".utf8)

        var reader = ResponseReader()
        var collector = FetchCollector()
        var completed = false
        var offset = 0
        while offset < stream.count {
            let size = min(Int.random(in: 1...9000, using: &generator), stream.count - offset)
            reader.append(stream[offset..<(offset + size)])
            offset += size
            while let bytes = reader.nextResponse() {
                switch try Response(bytes) {
                case .untagged(let response): try collector.take(response)
                case .tagged(let tag, let text): completed = tag == "K9" && text.isOK
                case .continuation: XCTFail("no continuation in this stream")
                }
            }
        }
        XCTAssertTrue(completed)
        XCTAssertFalse(reader.hasPendingBytes)
        XCTAssertEqual(collector.messages.map(\.uid), Array(1...200).map(UInt32.init))
        XCTAssertEqual(collector.messages.map(\.bytes), bodies)
    }

    func testEndpointShowsNoCredentialsAndNamesItsMailbox() {
        let endpoint = MailServerEndpoint(url: "imaps://klachten:geheim@mail.example.test:993/Klachten%2FNieuw")
        XCTAssertEqual(endpoint.serverURL, "imaps://mail.example.test:993")
        XCTAssertEqual(endpoint.mailbox, "Klachten/Nieuw")
        XCTAssertTrue(endpoint.usesImplicitTLS)
        XCTAssertNil(MailServerEndpoint(url: "smtp://127.0.0.1:25").mailbox)
    }
}
