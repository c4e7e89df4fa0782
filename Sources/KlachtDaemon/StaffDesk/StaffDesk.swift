import CaseStore
import ComplaintCore
import Foundation
import MailFormat
import MailParser
import MailTemplates

/// Carries out a verified desk command from the quality staff or management, inside intake's
/// transaction, and answers the sender only (never another address: the sender verified).
///
/// Adding a command: a case in `StaffCommand` (ComplaintCore) and one function here, called
/// from `run`'s switch. Each function returns the reply's template name and values, and the
/// case it opened, if any.
struct StaffDesk {
    let runtime: Runtime
    let store: CaseStore
    let renderer: MailRenderer
    let now: Date

    /// A reply: the template (with `NAME-html` as its HTML version when it exists), its values, files.
    struct Reply {
        var template: TemplateName
        var values: MailRenderer.Extra
        var attachments: [OutgoingAttachment] = []
        var openedCase: Int64? = nil
    }

    /// Returns the case a command opened (`#nieuw`, `#namens`), else nil.
    func run(_ plan: StaffDeskPlan, message: InboundMessage, parsed: ParsedMessage, rawID: Int64) throws -> Int64? {
        let reply: Reply
        switch plan.reading {
        case .problem(let problem):
            reply = Reply(template: .deskProblem, values: ["desk": .object(["problem": .string(problem)])])
        case .command(let command):
            do {
                switch command {
                case .help: reply = help()
                case .cases(let filter): reply = try cases(filter)
                case .caseFile(let reference): reply = try caseFile(reference)
                case .register(let registration): reply = try register(registration, plan: plan, message: message, parsed: parsed, rawID: rawID)
                case .onBehalf: reply = try onBehalf(plan: plan, message: message, parsed: parsed, rawID: rawID)
                case .annualReport(let year): reply = try annualReport(year)
                case .quarterlyOverview(let quarter): reply = try quarterlyOverview(quarter)
                case .reportRound(let text): reply = try reportRound(text, sender: plan.sender)
                }
            } catch let refusal as DeskRefusal {
                reply = Reply(template: .deskProblem, values: ["desk": .object(["problem": .string(refusal.text)])])
            }
        }
        try store.appendEvent(caseID: reply.openedCase, actor: plan.sender, action: "desk command",
                              from: nil, to: nil, reason: Self.summary(plan.reading), rawMessageID: rawID, now: now)
        var values = reply.values
        values["request"] = .object(["subject": .string(message.subject ?? "")])
        try renderer.enqueueStaffMail(reply.template, values: values, kind: OutboxKind(reply.template), to: [plan.sender],
                                      attachments: reply.attachments)
        return reply.openedCase
    }

    /// A command that cannot be carried out as asked (an unknown case, a meldcode case): the sender is told why.
    struct DeskRefusal: Error { let text: String }

    /// The event's reason: what was asked, without personal data.
    static func summary(_ reading: StaffCommandParser.Reading) -> String {
        switch reading {
        case .problem: "not understood"
        case .command(.help): "#help"
        case .command(.cases(let filter)): "#zaken \(filter.dutchLabel)"
        case .command(.caseFile(let reference)): "#zaak \(reference)"
        case .command(.register): "#nieuw"
        case .command(.onBehalf): "#namens"
        case .command(.annualReport(let year)): "#jaarverslag \(year)"
        case .command(.quarterlyOverview(let quarter)): "#kwartaal \(quarter)"
        case .command(.reportRound): "#jaarverslag-verzonden or #oudercommissie"
        }
    }

    func help() -> Reply {
        Reply(template: .deskHelp, values: ["desk": .object(["address": .string(runtime.configuration.organisation.address)])])
    }

    /// The words inside the desk's mails, in the organisation's language.
    var words: DeskWords { DeskWords(english: runtime.templates.language == "en") }

    /// Dates as the staff mails write them.
    func dateText(_ date: LocalDate) -> String { DateWording.format(date, english: words.english) }
    func momentText(_ date: Date) -> String { CivilText.sortable(date, runtime.civil) }
}
