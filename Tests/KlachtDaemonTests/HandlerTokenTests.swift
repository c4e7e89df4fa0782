import ComplaintCore
@testable import KlachtDaemon
import XCTest

/// HMAC-SHA256 against RFC 4231, and the reply token and plus address built on it.
final class HandlerTokenTests: XCTestCase {
    func testHMACMatchesRFC4231TestCases() {
        let cases: [(key: [UInt8], data: [UInt8], mac: String)] = [
            ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
             "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
            ([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        ]
        for (number, testCase) in cases.enumerated() {
            XCTAssertEqual(HMACSHA256.hexMAC(key: testCase.key, message: testCase.data), testCase.mac, "RFC 4231 case \(number + 1)")
        }
    }

    func testTokenIsTheFirstSixteenHexDigitsOfTheHMACOfReferenceAndRecipient() {
        let signer = ReplyTokenSigner(secret: Array("integration-test-secret".utf8))
        // python3: hmac.new(b'integration-test-secret', b'KL-2026-0001\nbehandelaar1@example.test', sha256).hexdigest()[:16]
        XCTAssertEqual(signer.token(for: CaseReference(year: 2026, number: 1), recipient: "Behandelaar1@Example.test"), "a9f8ce924a18aa9b")
    }

    func testTokenVerifiesOnlyForItsCaseAndItsRecipient() {
        let signer = ReplyTokenSigner(secret: Array("another-secret-of-some-length".utf8))
        let first = CaseReference(year: 2026, number: 1), second = CaseReference(year: 2026, number: 2)
        let token = signer.token(for: first, recipient: "behandelaar1@example.test")
        XCTAssertTrue(signer.verifies(token.uppercased(), for: first, sender: "BEHANDELAAR1@example.test"))
        XCTAssertFalse(signer.verifies(token, for: second, sender: "behandelaar1@example.test"))
        XCTAssertFalse(signer.verifies(token, for: first, sender: "behandelaar2@example.test"))
        XCTAssertFalse(signer.verifies(String(token.dropLast()), for: first, sender: "behandelaar1@example.test"))
        XCTAssertFalse(ReplyTokenSigner(secret: Array("a-different-secret-entirely".utf8)).verifies(token, for: first, sender: "behandelaar1@example.test"))
    }

    func testPlusAddressReadsReferenceAndToken() {
        let plus = PlusAddress("Klachten+KL-2026-0042.ABCDEF0123456789@Example.test", mailbox: "klachten@example.test")
        XCTAssertEqual(plus?.reference, CaseReference(year: 2026, number: 42))
        XCTAssertEqual(plus?.token, "abcdef0123456789")
        XCTAssertNil(PlusAddress("klachten+KL-2026-0042@example.test", mailbox: "klachten@example.test")?.token)
        XCTAssertNil(PlusAddress("klachten@example.test", mailbox: "klachten@example.test"))
        XCTAssertNil(PlusAddress("klachten+KL-2026-0042.abc@other.test", mailbox: "klachten@example.test"))
        XCTAssertNil(PlusAddress("klachten+hallo@example.test", mailbox: "klachten@example.test"))
    }

    func testPlusAddressRoundTrips() {
        let address = PlusAddress.make(mailbox: "klachten@example.test", reference: CaseReference(year: 2026, number: 7), token: "0011223344556677")
        XCTAssertEqual(address, "klachten+KL-2026-0007.0011223344556677@example.test")
        XCTAssertEqual(PlusAddress(address, mailbox: "klachten@example.test")?.token, "0011223344556677")
    }
}
