import ComplaintCore

/// How the parents who were asked after the judgement answered: the loop the procedure closes.
///
/// An unclear answer counts as answered but neither satisfied nor not satisfied; a rating of 3 counts as not satisfied.
public struct SatisfactionFigures: Sendable, Equatable {
    public var answered: Int
    public var satisfied: Int
    public var notSatisfied: Int

    public init(answered: Int = 0, satisfied: Int = 0, notSatisfied: Int = 0) {
        self.answered = answered
        self.satisfied = satisfied
        self.notSatisfied = notSatisfied
    }

    /// The figures of `cases` (the complaints a report counts).
    public init(_ cases: [ReportCase]) {
        let answers = cases.compactMap(\.satisfaction)
        self.init(answered: answers.count, satisfied: answers.filter { $0 == .satisfied }.count,
                  notSatisfied: answers.filter { $0 == .notSatisfied }.count)
    }

    /// One Dutch sentence for the reports.
    public var sentence: String {
        guard answered > 0 else { return "Geen ouder heeft de vraag of de klacht naar tevredenheid is afgehandeld beantwoord." }
        let who = answered == 1 ? "1 ouder heeft" : "\(answered) ouders hebben"
        return "\(who) de vraag beantwoord of de klacht naar tevredenheid is afgehandeld: \(satisfied) tevreden, \(notSatisfied) niet tevreden"
            + (answered - satisfied - notSatisfied > 0 ? ", \(answered - satisfied - notSatisfied) onduidelijk." : ".")
    }
}
