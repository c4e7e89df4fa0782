import Foundation

/// Computes a case's terms from the moment of submission.
///
/// Choices, each following the law or the seed procedures:
/// - Clocks start on the local date (Europe/Amsterdam) of submission, whatever the hour:
///   a complaint sent at 23:59 on 31 December was received on 31 December.
/// - Working-day terms count the working days after the received date; the received
///   date itself never counts, even when it is a working day.
/// - The 6-week decision term is a calendar term: 6 weeks after Monday 4 May is Monday
///   15 June (`decisionTermEnd`). Parents and handlers are told, and reminders and
///   escalation follow, the last working day on or before it (`decisionDue`): deciding a
///   day early is never wrong. Lateness in the annual report is judged by the Algemene
///   termijnenwet's date (`legalDecisionDeadline`), which runs on past a weekend or holiday.
/// - The Geschillencommissie window ends 12 calendar months after submission, clamped
///   to the month's end (29 February 2028 + 12 months = 28 February 2029).
/// - A term due on a date ends at the end of that local day (`isOverdue`).
/// - Reminders that would fall on a non-working day move to the previous working day;
///   one that would then come before the received date is sent on the first working
///   day on or after it instead.
public enum TermCalculator {
    /// The statutory decision term of the Wet kinderopvang and the Wkkgz, in weeks.
    public static let statutoryDecisionWeeks = 6

    /// The months after submission during which the parent can go to the Geschillencommissie.
    public static let disputeWindowMonths = 12

    /// The terms of a complaint submitted at `received`.
    public static func terms(received: Date, regime: Regime, policy: TermPolicy,
                             calendar: WorkingDayCalendar, civil: CivilTime) -> CaseTerms {
        let receivedDate = civil.localDate(of: received)
        let acknowledgementDue = calendar.adding(workingDays: policy.acknowledgementWorkingDays, to: receivedDate)
        let firstContactDue = calendar.adding(workingDays: policy.firstContactWorkingDays, to: receivedDate)
        let decisionWeeks = regime == .jeugdwet ? policy.jeugdwetDecisionWeeks : statutoryDecisionWeeks
        let decisionTermEnd = receivedDate.adding(weeks: decisionWeeks)
        let decisionDue = calendar.workingDay(onOrBefore: decisionTermEnd)
        return CaseTerms(
            regime: regime,
            receivedDate: receivedDate,
            acknowledgementDue: acknowledgementDue,
            firstContactDue: firstContactDue,
            solutionTargetDue: policy.solutionTargetWorkingDays.map { calendar.adding(workingDays: $0, to: receivedDate) },
            decisionDue: decisionDue,
            decisionTermEnd: decisionTermEnd,
            gckWindowEnd: receivedDate.adding(months: disputeWindowMonths),
            reminders: reminders(receivedDate: receivedDate, acknowledgementDue: acknowledgementDue,
                                 firstContactDue: firstContactDue, decisionDue: decisionDue,
                                 policy: policy, calendar: calendar))
    }

    /// The decision date after a Wkkgz extension of `weeks` weeks, counted from the original statutory
    /// date and, with a `calendar`, moved to the last working day on or before it.
    ///
    /// Fails for other regimes, for a second extension, for more than `policy.wkkgzMaxExtensionWeeks`,
    /// and when the written notice (if given) is dated after the original decision date.
    public static func extendedDecision(_ terms: CaseTerms, weeks: Int, policy: TermPolicy,
                                        noticeDate: LocalDate? = nil,
                                        calendar: WorkingDayCalendar? = nil) -> Result<LocalDate, TermError> {
        guard terms.regime == .wkkgz else { return .failure(.extensionNotAllowed(terms.regime)) }
        guard terms.extensionWeeks == 0 else { return .failure(.alreadyExtended(weeks: terms.extensionWeeks)) }
        guard weeks >= 1, weeks <= policy.wkkgzMaxExtensionWeeks else {
            return .failure(.extensionOutOfRange(weeks: weeks, maximum: policy.wkkgzMaxExtensionWeeks))
        }
        if let noticeDate, noticeDate > terms.decisionDue {
            return .failure(.noticeTooLate(notice: noticeDate, decisionDue: terms.decisionDue))
        }
        let termEnd = terms.decisionTermEnd.adding(weeks: weeks)
        return .success(calendar?.workingDay(onOrBefore: termEnd) ?? termEnd)
    }

    /// `terms` with a Wkkgz extension applied: the new decision date, the extension recorded, and
    /// the decision reminder moved (the other reminders keep their dates and keys).
    public static func applyingExtension(_ terms: CaseTerms, weeks: Int, policy: TermPolicy,
                                         calendar: WorkingDayCalendar,
                                         noticeDate: LocalDate? = nil) -> Result<CaseTerms, TermError> {
        extendedDecision(terms, weeks: weeks, policy: policy, noticeDate: noticeDate, calendar: calendar).map { newDue in
            var extended = terms
            extended.decisionDue = newDue
            extended.decisionTermEnd = terms.decisionTermEnd.adding(weeks: weeks)
            extended.extensionWeeks = weeks
            extended.reminders = reminders(receivedDate: terms.receivedDate,
                                           acknowledgementDue: terms.acknowledgementDue,
                                           firstContactDue: terms.firstContactDue, decisionDue: newDue,
                                           policy: policy, calendar: calendar)
            return extended
        }
    }

    /// Whether a term due on `due` has passed at `now`: it ends at the end of that local day.
    public static func isOverdue(_ due: LocalDate, at now: Date, civil: CivilTime) -> Bool {
        now > civil.endOfDay(due)
    }

    /// The date of the next escalation for a term that passed on `due`: the day after it, then every
    /// `policy.escalationRepeatDays` days after the last one sent.
    public static func nextEscalation(due: LocalDate, lastSent: LocalDate?, policy: TermPolicy) -> LocalDate {
        guard let lastSent else { return due.adding(days: 1) }
        return lastSent.adding(days: max(1, policy.escalationRepeatDays))
    }

    private static func reminders(receivedDate: LocalDate, acknowledgementDue: LocalDate,
                                  firstContactDue: LocalDate, decisionDue: LocalDate,
                                  policy: TermPolicy, calendar: WorkingDayCalendar) -> [ScheduledReminder] {
        func onWorkingDay(_ date: LocalDate) -> LocalDate {
            let moved = calendar.workingDay(onOrBefore: date)
            return moved < receivedDate ? calendar.workingDay(onOrAfter: receivedDate) : moved
        }
        var list = [
            ScheduledReminder(key: "ack-due-1",
                              date: onWorkingDay(calendar.subtracting(workingDays: 1, from: acknowledgementDue)),
                              kind: .acknowledgementDue),
            ScheduledReminder(key: "first-contact-due-1",
                              date: onWorkingDay(calendar.subtracting(workingDays: 1, from: firstContactDue)),
                              kind: .firstContactDue),
        ]
        for weeks in Set(policy.reminderWeeks).sorted() where weeks > 0 {
            let date = onWorkingDay(receivedDate.adding(weeks: weeks))
            if date < decisionDue {
                list.append(ScheduledReminder(key: "week-\(weeks)", date: date, kind: .weeksElapsed))
            }
        }
        let beforeDecision = policy.reminderWorkingDaysBeforeDecision
        list.append(ScheduledReminder(
            key: "decision-minus-\(beforeDecision)",
            date: onWorkingDay(calendar.subtracting(workingDays: beforeDecision, from: decisionDue)),
            kind: .decisionApproaching))
        return list.enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
    }
}
