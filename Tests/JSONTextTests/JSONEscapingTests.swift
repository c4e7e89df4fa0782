import Foundation
import JSONText
import XCTest

/// Issue 17 (13): the report's and the CLI's JSON (JSONValue) carry staff and parent text
/// escaped, so quotes, backslashes, control characters and line separators cannot break
/// out of a string. (This held already; the test keeps it so.)
final class JSONEscapingTests: XCTestCase {
    func testHostileTextRoundTripsThroughAStrictJSONParser() throws {
        let hostile = "Maatregel: \"extra\" toezicht\\ \u{1B}[2J\u{0}\u{7F}\n\r\t\u{2028}\u{2029}</script><!-- },{\"x\":1"
        let text = JSONValue.object([("summary", .string(hostile)), ("list", .array([.string(hostile)]))]).serialized()
        XCTAssertFalse(text.utf8.contains { $0 < 0x20 }, "no raw control character in the JSON text")
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(parsed.count, 2, "the text did not add keys")
        XCTAssertEqual(parsed["summary"] as? String, hostile)
    }
}
