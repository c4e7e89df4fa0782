import Foundation

/// The words after the command name: `--flag`, `--option value` (or `--option=value`), and the rest.
struct Arguments {
    private(set) var flags: Set<String> = []
    private(set) var options: [String: String] = [:]
    /// Every value of an option given more than once (`--measure A --measure B`), in order.
    private(set) var repeated: [String: [String]] = [:]
    private(set) var positional: [String] = []

    /// Options that take a value; every other `--word` is a flag.
    init(_ words: [String], valued: Set<String>) throws(UsageError) {
        var index = 0
        while index < words.count {
            let word = words[index]
            if word.hasPrefix("--") {
                if let equals = word.firstIndex(of: "=") {
                    options[String(word[..<equals])] = String(word[word.index(after: equals)...])
                    repeated[String(word[..<equals]), default: []].append(String(word[word.index(after: equals)...]))
                } else if valued.contains(word) {
                    guard index + 1 < words.count else { throw UsageError("\(word) needs a value") }
                    options[word] = words[index + 1]
                    repeated[word, default: []].append(words[index + 1])
                    index += 1
                } else {
                    flags.insert(word)
                }
            } else if word == "-h" {
                flags.insert("--help")
            } else {
                positional.append(word)
            }
            index += 1
        }
    }

    func has(_ flag: String) -> Bool { flags.contains(flag) }
    subscript(_ option: String) -> String? { options[option] }
    func values(_ option: String) -> [String] { repeated[option] ?? [] }

    /// `--now 2026-05-04T10:00:00+02:00` (or a date alone, read as midnight UTC).
    func now() throws(UsageError) -> Date? {
        guard let text = options["--now"] else { return nil }
        guard let date = ISOTime.parse(text) else { throw UsageError("--now \(text) is not an ISO 8601 time such as 2026-05-04T10:00:00+02:00") }
        return date
    }
}

/// A mistake in how a command was called: printed with the command's help, exit 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum ISOTime {
    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        if text.count == 10, let date = try? Date(text + "T00:00:00Z", strategy: .iso8601) { return date }
        if text.count == 19, let date = try? Date(text + "Z", strategy: .iso8601) { return date }
        return nil
    }
}
