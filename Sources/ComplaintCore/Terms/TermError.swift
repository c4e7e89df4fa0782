/// Why a term could not be changed, in words a quality officer can act on.
public enum TermError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Only Wkkgz complaints may be extended; the Wet kinderopvang has no extension.
    case extensionNotAllowed(Regime)
    /// The extension is not between 1 and the maximum number of weeks.
    case extensionOutOfRange(weeks: Int, maximum: Int)
    /// The case was already extended once.
    case alreadyExtended(weeks: Int)
    /// The written notice came after the original decision date.
    case noticeTooLate(notice: LocalDate, decisionDue: LocalDate)

    public var description: String {
        switch self {
        case .extensionNotAllowed(let regime):
            return "A \(regime.rawValue) complaint cannot be extended: only Wkkgz (art. 17) allows one extension; "
                + "the judgement stays due on its original date."
        case .extensionOutOfRange(let weeks, let maximum):
            return "An extension of \(weeks) weeks is not allowed: give a number of weeks from 1 to \(maximum)."
        case .alreadyExtended(let weeks):
            return "This case was already extended by \(weeks) weeks; the Wkkgz allows one extension only."
        case .noticeTooLate(let notice, let decisionDue):
            return "The extension notice of \(notice.iso) comes after the decision date \(decisionDue.iso); "
                + "the Wkkgz requires written notice before the six weeks end, so the case can no longer be extended."
        }
    }
}
