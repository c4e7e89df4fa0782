/// What the parent said when asked whether the complaint was handled to their satisfaction.
public enum SatisfactionAnswer: String, Sendable, Equatable, CaseIterable {
    case satisfied
    /// Includes a rating of 3: a neutral parent gets the outside bodies' information again rather than a closed case.
    case notSatisfied = "not_satisfied"
    /// Neither yes nor no could be read: a person reads the text.
    case unclear

    /// The answer as the quality staff read it in Dutch.
    public var dutchLabel: String {
        switch self {
        case .satisfied: "tevreden"
        case .notSatisfied: "niet tevreden"
        case .unclear: "onduidelijk"
        }
    }

    /// The answer in the staff mail's language.
    public func label(english: Bool) -> String {
        guard english else { return dutchLabel }
        switch self {
        case .satisfied: return "satisfied"
        case .notSatisfied: return "not satisfied"
        case .unclear: return "unclear"
        }
    }
}
