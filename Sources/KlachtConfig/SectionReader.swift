import ComplaintCore

/// Typed access to the parsed sections, turning every bad value into a `ConfigError` with a fix.
struct SectionReader {
    let sections: [ConfigSection]
    let file: String

    static let knownSections: Set<String> = ["organisation", "imap", "smtp", "storage", "templates", "location",
                                             "terms", "triage", "forms", "limits", "authentication", "retention", "metrics", "oauth", "service", "procedure", "graph"]

    func rejectUnknownSections() throws(ConfigError) {
        for section in sections where !Self.knownSections.contains(section.name) {
            throw ConfigError(file: file, line: section.line, problem: "unknown section [\(section.name)]",
                              fix: "Known sections: \(Self.knownSections.sorted().joined(separator: ", ")).")
        }
    }

    func optional(_ name: String) -> ConfigSection? { sections.last { $0.name == name && $0.label == nil } }

    func required(_ name: String) throws(ConfigError) -> ConfigSection {
        guard let section = optional(name) else {
            throw ConfigError(file: file, line: nil, problem: "the [\(name)] section is missing",
                              fix: "Add it; deploy/klachtd.conf.example shows every key.")
        }
        return section
    }

    func error(_ entry: ConfigEntry?, _ problem: String, _ fix: String) -> ConfigError {
        ConfigError(file: file, line: entry?.line, problem: problem, fix: fix)
    }

    func string(_ section: ConfigSection, _ key: String) throws(ConfigError) -> String {
        guard let value = section.value(key), !value.isEmpty else {
            throw ConfigError(file: file, line: section.line, problem: "[\(section.name)] needs '\(key)'",
                              fix: "Add a line '\(key) = ...' to that section.")
        }
        return value
    }

    func address(_ section: ConfigSection, _ key: String) throws(ConfigError) -> String {
        let value = try string(section, key)
        guard IntakeDecider.isUsableAddress(value) else {
            throw error(section.entry(key), "\(key) = \(value) is not an email address", "Write a plain address such as name@example.nl.")
        }
        return value.lowercased()
    }

    func addresses(_ section: ConfigSection, _ key: String, required: Bool) throws(ConfigError) -> [String] {
        guard let raw = section.value(key) else {
            if required {
                throw ConfigError(file: file, line: section.line, problem: "[\(section.name)] needs '\(key)'",
                                  fix: "Add '\(key) = name@example.nl' (several: separate with commas).")
            }
            return []
        }
        let list = Self.list(raw)
        for item in list where !IntakeDecider.isUsableAddress(item) {
            throw error(section.entry(key), "'\(item)' in \(key) is not an email address", "Write plain addresses separated by commas.")
        }
        return list.map { $0.lowercased() }
    }

    func int(_ section: ConfigSection?, _ key: String, default fallback: Int, range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard let section, let raw = section.value(key) else { return fallback }
        guard let value = Int(raw), range.contains(value) else {
            throw error(section.entry(key), "\(key) = \(raw) is not a whole number from \(range.lowerBound) to \(range.upperBound)",
                        "Write a number in that range.")
        }
        return value
    }

    func bool(_ section: ConfigSection, _ key: String, default fallback: Bool) throws(ConfigError) -> Bool {
        guard let raw = section.value(key)?.lowercased() else { return fallback }
        switch raw {
        case "yes", "true", "ja", "on", "1": return true
        case "no", "false", "nee", "off", "0": return false
        default: throw error(section.entry(key), "\(key) = \(raw) is not yes or no", "Write yes or no.")
        }
    }

    func regime(_ section: ConfigSection?, _ key: String) throws(ConfigError) -> Regime? {
        guard let section, let raw = section.value(key) else { return nil }
        guard let regime = Regime(rawValue: raw.lowercased()) else {
            throw error(section.entry(key), "\(key) = \(raw) is not a known regime", "Use wko (Wet kinderopvang), wkkgz or jeugdwet.")
        }
        return regime
    }

    /// `address_form = u | je`: how Dutch letters address the parent; nil when the section does not say.
    func addressForm(_ section: ConfigSection) throws(ConfigError) -> AddressForm? {
        guard let raw = section.value("address_form") else { return nil }
        guard let form = AddressForm(rawValue: raw.lowercased()) else {
            throw error(section.entry("address_form"), "address_form = \(raw) is not understood",
                        "Use address_form = u (polite, the default) or address_form = je (familiar).")
        }
        return form
    }

    static func list(_ raw: String) -> [String] {
        raw.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
    }

    static func listValue(_ section: ConfigSection, _ key: String) -> [String]? {
        section.value(key).map(list)
    }


}
