import Foundation

/// The commands at the top of a reply and the text below them.
public struct CommandScript: Sendable, Equatable {
    public var commands: [HandlerCommand]
    /// The message text under the commands: the parent's answer, or the judgement's reasoning.
    public var body: String
    /// What could not be read, one sentence per problem; any error means nothing is done.
    public var errors: [CommandProblem]

    public init(commands: [HandlerCommand] = [], body: String = "", errors: [CommandProblem] = []) {
        self.commands = commands
        self.body = body
        self.errors = errors
    }

    /// True when the reply starts with at least one `#` line, readable or not.
    public var hasCommands: Bool { !commands.isEmpty || !errors.isEmpty }
}

/// Reads the `#` lines at the top of a reply's new text (quoted history already removed).
///
/// Only the top counts: a command further down, or inside the quoted history, is text.
public enum CommandParser {
    public static func parse(_ replyText: String) -> CommandScript {
        let lines = replyText.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        var script = CommandScript()
        var lead: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if line.isEmpty { index += 1; continue }
            guard line.hasPrefix("#") else { break }
            read(line, into: &script, lead: &lead)
            index += 1
        }
        let rest = lines[index...].joined(separator: "\n")
        script.body = (lead + [rest]).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return script
    }

    private static func read(_ line: String, into script: inout CommandScript, lead: inout [String]) {
        let content = line.dropFirst()
        let wordEnd = content.firstIndex { $0 == " " || $0 == ":" || $0 == "\t" } ?? content.endIndex
        let name = content[..<wordEnd].lowercased()
        var argument = String(content[wordEnd...]).trimmingCharacters(in: .whitespaces)
        if argument.hasPrefix(":") { argument = String(argument.dropFirst()).trimmingCharacters(in: .whitespaces) }
        guard let word = CommandVocabulary.spellings[name] else {
            script.errors.append(CommandProblem("'#\(name)' is geen opdracht; #help geeft de lijst",
                                                english: "'#\(name)' is not a command; #help gives the list"))
            return
        }
        switch command(word, argument) {
        case .success(let command):
            script.commands.append(command)
            // `#antwoord Beste ouder, ...` on one line: the rest of the line starts the text.
            if word == .answer, !argument.isEmpty { lead.append(argument) }
        case .failure(let problem):
            script.errors.append(problem)
        }
    }

    typealias Problem = CommandProblem

    private static func command(_ word: CommandVocabulary.Word, _ argument: String) -> Result<HandlerCommand, Problem> {
        func needs(_ what: String, _ english: String) -> Result<HandlerCommand, Problem>? {
            argument.isEmpty ? .failure(Problem("#\(word.rawValue) mist \(what)", english: "#\(word.english) needs \(english)")) : nil
        }
        switch word {
        case .answer: return .success(.answer)
        case .help: return .success(.help)
        case .meldcode: return .success(.meldcode(reason: argument.isEmpty ? nil : argument))
        case .resume: return .success(.resume)
        case .resolved:
            return needs("de tekst voor de ouder: hoe de klacht is opgelost", "the text for the parent: how the complaint was resolved") ?? .success(.resolved(argument))
        case .contact, .referral, .dispute, .ruling:
            return ProcedureArguments.command(word, argument)
        case .release: return .success(.release)
        case .approveJudgement: return .success(.approveJudgement)
        case .returnJudgement:
            return needs("de opmerking voor de behandelaar", "the remark for the handler") ?? .success(.returnJudgement(argument))
        case .judgement:
            if let missing = needs("de uitkomst: gegrond, deels-gegrond of ongegrond", "the outcome: upheld, partly-upheld or unfounded") {
                return missing
            }
            guard let outcome = JudgementOutcome(word: argument) else {
                return .failure(Problem("#oordeel '\(argument)' is geen uitkomst; kies gegrond, deels-gegrond of ongegrond",
                                        english: "#judgement '\(argument)' is not an outcome; choose upheld, partly-upheld or unfounded"))
            }
            return .success(.judgement(outcome))
        case .measure:
            return needs("de omschrijving van de maatregel", "the description of the measure") ?? .success(.measure(argument))
        case .term:
            if let missing = needs("een datum (2026-07-01) of een aantal weken (4 weken)", "a date (2026-07-01) or a number of weeks (4 weeks)") {
                return missing
            }
            guard let term = TermSpecParser.parse(argument) else {
                return .failure(Problem("#termijn '\(argument)' is geen datum (2026-07-01 of 1-7-2026) of aantal weken (4 weken)",
                                        english: "#term '\(argument)' is not a date (2026-07-01 or 1-7-2026) or a number of weeks (4 weeks)"))
            }
            return .success(.term(term))
        case .category:
            if let missing = needs("een categorie", "a category") { return missing }
            guard let category = CommandVocabulary.category(matching: argument) else {
                let names = CommandVocabulary.categories.joined(separator: "; ")
                return .failure(Problem("#categorie '\(argument)' is onbekend; kies uit: " + names,
                                        english: "#category '\(argument)' is unknown; choose from: " + names))
            }
            return .success(.category(category))
        case .location:
            return needs("de naam van de locatie", "the name of the location") ?? .success(.location(argument))
        case .annualSummary:
            if let missing = needs("de tekst voor het jaarverslag", "the text for the annual report") { return missing }
            // `#jaarverslag 2026` is the quality staff asking for a year's report, not a text for this case.
            guard !(argument.count == 4 && argument.allSatisfy({ $0.isASCII && $0.isNumber })) else {
                return .failure(Problem("#jaarverslag \(argument) is alleen een jaartal; schrijf na #jaarverslag de tekst "
                                        + "voor het jaarverslag: wat de klacht inhield, het oordeel en de maatregelen, zonder namen",
                                        english: "#annual-report \(argument) is only a year; after #annual-report write the text for "
                                        + "the annual report: what the complaint was about, the judgement and the measures, without names"))
            }
            return .success(.annualSummary(argument))
        case .kind:
            if let missing = needs("de soort", "the kind") { return missing }
            guard let kind = CommandVocabulary.kinds[argument.lowercased()] else {
                return .failure(Problem("#soort '\(argument)' is onbekend; kies klacht, onvrede, verbeterpunt, vraag, suggestie of compliment",
                                        english: "#kind '\(argument)' is unknown; choose complaint, improvement, question, suggestion or compliment"))
            }
            return .success(.kind(kind))
        case .address:
            if let missing = needs("het e-mailadres van de ouder", "the parent's e-mail address") { return missing }
            let address = argument.trimmingCharacters(in: CharacterSet(charactersIn: "<> ")).lowercased()
            guard IntakeDecider.isUsableAddress(address) else {
                return .failure(Problem("#adres '\(argument)' is geen e-mailadres", english: "#address '\(argument)' is not an e-mail address"))
            }
            return .success(.confirmAddress(address))
        case .assign:
            if let missing = needs("het e-mailadres van de behandelaar", "the handler's e-mail address") { return missing }
            let address = argument.trimmingCharacters(in: CharacterSet(charactersIn: "<> ")).lowercased()
            guard MailboxSyntax.isPlainMailbox(address) else {  // it becomes a To: address
                return .failure(Problem("#toewijzen '\(argument)' is geen e-mailadres", english: "#assign '\(argument)' is not an e-mail address"))
            }
            return .success(.assign(address))
        case .extend:
            return extensionCommand(argument)
        case .withdrawn:
            return needs("de reden", "the reason") ?? .success(.withdrawn(reason: argument))
        case .suspended:
            if let missing = needs("de reden", "the reason") { return missing }
            let (review, reason) = ProcedureArguments.leadingDate(argument)
            guard !reason.isEmpty else { return .failure(Problem("#geschorst mist de reden", english: "#suspended needs the reason")) }
            return .success(.suspended(reason: reason, review: review))
        case .close:
            return .success(.close(reason: argument.isEmpty ? nil : argument))
        case .measureDone:
            return measureSelection(argument)
        }
    }

    /// `#maatregel-gereed`, `#maatregel-gereed 2`, `#maatregel-gereed alle`.
    private static func measureSelection(_ argument: String) -> Result<HandlerCommand, Problem> {
        let word = argument.split(separator: " ").first.map { $0.lowercased() } ?? ""
        if word.isEmpty { return .success(.measureDone(.unspecified)) }
        if ["alle", "all", "allemaal", "--all"].contains(word) { return .success(.measureDone(.all)) }
        guard let number = Int(word.trimmingCharacters(in: CharacterSet(charactersIn: "#."))), number > 0 else {
            return .failure(Problem("#maatregel-gereed '\(argument)' is geen nummer; schrijf bv. '#maatregel-gereed 2' of '#maatregel-gereed alle'",
                                    english: "#measure-done '\(argument)' is not a number; write e.g. '#measure-done 2' or '#measure-done all'"))
        }
        return .success(.measureDone(.number(number)))
    }

    /// `#verlengen 4 weken de reden`.
    private static func extensionCommand(_ argument: String) -> Result<HandlerCommand, Problem> {
        var words = argument.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let first = words.first, let weeks = Int(first) else {
            return .failure(Problem("#verlengen begint met het aantal weken, bv. '#verlengen 4 weken wij wachten op een gesprek'",
                                    english: "#extend starts with the number of weeks, e.g. '#extend 4 weeks we are waiting for a meeting'"))
        }
        words.removeFirst()
        if let unit = words.first?.lowercased(), ["week", "weken", "weeks", "wk"].contains(unit) { words.removeFirst() }
        let reason = words.joined(separator: " ")
        guard !reason.isEmpty else {
            return .failure(Problem("#verlengen mist de reden voor de ouder", english: "#extend needs the reason for the parent"))
        }
        return .success(.extend(weeks: weeks, reason: reason))
    }
}

/// Reads `2026-07-01`, `1-7-2026`, `1/7/2026`, `4 weken`, `4 weeks`, `10 dagen`.
public enum TermSpecParser {
    public static func parse(_ text: String) -> TermSpec? {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let date = LocalDate(iso: text), date.isValid { return .date(date) }
        let dateParts = text.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        if dateParts.count == 3, let day = Int(dateParts[0]), let month = Int(dateParts[1]), let year = Int(dateParts[2]),
           dateParts[2].count == 4 {
            let date = LocalDate(year: year, month: month, day: day)
            return date.isValid ? .date(date) : nil
        }
        let words = text.split(separator: " ").map(String.init)
        guard words.count == 2, let count = Int(words[0]), count > 0, count <= 104 else { return nil }
        switch words[1] {
        case "week", "weken", "weeks", "wk": return .weeks(count)
        case "dag", "dagen", "day", "days": return .days(count)
        default: return nil
        }
    }
}
