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
    /// Folded name words (" sanne ", " vries ") and what they are, for the refusal.
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
        add(record.complainantName, "de naam van de ouder")
        for location in runtime.configuration.locations { add(location.handlerName, "de naam van een behandelaar") }
        self.names = names
    }

    /// Why the report text in `plan` may not be stored; nil when there is none or it is fine.
    func problem(in plan: CommandPlan) -> String? {
        for change in plan.changes {
            guard case .annualSummary(let text) = change else { continue }
            if let problem = problem(in: text) {
                return "#jaarverslag: de tekst \(problem); het jaarverslag gaat naar alle ouders en de GGD en noemt geen namen, "
                    + "e-mailadressen of telefoonnummers. Schrijf het zonder en stuur het opnieuw."
            }
        }
        return nil
    }

    func problem(in text: String) -> String? {
        if text.range(of: #"[^\s@]+@[^\s@]+\.[^\s@]+"#, options: .regularExpression) != nil { return "bevat een e-mailadres" }
        if let match = text.range(of: #"(\+31|0)[\s-]?[0-9][0-9\s-]{7,}[0-9]"#, options: .regularExpression),
           text[match].filter(\.isNumber).count >= 9 {
            return "bevat een telefoonnummer"
        }
        let folded = FoldedText(text).value
        if let name = names.first(where: { folded.contains($0.word) }) {
            return "noemt '\(name.word.trimmingCharacters(in: .whitespaces))' (\(name.whose))"
        }
        return nil
    }
}
