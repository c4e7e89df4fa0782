/// A judgement's outcome as the Wet kinderopvang letters name it.
public enum JudgementOutcome: String, Sendable, CaseIterable, Equatable {
    case upheld = "gegrond"
    case partlyUpheld = "deels-gegrond"
    case unfounded = "ongegrond"

    /// The words a handler may write after `#oordeel`, Dutch first.
    public var spellings: [String] {
        switch self {
        case .upheld: ["gegrond", "upheld"]
        case .partlyUpheld: ["deels-gegrond", "deels gegrond", "gedeeltelijk-gegrond", "partly-upheld", "partly upheld"]
        case .unfounded: ["ongegrond", "unfounded"]
        }
    }

    /// How the letter and the case file name it ("deels gegrond").
    public var dutchLabel: String { rawValue.replacingOccurrences(of: "-", with: " ") }

    /// The outcome in the letter's language.
    public func label(english: Bool) -> String {
        guard english else { return dutchLabel }
        switch self {
        case .upheld: return "upheld"
        case .partlyUpheld: return "partly upheld"
        case .unfounded: return "unfounded"
        }
    }

    public init?(word: String) {
        let folded = word.lowercased().trimmingCharacters(in: .whitespaces)
        guard let match = Self.allCases.first(where: { $0.spellings.contains(folded) }) else { return nil }
        self = match
    }
}

/// When a measure is to be realised: a date, or a number of weeks or days from the judgement.
public enum TermSpec: Sendable, Equatable {
    case date(LocalDate)
    case weeks(Int)
    case days(Int)

    /// The concrete date, counted from `today` (the day of the judgement).
    public func resolve(from today: LocalDate) -> LocalDate {
        switch self {
        case .date(let date): date
        case .weeks(let weeks): today.adding(weeks: weeks)
        case .days(let days): today.adding(days: days)
        }
    }
}

/// How the handler was in touch with the parent (`#contact`).
public enum ContactMethod: String, Sendable, CaseIterable, Equatable {
    case phone = "telefonisch"
    case meeting = "gesprek"
    case mail

    /// The words a handler may write, Dutch first.
    public static func parse(_ word: String) -> ContactMethod? {
        switch word.lowercased() {
        case "telefonisch", "telefoon", "gebeld", "phone", "call", "called": .phone
        case "gesprek", "gesproken", "persoonlijk", "meeting", "in-person": .meeting
        case "mail", "e-mail", "email": .mail
        default: nil
        }
    }
}

/// The Geschillencommissie's ruling, as `#uitspraak` names it.
public enum RulingOutcome: String, Sendable, CaseIterable, Equatable {
    case upheld = "gegrond"
    case partlyUpheld = "deels-gegrond"
    case unfounded = "ongegrond"
    case withdrawn = "ingetrokken"
    case settlement = "schikking"

    /// How the report and the case file name it ("deels gegrond").
    public var dutchLabel: String { rawValue.replacingOccurrences(of: "-", with: " ") }

    public init?(word: String) {
        let folded = word.lowercased().replacingOccurrences(of: " ", with: "-")
        switch folded {
        case "gegrond", "upheld": self = .upheld
        case "deels-gegrond", "gedeeltelijk-gegrond", "partly-upheld": self = .partlyUpheld
        case "ongegrond", "unfounded": self = .unfounded
        case "ingetrokken", "withdrawn": self = .withdrawn
        case "schikking", "settlement", "settled": self = .settlement
        default: return nil
        }
    }
}

/// Which measures `#maatregel-gereed` confirms.
public enum MeasureSelection: Sendable, Equatable {
    /// Every measure of the case; also what no argument means when the case has one.
    case all
    /// The measure with this number, counted from 1 in the order the judgement named them.
    case number(Int)
    /// No argument: fine for a case with one measure, a question otherwise.
    case unspecified
}

/// One command from a handler's reply or the command line: what it asks, not yet whether it may.
public enum HandlerCommand: Sendable, Equatable {
    /// The text below goes to the parent.
    case answer
    /// The reasoned judgement; the text below is the reasoning.
    case judgement(JudgementOutcome)
    /// A measure taken after the judgement.
    case measure(String)
    /// The term of the measures above it (or all of them).
    case term(TermSpec)
    /// Measures of the judgement are carried out.
    case measureDone(MeasureSelection)
    case category(String)
    /// `#jaarverslag TEXT`: the handler's short anonymous summary for the annual report.
    case annualSummary(String)
    case location(String)
    case kind(MessageKind)
    case assign(String)
    /// `#adres ADDRESS`: a handler confirmed the parent's other address; mail about the case goes there from now on.
    case confirmAddress(String)
    /// A Wkkgz extension of the decision term, with its reason.
    case extend(weeks: Int, reason: String)
    case withdrawn(reason: String)
    /// Suspended with its reason; the handler is reminded on `review` (or two weeks on).
    case suspended(reason: String, review: LocalDate?)
    /// `#hervatten`: a suspended case is picked up again.
    case resume
    /// Closes a case that needs no judgement (or has one); the reason stays in the file.
    case close(reason: String?)
    /// `#opgelost TEXT`: the parent agreed the complaint was solved without a judgement; the text goes to them.
    case resolved(String)
    /// `#contact [DATE] HOW`: the handler was in touch with the parent outside klachtd's mail.
    case contact(date: LocalDate?, method: ContactMethod)
    /// `#klachtenloket DATE`: the parent went to the Klachtenloket Kinderopvang.
    case referral(LocalDate)
    /// `#geschil DATE`: a dispute was submitted to the Geschillencommissie Kinderopvang.
    case dispute(LocalDate)
    /// `#uitspraak OUTCOME DATE`: the Geschillencommissie's ruling.
    case ruling(RulingOutcome, LocalDate)
    /// Puts a case under the meldcode; on a case already under it, closes it (the reason is then required).
    case meldcode(reason: String?)
    case release
    case help
    /// `#akkoord`: the second reader approves the judgement held for review; it goes to the parent.
    case approveJudgement
    /// `#terug TEXT`: the second reader returns the held judgement to the handler with a remark.
    case returnJudgement(String)

    /// The command word as the help text names it.
    public var word: String {
        switch self {
        case .answer: "#antwoord"
        case .judgement: "#oordeel"
        case .measure: "#maatregel"
        case .term: "#termijn"
        case .measureDone: "#maatregel-gereed"
        case .category: "#categorie"
        case .annualSummary: "#jaarverslag"
        case .location: "#locatie"
        case .kind: "#soort"
        case .assign: "#toewijzen"
        case .confirmAddress: "#adres"
        case .extend: "#verlengen"
        case .withdrawn: "#ingetrokken"
        case .suspended: "#geschorst"
        case .resume: "#hervatten"
        case .close: "#gesloten"
        case .resolved: "#opgelost"
        case .contact: "#contact"
        case .referral: "#klachtenloket"
        case .dispute: "#geschil"
        case .ruling: "#uitspraak"
        case .meldcode: "#meldcode"
        case .release: "#vrijgeven"
        case .help: "#help"
        case .approveJudgement: "#akkoord"
        case .returnJudgement: "#terug"
        }
    }

    /// The word in an English reply (`#judgement`): the vocabulary's English spelling of `word`.
    public var englishWord: String {
        CommandVocabulary.englishWord(for: word)
    }

    /// Commands only the safeguarding officer (or an operator on the command line) may give.
    public var isSafeguardingOnly: Bool {
        switch self {
        case .meldcode, .release: true
        default: false
        }
    }
}
