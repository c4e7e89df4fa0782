/// The statute whose complaint terms apply to a case; an organisation may run more than one.
public enum Regime: String, Sendable, CaseIterable, Codable {
    /// Wet kinderopvang art. 1.57b–1.57d: judgement within 6 weeks, no extension.
    case wko
    /// Wkkgz art. 17 (health care): 6 weeks, extendable once by at most 4 weeks with written notice.
    case wkkgz
    /// Jeugdwet 4.2.1 (youth care): the term the organisation's own regulation sets (commonly 6 weeks).
    case jeugdwet
}
