/// One step of the annual report's round, recorded by the quality staff.
public enum ReportCycleCommand: Sendable, Equatable {
    /// `#jaarverslag-verzonden DATE [YYYY]`: the report of `year` went to the GGD on `date`.
    case sentToGGD(year: Int, date: LocalDate)
    /// `#oudercommissie DATE [YYYY]`: the oudercommissie discussed the report of `year` on `date`.
    case oudercommissie(year: Int, date: LocalDate)

    public var year: Int {
        switch self {
        case .sentToGGD(let year, _), .oudercommissie(let year, _): year
        }
    }
}

/// Reads the round's two staff commands from the top of a mail: pure, for whichever path
/// delivers a staff mail without a case (the staff command path of issue 20, or a test).
///
/// `#jaarverslag-verzonden 2027-05-20` and `#oudercommissie 12-5-2027`: the date, then
/// optionally the report year; without it the report is the one of the year before the
/// date (a report goes out in the year after the one it is about).
public enum ReportCycleCommands {
    /// The words, lowercased without `#`, and their English aliases.
    static let sentWords: Set<String> = ["jaarverslag-verzonden", "jaarverslagverzonden", "report-sent", "annual-report-sent"]
    static let committeeWords: Set<String> = ["oudercommissie", "parent-committee", "parents-committee"]

    /// The commands and the problems, one sentence each; lines that are no round command are left to other readers.
    public static func parse(_ text: String, today: LocalDate) -> (commands: [ReportCycleCommand], errors: [CommandProblem]) {
        var commands: [ReportCycleCommand] = []
        var errors: [CommandProblem] = []
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            guard line.hasPrefix("#") else { break }
            let words = line.dropFirst().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard var name = words.first?.lowercased() else { continue }
            if name.hasSuffix(":") { name.removeLast() }
            let sent = sentWords.contains(name)
            guard sent || committeeWords.contains(name) else { continue }
            let word = sent ? "#jaarverslag-verzonden" : "#oudercommissie"
            let english = sent ? "#report-sent" : "#parent-committee"
            guard words.count >= 2, let date = ProcedureArguments.calendarDate(words[1]) else {
                let example = "\(today.day)-\(today.month)-\(today.year)"
                errors.append(CommandProblem("\(word) mist de datum; schrijf bv. '\(word) \(today.iso)' of '\(word) \(example)'",
                                             english: "\(english) needs the date; write e.g. '\(english) \(today.iso)' or '\(english) \(example)'"))
                continue
            }
            var year = date.year - 1
            if words.count >= 3 {
                guard let explicit = Int(words[2]), (2000...2200).contains(explicit) else {
                    errors.append(CommandProblem("\(word) \(words[1]) '\(words[2])' is geen jaartal; schrijf bv. '\(word) \(date.iso) \(date.year - 1)'",
                                                 english: "\(english) \(words[1]) '\(words[2])' is not a year; write e.g. '\(english) \(date.iso) \(date.year - 1)'"))
                    continue
                }
                year = explicit
            }
            if date > today {
                errors.append(CommandProblem("\(word) \(date.iso) ligt na vandaag (\(today.iso))",
                                             english: "\(english) \(date.iso) is after today (\(today.iso))"))
                continue
            }
            if date.year <= year {
                errors.append(CommandProblem("\(word) \(date.iso) ligt niet na het jaar \(year) van het jaarverslag",
                                             english: "\(english) \(date.iso) is not after the report's year \(year)"))
                continue
            }
            commands.append(sent ? .sentToGGD(year: year, date: date) : .oudercommissie(year: year, date: date))
        }
        return (commands, errors)
    }
}
