import Foundation
import MailParser
import XCTest
import TestMailSupport

/// Issue 4: a website form notification becomes a case for the parent, not for the website.
final class FormIntakeTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    func testGravityFormsNotificationBecomesACaseForTheParentAtTheRightLocation() throws {
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[forms]\nsenders = wordpress@www.vlinder.example\n")
        try daemon.start()
        defer { daemon.stop() }
        try server.send(from: "wordpress@www.vlinder.example", to: ["klachten@example.test"], gravityFormsNotification())

        let acknowledgement = try XCTUnwrap(server.waitForInbox("ouder4", count: 1).first)
        let cases = try daemon.cases()
        XCTAssertEqual(cases.count, 1)
        let reference = try XCTUnwrap(cases.first?["reference"] as? String)
        XCTAssertEqual(cases.first?["complainant"] as? String, "ouder4@example.test", "the parent, never the website")
        XCTAssertEqual(cases.first?["location"] as? String, "Morel")
        XCTAssertEqual(cases.first?["kind"] as? String, "klacht")
        XCTAssertTrue(acknowledgement.subject?.contains(reference) ?? false)
        XCTAssertTrue(acknowledgement.text?.contains("Zoë van 't Hoff") ?? false, "the letter greets the parent by the form's name")

        let notice = try XCTUnwrap(server.waitForInbox("behandelaar1", count: 1).first)
        XCTAssertTrue(notice.subject?.contains(reference) ?? false)
        XCTAssertTrue(notice.text?.contains("14:30") ?? false, "the handler reads the form's description, colons intact")

        let detail = try daemon.caseDetail(reference)
        let fields = detail["form_fields"] as? [[String: Any]] ?? []
        XCTAssertEqual(fields.map { $0["label"] as? String ?? "" }, ["Naam", "E-mailadres", "Telefoonnummer", "Naam van uw kind", "Locatie", "Soort melding", "Omschrijving"])
        XCTAssertTrue(try server.inbox("kwaliteit").isEmpty)
    }

    /// A Gravity Forms {all_fields} notification as the plugin's own HTML writes it.
    func gravityFormsNotification() -> String {
        func field(_ label: String, _ value: String) -> String {
            """
            <tr bgcolor="#EAF2FA"><td colspan="2"><font style="font-family: sans-serif; font-size:12px;"><strong>\(label)</strong></font></td></tr>
            <tr bgcolor="#FFFFFF"><td width="20">&nbsp;</td><td><font style="font-family: sans-serif; font-size:12px;">\(value)</font></td></tr>
            """
        }
        let html = """
            <html><body><table width="99%" border="0" cellpadding="1" cellspacing="0" bgcolor="#EAEAEA"><tr><td>
            <table width="100%" border="0" cellpadding="5" cellspacing="0" bgcolor="#FFFFFF">
            \(field("Naam", "Zo&euml; van &#39;t Hoff"))
            \(field("E-mailadres", "<a href='mailto:ouder4@example.test'>ouder4@example.test</a>"))
            \(field("Telefoonnummer", "06-12345678"))
            \(field("Naam van uw kind", "Daan"))
            \(field("Locatie", "BSO Morel"))
            \(field("Soort melding", "Klacht"))
            \(field("Omschrijving", "Op dinsdag om 14:30 stond Daan buiten te wachten.<br />Niemand had hem gezien.<br />Zie ook https://www.vlinder.example/ophalen"))
            </table></td></tr></table></body></html>
            """
        let encoded = Data(html.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return [
            "From: De Vlinder website <wordpress@www.vlinder.example>",
            "To: klachten@example.test",
            "Reply-To: ouder4@example.test",
            "Subject: New submission from Klantreactieformulier",
            "Date: Mon, 16 Nov 2026 09:12:00 +0100",
            "Message-ID: <gf-\(UUID().uuidString)@www.vlinder.example>",
            "MIME-Version: 1.0",
            "Content-Type: text/html; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
        ].joined(separator: "\r\n") + "\r\n\r\n" + encoded + "\r\n"
    }
}
