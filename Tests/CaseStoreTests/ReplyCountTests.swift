@testable import CaseStore
import Foundation
import XCTest

/// The per-address reply limit reads how many automatic replies went to an address: held
/// letters do not count, and the count stops at the limit, so a flood that holds thousands of
/// letters for one address costs each new message a few index steps, not a walk over them all.
final class ReplyCountTests: XCTestCase {
    var directory: String!
    var store: CaseStore!
    let now = Date(timeIntervalSince1970: 1_777_000_000)

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-replies-\(UUID().uuidString)"
        store = try CaseStore(path: directory + "/klachtd.sqlite")
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func acknowledgement(_ n: Int, to address: String, held: Bool) throws {
        let id = try store.enqueue(OutgoingMail(caseID: nil, kind: "acknowledgement", messageID: "m\(n)@example.test",
                                                mailFrom: "klachten@example.test", recipients: [address], subject: "s", bytes: [65]),
                                   now: now.addingTimeInterval(Double(n)))
        if held { try store.markHeld(id: id, reason: "limit") }
    }

    func testHeldLettersDoNotCountAndTheCountStopsAtTheLimit() throws {
        for n in 0..<5 { try acknowledgement(n, to: "ouder1@example.test", held: false) }
        for n in 5..<2_005 { try acknowledgement(n, to: "ouder1@example.test", held: true) }
        let since = now.addingTimeInterval(-3600)
        XCTAssertEqual(try store.mailCount(to: "ouder1@example.test", kinds: ["acknowledgement"], since: since, upTo: 100), 5)
        XCTAssertEqual(try store.mailCount(to: "OUDER1@example.test", kinds: ["acknowledgement"], since: since, upTo: 3), 3)
        XCTAssertEqual(try store.mailCount(to: "ouder1@example.test", kinds: ["judgement-letter"], since: since, upTo: 3), 0)
        XCTAssertEqual(try store.mailCount(to: "ouder2@example.test", kinds: ["acknowledgement"], since: since, upTo: 3), 0)

        let before = store.db.machineSteps
        _ = try store.mailCount(to: "ouder1@example.test", kinds: ["acknowledgement"], since: since, upTo: 3)
        let steps = store.db.machineSteps - before
        XCTAssertLessThan(steps, 200, "the 2,000 held letters are not stepped through: \(steps) steps")
    }
}
