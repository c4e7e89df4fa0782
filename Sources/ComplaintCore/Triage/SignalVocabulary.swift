/// Words that mean one thing to the safeguarding screen, with their inflections.
///
/// Forms are written folded (lower case, no accents, punctuation as spaces: "z'n" is "z n")
/// and match whole words, so "geweld" never matches "geweldig". A form may be several
/// words ("door elkaar"). `joins` says what may be glued in front of the first word.
public struct WordClass: Sendable, Equatable {
    public let forms: [String]
    public let joins: WordJoin
    /// Phrases starting at a match that cancel it ("slaat nergens op" is not about hitting).
    public let unless: [String]

    public init(_ forms: [String], joins: WordJoin = .nothing, unless: [String] = []) {
        self.forms = forms
        self.joins = joins
        self.unless = unless
    }
}

/// What may stand glued before a form and still count as it.
public enum WordJoin: Sendable, Equatable {
    /// The whole word only.
    case nothing
    /// One of these separable particles: "mee" + "gesleurd", "weg" + "geduwd".
    case particles([String])
    /// Anything: the form ends a compound ("kinder" + "mishandeling"), the head of a Dutch compound.
    case compound
}

/// How a signal is recognised in a text.
public enum SignalPattern: Sendable, Equatable {
    /// A word of the class anywhere.
    case word(WordClass)
    /// A word of each class, in either order, at most `within` words apart:
    /// an act and a body part, a mark and a body part, a punishment and food.
    case near(WordClass, WordClass, within: Int)
    /// The first class, then the second after between `minGap` and `maxGap` other words: "sloot hem op".
    case then(WordClass, WordClass, minGap: Int, maxGap: Int)
}

/// One entry of the safeguarding vocabulary: a name for the report and its pattern.
public struct SafeguardingSignal: Sendable, Equatable {
    public let name: String
    public let pattern: SignalPattern

    public init(_ name: String, _ pattern: SignalPattern) {
        self.name = name
        self.pattern = pattern
    }
}
