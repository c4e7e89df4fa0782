import HexDigits
import XCTest

/// The one hex writer and reader (digests, reply tokens, Outlook thread roots; the parser's
/// quoted-printable, RFC 2231 and RTF escapes and the transport's `%XX` read digits with it).
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

    /// Every byte, against the standard library's own reading of a one-digit hex number: the
    /// parser and the transport rely on this one reader, so none of the 256 may differ.
    func testEveryByteReadsAsTheStandardLibrarysHexDigit() {
        for byte in UInt8.min...UInt8.max {
            let expected = byte < 0x80 ? UInt8(String(UnicodeScalar(byte)), radix: 16) : nil
            XCTAssertEqual(Hex.value(of: byte), expected, "byte \(byte)")
        }
    }
}
