import Foundation
import JSONText
import MailFormat
import MailParser
import XCTest

/// The JSON of a parsed message that `klachtd parse --json` prints: its keys are a contract.
final class ParsedMessageJSONTests: XCTestCase {
    func testJSONObjectHasContractKeysInOrder() {
        let message = parse("""
            From: "Jan" <jan@example.nl>
            To: a@example.nl
            Subject: Test
            Date: Sun, 3 May 2026 14:02:00 +0200
            Message-ID: <m@example.nl>
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            Hallo
            --b
            Content-Type: application/octet-stream; name=a.bin

            abc
            --b--
            """)
        let object = message.jsonObject(file: "x.eml")
        XCTAssertEqual(object.map(\.0), ["file", "ok", "message_id", "subject", "date_epoch", "from", "to", "cc",
                                         "reply_to", "in_reply_to", "references", "text", "text_source", "reply_text",
                                         "attachments", "auto_submitted", "bounce", "defects"])
        let json = JSONValue.object(object).serialized()
        XCTAssertTrue(json.contains("\"date_epoch\":1777809720"))
        XCTAssertTrue(json.contains("\"from\":[{\"name\":\"Jan\",\"address\":\"jan@example.nl\"}]"))
        XCTAssertTrue(json.contains("\"attachments\":[{\"filename\":\"a.bin\",\"content_type\":\"application/octet-stream\",\"size\":3,\"sha256\":\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"}]"))
        XCTAssertTrue(json.contains("\"bounce\":null"))
        let decoded = try? JSONSerialization.jsonObject(with: Data(json.utf8))
        XCTAssertNotNil(decoded, "output must be valid JSON")
    }

    /// Parses readable message text with CRLF line endings.
    private func parse(_ text: String) -> ParsedMessage {
        MessageParser.parse(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }
}
