import Foundation

/// Reads the first `#` line of a staff mail to the complaints address as a desk command.
///
/// Only the top counts, as for handler commands. Nil when that line is no desk word at all:
/// the mail is then not meant for the desk (and is treated as any staff mail is).
public enum StaffCommandParser {
    public enum Reading: Sendable, Equatable {
        case command(StaffCommand)
        /// A desk word with an argument that cannot be read; the sender is told why.
        case problem(String)
    }

    /// The desk word of the first line, if it is one.
    static func word(_ text: String) -> StaffCommand.Word? {
        guard let line = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
            .first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })?.trimmingCharacters(in: .whitespaces),
              line.hasPrefix("#") else { return nil }
        let content = line.dropFirst()
        let wordEnd = content.firstIndex { $0 == " " || $0 == ":" || $0 == "\t" } ?? content.endIndex
        return StaffCommand.Word.named(content[..<wordEnd].lowercased())
    }

    public static func parse(_ text: String) -> Reading? {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        guard let first = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else { return nil }
        let line = lines[first].trimmingCharacters(in: .whitespaces)
        guard line.hasPrefix("#") else { return nil }
        let content = line.dropFirst()
        let wordEnd = content.firstIndex { $0 == " " || $0 == ":" || $0 == "\t" } ?? content.endIndex
        guard let word = StaffCommand.Word.named(content[..<wordEnd].lowercased()) else { return nil }
        var argument = String(content[wordEnd...]).trimmingCharacters(in: .whitespaces)
        if argument.hasPrefix(":") { argument = String(argument.dropFirst()).trimmingCharacters(in: .whitespaces) }
        let body = lines[(first + 1)...].joined(separator: "\n")
        switch command(word, argument, body: body, text: text) {
        case .success(let command): return .command(command)
        case .failure(let problem): return .problem(problem.text)
        }
    }

    struct Problem: Error { let text: String }

    private static func command(_ word: StaffCommand.Word, _ argument: String, body: String, text: String) -> Result<StaffCommand, Problem> {
        switch word {
        case .reportRound: return .success(.reportRound(text: text))
        case .help: return .success(.help)
        case .cases: return filter(argument).map(StaffCommand.cases)
        case .caseFile:
            guard let reference = CaseReference(argument.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))) else {
                return .failure(Problem(text: "#zaak mist het dossiernummer, bijvoorbeeld #zaak KL-2026-0042"))
            }
            return .success(.caseFile(reference))
        case .register: return RegistrationReader.read(body).map(StaffCommand.register)
        case .onBehalf: return .success(.onBehalf)
        case .annualReport:
            guard let year = Int(argument), (2000...2200).contains(year) else {
                return .failure(Problem(text: "#jaarverslag vraagt een jaartal, bijvoorbeeld #jaarverslag 2026"))
            }
            return .success(.annualReport(year: year))
        case .quarterlyOverview:
            let text = argument.uppercased().replacingOccurrences(of: "-", with: "")
            let parts = text.split(separator: "Q")
            guard parts.count == 2, let year = Int(parts[0]), (2000...2200).contains(year), let quarter = Int(parts[1]),
                  (1...4).contains(quarter) else {
                return .failure(Problem(text: "#kwartaal vraagt een kwartaal, bijvoorbeeld #kwartaal 2026Q3"))
            }
            return .success(.quarterlyOverview("\(year)Q\(quarter)"))
        }
    }

    private static func filter(_ argument: String) -> Result<CaseFilter, Problem> {
        let words = argument.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = words.first?.lowercased() else { return .success(.open) }
        let rest = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
        switch first {
        case "open", "openstaand", "lopend": return .success(.open)
        case "te-laat", "telaat", "verlopen", "overdue": return .success(.overdue)
        case "deze-week", "dezeweek", "this-week": return .success(.thisWeek)
        case "locatie", "location":
            return rest.isEmpty ? .failure(Problem(text: "#zaken locatie mist de naam van de locatie")) : .success(.location(rest))
        case "jaar", "year":
            guard let year = Int(rest), (2000...2200).contains(year) else {
                return .failure(Problem(text: "#zaken jaar vraagt een jaartal, bijvoorbeeld #zaken jaar 2026"))
            }
            return .success(.year(year))
        default:
            return .failure(Problem(text: "#zaken kent '\(first)' niet; kies open, te-laat, deze-week, locatie NAAM of jaar JJJJ"))
        }
    }
}

/// Reads the `Naam:`, `E-mail:`, `Telefoon:`, `Locatie:`, `Ontvangen:` lines of `#nieuw`, then the text.
enum RegistrationReader {
    static func read(_ body: String) -> Result<Registration, StaffCommandParser.Problem> {
        var registration = Registration(text: "")
        var lines = body.components(separatedBy: "\n")[...]
        while let line = lines.first {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty, registration == Registration(text: "") { lines = lines.dropFirst(); continue }
            guard let colon = trimmed.firstIndex(of: ":") else { break }
            let label = trimmed[..<colon].lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: "")
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let optional = value.isEmpty || value == "-" ? nil : value
            switch label {
            case "naam", "name": registration.name = optional
            case "email", "mail", "emailadres": registration.email = optional?.lowercased()
            case "telefoon", "tel", "telefoonnummer", "phone": registration.phone = optional
            case "locatie", "location": registration.location = optional
            case "ontvangen", "received", "datum":
                guard let value = optional else { break }
                guard let (date, minutes) = moment(value) else {
                    return .failure(.init(text: "Ontvangen: '\(value)' is geen datum; schrijf bijvoorbeeld 12-11-2026 14:30 of 2026-11-12"))
                }
                registration.received = date
                registration.receivedMinutes = minutes
            default:
                break
            }
            guard ["naam", "name", "email", "mail", "emailadres", "telefoon", "tel", "telefoonnummer", "phone", "locatie",
                   "location", "ontvangen", "received", "datum"].contains(label) else { break }
            lines = lines.dropFirst()
        }
        registration.text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !registration.text.isEmpty else {
            return .failure(.init(text: "#nieuw mist de klacht zelf: schrijf de tekst onder de regels Naam:, E-mail:, Telefoon:, Locatie:, Ontvangen:"))
        }
        if let email = registration.email, !MailboxSyntax.isPlainMailbox(email) {
            return .failure(.init(text: "E-mail: '\(email)' is geen bruikbaar e-mailadres"))
        }
        return .success(registration)
    }

    /// `12-11-2026`, `12-11-2026 14:30`, `2026-11-12`, `2026-11-12 14:30` (also with `/` or `.`).
    static func moment(_ value: String) -> (LocalDate, Int?)? {
        let parts = value.split(separator: " ", omittingEmptySubsequences: true)
        guard let datePart = parts.first else { return nil }
        let numbers = datePart.split(whereSeparator: { "-/.".contains($0) }).compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        let date = numbers[0] > 31 ? LocalDate(year: numbers[0], month: numbers[1], day: numbers[2])
            : LocalDate(year: numbers[2], month: numbers[1], day: numbers[0])
        guard date.isValid, (2000...2200).contains(date.year) else { return nil }
        guard parts.count > 1 else { return (date, nil) }
        let time = parts[1].replacingOccurrences(of: ".", with: ":").split(separator: ":").compactMap { Int($0) }
        guard time.count == 2, (0..<24).contains(time[0]), (0..<60).contains(time[1]) else { return nil }
        return (date, time[0] * 60 + time[1])
    }
}
