@testable import Supervision
import XCTest

/// The supervisor's Foundation-free look at a delta reply (issue 21): any entry starts a worker.
final class GraphDeltaWatchTests: XCTestCase {
    func testEmptyAndNonEmptyDeltaRepliesAreToldApart() {
        func has(_ text: String) -> Bool { GraphDeltaWatch.hasEntries(Array(text.utf8)) }
        XCTAssertFalse(has(#"{"@odata.context":"x","value":[],"@odata.deltaLink":"https://g/delta?$deltatoken=a"}"#))
        XCTAssertFalse(has(#"{"@odata.context": "x", "value": [ ], "@odata.deltaLink": "l"}"#))
        XCTAssertTrue(has(#"{"@odata.context":"x","value":[{"id":"AAMk1","isRead":false}],"@odata.deltaLink":"l"}"#))
        XCTAssertTrue(has(#"{"value" :[ {"id":"AAMk1","@removed":{"reason":"deleted"}}]}"#))
        XCTAssertFalse(has(#"{"error":{"code":"x"}}"#))
        XCTAssertFalse(has(""))
    }
}
