import CaseStore
import ComplaintCore
import Foundation

/// A report text (`#jaarverslag TEXT`, `klachtd case REF report-text`) is published to every
/// parent and the GGD, and it outlives the retention purge: it may not hold an e-mail address,
/// a telephone number, the complainant's name or the name of a handler in the configuration.
///
/// It cannot know every name (a child's, a colleague's first name): the draft report shows the
/// texts to the quality staff before publication. This catches what the system does know.
struct ReportTextGuard {
    /// Folded name words (" sanne ", " vries ") and whose name they are (`parent`, `handler`), for the refusal.
    private let names: [(word: String, whose: String)]

    /// Particles of Dutch surnames and short words: never a name on their own.
    private static let particles: Set<String> = ["van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "el", "al", "la", "le", "du", "da", "di", "von"]

    init(runtime: Runtime, record: Case) {
        var names: [(String, String)] = []
        func add(_ name: String?, _ whose: String) {
            for word in FoldedText(name ?? "").value.split(separator: " ") where word.count >= 3 && !Self.particles.contains(String(word)) {
                names.append((" \(word) ", whose))
            }
        }
        add(record.complainantName, "parent")
        for location in runtime.configuration.locations { add(location.handlerName, "handler") }
        self.names = names
    }

    /// Why the report text in `plan` may not be stored; nil when there is none or it is fine.
    func problem(in plan: CommandPlan) -> CommandProblem? {
        for change in plan.changes {
            guard case .annualSummary(let text) = change else { continue }
            if let problem = problem(in: text) {
                return CommandProblem("#jaarverslag: de tekst \(problem.dutch); het jaarverslag gaat naar alle ouders en de GGD en "
                                      + "noemt geen namen, e-mailadressen of telefoonnummers. Schrijf het zonder en stuur het opnieuw.",
                                      english: "#annual-report: the text \(problem.english); the annual report goes to all parents and "
                                      + "the GGD and names no names, e-mail addresses or telephone numbers. Write it without and send it again.")
            }
        }
        return nil
    }

    func problem(in text: String) -> CommandProblem? {
        if text.range(of: #"[^\s@]+@[^\s@]+\.[^\s@]+"#, options: .regularExpression) != nil {
            return CommandProblem("bevat een e-mailadres", english: "holds an e-mail address")
        }
        if let match = text.range(of: #"(\+31|0)[\s-]?[0-9][0-9\s-]{7,}[0-9]"#, options: .regularExpression),
           text[match].filter(\.isNumber).count >= 9 {
            return CommandProblem("bevat een telefoonnummer", english: "holds a telephone number")
        }
        let folded = FoldedText(text).value
        if let name = names.first(where: { folded.contains($0.word) }) {
            let word = name.word.trimmingCharacters(in: .whitespaces)
            return name.whose == "parent"
                ? CommandProblem("noemt '\(word)' (de naam van de ouder)", english: "names '\(word)' (the parent's name)")
                : CommandProblem("noemt '\(word)' (de naam van een behandelaar)", english: "names '\(word)' (a handler's name)")
        }
        return nil
    }
}
