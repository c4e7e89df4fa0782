import XCTest
@testable import ComplaintCore

/// Issue 19: the bounce rule is the core's, tested without a store.
final class DeliveryReportVerdictTests: XCTestCase {
    private func recipient(_ address: String, _ action: String?, _ status: String?) -> DeliveryReportVerdict.Recipient {
        .init(address: address, action: action, status: status)
    }

    func testOnlyAddressesTheMailWentToCountAndStrangersAreSetApart() {
        let verdict = DeliveryReportVerdict([
            recipient("Ouder1@Example.test", "failed", "5.1.1"),
            recipient("behandelaar1@example.test", "failed", "5.1.1"),
        ], sentTo: ["ouder1@example.test"])
        XCTAssertEqual(verdict.failed, [0])
        XCTAssertEqual(verdict.strangers, [1])
        XCTAssertTrue(verdict.marksMail)
    }

    func testADelayIsNoFailureButAPermanentStatusIsWhateverTheAction() {
        let verdict = DeliveryReportVerdict([
            recipient("a@example.test", "delayed", "4.4.1"),
            recipient("b@example.test", "delayed", "5.2.2"),
            recipient("c@example.test", nil, nil),
        ], sentTo: ["a@example.test", "b@example.test", "c@example.test"])
        XCTAssertEqual(verdict.failed, [1, 2])
        XCTAssertTrue(verdict.strangers.isEmpty)
    }

    func testAReportNamingOnlyStrangersMarksNothingButOneNamingNobodyMarksTheMail() {
        XCTAssertFalse(DeliveryReportVerdict([recipient("x@example.test", "failed", "5.1.1")], sentTo: ["a@example.test"]).marksMail)
        XCTAssertTrue(DeliveryReportVerdict([], sentTo: ["a@example.test"]).marksMail)
    }
}
