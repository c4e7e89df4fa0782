import ComplaintCore
import Foundation

/// A new case's facts, before it has an id.
public struct NewCaseRecord: Sendable {
    public var state: CaseState
    public var kind: MessageKind
    public var regime: Regime
    public var receivedAt: Date
    public var complainantName: String?
    public var complainantAddress: String?
    public var complainantMessageID: String?
    public var location: String?
    public var handler: String?
    public var subject: String?
    public var flags: [CaseFlag]
    public var acknowledgementDue, firstContactDue, solutionTargetDue, decisionDue, gckWindowEnd: LocalDate?

    public init(state: CaseState, kind: MessageKind, regime: Regime, receivedAt: Date, complainantName: String?,
                complainantAddress: String?, complainantMessageID: String?, location: String?, handler: String?,
                subject: String?, flags: [CaseFlag], acknowledgementDue: LocalDate? = nil, firstContactDue: LocalDate? = nil,
                solutionTargetDue: LocalDate? = nil, decisionDue: LocalDate? = nil, gckWindowEnd: LocalDate? = nil) {
        self.state = state
        self.kind = kind
        self.regime = regime
        self.receivedAt = receivedAt
        self.complainantName = complainantName
        self.complainantAddress = complainantAddress
        self.complainantMessageID = complainantMessageID
        self.location = location
        self.handler = handler
        self.subject = subject
        self.flags = flags
        self.acknowledgementDue = acknowledgementDue
        self.firstContactDue = firstContactDue
        self.solutionTargetDue = solutionTargetDue
        self.decisionDue = decisionDue
        self.gckWindowEnd = gckWindowEnd
    }
}

extension CaseStore {
    /// The next `KL-YYYY-NNNN` for the year of receipt; call inside the case's transaction.
    public func nextReference(year: Int) throws -> CaseReference {
        let number = try db.queryOne("""
            INSERT INTO reference_counters (year, last_number) VALUES (?, 1)
            ON CONFLICT(year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number
            """, [.int(year)])?.int("last_number") ?? 1
        return CaseReference(year: year, number: Int(number))
    }

    public func insertCase(_ new: NewCaseRecord, reference: CaseReference, now: Date) throws -> Int64 {
        let stamp = Timestamp.string(now)
        try db.query("""
            INSERT INTO cases (reference, state, kind, regime, received_at, complainant_name, complainant_address,
              complainant_message_id, location, handler, subject, flags, acknowledgement_due, first_contact_due,
              solution_target_due, decision_due, gck_window_end, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(reference.description), .text(new.state.rawValue), .text(new.kind.rawValue), .text(new.regime.rawValue),
                  .text(Timestamp.string(new.receivedAt)), .optional(new.complainantName), .optional(new.complainantAddress),
                  .optional(new.complainantMessageID), .optional(new.location), .optional(new.handler), .optional(new.subject),
                  .text(Self.storedFlags(new.flags)), .optional(new.acknowledgementDue?.iso), .optional(new.firstContactDue?.iso),
                  .optional(new.solutionTargetDue?.iso), .optional(new.decisionDue?.iso), .optional(new.gckWindowEnd?.iso), .text(stamp), .text(stamp)])
        return db.lastInsertRowID
    }

    public func caseRecord(id: Int64) throws -> Case? {
        try db.queryOne("SELECT * FROM cases WHERE id = ?", [.integer(id)]).flatMap(Self.caseRecord)
    }

    public func caseRecord(reference: CaseReference) throws -> Case? {
        try db.queryOne("SELECT * FROM cases WHERE reference = ?", [.text(reference.description)]).flatMap(Self.caseRecord)
    }

    /// Every case, newest first; `openOnly` leaves out closed, withdrawn and not-a-complaint.
    public func allCases(openOnly: Bool = false) throws -> [Case] {
        guard openOnly else { return try db.query("SELECT * FROM cases ORDER BY received_at DESC, id DESC").compactMap(Self.caseRecord) }
        // Through the state index: the open cases only, not ten years of closed ones.
        return try db.query("SELECT * FROM cases WHERE \(Self.openStateTest) ORDER BY received_at DESC, id DESC", Self.openStateValues)
            .compactMap(Self.caseRecord)
    }

    /// The case a reply belongs to: one of its messages (ours or the parent's) has one of these ids.
    public func caseForThread(messageIDs: [String]) throws -> Case? {
        for id in messageIDs.reversed() where !id.isEmpty {
            if let row = try db.queryOne("""
                SELECT case_id FROM case_messages WHERE message_id = ? AND case_id IS NOT NULL
                UNION ALL SELECT case_id FROM outbox WHERE message_id = ? AND case_id IS NOT NULL LIMIT 1
                """, [.text(id), .text(id)]), let caseID = row.int("case_id") {
                return try caseRecord(id: caseID)
            }
        }
        return nil
    }

    /// Moves a case to a new state and records who did it and why, in the append-only log.
    public func changeState(caseID: Int64, from: CaseState, to: CaseState, actor: String, action: String,
                            reason: String?, rawMessageID: Int64?, now: Date) throws {
        try db.query("UPDATE cases SET state = ?, updated_at = ?, closed_at = CASE WHEN ? THEN ? ELSE closed_at END WHERE id = ?",
                     [.text(to.rawValue), .text(Timestamp.string(now)), .int(to.isOpen ? 0 : 1), .text(Timestamp.string(now)), .integer(caseID)])
        try appendEvent(caseID: caseID, actor: actor, action: action, from: from, to: to, reason: reason, rawMessageID: rawMessageID, now: now)
    }

    /// Sets one column of a case (handler, location, outcome, ...) and records it.
    public func updateCase(caseID: Int64, column: CaseColumn, value: String?, actor: String, reason: String?, rawMessageID: Int64?, now: Date) throws {
        try db.query("UPDATE cases SET \(column.rawValue) = ?, updated_at = ? WHERE id = ?",
                     [.optional(value), .text(Timestamp.string(now)), .integer(caseID)])
        try appendEvent(caseID: caseID, actor: actor, action: "set \(column.rawValue)", from: nil, to: nil,
                        reason: [value.map { "= \($0)" }, reason].compactMap { $0 }.joined(separator: "; "), rawMessageID: rawMessageID, now: now)
    }

    /// Whether `updateCase` ever set `column` of the case (its event is in the log).
    public func wasUpdated(caseID: Int64, column: CaseColumn) throws -> Bool {
        try db.queryOne("SELECT 1 AS found FROM events WHERE case_id = ? AND action = ? LIMIT 1",
                        [.integer(caseID), .text("set \(column.rawValue)")]) != nil
    }

    /// Starts or stops a complaint's clocks at once (a case reclassified with `#soort`): the
    /// first-contact, solution, decision and Geschillencommissie dates, nil to clear them.
    public func setComplaintTerms(caseID: Int64, firstContactDue: LocalDate?, solutionTargetDue: LocalDate?, decisionDue: LocalDate?,
                                  gckWindowEnd: LocalDate?, actor: String, reason: String, rawMessageID: Int64?, now: Date) throws {
        try db.query("""
            UPDATE cases SET first_contact_due = ?, solution_target_due = ?, decision_due = ?, gck_window_end = ?, updated_at = ?
            WHERE id = ?
            """, [.optional(firstContactDue?.iso), .optional(solutionTargetDue?.iso), .optional(decisionDue?.iso), .optional(gckWindowEnd?.iso),
                  .text(Timestamp.string(now)), .integer(caseID)])
        try appendEvent(caseID: caseID, actor: actor, action: "terms \(decisionDue == nil ? "stopped" : "started")", from: nil, to: nil,
                        reason: reason, rawMessageID: rawMessageID, now: now)
    }

    public func saveFormFields(caseID: Int64, fields: [(label: String, value: String)]) throws {
        for (position, field) in fields.enumerated() {
            try db.query("INSERT INTO form_fields (case_id, position, label, value) VALUES (?, ?, ?, ?)",
                         [.integer(caseID), .int(position), .text(field.label), .text(field.value)])
        }
    }

    public func formFields(caseID: Int64) throws -> [(label: String, value: String)] {
        try db.query("SELECT label, value FROM form_fields WHERE case_id = ? ORDER BY position", [.integer(caseID)])
            .map { ($0.string("label") ?? "", $0.string("value") ?? "") }
    }

    /// The one place a `cases` row becomes a `Case`: every read of a case goes through here,
    /// so the cells' text (ISO dates, the comma list of flags) is parsed once, at the store's edge.
    static func caseRecord(_ row: Row) -> Case? {
        guard let id = row.int("id"), let reference = row.string("reference").flatMap({ CaseReference($0) }),
              let state = row.string("state").flatMap(CaseState.init(rawValue:)),
              let kind = row.string("kind").flatMap(MessageKind.init(rawValue:)),
              let regime = row.string("regime").flatMap(Regime.init(rawValue:)),
              let received = Timestamp.date(row.string("received_at")) else { return nil }
        // Terms are written as `LocalDate.iso`; a cell that is not one reads as no term.
        func day(_ column: String) -> LocalDate? { row.string(column).flatMap(LocalDate.init(iso:)) }
        return Case(
            id: id, reference: reference, state: state, kind: kind, regime: regime, receivedAt: received,
            complainantName: row.string("complainant_name"), complainantAddress: row.string("complainant_address"),
            complainantMessageID: row.string("complainant_message_id"), location: row.string("location"),
            handler: row.string("handler"), subject: row.string("subject"), category: row.string("category"),
            outcome: row.string("outcome"), flags: Self.flags(stored: row.string("flags")),
            acknowledgementDue: day("acknowledgement_due"), firstContactDue: day("first_contact_due"),
            solutionTargetDue: day("solution_target_due"), decisionDue: day("decision_due"),
            gckWindowEnd: day("gck_window_end"), measuresDue: day("measures_due"),
            closedAt: Timestamp.date(row.string("closed_at")), reviewDue: day("review_due"))
    }
}

/// The case columns that commands may change one at a time.
public enum CaseColumn: String, Sendable {
    case handler, location, category, outcome, kind, flags
    case complainantAddress = "complainant_address"
    /// A complaint registered without an e-mail address (`#nieuw`) still has the parent's name.
    case complainantName = "complainant_name"
    case decisionDue = "decision_due"
    case measuresDue = "measures_due"
    case acknowledgementDue = "acknowledgement_due"
    case firstContactDue = "first_contact_due"
    case solutionTargetDue = "solution_target_due"
    case gckWindowEnd = "gck_window_end"
    case reviewDue = "review_due"
}
