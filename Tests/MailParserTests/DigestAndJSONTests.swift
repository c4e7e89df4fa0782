import XCTest
@testable import MailParser

final class DigestAndJSONTests: XCTestCase {
    func testJSONStringEscaping() {
        XCTAssertEqual(JSONValue.string("a\"b\\c\n\r\t\u{01}\u{1F}é€").serialized(), "\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u001fé€\"")
    }

    func testJSONOrderedObjectsAndScalars() {
        let value = JSONValue.object([("z", .int(1)), ("a", .array([.null, .bool(true), .number(1.5), .number(2)]))])
        XCTAssertEqual(value.serialized(), "{\"z\":1,\"a\":[null,true,1.5,2]}")
    }

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
}
