import Foundation

extension Scheduler {
    /// One rung of the handler's ladder before it is filtered: when, under which key, about what.
    struct Rung {
        var group: String
        var key: String
        var date: LocalDate
        var deadline: LocalDate
        var topic: ScheduleTopic
    }

    /// The handler reminders due at `now` and not yet sent.
    ///
    /// Only reminders whose day has come and whose term has not yet passed (the escalation
    /// takes over then); of those, per kind only the newest, and only when it was not sent
    /// yet: after downtime the handler gets one current reminder, not a pile of stale ones.
    public func reminders(for scheduled: ScheduledCase, now: Date) -> [ScheduledMail] {
        let today = civil.localDate(of: now)
        let due = rungs(for: scheduled).filter {
            $0.date <= today && !TermCalculator.isOverdue($0.deadline, at: now, civil: civil)
        }
        var newest: [String: Rung] = [:]
        var order: [String] = []
        for rung in due {
            if newest[rung.group] == nil { order.append(rung.group) }
            if let current = newest[rung.group], current.date > rung.date { continue }
            newest[rung.group] = rung
        }
        return order.compactMap { newest[$0] }
            .filter { !scheduled.sentKeys.contains($0.key) }
            .map { ScheduledMail(caseID: scheduled.id, reference: scheduled.reference, key: $0.key,
                                 template: .handlerReminder, audiences: Self.audiences(for: $0.topic), topic: $0.topic,
                                 english: scheduled.english) }
    }

    /// The handler, unless their judgement waits for the second reader: then only the quality
    /// staff's `#akkoord` moves the case, so they get the reminder.
    static func audiences(for topic: ScheduleTopic) -> [Audience] {
        if case .judgementInReview = topic { return [.quality] }
        return [.handler]
    }

    /// Every rung of a case's ladder whose term is still open, due or not.
    func rungs(for scheduled: ScheduledCase) -> [Rung] {
        let open = Dictionary(openTerms(of: scheduled).map { ($0.term, $0.due) }, uniquingKeysWith: { a, _ in a })
        var rungs: [Rung] = []
        if let decisionDue = open[.decision] {
            let (terms, extended) = ladderTerms(scheduled, decisionDue: decisionDue)
            for reminder in terms.reminders {
                let key = "reminder:" + reminder.key
                switch reminder.kind {
                case .acknowledgementDue:
                    guard let due = open[.acknowledgement] else { continue }
                    rungs.append(Rung(group: "acknowledgement", key: key, date: reminder.date, deadline: due,
                                      topic: .termEnding(.acknowledgement, due: due)))
                case .firstContactDue:
                    guard let due = open[.firstContact] else { continue }
                    rungs.append(Rung(group: "first-contact", key: key, date: reminder.date, deadline: due,
                                      topic: .termEnding(.firstContact, due: due)))
                case .weeksElapsed:
                    let weeks = Int(reminder.key.dropFirst("week-".count))
                        ?? (terms.receivedDate.days(until: reminder.date) + 6) / 7
                    rungs.append(Rung(group: "weeks", key: key, date: reminder.date, deadline: decisionDue,
                                      topic: scheduled.judgementInReview ? .judgementInReview(decisionDue: decisionDue)
                                          : .weeksElapsed(weeks, decisionDue: decisionDue)))
                case .decisionApproaching:
                    // After a Wkkgz extension the reminder before the new date is a new reminder.
                    rungs.append(Rung(group: "decision", key: extended ? key + ":" + decisionDue.iso : key,
                                      date: reminder.date, deadline: decisionDue,
                                      topic: scheduled.judgementInReview ? .judgementInReview(decisionDue: decisionDue)
                                          : .termEnding(.decision, due: decisionDue)))
                }
            }
        }
        if let measuresDue = open[.measures] {
            let before = settings.measuresReminderWorkingDays
            let date = calendar.workingDay(onOrBefore: calendar.subtracting(workingDays: before, from: measuresDue))
            rungs.append(Rung(group: "measures", key: "reminder:measures-minus-\(before):\(measuresDue.iso)", date: date,
                              deadline: measuresDue, topic: .termEnding(.measures, due: measuresDue)))
        }
        return rungs
    }

    /// The case's terms under the current policy, with a stored Wkkgz extension applied.
    private func ladderTerms(_ scheduled: ScheduledCase, decisionDue: LocalDate) -> (CaseTerms, extended: Bool) {
        let terms = TermCalculator.terms(received: scheduled.receivedAt, regime: scheduled.regime, policy: policy,
                                         calendar: calendar, civil: civil)
        // Both dates may have been moved back to a working day, so an extension of N weeks shows
        // as a little under N weeks past the statutory date: round up.
        let extraDays = terms.decisionTermEnd.days(until: decisionDue)
        guard scheduled.regime == .wkkgz, extraDays > 0,
              case .success(let extended) = TermCalculator.applyingExtension(terms, weeks: (extraDays + 6) / 7, policy: policy,
                                                                             calendar: calendar)
        else { return (terms, false) }
        return (extended, true)
    }
}
