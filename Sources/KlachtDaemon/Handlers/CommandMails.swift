import CaseStore
import ComplaintCore
import Foundation
import MailTemplates
import Reporting

/// Renders and queues the mails a command plan sends, each with the values its template needs.
struct CommandMails {
    let runtime: Runtime
    let store: CaseStore
    let renderer: MailRenderer

    func send(_ mail: PlannedMail, on record: Case) throws {
        let english = runtime.language(forLocation: record.location) == "en"
        func date(_ day: LocalDate) -> TemplateValue { .string(DateWording.format(day, english: english)) }
        switch mail {
        case .answer(let text):
            try renderer.enqueue(.handlerMessage, to: .complainant, caseRecord: record, extra: ["message": ["text": .string(text)]])
        case .judgement(let outcome, let reasons, let measures):
            try renderer.enqueue(.judgementLetter, to: .complainant, caseRecord: record,
                                 extra: Self.judgementValues(outcome: outcome, reasons: reasons, measures: measures, english: english))
        case .termExtension(let weeks, let reason, let originalDue):
            try renderer.enqueue(.extensionNotice, to: .complainant, caseRecord: record, extra: ["extension": .object([
                "weeks": .string(String(weeks)), "reason": .string(reason), "original_due": date(originalDue),
            ])])
        case .closing(let reason):
            try renderer.enqueue(.closingLetter, to: .complainant, caseRecord: record,
                                 extra: ["closing": ["reason": .string(reason ?? "")]])
        case .assignment:
            try renderer.enqueue(record.kind.staffNoticeTemplate, to: .handler, caseRecord: record, extra: try complaintText(record))
        case .unassigned:
            try renderer.enqueue(.qualityUnassigned, to: .quality, caseRecord: record, extra: try complaintText(record))
        case .releaseAcknowledgement:
            try renderer.enqueue(.releaseAcknowledgement, to: .complainant, caseRecord: record)
        case .withdrawal:
            try renderer.enqueue(.withdrawalConfirmation, to: .complainant, caseRecord: record)
        case .suspension(let review):
            try renderer.enqueue(.suspensionNotice, to: .complainant, caseRecord: record,
                                 extra: ["suspension": ["review_date": date(review)]])
        case .resumption:
            try renderer.enqueue(.resumptionNotice, to: .complainant, caseRecord: record)
        case .resolution(let text):
            try renderer.enqueue(.resolutionLetter, to: .complainant, caseRecord: record,
                                 extra: ["resolution": ["text": .string(text)]])
        }
    }

    /// The `judgement.*` values of the judgement letter; the second reader's draft renders the same.
    static func judgementValues(outcome: JudgementOutcome, reasons: String, measures: [PlannedMeasure], english: Bool) -> MailRenderer.Extra {
        let items = measures.map { TemplateValue.object(["text": .string($0.text), "due": .string(DateWording.format($0.due, english: english))]) }
        return ["judgement": .object([
            "outcome": .string(outcome.label(english: english)), "reasons": .string(reasons), "measures": .list(items),
            // One yes/no per outcome, so the letter can say in plain words what it means for the parent.
            "upheld": .bool(outcome == .upheld), "partly_upheld": .bool(outcome == .partlyUpheld),
            "not_upheld": .bool(outcome == .unfounded),
        ])]
    }

    /// The parent's first message, for staff mails that carry the complaint.
    private func complaintText(_ record: Case) throws -> MailRenderer.Extra {
        let complaint = try store.caseMessages(caseID: record.id).first { $0.direction == .incoming && $0.role == .complainant }
        return ["case": ["text": .string(complaint?.text ?? "")]]
    }
}

/// Records what happened outside klachtd's mail: contact with the parent, and the outside bodies.
struct ProcedureRecords {
    let store: CaseStore

    /// The event action that marks first contact; the scheduler reads it.
    static let contactAction = "parent contacted"

    func record(_ change: CaseChange, caseID: Int64, actor: String, rawID: Int64?, now: Date) throws {
        switch change {
        case .recordContact(let day, let method):
            try store.appendEvent(caseID: caseID, actor: actor, action: Self.contactAction, from: nil, to: nil,
                                  reason: "\(method.rawValue) op \(day.iso)", rawMessageID: rawID, now: now)
        case .recordReferral(let day):
            try store.setReportNote(caseID: caseID, .referralDate, day.iso, actor: actor, now: now)
        case .recordDispute(let day):
            try store.setReportNote(caseID: caseID, .disputeDate, day.iso, actor: actor, now: now)
            if try store.reportNote(caseID: caseID, .disputeOrigin) == nil {
                try store.setReportNote(caseID: caseID, .disputeOrigin, DisputeOrigin.afterProcedure.rawValue, actor: actor, now: now)
            }
        case .recordRuling(let outcome, let day):
            try store.setReportNote(caseID: caseID, .disputeOutcome, outcome.dutchLabel, actor: actor, now: now)
            try store.setReportNote(caseID: caseID, .rulingDate, day.iso, actor: actor, now: now)
        default:
            return
        }
    }
}
