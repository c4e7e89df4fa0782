import CaseStore
import ComplaintCore
import Foundation
import KlachtDaemon

/// A case as the quality staff read it in a terminal (Dutch labels, local times).
enum CaseText {
    static func localTime(_ date: Date, _ runtime: Runtime) -> String {
        CivilText.sortable(date, runtime.civil)
    }

    static func detail(_ record: Case, events: [CaseEvent], messages: [CaseMessage], outbox: [OutboxRecord],
                       formFields: [(label: String, value: String)], measures: [MeasureRecord] = [],
                       satisfaction: SatisfactionRecord? = nil, reportText: String? = nil, runtime: Runtime) -> String {
        var lines = [
            "\(record.reference)  \(record.subject ?? "(geen onderwerp)")",
            "  status:            \(record.state.dutchLabel) (\(record.state.rawValue))",
            "  soort:             \(record.kind.rawValue), regime \(record.regime.rawValue)",
            "  ontvangen:         \(localTime(record.receivedAt, runtime))",
            "  klager:            \([record.complainantName, record.complainantAddress.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " "))",
            "  locatie:           \(record.location ?? "-")",
            "  behandelaar:       \(record.handler ?? "-")",
            "  ontvangst uiterlijk: \(record.acknowledgementDue?.iso ?? "-")",
            "  eerste contact:    \(record.firstContactDue?.iso ?? "-")",
            "  oordeel uiterlijk: \(record.decisionDue?.iso ?? "-")",
            "  Geschillencommissie tot: \(record.gckWindowEnd?.iso ?? "-")",
        ]
        // A letter the procedure requires that was held, not sent, is the first thing to see.
        // (Mail the limit on new addresses holds carries no reason and goes out by itself.)
        for mail in outbox where mail.state == .held && mail.lastError != nil {
            lines.append("  LET OP: NIET VERSTUURD: \(mail.kind) aan \(mail.recipients.joined(separator: ", ")) is vastgehouden "
                         + "(\(mail.lastError ?? "")); `klachtd case \(record.reference) send-held` of `drop-held --reason`")
        }
        if !record.flags.isEmpty { lines.append("  aandachtspunten:   \(record.flags.map(\.rawValue).joined(separator: ", "))") }
        if let outcome = record.outcome { lines.append("  oordeel:           \(outcome)") }
        if record.kind.startsStatutoryClock {
            lines.append("  jaarverslag:       " + (reportText ?? "(nog geen tekst: #jaarverslag TEKST, of klachtd case \(record.reference) report-text \"TEKST\")"))
        }
        if let due = record.measuresDue { lines.append("  maatregelen uiterlijk: \(due)") }
        if let review = record.reviewDue, record.state == .suspended { lines.append("  geschorst, herzien op: \(review)") }
        lines += measures.map { "    - \($0.text) (uiterlijk \($0.due?.iso ?? "-")\($0.doneAt == nil ? "" : ", gereed"))" }
        if let satisfaction {
            let answer = satisfaction.answer.map { "\($0.dutchLabel) (\(satisfaction.answeredAt.map { localTime($0, runtime) } ?? "?"))" }
                ?? (satisfaction.remindedAt == nil ? "nog geen antwoord" : "nog geen antwoord, herinnerd")
            lines.append("  tevredenheid:      gevraagd \(localTime(satisfaction.askedAt, runtime)); \(answer)")
        }
        if !formFields.isEmpty {
            lines += ["", "Formuliervelden:"]
            lines += formFields.map { "  \($0.label): \($0.value.replacingOccurrences(of: "\n", with: " / "))" }
        }
        lines += ["", "Gebeurtenissen:"]
        lines += events.map { event in
            let change = event.toState.map { " → \($0)" } ?? ""
            return "  \(localTime(event.at, runtime))  \(event.actor): \(event.action)\(change)" + (event.reason.map { " (\($0))" } ?? "")
        }
        lines += ["", "Berichten:"]
        lines += messages.map { message in
            let arrow = message.direction == .incoming ? "←" : "→"
            return "  \(localTime(message.at, runtime))  \(arrow) \(message.role.rawValue): \(message.subject ?? "")" + (message.verified ? "" : " [niet geverifieerd]")
        }
        lines += ["", "Uitgaande mail:"]
        lines += outbox.map { "  \($0.kind) → \($0.recipients.joined(separator: ", ")): \($0.state.rawValue)" + ($0.lastError.map { " (\($0))" } ?? "") }
        // Each line is one line: a newline or escape sequence inside a name, subject or reason is shown escaped.
        return lines.map { TerminalText.safe($0) }.joined(separator: "\n")
    }
}
