import Digests
import Foundation
import XCTest
@testable import MailParser

final class LargeMessageTests: XCTestCase {
    /// A multi-megabyte message parses in seconds and yields the exact attachment bytes.
    func testLargeBase64AttachmentAndLongTextParseQuickly() {
        var attachment = [UInt8](repeating: 0, count: 6 * 1024 * 1024)
        var state: UInt32 = 2_463_534_242
        for index in attachment.indices {
            state ^= state << 13; state ^= state >> 17; state ^= state << 5
            attachment[index] = UInt8(truncatingIfNeeded: state)
        }
        let encoded = Data(attachment).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn])
        let text = String(repeating: "Een regel klachttekst over de opvang van vandaag.\r\n", count: 40_000)
        let raw = mail("""
            From: a@example.nl
            Subject: groot
            Content-Type: multipart/mixed; boundary=grens

            --grens
            Content-Type: text/plain; charset=utf-8


            """) + Array(text.utf8) + mail("""

            --grens
            Content-Type: application/octet-stream; name=groot.bin
            Content-Transfer-Encoding: base64


            """) + Array(encoded.utf8) + mail("\n--grens--\n")
        let start = Date()
        let message = MessageParser.parse(raw)
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(message.attachments.first?.size, attachment.count)
        XCTAssertEqual(message.attachments.first?.sha256Hex, SHA256.hexDigest(attachment))
        XCTAssertEqual(message.text?.utf8.count, text.utf8.count - 40_000, "CRLF became LF")
        XCTAssertLessThan(seconds, 30, "parsing \(raw.count) bytes took \(seconds) s")
    }
}
