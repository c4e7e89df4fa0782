import CaseStore
import ComplaintCore
import Foundation
import JSONText
import MailParser

/// Cases as JSON for `klachtd cases --json` and `klachtd case REF --json`.
enum CaseJSON {
    static func summary(_ record: Case) -> JSONValue {
        .object(summaryFields(record))
    }

    static func detail(_ record: Case, events: [CaseEvent], messages: [CaseMessage], outbox: [OutboxRecord],
                       formFields: [(label: String, value: String)], measures: [MeasureRecord] = [],
                       satisfaction: SatisfactionRecord? = nil, reportText: String? = nil) -> JSONValue {
        var fields = summaryFields(record)
        fields += [
            ("regime", .string(record.regime.rawValue)),
            ("complainant_name", optional(record.complainantName)),
            ("acknowledgement_due", optional(record.acknowledgementDue?.iso)),
            ("first_contact_due", optional(record.firstContactDue?.iso)),
            ("solution_target_due", optional(record.solutionTargetDue?.iso)),
            ("gck_window_end", optional(record.gckWindowEnd?.iso)),
            ("measures_due", optional(record.measuresDue?.iso)),
            ("review_due", optional(record.reviewDue?.iso)),
            ("category", optional(record.category)),
            ("outcome", optional(record.outcome)),
            ("report_text", optional(reportText)),
            ("measures", .array(measures.map { .object([("text", .string($0.text)), ("due", optional($0.due?.iso)),
                                                        ("done_at", optional($0.doneAt.map(Timestamp.string)))]) })),
            ("satisfaction", satisfaction.map { check in .object([
                ("asked_at", .string(Timestamp.string(check.askedAt))), ("reminded_at", optional(check.remindedAt.map(Timestamp.string))),
                ("answered_at", optional(check.answeredAt.map(Timestamp.string))), ("answer", optional(check.answer?.rawValue)),
                ("text", optional(check.text)),
            ]) } ?? .null),
            ("form_fields", .array(formFields.map { .object([("label", .string($0.label)), ("value", .string($0.value))]) })),
            ("events", .array(events.map { event in
                .object([("at", .string(Timestamp.string(event.at))), ("actor", .string(event.actor)), ("action", .string(event.action)),
                         ("from_state", optional(event.fromState)), ("to_state", optional(event.toState)), ("reason", optional(event.reason))])
            })),
            ("messages", .array(messages.map { message in
                .object([("at", .string(Timestamp.string(message.at))), ("direction", .string(message.direction.rawValue)),
                         ("role", .string(message.role.rawValue)), ("message_id", optional(message.messageID)),
                         ("subject", optional(message.subject)), ("text", optional(message.text)), ("verified", .bool(message.verified))])
            })),
            ("held_mail", .array(outbox.filter { $0.state == .held }.map { mail in
                .object([("kind", .string(mail.kind.rawValue)), ("recipients", .array(mail.recipients.map(JSONValue.string))),
                         ("reason", optional(mail.lastError))])
            })),
            ("outbox", .array(outbox.map { mail in
                .object([("kind", .string(mail.kind.rawValue)), ("message_id", .string(mail.messageID)),
                         ("recipients", .array(mail.recipients.map(JSONValue.string))), ("subject", .string(mail.subject)),
                         ("state", .string(mail.state.rawValue)), ("attempts", .int(Int64(mail.attempts))), ("last_error", optional(mail.lastError))])
            })),
        ]
        return .object(fields)
    }

    private static func summaryFields(_ record: Case) -> [(String, JSONValue)] {
        [
            ("reference", .string(record.reference.description)),
            ("state", .string(record.state.rawValue)),
            ("kind", .string(record.kind.rawValue)),
            ("received_at", .string(Timestamp.string(record.receivedAt))),
            ("complainant", optional(record.complainantAddress)),
            ("location", optional(record.location)),
            ("handler", optional(record.handler)),
            ("subject", optional(record.subject)),
            ("decision_due", optional(record.decisionDue?.iso)),
            ("flags", .array(record.flags.map { JSONValue.string($0.rawValue) })),
        ]
    }

    private static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
}
