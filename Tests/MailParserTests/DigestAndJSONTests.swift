import XCTest
@testable import MailParser

final class DigestAndJSONTests: XCTestCase {
    func testSHA256KnownVectors() {
        XCTAssertEqual(SHA256.hexDigest([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hexDigest(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hexDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hexDigest([UInt8](repeating: 0x61, count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testSHA256AtBlockBoundaries() {
        // 55, 56 and 64 bytes exercise the padding edge cases.
        XCTAssertEqual(SHA256.hexDigest([UInt8](repeating: 0x61, count: 55)),
                       "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        XCTAssertEqual(SHA256.hexDigest([UInt8](repeating: 0x61, count: 56)),
                       "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        XCTAssertEqual(SHA256.hexDigest([UInt8](repeating: 0x61, count: 64)),
                       "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

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
