import CaseStore
import ComplaintCore
import Foundation
import MailFormat
import MailParser

/// Decides on every stored message that is still pending, a batch per transaction.
///
/// The raw bytes were committed before this runs; here the case's changes, the case's
/// messages, its events and its outgoing mails are written together, so a crash leaves
/// either nothing (the messages are still pending and are done again) or all of it.
/// Each message has a savepoint of its own inside the batch: one that fails rolls back
/// alone and is quarantined, the others commit. Batching spares a commit per message,
/// which was the largest single cost of a backlog.
public struct IntakeProcessor {
    let runtime: Runtime
    let store: CaseStore
    let interpreter: MessageInterpreter
    let renderer: MailRenderer
    /// The settings part of every decision's context; its word screens are folded once here, not once per message.
    let settingsContext: IntakeContext

    public init(runtime: Runtime, store: CaseStore) {
        self.runtime = runtime
        self.store = store
        interpreter = MessageInterpreter(formSenders: runtime.configuration.formSenders,
                                         extraLabels: runtime.configuration.formLabels,
                                         timeZone: TimeZone(identifier: runtime.configuration.organisation.timezone) ?? .current)
        renderer = MailRenderer(runtime: runtime, store: store)
        let configuration = runtime.configuration
        settingsContext = IntakeContext(
            organisation: OrganisationAddresses(
                mailbox: configuration.organisation.address, quality: configuration.organisation.quality,
                management: configuration.organisation.management, safeguarding: configuration.organisation.safeguarding + configuration.organisation.safeguardingDeputy,
                messageIDDomain: configuration.organisation.messageIDDomain, staff: configuration.organisation.staff),
            locations: configuration.locations, defaultRegime: configuration.defaultRegime,
            safeguardingScreen: SafeguardingScreen(extraWords: configuration.safeguardingWords),
            seriousScreen: WordScreen(entries: configuration.seriousWords))
    }

    /// Processes what is pending; returns how many messages were decided on.
    ///
    /// Reading a message (parsing, the form, what it says) is pure and takes about a third of
    /// the time, so the next batch is read on another thread while this one is decided and
    /// written here; the database stays on this thread alone.
    @discardableResult
    public func processPending() throws -> Int {
        var done = 0
        var batch = try nextBatch(after: 0)
        var readings = Self.read(batch, interpreter: interpreter, settings: settingsContext, maxBytes: runtime.configuration.maxMessageBytes)
        while let last = batch.last {
            let next = try nextBatch(after: last.id)
            let nextReadings = BackgroundWork { [interpreter, settingsContext, maxBytes = runtime.configuration.maxMessageBytes] in
                Self.read(next, interpreter: interpreter, settings: settingsContext, maxBytes: maxBytes)
            }
            var failed: [(RawMessageRecord, Error)] = []
            var decided: [String] = []
            do {
                try store.transaction {
                    for (record, reading) in zip(batch, readings) {
                        do {
                            if let line = try store.savepoint({ try process(record, reading: reading) }) { decided.append(line) }
                        } catch {
                            failed.append((record, error))
                        }
                    }
                }
            } catch {
                _ = nextReadings.result()
                throw error
            }
            for line in decided { runtime.logger.info(line) }
            // One message that cannot be handled must not block the ones behind it: it is
            // kept, set aside and reported. If even that fails, the store is in trouble and
            // the whole run stops, to be retried.
            for (record, error) in failed {
                do {
                    try store.transaction { try quarantine(record, reason: "processing failed: \(error)", now: runtime.clock.now()) }
                } catch {
                    _ = nextReadings.result()
                    throw error
                }
            }
            done += batch.count
            batch = next
            readings = nextReadings.result()
        }
        return done
    }

    static let batchSize = 100
    /// A batch also ends at this many bytes (past its first message): two batches are in
    /// memory at once (one decided, the next read), each with its parsed text and attachments,
    /// so 200 waiting 10 MB messages must not mean 100 of them at a time.
    static let batchBytes = 16 << 20

    /// The next pending messages after `id`, bounded by count and by bytes; those over the
    /// size limit come without their bytes.
    private func nextBatch(after id: Int64) throws -> [RawMessageRecord] {
        try store.pendingRawMessages(after: id, limit: Self.batchSize, maxBatchBytes: Self.batchBytes,
                                     maxMessageBytes: runtime.configuration.maxMessageBytes)
    }

    /// What a stored message says, read without the database: nil when it is too large to read.
    struct Reading: Sendable {
        let parsed: ParsedMessage
        let inbound: InboundMessage
        /// What a new case from it would be, in case the decision is to open one.
        let newCasePlan: NewCasePlan
    }

    static func read(_ records: [RawMessageRecord], interpreter: MessageInterpreter, settings: IntakeContext, maxBytes: Int) -> [Reading?] {
        records.map { record in
            guard record.size <= maxBytes, record.bytes.count <= maxBytes else { return nil }
            let parsed = MessageParser.parse(record.bytes)
            let inbound = interpreter.inbound(parsed, receivedAt: record.receivedAt, loopHeader: MessageComposer.loopHeader)
            return Reading(parsed: parsed, inbound: inbound, newCasePlan: IntakeDecider.newCasePlan(for: inbound, context: settings))
        }
    }

    /// Decides on one message inside the caller's transaction; returns the line to log once it is committed.
    func process(_ record: RawMessageRecord, reading: Reading?) throws -> String? {
        let now = runtime.clock.now()
        guard let reading else {  // no reading: too large to read
            try quarantine(record, reason: MessageSpool.reason(size: record.size, limit: runtime.configuration.maxMessageBytes), now: now)
            return nil
        }
        let parsed = reading.parsed
        if parsed.headers.isEmpty {
            try quarantine(record, reason: "not a mail message: no header fields could be read", now: now)
            return nil
        }
        var record = record
        record.messageID = parsed.messageID
        if let earlier = try store.earlierCopy(of: record) {
            try store.finishRaw(id: record.id, messageID: parsed.messageID, status: .duplicate,
                                caseID: try store.rawMessage(id: earlier)?.caseID, note: "copy of raw message \(earlier)")
            return "message \(record.id) is a copy of \(earlier); nothing to do"
        }
        let inbound = reading.inbound
        let context = try intakeContext(for: inbound, parsed: parsed)
        let (decision, unvouched) = UnvouchedSender.screen(IntakeDecider.decide(inbound, context: context, newCasePlan: reading.newCasePlan),
                                                           parsed: parsed, sender: inbound.from?.address,
                                                           settings: runtime.configuration.authentication)
        let applier = DecisionApplier(runtime: runtime, store: store, renderer: renderer, now: now)
        let caseID = try applier.apply(decision, message: inbound, parsed: parsed, rawID: record.id)
        if let caseID, let root = parsed.threadIndexRoot {
            try store.recordThreadRoot(root, caseID: caseID, now: now)
        }
        if let unvouched, let caseID {
            try store.appendEvent(caseID: caseID, actor: "klachtd", action: "no automatic reply", from: nil, to: nil,
                                  reason: "the sender may be forged: \(unvouched)", rawMessageID: record.id, now: now)
        }
        // Ignored messages are listed (`klachtd quarantine`, `status`, the weekly digest), never silently dropped.
        let status: RawMessageStatus = if case .ignore = decision { .ignored } else { .processed }
        try store.finishRaw(id: record.id, messageID: parsed.messageID, status: status, caseID: caseID, note: decision.summary)
        return "message \(record.id): \(decision.summary)"
    }

    /// Sets a message aside, inside the caller's transaction, and queues the notice about it.
    func quarantine(_ record: RawMessageRecord, reason: String, now: Date) throws {
        try store.finishRaw(id: record.id, status: .quarantined, caseID: nil, note: reason)
        try announceQuarantine(id: record.id, receivedAt: record.receivedAt, size: record.size, reason: reason, now: now)
    }

    /// The event, the notice to the quality staff and the log line for a message set aside,
    /// inside the caller's transaction (also for one stored already quarantined, too large to read).
    func announceQuarantine(id: Int64, receivedAt: Date, size: Int, reason: String, now: Date) throws {
        let record = (id: id, receivedAt: receivedAt, size: size)
        try store.appendEvent(caseID: nil, actor: "klachtd", action: "quarantine", from: nil, to: nil,
                              reason: "raw message \(record.id): \(reason)", rawMessageID: record.id, now: now)
        try renderer.enqueueNotice(.quarantineNotice, values: ["quarantine": [
            "id": .string(String(record.id)), "received": .string(Timestamp.string(record.receivedAt)),
            "size": .string(String(record.size)), "reason": .string(reason),
        ]])
        runtime.logger.warning("message \(record.id) quarantined: \(reason)")
    }

    /// The lookups the pure decision needs: the thread's case and the cases named in the subject.
    private func intakeContext(for message: InboundMessage, parsed: ParsedMessage) throws -> IntakeContext {
        // Outlook's Thread-Index ties a reply to its conversation when In-Reply-To is missing.
        let thread = try store.caseForThread(messageIDs: message.threadIDs)
            ?? parsed.threadIndexRoot.flatMap { try store.caseForThreadRoot($0) }
        let tagged = try CaseReference.tags(in: message.subject ?? "").compactMap { try store.caseRecord(reference: $0) }
        let addressing = StaffAddressing(runtime: runtime, store: store)
        let staff = try addressing.evidence(for: parsed, sender: message.from?.address)
        var context = settingsContext
        context.threadCase = thread?.snapshot
        context.taggedCases = tagged.map(\.snapshot)
        context.addressedCase = staff.addressed?.snapshot
        context.senderEvidence = staff.evidence
        context.deskEvidence = addressing.deskEvidence(for: parsed, sender: message.from?.address)
        return context
    }
}

extension IntakeDecision {
    /// One line for the log and the raw message's note: no personal data.
    var summary: String {
        switch self {
        case .ignore(let reason, let caseID): "ignored: \(reason)" + (caseID.map { " (kept on case \($0))" } ?? "")
        case .newCase(let plan): "new \(plan.kind.rawValue) case, state \(plan.initialState.rawValue)"
            + (plan.flags.isEmpty ? "" : ", flags " + plan.flags.map(\.rawValue).joined(separator: ","))
        case .followUp(let plan): "follow-up from the \(plan.role.rawValue) on case \(plan.caseID)"
        case .staffMessage(let plan): "message from the \(plan.role.rawValue) on case \(plan.caseID)"
            + (plan.script.hasCommands ? " with \(plan.script.commands.count) command(s)" : "")
        case .unverified(let plan): "unverified message on case \(plan.caseID) kept; nothing changed"
        case .keptForQuality(let reason): "no case: \(reason); kept and shown to the quality staff"
        case .staffDesk(let plan): "desk command from the \(plan.role.rawValue)"
        }
    }
}
