import Foundation
import MailParser
import XCTest
import TestMailSupport

/// What the issue-15 tests share: a klachtd that signs staff reply addresses (so commands by
/// reply count), with behandelaar3 as the deputy safeguarding officer, and staff replies as
/// Outlook writes them.
enum ProcedureFixture {
    static let deputy = "behandelaar3"

    /// A fixture whose configuration has a reply secret and the deputy; `start` runs the daemon.
    static func daemon(_ server: TestMailServer, start: Bool) throws -> DaemonFixture {
        let daemon = try DaemonFixture(server: server)
        try daemon.useFixedReplySecret()
        let configuration = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
            .replacingOccurrences(of: "[organisation]\n", with: "[organisation]\nsafeguarding_deputy = \(deputy)@example.test\n")
        try configuration.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        if start { try daemon.start() }
        return daemon
    }

    /// The `KL-YYYY-NNNN` in a mail's subject.
    static func reference(of mail: ParsedMessage) throws -> String {
        try XCTUnwrap(mail.subject.flatMap { subject in
            subject.range(of: "KL-[0-9]{4}-[0-9]{4}", options: .regularExpression).map { String(subject[$0]) }
        })
    }

    /// A staff member's reply to one of our mails, to its tokened Reply-To, as Outlook sends it
    /// (quoted history under a "Van:" header block).
    static func reply(from user: String, to original: ParsedMessage, body: String) throws -> (to: String, raw: String) {
        let to = try XCTUnwrap(original.replyTo.first?.address, "staff mail carries a tokened Reply-To")
        let id = original.messageID ?? ""
        let quoted = (original.text ?? "").split(separator: "\n", omittingEmptySubsequences: false).prefix(6).map { "> " + $0 }
        let text = body + "\n\nVan: Klachtenregistratie <klachten@example.test>\nOnderwerp: \(original.subject ?? "")\n\n"
            + quoted.joined(separator: "\n")
        let raw = [
            "From: \(user) <\(user)@example.test>", "To: \(to)", "Subject: RE: \(original.subject ?? "")",
            "Date: Mon, 16 Nov 2026 10:00:00 +0100", "Message-ID: <\(UUID().uuidString)@example.test>",
            "In-Reply-To: <\(id)>", "References: <\(id)>", "X-Mailer: Microsoft Outlook 16.0", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=\"utf-8\"", "Content-Transfer-Encoding: 8bit",
        ].joined(separator: "\r\n") + "\r\n\r\n" + text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n"
        return (to, raw)
    }

    /// Sends a staff reply through the real Postfix, to the running daemon.
    static func send(_ server: TestMailServer, from user: String, replyingTo original: ParsedMessage, body: String) throws {
        let mail = try reply(from: user, to: original, body: body)
        try server.send(from: server.address(user), to: [mail.to], mail.raw)
    }

    /// The events of a case with this action.
    static func events(_ daemon: DaemonFixture, _ reference: String, action: String) throws -> [[String: Any]] {
        (try daemon.caseDetail(reference)["events"] as? [[String: Any]] ?? []).filter { $0["action"] as? String == action }
    }
}
