/// The organisation's own terms plus the legal ones that can be set per regulation.
///
/// The defaults follow the seed procedures: an acknowledgement within one working week,
/// contact with the parent within one working week, a proposed solution within three
/// weeks, and the statutory six weeks for the judgement.
public struct TermPolicy: Sendable, Equatable {
    /// Working days after receipt by which the written acknowledgement is due.
    public var acknowledgementWorkingDays = 5
    /// Working days after receipt by which the handler has contacted the parent.
    public var firstContactWorkingDays = 5
    /// Working days after receipt by which a solution should be proposed; nil when the organisation sets none.
    public var solutionTargetWorkingDays: Int? = 15
    /// Weeks after receipt by which a Jeugdwet complaint is decided (the organisation's regulation sets it).
    public var jeugdwetDecisionWeeks = 6
    /// The longest Wkkgz extension in weeks (art. 17 lid 3: at most 4).
    public var wkkgzMaxExtensionWeeks = 4
    /// Weeks after receipt on which the handler gets a reminder while the case is open.
    public var reminderWeeks: [Int] = [2, 4, 5]
    /// Working days before the decision date on which the handler gets a last reminder.
    public var reminderWorkingDaysBeforeDecision = 2
    /// Days between repeated escalations once a term has passed.
    public var escalationRepeatDays = 7

    /// Creates a policy with the defaults of the seed procedures.
    public init() {}
}
