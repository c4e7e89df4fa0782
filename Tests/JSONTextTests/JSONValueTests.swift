import JSONText
import XCTest

/// JSON text as the command line and the reports write it: escaped strings, ordered keys.
final class JSONValueTests: XCTestCase {
    func testJSONStringEscaping() {
        XCTAssertEqual(JSONValue.string("a\"b\\c\n\r\t\u{01}\u{1F}é€").serialized(), "\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u001fé€\"")
    }

    func testJSONOrderedObjectsAndScalars() {
        let value = JSONValue.object([("z", .int(1)), ("a", .array([.null, .bool(true), .number(1.5), .number(2)]))])
        XCTAssertEqual(value.serialized(), "{\"z\":1,\"a\":[null,true,1.5,2]}")
    }
}
