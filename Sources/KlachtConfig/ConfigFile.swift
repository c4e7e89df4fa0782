/// A configuration error: the file, the line, what is wrong and how to fix it.
/// Secret values never appear in it.
public struct ConfigError: Error, Sendable, CustomStringConvertible, Equatable {
    public let file: String
    public let line: Int?
    public let problem: String
    public let fix: String

    public init(file: String, line: Int?, problem: String, fix: String) {
        self.file = file
        self.line = line
        self.problem = problem
        self.fix = fix
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(problem). \(fix)"
    }
}

/// One `key = value` line, remembered with its line number for error messages.
public struct ConfigEntry: Sendable, Equatable {
    public let key: String
    public let value: String
    public let line: Int
}

/// One `[section]` or `[section "Name"]` with its entries in file order.
public struct ConfigSection: Sendable, Equatable {
    public let name: String
    public let label: String?
    public let line: Int
    public var entries: [ConfigEntry]
    /// Every key the loader looked up here, so that a key nothing asked for is known to be unknown.
    let keysAsked = KeysAsked()

    public init(name: String, label: String?, line: Int, entries: [ConfigEntry]) {
        self.name = name
        self.label = label
        self.line = line
        self.entries = entries
    }

    public func entry(_ key: String) -> ConfigEntry? {
        keysAsked.insert(key)
        return entries.last { $0.key == key }
    }

    public func value(_ key: String) -> String? { entry(key)?.value }

    public static func == (lhs: ConfigSection, rhs: ConfigSection) -> Bool {
        lhs.name == rhs.name && lhs.label == rhs.label && lhs.line == rhs.line && lhs.entries == rhs.entries
    }
}

/// The syntax of the configuration file: `[section]`, `[location "Name"]`, `key = value`, `#` comments.
///
/// A `#` starts a comment at the start of a line or after white space, so values such as
/// `#antwoord` inside quotes or URLs with fragments are not cut (`key = "a # b"` keeps it).
public enum ConfigFileParser {
    public static func parse(_ text: String, file: String) throws(ConfigError) -> [ConfigSection] {
        var sections: [ConfigSection] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = stripComment(String(rawLine)).trimmingWhitespace()
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                sections.append(try header(line, number: number, file: file))
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigError(file: file, line: number, problem: "'\(line.prefix(40))' is not 'key = value'",
                                  fix: "Write settings as 'key = value' below a [section] header, or start the line with # to comment it out.")
            }
            guard !sections.isEmpty else {
                throw ConfigError(file: file, line: number, problem: "a setting before any [section]",
                                  fix: "Put it below a header such as [organisation].")
            }
            let key = String(line[..<equals]).trimmingWhitespace().lowercased()
            var value = String(line[line.index(after: equals)...]).trimmingWhitespace()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            sections[sections.count - 1].entries.append(ConfigEntry(key: key, value: value, line: number))
        }
        return sections
    }

    private static func header(_ line: String, number: Int, file: String) throws(ConfigError) -> ConfigSection {
        guard line.hasSuffix("]") else {
            throw ConfigError(file: file, line: number, problem: "section header '\(line)' has no closing ']'",
                              fix: "Write it as [section] or [location \"Name\"].")
        }
        let inner = line.dropFirst().dropLast().trimmingWhitespace()
        if let quote = inner.firstIndex(of: "\"") {
            let name = String(inner[..<quote]).trimmingWhitespace().lowercased()
            let rest = inner[inner.index(after: quote)...]
            guard rest.hasSuffix("\""), rest.count >= 2 else {
                throw ConfigError(file: file, line: number, problem: "the name in '\(line)' is not closed with a quote",
                                  fix: "Write it as [location \"Name\"].")
            }
            return ConfigSection(name: name, label: String(rest.dropLast()), line: number, entries: [])
        }
        return ConfigSection(name: inner.lowercased(), label: nil, line: number, entries: [])
    }

    private static func stripComment(_ line: String) -> String {
        var inQuotes = false
        var previous: Character = " "
        for index in line.indices {
            let c = line[index]
            if c == "\"" { inQuotes.toggle() }
            if c == "#", !inQuotes, previous == " " || previous == "\t" { return String(line[..<index]) }
            previous = c
        }
        return line
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
