import XCTest
@testable import MailParser

final class EncodedWordTests: XCTestCase {
    func testBase64AndQuotedPrintableWordsDecode() {
        XCTAssertEqual(EncodedWordDecoder.decode("=?UTF-8?B?S2xhY2h0IG92ZXIgZGUgb3BvdmFuZw==?="), "Klacht over de opovang")
        XCTAssertEqual(EncodedWordDecoder.decode("=?iso-8859-1?Q?Cr=E8che_De_Zon?="), "Crèche De Zon")
    }

    func testWhitespaceBetweenAdjacentEncodedWordsIsDropped() {
        XCTAssertEqual(EncodedWordDecoder.decode("=?utf-8?q?Goede?=  \t =?utf-8?q?morgen?="), "Goedemorgen")
    }

    func testWhitespaceBetweenEncodedWordAndTextIsKept() {
        XCTAssertEqual(EncodedWordDecoder.decode("Re: =?utf-8?q?caf=C3=A9?= open"), "Re: café open")
    }

    func testAdjacentEncodedWordsSplitMultibyteCharacter() {
        // "€" is E2 82 AC; the first word carries E2 82, the second AC.
        let value = "=?UTF-8?B?4oI=?= =?UTF-8?B?rA==?= 10"
        XCTAssertEqual(EncodedWordDecoder.decode(value), "€ 10")
        XCTAssertEqual(EncodedWordDecoder.decode("=?utf-8?Q?=E2=82?= =?utf-8?Q?=AC?="), "€")
    }

    func testAdjacentWordsInDifferentCharsetsDecodeSeparately() {
        XCTAssertEqual(EncodedWordDecoder.decode("=?iso-8859-1?q?=E9?= =?utf-8?q?=C3=A9?="), "éé")
    }

    func testMalformedEncodedWordStaysLiteral() {
        XCTAssertEqual(EncodedWordDecoder.decode("=?utf-8?X?abc?="), "=?utf-8?X?abc?=")
        XCTAssertEqual(EncodedWordDecoder.decode("=?utf-8?q?unterminated"), "=?utf-8?q?unterminated")
    }

    func testLanguageSuffixInCharsetIsIgnored() {
        XCTAssertEqual(EncodedWordDecoder.decode("=?utf-8*nl?q?hallo?="), "hallo")
    }

    func testEncodedWordGluedToTextIsDecoded() {
        XCTAssertEqual(EncodedWordDecoder.decode("Prijs:=?utf-8?q?=E2=82=AC?=5"), "Prijs:€5")
    }

    func testEncodedSubjectInMessage() {
        let message = parse("Subject: =?windows-1252?Q?=93Klacht=94_over_=80_5?=\n\nx")
        XCTAssertEqual(message.subject, "“Klacht” over € 5")
    }
}
