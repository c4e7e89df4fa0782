import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 16: a parent's later mail on an open case is screened like the first, on the real servers.
final class SafeguardingFollowUpTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    func testABruiseReportedInAReplyAlertsTheOfficerAndNeverReachesTheHandlerOrTheParent() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        try server.send(from: "ouder1@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder1@example.test", name: "Sanne de Vries", subject: "Ophalen BSO Morel",
            body: "Mijn dochter stond om 18:15 nog alleen bij de deur van BSO Morel.\nGraag een reactie."))
        let acknowledgement = try XCTUnwrap(server.waitForInbox("ouder1", count: 1).first)
        XCTAssertEqual(try server.waitForInbox("behandelaar1", count: 1).count, 1)
        let reference = try XCTUnwrap(daemon.cases().first?["reference"] as? String)

        // An iPhone reply: new text on top, the acknowledgement quoted below.
        let reply = """
            From: Sanne de Vries <ouder1@example.test>\r
            To: Klachten <klachten@example.test>\r
            Subject: Re: \(acknowledgement.subject ?? "")\r
            Date: Tue, 17 Nov 2026 20:41:07 +0100\r
            Message-ID: <\(UUID().uuidString)@icloud.example.test>\r
            In-Reply-To: <\(acknowledgement.messageID ?? "")>\r
            References: <\(acknowledgement.messageID ?? "")>\r
            MIME-Version: 1.0 (1.0)\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: quoted-printable\r
            X-Mailer: iPhone Mail (21G93)\r
            \r
            Nog een aanvulling: toen ik haar gisteren ophaalde had ze een blauwe plek op =\r
            haar bovenarm. Ze zegt dat de invalkracht haar hard heeft vastgepakt.\r
            \r
            Verstuurd vanaf mijn iPhone\r
            \r
            > Op 16 nov. 2026 om 09:12 heeft Klachten <klachten@example.test> het volgende geschreven:\r
            >\r
            > Wij hebben uw klacht ontvangen.\r
            """
        try server.send(from: "ouder1@example.test", to: ["klachten@example.test"], reply)

        let alert = try XCTUnwrap(server.waitForInbox("aandacht", count: 1).first)
        XCTAssertTrue(alert.subject?.contains("[\(reference)]") ?? false, alert.subject ?? "")
        XCTAssertTrue(alert.text?.contains("blauwe plek op haar bovenarm") ?? false, "the officer gets the message itself")
        try daemon.waitUntil("the case is under the meldcode") {
            try daemon.cases().first?["state"] as? String == "safeguarding"
        }
        Thread.sleep(forTimeInterval: 3)
        let handlerMail = try server.inbox("behandelaar1")
        XCTAssertEqual(handlerMail.count, 1, "the handler gets nothing more: \(handlerMail.map { $0.subject ?? "" })")
        XCTAssertFalse(handlerMail.contains { $0.text?.contains("blauwe plek") ?? false })
        XCTAssertEqual(try server.inbox("ouder1").count, 1, "the parent is told nothing")
        XCTAssertTrue(try server.inbox("kwaliteit").allSatisfy { !($0.text?.contains("blauwe plek") ?? false) })
        let detail = try daemon.caseDetail(reference)
        XCTAssertNil((detail["case"] as? [String: Any] ?? detail)["handler"] as? String, "the handler is taken off the case")
    }
}
