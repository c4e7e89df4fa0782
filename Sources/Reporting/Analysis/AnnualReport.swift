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
    /// The day the report was made: complaints still open past their term on it count as late.
    public var asOf: LocalDate
    /// What kind of organisation writes it, and its LRK numbers.
    public var setting = ReportSetting()
    /// What the quality staff still have to do before the report is final; only the draft shows it.
    public var toDo = ReportToDo()

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
    /// The location's number in the Landelijk Register Kinderopvang (`lrk` in its `[location]` section).
    public var lrk: String?
    public var count: Int
    public var perCategory: [Tally]
    public var perOutcome: [Tally]
    public var judgements: [JudgementEntry]
}

/// The gist of one judgement, without anything that points to a person.
///
/// The description is the report text written for publication (`#jaarverslag`, `klachtd case
/// REF report-text`); the measures' own text was written for the parent and may name a staff
/// member, so only their number and last term are published.
public struct JudgementEntry: Sendable, Equatable {
    public var category: ComplaintCategory
    public var outcome: ComplaintOutcome
    /// How many measures the judgement set.
    public var measureCount: Int
    /// The last of their terms.
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
    /// The organisation's analysis of the year and the improvements it made (`report-analyse.md`); nil: no section.
    public var analysis: String?

    public init(regulation: String, communication: String, analysis: String? = nil) {
        self.regulation = regulation
        self.communication = communication
        self.analysis = analysis
    }
}

/// Who writes the report: a childcare organisation with locations, or a gastouderbureau, which
/// reports as one organisation (no locations, DOMAIN.md), and the LRK numbers.
public struct ReportSetting: Sendable, Equatable {
    public var gastouderbureau: Bool
    /// The organisation's own LRK number (a gastouderbureau has one), from `[organisation] lrk`.
    public var lrk: String?
    /// Location name → LRK number, from `lrk` in each `[location]` section.
    public var locationLRK: [String: String]

    public init(gastouderbureau: Bool = false, lrk: String? = nil, locationLRK: [String: String] = [:]) {
        self.gastouderbureau = gastouderbureau
        self.lrk = lrk
        self.locationLRK = locationLRK
    }
}

/// The cases the quality staff should deal with before the report is final, by reference.
/// Only the draft shows them: references are for the staff, not for the GGD or the parents.
public struct ReportToDo: Sendable, Equatable {
    /// Complaints without a category: counted as "Niet gecategoriseerd".
    public var uncategorised: [String] = []
    /// Complaints without a location: counted under "Algemeen (geen locatie)".
    public var withoutLocation: [String] = []
    /// Complaints without a report text: only their category, outcome and measure terms are published.
    public var withoutReportText: [String] = []
    /// Complaints still waiting for their judgement on the report's day; `lateOpen` of them past their term.
    public var stillOpen: [String] = []
    public var lateOpen: [String] = []

    public init() {}

    public var isEmpty: Bool { uncategorised.isEmpty && withoutLocation.isEmpty && withoutReportText.isEmpty && stillOpen.isEmpty }
}
