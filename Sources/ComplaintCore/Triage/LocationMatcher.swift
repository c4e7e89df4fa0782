/// A location as the configuration names it, with the words parents use for it.
public struct LocationProfile: Sendable, Equatable {
    public var name: String
    public var aliases: [String]
    public var handler: String?
    public var regime: Regime
    public var language: String?

    public init(name: String, aliases: [String] = [], handler: String? = nil, regime: Regime = .wko, language: String? = nil) {
        self.name = name
        self.aliases = aliases
        self.handler = handler
        self.regime = regime
        self.language = language
    }
}

/// Finds which location a message is about, from a form field or from the words in the text.
public struct LocationMatcher: Sendable {
    private let entries: [(location: LocationProfile, phrases: [FoldedText])]

    public init(locations: [LocationProfile]) {
        entries = locations.map { location in
            (location, ([location.name] + location.aliases).map(FoldedText.init))
        }
    }

    /// The location whose name or alias is the whole of `field` or occurs in it; longest alias wins.
    public func match(field: String) -> LocationProfile? {
        best(in: FoldedText(field))
    }

    /// The location named in a subject and text; nil when none or when two different ones are
    /// named equally prominently (the quality staff then decide, rather than a guess).
    public func match(subject: String?, text: String?) -> LocationProfile? {
        if let subject, let found = best(in: FoldedText(subject)) { return found }
        guard let text else { return nil }
        return best(in: FoldedText(text))
    }

    private func best(in haystack: FoldedText) -> LocationProfile? {
        var hits: [(LocationProfile, Int)] = []
        for entry in entries {
            let longest = entry.phrases.filter { haystack.containsWords($0) }.map(\.value.count).max()
            if let longest { hits.append((entry.location, longest)) }
        }
        guard let top = hits.max(by: { $0.1 < $1.1 }) else { return nil }
        let tied = hits.filter { $0.1 == top.1 && $0.0.name != top.0.name }
        return tied.isEmpty ? top.0 : nil
    }
}
