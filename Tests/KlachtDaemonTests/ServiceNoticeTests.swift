import CaseStore
import ComplaintCore
import Foundation
import KlachtConfig
@testable import KlachtDaemon
import MailParser
import MailTemplates
import XCTest

/// Issue 18: klachtd's own notices to the quality staff are texts in `Templates/` (nl and en),
/// rendered strictly; one that cannot be written from its template still reaches them.
final class ServiceNoticeTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-notices-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Every value a notice may carry, the optional ones empty where the code may leave them so.
    private static let values: [String: MailRenderer.Extra] = [
        "quarantine-notice": ["quarantine": ["id": "17", "received": "2027-01-05T09:00:00Z", "size": "1200", "reason": "no From"]],
        "kept-mail-notice": ["kept": ["sender": "", "recipients": "klachten@example.test", "subject": "", "received": "2027-01-05T09:00:00Z",
                                      "id": "18", "text": "", "own_address": false, "staff_copy": true,
                                      "unverified_command": false]],
        "bounce-notice": ["case": ["reference": "K-2027-0001"], "mail": ["kind": "acknowledgement", "diagnostic": "", "suppression_days": "7"]],
        "refused-notice": ["mail": ["kind": "acknowledgement", "subject": "Wij hebben uw klacht ontvangen", "error": "550 no such user",
                                    "on_case": false]],
        "held-notice": ["case": ["reference": "K-2027-0001"], "held": ["letter": "oordeelsbrief", "bounced": true, "reason": ""]],
        "incomplete-mail-notice": ["case": ["reference": "K-2027-0001"], "incomplete": ["template": "acknowledgement", "problem": "x",
                                                                                        "file": "nl/acknowledgement.txt", "line": ""]],
        "flood-hold-notice": ["flood": ["per_hour": "30", "per_day": "200", "reason": "31 in an hour"]],
        "sending-trouble-notice": ["trouble": ["since": "05-01-2027 09:00", "error": "535 authentication failed", "waiting": "3"]],
        "mailbox-outage-notice": ["outage": ["since": "05-01-2027 09:00", "error": "connection refused"]],
        "mailbox-recovered-notice": ["outage": ["minutes": "42"]],
        "parent-text-refused-notice": ["case": ["reference": "K-2027-0001"], "refused": ["actor": "h@example.test", "problem": "token"]],
        "judgement-not-sent-notice": ["case": ["reference": "K-2027-0001"], "judgement": ["problem": "de zaak is ingetrokken"]],
    ]

    private func runtime(language: String, templates: String? = nil) throws -> Runtime {
        var configuration = try unitTestConfiguration(directory: directory, sections: "")
        configuration.organisation.language = language
        configuration.templatesDirectory = templates
        return try Runtime(configuration: configuration, clock: Clock(fixed: try Date("2027-01-05T10:00:00+01:00", strategy: .iso8601)))
    }

    func testEveryNoticeIsATemplateInBothLanguagesAndRendersWhole() throws {
        XCTAssertEqual(Set(Self.values.keys), MailTemplateCatalog.serviceNotices)
        for language in ["nl", "en"] {
            let runtime = try runtime(language: language)
            let store = try runtime.openStore()
            for name in MailTemplateCatalog.serviceNotices.sorted() {
                XCTAssertFalse(runtime.templates.fallbackNames.contains(name), "\(language)/\(name).txt")
                try MailRenderer(runtime: runtime, store: store).enqueueNotice(TemplateName(rawValue: name), values: Self.values[name] ?? [:])
                let mail = try XCTUnwrap(try store.outbox(caseID: nil).last)
                let text = MessageParser.parse(mail.bytes).text ?? ""
                XCTAssertFalse(mail.subject.hasPrefix("klachtd: \(name)"), "\(language)/\(name) fell back: \(text)")
                XCTAssertTrue(text.hasPrefix(language == "en" ? "Dear colleagues," : "Beste collega's,"), "\(language)/\(name): \(text)")
                XCTAssertFalse(text.contains("{{") || text.contains(" \n") || text.contains(" \r\n") || text.contains("()"),
                               "\(language)/\(name): no hole: \(text)")
                XCTAssertEqual(mail.kind, "system-notice", "bounces and refusals of notices are recognised by this kind (no loops)")
            }
        }
    }

    func testANoticeWhoseTemplateIsMissingStillReachesTheQualityStaff() throws {
        let folder = directory + "/Templates"
        try FileManager.default.copyItem(atPath: Runtime.shippedTemplatesDirectory(), toPath: folder)
        try FileManager.default.removeItem(atPath: folder + "/nl/quarantine-notice.txt")
        let runtime = try runtime(language: "nl", templates: folder)
        let store = try runtime.openStore()
        try MailRenderer(runtime: runtime, store: store).enqueueNotice("quarantine-notice", values: Self.values["quarantine-notice"] ?? [:])
        let mail = try XCTUnwrap(try store.outbox(caseID: nil).last)
        XCTAssertEqual(mail.subject, "klachtd: quarantine-notice")
        XCTAssertTrue(MessageParser.parse(mail.bytes).text?.contains("quarantine.reason: no From") ?? false)
    }
}
