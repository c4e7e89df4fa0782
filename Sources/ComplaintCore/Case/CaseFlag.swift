/// A mark on a case that people must look at, kept in the case's `flags` as its raw text.
///
/// A struct with known values rather than an enum: a flag the quality staff set by hand
/// (`hold`), or one an older or newer klachtd wrote, is read, kept and written back as it
/// is, never dropped on the way through.
public struct CaseFlag: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The stored text, e.g. `no-address`.
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    // Set at intake (`IntakeDecider`).

    /// No usable address for the parent: nobody can be acknowledged.
    public static let noAddress = CaseFlag(rawValue: "no-address")
    /// The parent gave an address that is not a plain mailbox (a comma, quotes, `%`, `!`,
    /// control characters): nothing is sent to it, and the quality staff are told.
    public static let unusableAddress = CaseFlag(rawValue: "unusable-address")
    /// No location found: the quality staff assign it.
    public static let unknownLocation = CaseFlag(rawValue: "unknown-location")
    /// Words that mark a serious complaint: management is told at once.
    public static let serious = CaseFlag(rawValue: "serious")
    /// A safeguarding word: restricted to the safeguarding officer (also set when a later message restricts the case).
    public static let safeguarding = CaseFlag(rawValue: "safeguarding")
    /// With `[authentication] authserv_id` set, neither SPF nor DKIM vouches for the From domain:
    /// the sender may be forged, so nobody got an automatic reply.
    public static let senderUnverified = CaseFlag(rawValue: "sender-unverified")
    /// Dissatisfaction next to a question or praise: registered as a complaint, the quality staff check the kind.
    public static let kindInDoubt = CaseFlag(rawValue: "kind-doubt")
    /// Serious, or about the location's own handler: management appoints the handler (`#toewijzen`).
    public static let managementAssigns = CaseFlag(rawValue: "management-assigns")

    // Set by people and by the command line.

    /// The retention purge keeps the case's personal data (a lawsuit, a claim); set by hand.
    public static let hold = CaseFlag(rawValue: "hold")
    /// A dispute at the Geschillencommissie without an internal procedure (`klachtd case new
    /// --dispute`): not counted among the complaints received.
    public static let disputeOnly = CaseFlag(rawValue: "dispute-only")
    /// Such a dispute was brought by the oudercommissie.
    public static let parentCouncil = CaseFlag(rawValue: "oudercommissie")
}
