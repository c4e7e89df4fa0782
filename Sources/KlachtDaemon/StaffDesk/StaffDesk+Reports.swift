import CaseStore
import ComplaintCore
import Foundation
import MailFormat
import MailTemplates
import Reporting

extension StaffDesk {
    /// `#jaarverslag YYYY`: the annual report (as `klachtd report`), HTML and Markdown attached, its summary in the mail.
    func annualReport(_ year: Int) throws -> Reply {
        let report = try AnnualReportSource.build(runtime: runtime, store: store, year: year)
        let stem = "klachtenjaarverslag-\(year)"
        return Reply(template: .deskReport, values: ["desk": .object([
            "title": .string("Klachtenjaarverslag \(year)"), "year": .string(String(year)),
            "complaints": .string(String(report.complaints)),
            "files": .list([.string(stem + ".html"), .string(stem + ".md")]),
            "text": .string(""),
        ])], attachments: [
            OutgoingAttachment(filename: stem + ".html", contentType: "text/html", data: Array(HTMLReport.render(report).utf8)),
            OutgoingAttachment(filename: stem + ".md", contentType: "text/markdown", data: Array(MarkdownReport.render(report).utf8)),
        ])
    }

    /// `#kwartaal YYYYQn`: the quarterly overview for management (as `klachtd overview`), in the mail and attached.
    func quarterlyOverview(_ text: String) throws -> Reply {
        guard let quarter = Quarter(text) else { throw DeskRefusal(text: words.notAQuarter(text)) }
        let cases = try ReportFacts.load(store, civil: runtime.civil)
        let overview = QuarterlyOverview.build(quarter: quarter, today: runtime.civil.localDate(of: now), cases: cases)
        let rendered = OverviewText.render(overview, organisation: runtime.configuration.organisation.name,
                                           gastouderbureau: runtime.configuration.organisation.gastouderbureau)
        return Reply(template: .deskReport, values: ["desk": .object([
            "title": .string("Kwartaaloverzicht \(text)"), "year": .string(text), "complaints": .string(""),
            "files": .list([.string("kwartaaloverzicht-\(text).txt")]), "text": .string(rendered),
        ])], attachments: [
            OutgoingAttachment(filename: "kwartaaloverzicht-\(text).txt", contentType: "text/plain; charset=utf-8", data: Array(rendered.utf8)),
        ])
    }

    /// `#jaarverslag-verzonden DATE` / `#oudercommissie DATE`: the round's dates, read by
    /// `ReportCycleCommands` and recorded by `ReportCycleRecorder.record`. Not its `handle`, which
    /// opens a transaction of its own: the desk runs inside intake's, so all dates or none.
    func reportRound(_ text: String, sender: String) throws -> Reply {
        let (commands, errors) = ReportCycleCommands.parse(text, today: runtime.civil.localDate(of: now))
        guard errors.isEmpty, !commands.isEmpty else {
            throw DeskRefusal(text: errors.isEmpty ? words.noDate : errors.map { $0.text(english: words.english) }.joined(separator: "\n"))
        }
        let recorder = ReportCycleRecorder(runtime: runtime, store: store)
        let lines = try commands.map { try recorder.record($0, actor: sender, now: now, english: words.english) }
        return Reply(template: .deskRecorded, values: ["desk": .object(["lines": .list(lines.map(TemplateValue.string))])])
    }
}
