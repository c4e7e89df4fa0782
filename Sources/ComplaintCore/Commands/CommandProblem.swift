/// Why a command could not be carried out, in both languages the daemon writes: the core
/// decides once, and the reply to the staff member says it in their location's language
/// (`text(english:)`). The case's event log keeps the Dutch sentence, as it always did.
public struct CommandProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var dutch: String
    public var english: String

    public init(_ dutch: String, english: String) {
        self.dutch = dutch
        self.english = english
    }

    public func text(english: Bool) -> String { english ? self.english : dutch }

    public var description: String { dutch }
}

extension CommandVocabulary {
    /// `#oordeel` → `#judgement`: the English spelling of a Dutch command word; the word itself when unknown.
    static func englishWord(for dutch: String) -> String {
        spellings[String(dutch.dropFirst())].map { "#" + $0.english } ?? dutch
    }
}

extension CommandVocabulary.Word {
    /// The English spelling a reply in English names the command by (`#judgement`).
    var english: String {
        switch self {
        case .answer: "answer"
        case .judgement: "judgement"
        case .measure: "measure"
        case .term: "term"
        case .category: "category"
        case .location: "location"
        case .kind: "kind"
        case .assign: "assign"
        case .extend: "extend"
        case .withdrawn: "withdrawn"
        case .suspended: "suspended"
        case .close: "close"
        case .meldcode: "safeguarding"
        case .release: "release"
        case .help: "help"
        case .measureDone: "measure-done"
        case .resume: "resume"
        case .resolved: "resolved"
        case .contact: "contact"
        case .referral: "referral"
        case .dispute: "dispute"
        case .ruling: "ruling"
        case .annualSummary: "annual-report"
        case .address: "address"
        case .approveJudgement: "approve"
        case .returnJudgement: "return"
        }
    }
}
