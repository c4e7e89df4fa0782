/// Turns a reply's commands into the changes and mails they make, checked against the case and the role.
///
/// Pure: the daemon (mail) and the command line (`klachtd case REF ...`) both carry out the
/// same plan. Any error anywhere means an empty plan with the errors: nothing half-done.
public enum CommandPlanner {
    public static func plan(_ script: CommandScript, role: CommandRole, facts: CaseFacts) -> CommandPlan {
        var builder = Builder(script: script, role: role, facts: facts)
        builder.run()
        if !builder.plan.errors.isEmpty {
            return CommandPlan(errors: builder.plan.errors, helpRequested: builder.plan.helpRequested)
        }
        return builder.plan
    }

    struct Builder {
        let script: CommandScript
        let role: CommandRole
        let facts: CaseFacts
        var plan = CommandPlan()
        var state: CaseState

        init(script: CommandScript, role: CommandRole, facts: CaseFacts) {
            self.script = script
            self.role = role
            self.facts = facts
            state = facts.snapshot.state
            plan.errors = script.errors
        }

        mutating func run() {
            let commands = script.commands
            for command in commands {
                if let refusal = CommandAuthorization.refusal(of: command, role: role, state: state) {
                    plan.errors.append(refusal)
                }
            }
            guard plan.errors.isEmpty else { return }
            let judgements = commands.compactMap { if case .judgement(let outcome) = $0 { outcome } else { nil } }
            if judgements.count > 1 {
                plan.errors.append(CommandProblem("geef één #oordeel per bericht", english: "give one #judgement per message"))
            }
            if commands.contains(.answer), !judgements.isEmpty {
                plan.errors.append(CommandProblem("#antwoord en #oordeel gebruiken allebei de tekst eronder; stuur ze in aparte berichten",
                                                  english: "#answer and #judgement both use the text below; send them in separate messages"))
            }
            let measures = self.measures(commands, judged: !judgements.isEmpty)
            for command in commands {
                apply(command, measures: measures)
            }
        }

        /// The text under the commands as it goes into a letter to the parent: without the
        /// handler's own sign-off when the letter signs with the handler's configured name
        /// itself. Without a configured name the sign-off is the only place the parent reads
        /// who wrote, so it stays.
        var letterText: String {
            let location = facts.locations.first { $0.name == facts.snapshot.location }
            guard let name = location?.handlerName else { return script.body }
            return HandlerSignature.removed(from: script.body, names: [name])
        }

        /// The `#maatregel` lines with the `#termijn` below each; every measure needs a concrete date.
        mutating func measures(_ commands: [HandlerCommand], judged: Bool) -> [PlannedMeasure] {
            var pending: [String] = []
            var result: [PlannedMeasure] = []
            for command in commands {
                switch command {
                case .measure(let text):
                    pending.append(text)
                case .term(let spec):
                    var due = spec.resolve(from: facts.today)
                    // A counted term ("4 weken" from a judgement given on a Sunday) ends on a working
                    // day, so a parent is never told "uiterlijk zondag"; a date the handler wrote stands.
                    if case .date = spec {} else if let calendar = facts.calendar { due = calendar.workingDay(onOrAfter: due) }
                    if pending.isEmpty {
                        plan.errors.append(CommandProblem("#termijn hoort onder een #maatregel", english: "#term belongs below a #measure"))
                    }
                    if due <= facts.today {
                        plan.errors.append(CommandProblem("#termijn \(due.iso) ligt niet na vandaag (\(facts.today.iso))",
                                                          english: "#term \(due.iso) is not after today (\(facts.today.iso))"))
                    }
                    result += pending.map { PlannedMeasure(text: $0, due: due) }
                    pending = []
                default:
                    continue
                }
            }
            for text in pending {
                plan.errors.append(CommandProblem("de maatregel '\(text)' heeft geen termijn; zet #termijn eronder (datum of aantal weken)",
                                                  english: "the measure '\(text)' has no term; put #term below it (a date or a number of weeks)"))
            }
            if !judged, !result.isEmpty || !pending.isEmpty {
                plan.errors.append(CommandProblem("#maatregel en #termijn horen bij een #oordeel",
                                                  english: "#measure and #term belong with a #judgement"))
            }
            return result
        }

        mutating func apply(_ command: HandlerCommand, measures: [PlannedMeasure]) {
            switch command {
            case .answer:
                if letterText.isEmpty {
                    plan.errors.append(CommandProblem("#antwoord: schrijf de tekst voor de ouder onder de opdracht",
                                                      english: "#answer: write the text for the parent below the command"))
                }
                if facts.snapshot.complainantAddress == nil {
                    plan.errors.append(CommandProblem("#antwoord: van de ouder is geen e-mailadres bekend",
                                                      english: "#answer: the parent's e-mail address is not known"))
                }
                plan.mails.append(.answer(text: letterText))
            case .judgement(let outcome):
                judge(outcome, measures: measures)
            case .measure, .term:
                return
            case .measureDone(let selection):
                completeMeasures(selection)
            case .category(let category):
                plan.changes.append(.set(.category, category))
            case .annualSummary(let text):
                plan.changes.append(.annualSummary(text))
            case .location(let name):
                guard let location = LocationMatcher(locations: facts.locations).match(field: name) else {
                    let names = facts.locations.map(\.name).joined(separator: ", ")
                    plan.errors.append(CommandProblem("#locatie '\(name)' is onbekend; kies uit: " + names,
                                                      english: "#location '\(name)' is unknown; choose from: " + names))
                    return
                }
                plan.changes.append(.set(.location, location.name))
            case .kind(let kind):
                plan.changes.append(.set(.kind, kind.rawValue))
            case .confirmAddress(let address):
                plan.changes.append(.set(.complainantAddress, address))
            case .assign(let address):
                guard facts.assignableAddresses.contains(address) else {
                    plan.errors.append(CommandProblem("#toewijzen \(address) is geen behandelaar of kwaliteitsmedewerker in de configuratie",
                                                      english: "#assign \(address) is not a handler or quality staff member in the configuration"))
                    return
                }
                plan.changes.append(.set(.handler, address))
                transition(.assign, "toegewezen aan \(address)", word: command.word)
                plan.mails.append(.assignment)
            case .extend(let weeks, let reason):
                extend(weeks: weeks, reason: reason)
            case .withdrawn(let reason):
                transition(.withdraw, reason, word: command.word)
                plan.mails.append(.withdrawal)
            case .suspended(let reason, let review):
                suspend(reason: reason, review: review)
            case .resume:
                resume()
            case .close(let reason):
                close(reason: reason)
            case .resolved(let text):
                resolve(text)
            case .contact(let date, let method):
                contact(date ?? facts.today, method)
            case .referral(let date):
                referral(date)
            case .dispute(let date):
                dispute(date)
            case .ruling(let outcome, let date):
                ruling(outcome, date)
            case .meldcode(let reason):
                meldcode(reason)
            case .release:
                release()
            case .help:
                plan.helpRequested = true
            case .approveJudgement, .returnJudgement:
                review(command)
            }
        }

        mutating func judge(_ outcome: JudgementOutcome, measures: [PlannedMeasure]) {
            if letterText.isEmpty {
                plan.errors.append(CommandProblem("#oordeel vraagt een motivering: schrijf de redenen onder de opdrachten",
                                                  english: "#judgement needs reasons: write them below the commands"))
            }
            plan.changes.append(.set(.outcome, outcome.rawValue))
            transition(.sendJudgement, "oordeel: \(outcome.dutchLabel)", word: "#oordeel")
            if let last = measures.map(\.due).max() {
                plan.changes.append(.recordMeasures(measures))
                plan.changes.append(.setDate(.measuresDue, last))
                transition(.awaitMeasures, "\(measures.count) maatregel(en), uiterlijk \(last.iso)", word: "#oordeel")
            }
            plan.mails.append(.judgement(outcome: outcome, reasons: letterText, measures: measures))
        }

        /// `#maatregel-gereed`: only after a judgement with measures, and only measures still open.
        mutating func completeMeasures(_ selection: MeasureSelection) {
            let done = facts.measuresDone
            guard state == .judgementSent || state == .measuresPending, !done.isEmpty else {
                plan.errors.append(CommandProblem("#maatregel-gereed: deze zaak heeft geen maatregelen die nog lopen",
                                                  english: "#measure-done: this case has no measures still running"))
                return
            }
            let positions: [Int]
            switch selection {
            case .all: positions = Array(done.indices)
            case .unspecified where done.count == 1: positions = [0]
            case .unspecified:
                plan.errors.append(CommandProblem("#maatregel-gereed: deze zaak heeft \(done.count) maatregelen; noem het nummer (1 tot \(done.count)) of 'alle'",
                                                  english: "#measure-done: this case has \(done.count) measures; give the number (1 to \(done.count)) or 'all'"))
                return
            case .number(let number):
                guard done.indices.contains(number - 1) else {
                    plan.errors.append(CommandProblem("#maatregel-gereed \(number): deze zaak heeft maatregel 1 tot \(done.count)",
                                                      english: "#measure-done \(number): this case has measures 1 to \(done.count)"))
                    return
                }
                positions = [number - 1]
            }
            let open = positions.filter { !done[$0] }
            guard !open.isEmpty else {
                let one = positions.count == 1
                plan.errors.append(CommandProblem("#maatregel-gereed: \(one ? "deze maatregel is" : "de maatregelen zijn") al gereed gemeld",
                                                  english: "#measure-done: \(one ? "this measure was" : "the measures were") already reported done"))
                return
            }
            plan.changes.append(.completeMeasures(open))
        }

        mutating func extend(weeks: Int, reason: String) {
            guard state.awaitsJudgement, let terms = facts.terms else {
                plan.errors.append(CommandProblem("#verlengen kan alleen zolang het oordeel nog niet is gegeven",
                                                  english: "#extend is only possible while the judgement has not been given"))
                return
            }
            switch TermCalculator.extendedDecision(terms, weeks: weeks, policy: facts.termPolicy, noticeDate: facts.today,
                                                  calendar: facts.calendar) {
            case .success(let newDue):
                plan.changes.append(.setDate(.decisionDue, newDue))
                plan.mails.append(.termExtension(weeks: weeks, reason: reason, originalDue: terms.decisionDue))
            case .failure(let error):
                plan.errors.append(Self.problem(error))
            }
        }

        mutating func transition(_ action: CaseAction, _ reason: String, word: String) {
            switch CaseStateMachine.next(from: state, on: action) {
            case .success(let next):
                plan.changes.append(.transition(action, reason: reason))
                state = next
            case .failure:
                let englishWord = CommandVocabulary.englishWord(for: word)
                plan.errors.append(CommandProblem("\(word) kan niet bij een zaak met status '\(state.dutchLabel)'",
                                                  english: "\(englishWord) is not possible for a case that is '\(state.englishLabel)'"))
            }
        }

        /// Why `#verlengen` cannot extend the term.
        static func problem(_ error: TermError) -> CommandProblem {
            switch error {
            case .extensionNotAllowed(let regime):
                CommandProblem("#verlengen: een \(regime.rawValue)-klacht kan niet worden verlengd; alleen de Wkkgz kent één verlenging",
                               english: "#extend: a \(regime.rawValue) complaint cannot be extended; only the Wkkgz allows one extension")
            case .extensionOutOfRange(let weeks, let maximum):
                CommandProblem("#verlengen: \(weeks) weken kan niet; verleng met 1 tot \(maximum) weken",
                               english: "#extend: \(weeks) weeks is not possible; extend by 1 to \(maximum) weeks")
            case .alreadyExtended(let weeks):
                CommandProblem("#verlengen: deze zaak is al met \(weeks) weken verlengd; de Wkkgz staat één verlenging toe",
                               english: "#extend: this case was already extended by \(weeks) weeks; the Wkkgz allows one extension")
            case .noticeTooLate(_, let due):
                CommandProblem("#verlengen: de zes weken liepen af op \(due.iso); verlengen moest daarvoor worden gemeld",
                               english: "#extend: the six weeks ended on \(due.iso); an extension had to be announced before then")
            }
        }
    }
}
