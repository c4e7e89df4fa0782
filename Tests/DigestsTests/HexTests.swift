import Digests
import XCTest

/// The one hex writer and reader (digests, reply tokens, Outlook thread roots).
final class HexTests: XCTestCase {
    func testBytesRoundTripThroughLowercaseHex() {
        let bytes: [UInt8] = [0x00, 0x01, 0x7F, 0x80, 0xAB, 0xFF]
        XCTAssertEqual(Hex.encode(bytes), "00017f80abff")
        XCTAssertEqual(Hex.decode("00017F80abFF"), bytes)
    }

    func testOddLengthOrNonHexDigitsAreRefused() {
        XCTAssertNil(Hex.decode("abc"))
        XCTAssertNil(Hex.decode("0g"))
        XCTAssertEqual(Hex.decode(""), [])
    }
}
