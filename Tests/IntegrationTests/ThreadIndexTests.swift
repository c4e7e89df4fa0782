import CaseStore
import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 16: Outlook's Thread-Index joins a reply to its case when In-Reply-To is missing.
final class ThreadIndexTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    /// The parent's Outlook conversation: a 22-byte root as Outlook 365 writes it.
    private let parentRoot: [UInt8] = [0x01, 0xDB, 0x4E, 0x2F, 0x91, 0x7C] + Array(repeating: 0x5A, count: 8) + Array(repeating: 0xC3, count: 8)

    private func headerValue(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

    func testRepliesWithoutInReplyToFindTheirCaseByThreadIndex() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        try server.send(from: "ouder4@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder4@example.test", name: "Fatima el Amrani", subject: "Klacht over BSO Morel",
            body: "Mijn zoon is vandaag zonder jas naar buiten gestuurd bij BSO Morel.",
            extraHeaders: ["Thread-Topic: Klacht over BSO Morel", "Thread-Index: \(headerValue(parentRoot))"]))
        let acknowledgement = try XCTUnwrap(server.waitForInbox("ouder4", count: 1).first)
        let ours = try XCTUnwrap(acknowledgement.threadIndexRoot, "our mail carries a Thread-Index")

        // 1. Outlook answers our acknowledgement: In-Reply-To lost on the way, the tag taken out
        // of the subject, the Thread-Index continuing ours with one child block.
        try server.send(from: "ouder4@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder4@example.test", name: "Fatima el Amrani", subject: "RE: Ontvangen",
            body: "Ik wil er nog bij zeggen dat het buiten 3 graden was.",
            extraHeaders: ["Thread-Index: \(headerValue(Self.bytes(hex: ours) + [1, 2, 3, 4, 5]))"]))
        // 2. A second mail in the parent's own conversation.
        try server.send(from: "ouder4@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder4@example.test", name: "Fatima el Amrani", subject: "Aanvulling",
            body: "Ook zijn handschoenen lagen nog in het bakje.",
            extraHeaders: ["Thread-Index: \(headerValue(parentRoot + [9, 9, 9, 9, 9]))"]))

        let store = try CaseStore(path: daemon.databasePath)
        try daemon.waitUntil("both replies are on the case", timeout: 20) {
            try store.allCases().count == 1
                && store.caseMessages(caseID: store.allCases()[0].id).filter { $0.direction == .incoming }.count == 3
        }
        XCTAssertEqual(try store.allCases().count, 1, "no case was opened for a reply")
        let texts = try store.caseMessages(caseID: store.allCases()[0].id).compactMap(\.text).joined(separator: "\n")
        XCTAssertTrue(texts.contains("3 graden") && texts.contains("handschoenen"), texts)
        XCTAssertEqual(try server.inbox("ouder4").count, 1, "a follow-up gets no second acknowledgement")
    }

    func testUnknownThreadIndexOpensACaseAsBefore() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        for (n, body) in [(5, "De factuur van oktober is dubbel afgeschreven."), (6, "De groep van mijn dochter is te vol.")] {
            try server.send(from: "ouder\(n)@example.test", to: ["klachten@example.test"], complaintMail(
                from: "ouder\(n)@example.test", name: "Ouder \(n)", subject: "Klacht", body: body,
                extraHeaders: ["Thread-Index: \(headerValue([0x01] + Array(repeating: UInt8(n), count: 21)))"]))
            _ = try server.waitForInbox("ouder\(n)", count: 1)
        }
        XCTAssertEqual(try CaseStore(path: daemon.databasePath).allCases().count, 2)
    }

    private static func bytes(hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            result.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return result
    }
}
