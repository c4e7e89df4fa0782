import Synchronization

/// The keys a section was asked for while the configuration loaded. The loader's own reads are
/// the list of known keys, so a key added to the loader is known without a second list to keep.
final class KeysAsked: Sendable {
    private let keys = Mutex<Set<String>>([])

    func insert(_ key: String) { _ = keys.withLock { $0.insert(key) } }

    func contains(_ key: String) -> Bool { keys.withLock { $0.contains(key) } }

    var all: Set<String> { keys.withLock { $0 } }
}

extension SectionReader {
    /// A key nothing asked for is a typo or a setting of another section (`stafff = …`,
    /// `handelr = …`): an error naming the nearest known key rather than a setting silently
    /// ignored. Run after everything was read. Keys under a prefix that is read as a family
    /// (`[forms] label.NAME`) are known by their prefix.
    func rejectUnknownKeys(prefixes: [String: [String]]) throws(ConfigError) {
        // Of an unlabelled section given twice the last counts (`optional`); the earlier one is
        // shadowed as a whole, and its keys are not looked at.
        let effective = sections.enumerated().filter { index, section in
            section.label != nil || !sections[(index + 1)...].contains { $0.name == section.name && $0.label == nil }
        }.map(\.element)
        for section in effective {
            for entry in section.entries where !section.keysAsked.contains(entry.key) {
                if prefixes[section.name]?.contains(where: { entry.key.hasPrefix($0) }) == true { continue }
                let known = sections.filter { $0.name == section.name }.reduce(into: Set<String>()) { $0.formUnion($1.keysAsked.all) }
                throw ConfigError(file: file, line: entry.line,
                                  problem: "'\(entry.key.prefix(60))' is not a setting of [\(section.name)]",
                                  fix: Self.suggestion(for: entry.key, among: known, section: section.name))
            }
        }
    }

    /// "Did you mean …" for the nearest known key, else the list of the section's keys.
    static func suggestion(for key: String, among known: Set<String>, section: String) -> String {
        let ranked = known.map { ($0, EditDistance.between(key, $0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        if let (nearest, distance) = ranked.first, distance <= max(2, key.count / 3) {
            return "Did you mean '\(nearest)'?"
        }
        let list = known.sorted().joined(separator: ", ")
        return list.isEmpty ? "Remove it; deploy/klachtd.conf.example shows every key."
            : "Known keys of [\(section)]: \(list)."
    }
}

/// Levenshtein distance on characters: how many insertions, deletions and substitutions turn one
/// key into another.
enum EditDistance {
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
