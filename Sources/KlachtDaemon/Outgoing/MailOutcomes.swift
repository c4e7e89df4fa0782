import CaseStore
import ComplaintCore
import Foundation

/// What really became of the mails an action made, read back from the outbox and the case's
/// events: sent, queued (and why not sent yet), held (and why), failed, or not sent at all.
/// A confirmation printed or mailed from this never claims more than happened.
public struct MailOutcomes: Sendable {
    /// Where the outbox and the case's events stood before the action.
    public struct Mark: Sendable {
        var outboxID: Int64
        var events: Int
    }

    public struct Outcome: Sendable, Equatable {
        /// The outbox kind; for a mail withheld before the outbox, the name of its template (the same text).
        public var kind: OutboxKind
        public var recipients: [String]
        /// Where the mail stands in the outbox; nil when it was withheld and never queued.
        public var state: OutboxState?
        public var detail: String?
    }

    public static func mark(_ store: CaseStore, caseID: Int64) throws -> Mark {
        Mark(outboxID: try store.lastOutboxID(), events: try store.events(caseID: caseID).count)
    }

    /// The case's mails since `mark`; the quality staff's notices are left out (see `staffTold`).
    public static func since(_ mark: Mark, store: CaseStore, caseID: Int64) throws -> [Outcome] {
        var outcomes = try store.outbox(caseID: caseID, after: mark.outboxID).filter { $0.kind != .systemNotice }.map {
            Outcome(kind: $0.kind, recipients: $0.recipients, state: $0.state, detail: $0.lastError)
        }
        for event in try store.events(caseID: caseID).dropFirst(mark.events) where event.action == "mail withheld" {
            let parts = (event.reason ?? "").split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            outcomes.append(Outcome(kind: OutboxKind(rawValue: parts.first ?? "mail"), recipients: [], state: nil, detail: parts.count > 1 ? parts[1] : nil))
        }
        return outcomes
    }

    /// Whether the quality staff were sent a notice about the case since `mark`.
    public static func staffTold(_ mark: Mark, store: CaseStore, caseID: Int64) throws -> Bool {
        try store.outbox(caseID: caseID, after: mark.outboxID).contains { $0.kind == .systemNotice }
    }

    /// A mail the limit on new addresses holds (`FirstContactLimit`) has no reason of its own: it goes by itself.
    static let limitHeld = "held by the limit on automatic mail to new addresses; it goes out by itself when the limit allows"

    /// One English line for an outbox mail, for the command line.
    public static func line(_ mail: OutboxRecord) -> String {
        line(Outcome(kind: mail.kind, recipients: mail.recipients, state: mail.state, detail: mail.lastError))
    }

    /// One English line per mail, for the command line.
    public static func line(_ outcome: Outcome) -> String {
        let to = outcome.recipients.isEmpty ? "" : " → " + outcome.recipients.joined(separator: ", ")
        let state: String
        switch outcome.state {
        case .sent: state = "sent"
        case .queued: state = "queued, not sent yet" + (outcome.detail.map { " (the mail server: \($0))" } ?? "")
            + "; the running daemon sends it"
        case .sending: state = "being sent"
        case .held: state = outcome.detail.map { "HELD, NOT SENT: \($0)" } ?? Self.limitHeld
        case nil: state = "NOT SENT: \(outcome.detail ?? "")"
        case .failed: state = "FAILED: \(outcome.detail ?? "")"
        case let other?: state = other.rawValue + (outcome.detail.map { " (\($0))" } ?? "")
        }
        return "\(outcome.kind)\(to): \(state)"
    }

    /// One Dutch line per mail that did not go out as asked, for a reply to the handler; empty when all is well.
    public static func dutchProblems(_ outcomes: [Outcome]) -> [String] {
        outcomes.compactMap { outcome in
            let letter = MailRenderer.letterName(TemplateName(rawValue: outcome.kind.rawValue))
            switch outcome.state {
            case .held where outcome.detail == nil: return "De \(letter) wacht op de grens voor automatische berichten aan nieuwe adressen en gaat daarna vanzelf."
            case .held: return "De \(letter) is vastgehouden en niet verstuurd: \(outcome.detail ?? "")."
            case nil: return "Het bericht (\(letter)) is niet verstuurd: \(outcome.detail ?? "")."
            case .failed: return "De \(letter) kon niet worden verstuurd: \(outcome.detail ?? "")."
            default: return nil
            }
        }
    }
}
