/// The quality staff's Monday overview: what came in last week, what is overdue, what ends this week.
///
/// Meldcode cases are only counted: their details stay with the safeguarding officer.
public struct WeeklyDigest: Sendable, Equatable {
    /// A case received in the period.
    public struct Received: Sendable, Equatable {
        public var reference: CaseReference
        public var location: String?
        public var kind: MessageKind
        public var receivedDate: LocalDate
    }

    /// A term of an open case, overdue or ending soon.
    public struct TermLine: Sendable, Equatable {
        public var reference: CaseReference
        public var location: String?
        public var term: WatchedTerm
        public var due: LocalDate
        public var handler: String?
    }

    /// A judgement the handler wrote that waits for the second reader's `#akkoord` or
    /// `#terug` (`review_judgements`): the parent has nothing until the quality staff answer.
    public struct AwaitingReview: Sendable, Equatable {
        public var reference: CaseReference
        public var location: String?
        public var handler: String?
        /// The decision term the letter must reach the parent by, if one runs.
        public var decisionDue: LocalDate?
    }

    /// An open case nobody handles yet.
    public struct Unassigned: Sendable, Equatable {
        public var reference: CaseReference
        public var receivedDate: LocalDate
    }

    /// The week the digest is sent in (its key is `digest:<week>`).
    public var week: ISOWeek
    /// The period "received" covers: the previous week, Monday to Sunday.
    public var periodStart, periodEnd: LocalDate
    /// Cases received in the period, oldest first (meldcode cases left out).
    public var received: [Received]
    /// Open cases, meldcode cases left out.
    public var openCount: Int
    /// Open meldcode cases: a number only.
    public var safeguardingCount: Int
    /// Terms that have passed, by due date.
    public var overdue: [TermLine]
    /// Terms that end from today to the end of this week, by due date.
    public var dueSoon: [TermLine]
    /// Open cases without a handler, oldest first.
    public var unassigned: [Unassigned]
    /// Judgements waiting for the second reader, the nearest decision term first.
    public var awaitingReview: [AwaitingReview] = []
}
