import CaseStore
import ComplaintCore
import Foundation
import MailTemplates

extension MailRenderer {
    /// Queues the weekly digest to the quality staff (a mail about no case), in the caller's transaction.
    @discardableResult
    func enqueueDigest(_ digest: WeeklyDigest) throws -> Int64? {
        let english = runtime.templates.language == "en"
        var value = Self.digestValue(digest, english: english)
        // Messages answered to nobody in the period (robots, lists, bounces): counted so nobody misses a real one.
        let ignored = try store.ignoredCount(from: runtime.civil.startOfDay(digest.periodStart), to: runtime.civil.startOfDay(digest.periodEnd.adding(days: 1)))
        if case .object(var fields) = value {
            fields["ignored_count"] = .string(String(ignored))
            fields.merge(try digestPictureValues(digest, english: english)) { $1 }
            value = .object(fields)
        }
        return try enqueueToQuality(.weeklyDigest, values: ["digest": value], kind: .weeklyDigest)
    }

    /// The `digest.*` variables (see `MailTemplateCatalog.digest` and `listItemFields`).
    static func digestValue(_ digest: WeeklyDigest, english: Bool) -> TemplateValue {
        func date(_ value: LocalDate) -> TemplateValue { .string(DateWording.format(value, english: english)) }
        func termLines(_ lines: [WeeklyDigest.TermLine]) -> TemplateValue {
            .list(lines.map { line in
                .object(["reference": .string(line.reference.description), "location": .string(line.location ?? ""),
                         "term": .string(line.term.digestLabel(english: english)), "due": date(line.due),
                         "handler": .string(line.handler ?? "")])
            })
        }
        return .object([
            "period_start": date(digest.periodStart),
            "period_end": date(digest.periodEnd),
            "received_count": .string(String(digest.received.count)),
            "open_count": .string(String(digest.openCount)),
            "safeguarding_count": .string(String(digest.safeguardingCount)),
            "received": .list(digest.received.map { item in
                .object(["reference": .string(item.reference.description), "location": .string(item.location ?? ""),
                         "kind": .string(english ? KindWording.label(item.kind, english: true) : item.kind.dutchLabel),
                         "received": date(item.receivedDate)])
            }),
            "overdue": termLines(digest.overdue),
            "due_soon": termLines(digest.dueSoon),
            "unassigned": .list(digest.unassigned.map { item in
                .object(["reference": .string(item.reference.description), "received": date(item.receivedDate)])
            }),
            "awaiting_review": .list(digest.awaitingReview.map { item in
                .object(["reference": .string(item.reference.description), "location": .string(item.location ?? ""),
                         "handler": .string(item.handler ?? ""), "due": item.decisionDue.map(date) ?? .string("")])
            }),
        ])
    }
}
