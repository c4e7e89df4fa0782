import CaseStore
import ComplaintCore
import Foundation

/// Records the annual report round's dates: from the command line (`klachtd report-cycle`)
/// and from a staff mail's `#jaarverslag-verzonden DATE` / `#oudercommissie DATE`.
///
/// The mail path without a case belongs to the staff command dispatcher (issue 20, d-desk):
/// it calls `handle(text:actor:now:)` for an authenticated quality officer's mail and puts
/// `errors` and `confirmations` in its reply. Nothing here authenticates anyone.
public struct ReportCycleRecorder {
    let runtime: Runtime
    let store: CaseStore

    public init(runtime: Runtime, store: CaseStore) {
        self.runtime = runtime
        self.store = store
    }

    /// What `handle` did: nothing when the text held no round command.
    public struct Outcome: Sendable, Equatable {
        public var handled: Bool
        public var errors: [CommandProblem]
        /// One Dutch sentence per date recorded, for the reply.
        public var confirmations: [String]
    }

    /// Reads the round's commands at the top of `text` and records them (all, or with errors none), in one transaction.
    public func handle(text: String, actor: String, now: Date) throws -> Outcome {
        let today = runtime.civil.localDate(of: now)
        let (commands, errors) = ReportCycleCommands.parse(text, today: today)
        guard !commands.isEmpty || !errors.isEmpty else { return Outcome(handled: false, errors: [], confirmations: []) }
        guard errors.isEmpty else { return Outcome(handled: true, errors: errors, confirmations: []) }
        let confirmations = try store.transaction { try commands.map { try record($0, actor: actor, now: now) } }
        return Outcome(handled: true, errors: [], confirmations: confirmations)
    }

    /// Records one date; returns the sentence that confirms it, in Dutch or in English.
    @discardableResult
    public func record(_ command: ReportCycleCommand, actor: String, now: Date, english: Bool = false) throws -> String {
        switch command {
        case .sentToGGD(let year, let date):
            try store.recordReportCycle(year: year, .sentToGGD, date: date, actor: actor, now: now)
            runtime.logger.info("report cycle \(year): sent to the GGD on \(date.iso) (\(actor))")
            let day = DateWording.format(date, english: english)
            return english ? "The annual report \(year) was sent to the GGD on \(day)." : "Het jaarverslag \(year) is op \(day) naar de GGD gestuurd."
        case .oudercommissie(let year, let date):
            try store.recordReportCycle(year: year, .oudercommissie, date: date, actor: actor, now: now)
            runtime.logger.info("report cycle \(year): discussed with the oudercommissie on \(date.iso) (\(actor))")
            let day = DateWording.format(date, english: english)
            return english ? "The annual report \(year) was discussed with the parent committee on \(day)."
                : "Het jaarverslag \(year) is op \(day) met de oudercommissie besproken."
        }
    }
}
