/// A location as the configuration names it, with the words parents use for it.
public struct LocationProfile: Sendable, Equatable {
    public var name: String
    public var aliases: [String]
    public var handler: String?
    public var regime: Regime
    public var language: String?
    /// The handler as the acknowledgement names them ("Anna de Wit"), with their role and
    /// telephone number; without a name, letters give the handler's address.
    public var handlerName: String?
    public var handlerRole: String?
    public var handlerPhone: String?
    /// The location's number in the Landelijk Register Kinderopvang, for the annual report.
    public var lrk: String?
    /// `address_form` of the location as written (`u` or `je`); read it as `addressForm`.
    public var addressFormSetting: String? = nil

    public init(name: String, aliases: [String] = [], handler: String? = nil, regime: Regime = .wko, language: String? = nil,
                handlerName: String? = nil, handlerRole: String? = nil, handlerPhone: String? = nil, lrk: String? = nil) {
        self.name = name
        self.aliases = aliases
        self.handler = handler
        self.regime = regime
        self.language = language
        self.handlerName = handlerName
        self.handlerRole = handlerRole
        self.handlerPhone = handlerPhone
        self.lrk = lrk
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

    /// One location, or nil when none or several are named. A phrase inside a longer matched
    /// phrase of another location does not count ("morel" inside "kdv morel" names only the latter).
    private func best(in haystack: FoldedText) -> LocationProfile? {
        var hits: [(location: LocationProfile, phrase: String)] = []
        for entry in entries {
            if let longest = entry.phrases.filter({ haystack.containsWords($0) }).max(by: { $0.value.count < $1.value.count }) {
                hits.append((entry.location, longest.value))
            }
        }
        let standing = hits.filter { hit in
            !hits.contains { other in other.location.name != hit.location.name && other.phrase.count > hit.phrase.count && other.phrase.contains(hit.phrase) }
        }
        return standing.count == 1 ? standing[0].location : nil
    }
}
