/// The commands off the happy path: the meldcode's release and close, suspension and its
/// resumption, closing without a judgement, contact outside mail, and the outside bodies.
extension CommandPlanner.Builder {
    /// Days a suspension lasts when the handler names no review date.
    static let defaultReviewDays = 14

    /// `#meldcode`: puts an open case under the meldcode, or closes one already under it (with a reason).
    /// As when a message's words restrict a case, the handler is taken off it: the location team
    /// gets nothing more, and the handler may be the one described. `#vrijgeven` assigns again.
    mutating func meldcode(_ reason: String?) {
        guard state == .safeguarding else {
            transition(.restrictForSafeguarding, reason ?? "onder de meldcode gebracht", word: "#meldcode")
            if plan.errors.isEmpty, facts.snapshot.handler != nil { plan.changes.append(.set(.handler, nil)) }
            return
        }
        guard let reason, !reason.isEmpty else {
            plan.errors.append(CommandProblem("#meldcode bij een zaak die al onder de meldcode valt sluit die zaak; "
                                              + "schrijf de reden erbij, bv. '#meldcode melding gedaan bij Veilig Thuis'",
                                              english: "#safeguarding on a case already under the meldcode closes that case; "
                                              + "add the reason, e.g. '#safeguarding reported to Veilig Thuis'"))
            return
        }
        transition(.closeUnderMeldcode, "gesloten onder de meldcode: \(reason)", word: "#meldcode")
    }

    /// `#vrijgeven`: the procedure starts as if the complaint had just been accepted, with the
    /// terms counted from the original receipt: the location's handler is assigned and told,
    /// the parent gets the acknowledgement with an apology for the delay.
    mutating func release() {
        transition(.releaseFromSafeguarding, "vrijgegeven door de aandachtsfunctionaris", word: "#vrijgeven")
        guard plan.errors.isEmpty else { return }
        if facts.kind.startsStatutoryClock, let terms = facts.receiptTerms {
            plan.changes += [
                .setDate(.acknowledgementDue, terms.acknowledgementDue), .setDate(.firstContactDue, terms.firstContactDue),
                .setDate(.solutionTargetDue, terms.solutionTargetDue), .setDate(.decisionDue, terms.decisionDue),
                .setDate(.gckWindowEnd, terms.gckWindowEnd),
            ]
        }
        if facts.snapshot.complainantAddress != nil { plan.mails.append(.releaseAcknowledgement) }
        let location = facts.locations.first { $0.name == facts.snapshot.location }
        if let handler = location?.handler?.lowercased() {
            plan.changes.append(.set(.handler, handler))
            transition(.assign, "na vrijgave toegewezen aan \(handler)", word: "#vrijgeven")
            plan.mails.append(.assignment)
        } else {
            plan.mails.append(.unassigned)
        }
    }

    /// `#geschorst [DATE] REASON`: the parent is told; the handler is reminded on the review date.
    mutating func suspend(reason: String, review: LocalDate?) {
        let day = review ?? facts.today.adding(days: Self.defaultReviewDays)
        guard day > facts.today else {
            plan.errors.append(CommandProblem("#geschorst \(day.iso): de datum waarop de zaak weer wordt bekeken ligt niet na vandaag",
                                              english: "#suspended \(day.iso): the date the case is looked at again is not after today"))
            return
        }
        transition(.suspend, reason, word: "#geschorst")
        plan.changes.append(.setDate(.reviewDue, day))
        plan.mails.append(.suspension(review: day))
    }

    /// `#hervatten`: a suspended case goes on where it was; the parent is told.
    mutating func resume() {
        transition(.resume, "behandeling hervat", word: "#hervatten")
        plan.changes.append(.setDate(.reviewDue, nil))
        plan.mails.append(.resumption)
    }

    /// `#gesloten`: for a case that needs no judgement, or one that has had it; never a complaint still waiting for it.
    mutating func close(reason: String?) {
        if facts.kind.startsStatutoryClock, state.awaitsJudgement || state == .suspended {
            plan.errors.append(CommandProblem("een klacht sluit u niet met #gesloten zolang er geen oordeel is: geef een #oordeel, "
                                              + "of schrijf #opgelost TEKST (de ouder is het eens dat het zonder oordeel is opgelost) "
                                              + "of #ingetrokken REDEN (de ouder trekt de klacht in)",
                                              english: "a complaint is not closed with #close while it has no judgement: give a #judgement, "
                                              + "or write #resolved TEXT (the parent agrees it was resolved without a judgement) "
                                              + "or #withdrawn REASON (the parent withdraws the complaint)"))
            return
        }
        transition(.close, reason ?? "gesloten", word: "#gesloten")
        plan.mails.append(.closing(reason: nil))
    }

    /// `#opgelost TEXT`: the parent agreed the complaint was solved without a judgement.
    mutating func resolve(_ text: String) {
        guard state.awaitsJudgement || state == .suspended else {
            plan.errors.append(CommandProblem("#opgelost kan alleen zolang er nog geen oordeel is; daarna sluit u de zaak met #gesloten",
                                              english: "#resolved is only possible while there is no judgement yet; after it, close the case with #close"))
            return
        }
        plan.changes.append(.set(.outcome, "informeel opgelost"))
        transition(.close, "opgelost zonder oordeel, met instemming van de ouder", word: "#opgelost")
        plan.mails.append(.resolution(text: text))
    }

    /// `#contact [DATE] HOW`: first contact on file, so the term is met.
    mutating func contact(_ date: LocalDate, _ method: ContactMethod) {
        if date > facts.today {
            plan.errors.append(CommandProblem("#contact \(date.iso) ligt na vandaag", english: "#contact \(date.iso) is after today"))
        }
        if let received = facts.receivedDate, date < received {
            plan.errors.append(CommandProblem("#contact \(date.iso) ligt voor de dag waarop de zaak binnenkwam (\(received.iso))",
                                              english: "#contact \(date.iso) is before the day the case came in (\(received.iso))"))
        }
        plan.changes.append(.recordContact(date, method))
    }

    /// `#klachtenloket DATE`: recorded for the report; the internal procedure goes on.
    mutating func referral(_ date: LocalDate) {
        guard date <= facts.today else {
            plan.errors.append(CommandProblem("#klachtenloket \(date.iso) ligt na vandaag", english: "#referral \(date.iso) is after today"))
            return
        }
        plan.changes.append(.recordReferral(date))
    }

    /// `#geschil DATE`: the Geschillencommissie has the case now.
    mutating func dispute(_ date: LocalDate) {
        guard date <= facts.today else {
            plan.errors.append(CommandProblem("#geschil \(date.iso) ligt na vandaag", english: "#dispute \(date.iso) is after today"))
            return
        }
        transition(.referToGeschillencommissie, "geschil voorgelegd aan de Geschillencommissie op \(date.iso)", word: "#geschil")
        plan.changes.append(.recordDispute(date))
    }

    /// `#uitspraak OUTCOME DATE`: the ruling closes the case.
    mutating func ruling(_ outcome: RulingOutcome, _ date: LocalDate) {
        guard state == .referredGeschillencommissie else {
            plan.errors.append(CommandProblem("#uitspraak hoort bij een geschil: leg eerst met #geschil DATUM vast wanneer het is voorgelegd",
                                              english: "#ruling belongs with a dispute: first record with #dispute DATE when it was submitted"))
            return
        }
        guard date <= facts.today else {
            plan.errors.append(CommandProblem("#uitspraak \(date.iso) ligt na vandaag", english: "#ruling \(date.iso) is after today"))
            return
        }
        plan.changes.append(.recordRuling(outcome, date))
        transition(.close, "uitspraak van de Geschillencommissie: \(outcome.dutchLabel)", word: "#uitspraak")
    }
}
