import Foundation

/// Reads the arguments of the commands that record what happened outside klachtd's mail:
/// `#contact [DATE] HOW`, `#klachtenloket DATE`, `#geschil DATE`, `#uitspraak OUTCOME DATE`.
enum ProcedureArguments {
    struct Problem: Error { let text: String }

    static func command(_ word: CommandVocabulary.Word, _ argument: String) -> Result<HandlerCommand, Problem> {
        switch word {
        case .contact: return contact(argument)
        case .referral: return date(argument, word: "#klachtenloket").map(HandlerCommand.referral)
        case .dispute: return date(argument, word: "#geschil").map(HandlerCommand.dispute)
        case .ruling: return ruling(argument)
        default: return .failure(Problem(text: "#\(word.rawValue) is hier onbekend"))
        }
    }

    /// A date at the start of the argument (`2026-07-01 geen contact`), and the rest.
    static func leadingDate(_ argument: String) -> (LocalDate?, String) {
        let words = argument.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first, let date = calendarDate(first) else { return (nil, argument) }
        return (date, words.dropFirst().joined(separator: " "))
    }

    /// `2026-07-01`, `1-7-2026`, `1/7/2026`, `1.7.2026`.
    static func calendarDate(_ word: String) -> LocalDate? {
        if case .date(let date)? = TermSpecParser.parse(word) { return date }
        return nil
    }

    private static func contact(_ argument: String) -> Result<HandlerCommand, Problem> {
        let (date, rest) = leadingDate(argument)
        let how = rest.split(separator: " ").first.map(String.init) ?? ""
        guard let method = ContactMethod.parse(how) else {
            return .failure(Problem(text: "#contact '\(argument)': schrijf hoe, bv. '#contact telefonisch' of "
                                    + "'#contact 2026-05-06 gesprek' (telefonisch, gesprek of mail)"))
        }
        return .success(.contact(date: date, method: method))
    }

    private static func date(_ argument: String, word: String) -> Result<LocalDate, Problem> {
        guard let date = calendarDate(argument.trimmingCharacters(in: .whitespaces)) else {
            return .failure(Problem(text: "\(word) '\(argument)' is geen datum; schrijf bv. '\(word) 2026-07-01' of '\(word) 1-7-2026'"))
        }
        return .success(date)
    }

    /// `gegrond 2026-09-01`, `deels gegrond 1-9-2026`: the outcome, then the date of the ruling.
    private static func ruling(_ argument: String) -> Result<HandlerCommand, Problem> {
        var words = argument.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let usage = "schrijf bv. '#uitspraak ongegrond 2026-09-01' (gegrond, deels-gegrond, ongegrond, ingetrokken of schikking)"
        guard let last = words.last, let date = calendarDate(last) else {
            return .failure(Problem(text: "#uitspraak '\(argument)' mist de datum van de uitspraak; \(usage)"))
        }
        words.removeLast()
        guard let outcome = RulingOutcome(word: words.joined(separator: "-")) else {
            return .failure(Problem(text: "#uitspraak '\(argument)' heeft geen bekende uitkomst; \(usage)"))
        }
        return .success(.ruling(outcome, date))
    }
}
