import ComplaintCore

/// When the report went to the GGD and when the oudercommissie discussed it (issue 20): what
/// the quality staff recorded with `#jaarverslag-verzonden` / `#oudercommissie` or
/// `klachtd report-cycle`; nil while not recorded (a draft shows what is still to happen).
public struct ReportSubmission: Sendable, Equatable {
    public var sentToGGD: LocalDate?
    public var oudercommissie: LocalDate?

    public init(sentToGGD: LocalDate? = nil, oudercommissie: LocalDate? = nil) {
        self.sentToGGD = sentToGGD
        self.oudercommissie = oudercommissie
    }
}

extension AnnualReport {
    /// The heading of the section that shows both dates.
    static let submissionHeading = "Verzending en bespreking"

    /// One sentence per step, with its date or "nog niet".
    static func submissionLines(_ report: AnnualReport) -> [String] {
        let deadline = "1 juni \(report.year + 1)"
        let ggd = report.submission.sentToGGD.map { "Verzonden aan de GGD op \(DutchWording.date($0))." }
            ?? "Verzonden aan de GGD: nog niet (uiterlijk vóór \(deadline))."
        let committee = report.submission.oudercommissie.map { "Besproken met de oudercommissie op \(DutchWording.date($0))." }
            ?? "Besproken met de oudercommissie: nog niet."
        return [ggd, committee]
    }
}
