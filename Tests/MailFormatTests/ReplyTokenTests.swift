import ComplaintCore
import MailFormat
import XCTest

/// The reply token and plus address built on HMAC-SHA256.
final class ReplyTokenTests: XCTestCase {
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
