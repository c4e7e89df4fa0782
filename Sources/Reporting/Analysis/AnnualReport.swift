import ComplaintCore

/// The annual complaints report (Wet kinderopvang 1.57b lid 4–9), as numbers and anonymous text.
public struct AnnualReport: Sendable, Equatable {
    public var year: Int
    public var organisation: String
    public var texts: ReportTexts
    /// Complaints received in the year, handled under the complaint procedure.
    public var complaints: Int
    /// The other customer reactions (onvrede, vraag, compliment, ...) received in the year.
    public var otherReactions: [Tally]
    /// Messages handled under the meldcode: only their number is reported.
    public var meldcodeCount: Int
    /// Complaints per month of receipt, January first (always 12).
    public var perMonth: [Int]
    public var perCategory: [Tally]
    public var perOutcome: [Tally]
    public var locations: [LocationSection]
    public var handling: HandlingTimes
    /// The disputes recorded as submitted to the Geschillencommissie in the year: what was recorded, not proof of what was not.
    public var disputes: [Dispute]
    /// How many parents were recorded as having gone to the Klachtenloket Kinderopvang in the year.
    public var referrals = 0
    public var previousYear: YearFigures
    /// The satisfaction answers of the year's complaints.
    public var satisfaction = SatisfactionFigures()
    /// When it went to the GGD and was discussed with the oudercommissie (`report_cycles`).
    public var submission = ReportSubmission()

    /// Whether the year had no complaints: the report says so and the law asks for none.
    public var isEmpty: Bool { complaints == 0 }

    /// This year against the previous one, per category.
    public var categoryComparison: [Comparison] { perCategory.compared(with: previousYear.perCategory) }
    /// This year against the previous one, per location.
    public var locationComparison: [Comparison] { locations.map { Tally(label: $0.name, count: $0.count) }.compared(with: previousYear.perLocation) }
}

/// One location's complaints: how many, about what, the judgements and the measures.
public struct LocationSection: Sendable, Equatable {
    public var name: String
    public var count: Int
    public var perCategory: [Tally]
    public var perOutcome: [Tally]
    public var judgements: [JudgementEntry]
}

/// The gist of one judgement, without anything that points to a person.
public struct JudgementEntry: Sendable, Equatable {
    public var category: ComplaintCategory
    public var outcome: ComplaintOutcome
    public var measures: String?
    public var measuresDue: LocalDate?
    public var summary: String?
}

/// One dispute put to the Geschillencommissie in the year.
public struct Dispute: Sendable, Equatable {
    public var category: ComplaintCategory
    public var outcome: String
    /// After the internal procedure, directly, or brought by the oudercommissie.
    public var origin: DisputeOrigin = .afterProcedure

    public init(category: ComplaintCategory, outcome: String, origin: DisputeOrigin = .afterProcedure) {
        self.category = category
        self.outcome = outcome
        self.origin = origin
    }
}

/// The numbers of a year, for the comparison.
public struct YearFigures: Sendable, Equatable {
    public var year: Int
    public var complaints: Int
    public var perCategory: [Tally]
    public var perLocation: [Tally]
    public var handling: HandlingTimes
}

/// The texts the organisation writes itself (`Templates/nl/report-*.md`).
public struct ReportTexts: Sendable, Equatable {
    /// The complaints regulation in brief.
    public var regulation: String
    /// How parents were told of the regulation.
    public var communication: String

    public init(regulation: String, communication: String) {
        self.regulation = regulation
        self.communication = communication
    }
}
