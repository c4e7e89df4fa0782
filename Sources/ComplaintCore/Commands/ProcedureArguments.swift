import Foundation

/// Reads the arguments of the commands that record what happened outside klachtd's mail:
/// `#contact [DATE] HOW`, `#klachtenloket DATE`, `#geschil DATE`, `#uitspraak OUTCOME DATE`.
enum ProcedureArguments {
    typealias Problem = CommandProblem

    static func command(_ word: CommandVocabulary.Word, _ argument: String) -> Result<HandlerCommand, Problem> {
        switch word {
        case .contact: return contact(argument)
        case .referral: return date(argument, word: word).map(HandlerCommand.referral)
        case .dispute: return date(argument, word: word).map(HandlerCommand.dispute)
        case .ruling: return ruling(argument)
        default: return .failure(Problem("#\(word.rawValue) is hier onbekend", english: "#\(word.english) is unknown here"))
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
            return .failure(Problem("#contact '\(argument)': schrijf hoe, bv. '#contact telefonisch' of "
                                    + "'#contact 2026-05-06 gesprek' (telefonisch, gesprek of mail)",
                                    english: "#contact '\(argument)': write how, e.g. '#contact phone' or "
                                    + "'#contact 2026-05-06 meeting' (phone, meeting or mail)"))
        }
        return .success(.contact(date: date, method: method))
    }

    private static func date(_ argument: String, word: CommandVocabulary.Word) -> Result<LocalDate, Problem> {
        guard let date = calendarDate(argument.trimmingCharacters(in: .whitespaces)) else {
            let dutch = "#" + word.rawValue, english = "#" + word.english
            return .failure(Problem("\(dutch) '\(argument)' is geen datum; schrijf bv. '\(dutch) 2026-07-01' of '\(dutch) 1-7-2026'",
                                    english: "\(english) '\(argument)' is not a date; write e.g. '\(english) 2026-07-01' or '\(english) 1-7-2026'"))
        }
        return .success(date)
    }

    /// `gegrond 2026-09-01`, `deels gegrond 1-9-2026`: the outcome, then the date of the ruling.
    private static func ruling(_ argument: String) -> Result<HandlerCommand, Problem> {
        var words = argument.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let usage = "schrijf bv. '#uitspraak ongegrond 2026-09-01' (gegrond, deels-gegrond, ongegrond, ingetrokken of schikking)"
        let usageEnglish = "write e.g. '#ruling unfounded 2026-09-01' (upheld, partly-upheld, unfounded, withdrawn or settlement)"
        guard let last = words.last, let date = calendarDate(last) else {
            return .failure(Problem("#uitspraak '\(argument)' mist de datum van de uitspraak; \(usage)",
                                    english: "#ruling '\(argument)' needs the date of the ruling; \(usageEnglish)"))
        }
        words.removeLast()
        guard let outcome = RulingOutcome(word: words.joined(separator: "-")) else {
            return .failure(Problem("#uitspraak '\(argument)' heeft geen bekende uitkomst; \(usage)",
                                    english: "#ruling '\(argument)' has no known outcome; \(usageEnglish)"))
        }
        return .success(.ruling(outcome, date))
    }
}
