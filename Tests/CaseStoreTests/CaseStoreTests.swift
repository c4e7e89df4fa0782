@testable import CaseStore
import ComplaintCore
import Foundation
import XCTest

final class CaseStoreTests: XCTestCase {
    var directory: String!
    var store: CaseStore!
    let now = Date(timeIntervalSince1970: 1_777_000_000)

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-store-\(UUID().uuidString)"
        store = try CaseStore(path: directory + "/klachtd.sqlite")
    }

    override func tearDownWithError() throws {
        store = nil
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testDirtyPagesSpillPastABoundInsteadOfStayingInMemory() throws {
        // Intake keeps a batch's pages in memory until commit, but not without limit: a batch
        // of large messages (whose rows are rewritten when decided) must spill to the WAL.
        XCTAssertEqual(try store.db.queryOne("PRAGMA cache_spill")?.int("cache_spill"), 16_384)
        XCTAssertEqual(try store.db.queryOne("PRAGMA page_size")?.int("page_size"), 4_096)
    }

    func testTimestampsAreWrittenAndReadInTheStoredUTCShape() {
        XCTAssertEqual(Timestamp.string(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00Z")
        XCTAssertEqual(Timestamp.string(Date(timeIntervalSince1970: 1_709_208_000)), "2024-02-29T12:00:00Z")
        XCTAssertEqual(Timestamp.string(Date(timeIntervalSince1970: -1)), "1969-12-31T23:59:59Z")
        for seconds in [0, 951_825_600, 1_709_208_000, 4_107_542_399, -86_401] {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            XCTAssertEqual(Timestamp.date(Timestamp.string(date)), date)
        }
        XCTAssertNil(Timestamp.date("gisteren"))
    }

    func testSameIMAPPositionIsStoredOnce() throws {
        let origin = RawMessageOrigin.imap(mailbox: "INBOX", uidValidity: 7, uid: 42)
        let first = try store.storeRaw([1, 2, 3], origin: origin, messageID: nil, sha256: "aa", receivedAt: now, now: now)
        let second = try store.storeRaw([1, 2, 3], origin: origin, messageID: nil, sha256: "aa", receivedAt: now, now: now)
        XCTAssertTrue(first.isNew)
        XCTAssertFalse(second.isNew)
        XCTAssertEqual(first.id, second.id)
        XCTAssertEqual(try store.pendingRawMessages().count, 1)
    }

    func testCopyWithTheSameBytesOrMessageIDIsRecognised() throws {
        let a = try store.storeRaw([1], origin: .imap(mailbox: "INBOX", uidValidity: 1, uid: 1), messageID: "x@y", sha256: "s1", receivedAt: now, now: now)
        try store.finishRaw(id: a.id, status: .processed, caseID: nil, note: nil)
        let b = try store.storeRaw([1], origin: .imap(mailbox: "INBOX", uidValidity: 2, uid: 1), messageID: nil, sha256: "s1", receivedAt: now, now: now)
        let c = try store.storeRaw([2], origin: .deliver, messageID: "x@y", sha256: "s2", receivedAt: now, now: now)
        let d = try store.storeRaw([3], origin: .deliver, messageID: "other@y", sha256: "s3", receivedAt: now, now: now)
        XCTAssertEqual(try store.earlierCopy(of: XCTUnwrap(store.rawMessage(id: b.id))), a.id)
        XCTAssertEqual(try store.earlierCopy(of: XCTUnwrap(store.rawMessage(id: c.id))), a.id)
        XCTAssertNil(try store.earlierCopy(of: XCTUnwrap(store.rawMessage(id: d.id))))
    }

    func testReferencesCountPerYear() throws {
        XCTAssertEqual(try store.nextReference(year: 2026).description, "KL-2026-0001")
        XCTAssertEqual(try store.nextReference(year: 2026).description, "KL-2026-0002")
        XCTAssertEqual(try store.nextReference(year: 2027).description, "KL-2027-0001")
    }

    func testEventLogIsAppendOnly() throws {
        try store.appendEvent(caseID: nil, actor: "klachtd", action: "test", from: nil, to: nil, reason: nil, rawMessageID: nil, now: now)
        XCTAssertThrowsError(try store.db.execute("UPDATE events SET actor = 'someone else'"))
        XCTAssertThrowsError(try store.db.execute("DELETE FROM events"))
    }

    func testReplyFindsItsCaseThroughOurOutgoingMessageID() throws {
        let reference = try store.nextReference(year: 2026)
        let id = try store.insertCase(NewCaseRecord(state: .received, kind: .klacht, regime: .wko, receivedAt: now,
                                                    complainantName: nil, complainantAddress: "ouder1@example.test",
                                                    complainantMessageID: "p@x", location: nil, handler: nil, subject: "s", flags: []),
                                      reference: reference, now: now)
        try store.enqueue(OutgoingMail(caseID: id, kind: "acknowledgement", messageID: "klachtd.1@example.test", mailFrom: "k@e.t",
                                       recipients: ["ouder1@example.test"], subject: "s", bytes: [65]), now: now)
        XCTAssertEqual(try store.caseForThread(messageIDs: ["unrelated@x", "klachtd.1@example.test"])?.id, id)
        XCTAssertNil(try store.caseForThread(messageIDs: ["unrelated@x"]))
    }

    func testOutboxRunsFromQueuedThroughSendingToSentAndInterruptedSendsAreRequeued() throws {
        let id = try store.enqueue(OutgoingMail(caseID: nil, kind: "k", messageID: "m1@e", mailFrom: "a@e.t", recipients: ["b@e.t"],
                                                subject: "s", bytes: [65]), now: now)
        XCTAssertEqual(try store.dueOutbox(now: now).map(\.id), [id])
        XCTAssertTrue(try store.markSending(id: id, now: now))
        XCTAssertFalse(try store.markSending(id: id, now: now), "a mail another process claimed is not claimed twice")
        XCTAssertTrue(try store.dueOutbox(now: now).isEmpty)
        XCTAssertEqual(try store.requeueInterruptedSends(claimedBefore: now), 0, "a claim made now may be a send in progress")
        XCTAssertEqual(try store.requeueInterruptedSends(claimedBefore: now.addingTimeInterval(1)), 1)
        XCTAssertTrue(try store.markSending(id: id, now: now))
        XCTAssertEqual(try store.requeueInterruptedSends(), 1)
        XCTAssertTrue(try store.markSending(id: id, now: now))
        try store.markSent(id: id, now: now)
        XCTAssertEqual(try store.outbox(caseID: nil).first?.state, .sent)
        XCTAssertEqual(try store.outbox(caseID: nil).first?.attempts, 3)
    }

    func testAFailedTransactionLeavesNothingBehind() throws {
        XCTAssertThrowsError(try store.transaction {
            _ = try store.nextReference(year: 2026)
            throw CocoaError(.featureUnsupported)
        })
        XCTAssertEqual(try store.nextReference(year: 2026).description, "KL-2026-0001")
    }

    func testScheduledMailIsClaimedOnce() throws {
        XCTAssertTrue(try store.claimScheduled(caseID: nil, key: "digest:2026-W47", now: now))
        XCTAssertFalse(try store.claimScheduled(caseID: nil, key: "digest:2026-W47", now: now))
    }

    func testIntegrityCheckIsOk() throws {
        XCTAssertEqual(try store.integrityCheck(), "ok")
    }
}
