import ComplaintCore

/// The case the planner tests plan against: a WKO complaint about Morel received on Monday
/// 4 May 2026, judged on Wednesday 20 May; `plan` runs a reply's text through the parser
/// and the planner as a handler's mail would.
protocol PlannerFixture {}

extension PlannerFixture {
    var today: LocalDate { LocalDate(year: 2026, month: 5, day: 20) }
    var morel: LocationProfile { LocationProfile(name: "Morel", aliases: ["bso morel"], handler: "behandelaar1@example.test") }
    var boomgaard: LocationProfile { LocationProfile(name: "De Boomgaard", aliases: ["boomgaard"], handler: "behandelaar2@example.test", regime: .wkkgz) }

    func facts(state: CaseState = .assigned, regime: Regime = .wko, complainant: String? = "ouder1@example.test",
               decisionDue: LocalDate = LocalDate(year: 2026, month: 6, day: 15), extended: Int = 0) -> CaseFacts {
        let terms = CaseTerms(regime: regime, receivedDate: LocalDate(year: 2026, month: 5, day: 4),
                              acknowledgementDue: LocalDate(year: 2026, month: 5, day: 11), firstContactDue: LocalDate(year: 2026, month: 5, day: 11),
                              solutionTargetDue: nil, decisionDue: decisionDue, extensionWeeks: extended,
                              gckWindowEnd: LocalDate(year: 2027, month: 5, day: 4), reminders: [])
        return CaseFacts(snapshot: CaseSnapshot(id: 1, reference: CaseReference(year: 2026, number: 1), state: state,
                                                complainantAddress: complainant, handler: "behandelaar1@example.test", location: "Morel"),
                         regime: regime, terms: terms, locations: [morel, boomgaard],
                         assignableAddresses: ["behandelaar1@example.test", "behandelaar2@example.test", "kwaliteit@example.test"],
                         termPolicy: TermPolicy(), today: today)
    }

    func plan(_ text: String, role: CommandRole = .handler, facts: CaseFacts? = nil) -> CommandPlan {
        CommandPlanner.plan(CommandParser.parse(text), role: role, facts: facts ?? self.facts())
    }
}
