import Foundation

/// When the weekly digest goes out and how measures are reminded of; the term ladder itself is `TermPolicy`.
public struct ScheduleSettings: Sendable, Equatable {
    /// ISO weekday the digest is sent on (1 is Monday); a holiday moves it to the next working day.
    public var digestWeekday = 1
    /// Local hour from which the digest is sent on that day.
    public var digestHour = 8
    /// Working days before a measures due date on which the handler is reminded.
    public var measuresReminderWorkingDays = 2
    /// Working days without any mail to the parent after which they get a progress update; 0 sends none.
    public var progressUpdateWorkingDays = 10
    /// Working days after the judgement on which the parent is asked whether they are satisfied; 0 asks nothing.
    public var satisfactionWorkingDays = 5
    /// Working days after the question on which its one reminder goes out.
    public var satisfactionReminderWorkingDays = 5
    /// Working days after the reminder on which no answer goes to the quality staff.
    public var satisfactionEscalationWorkingDays = 5
    /// Local hour from which scheduled mail to parents is sent, so nothing reaches them at night.
    public var parentMailHour = 9

    /// Creates the defaults: the digest on Monday from 08:00, measures reminded 2 working days ahead,
    /// a progress update after 10 quiet working days, the satisfaction question 5 working days after the judgement.
    public init(digestWeekday: Int = 1, digestHour: Int = 8, measuresReminderWorkingDays: Int = 2,
                progressUpdateWorkingDays: Int = 10, satisfactionWorkingDays: Int = 5,
                satisfactionReminderWorkingDays: Int = 5, satisfactionEscalationWorkingDays: Int = 5) {
        self.digestWeekday = digestWeekday
        self.digestHour = digestHour
        self.measuresReminderWorkingDays = measuresReminderWorkingDays
        self.progressUpdateWorkingDays = progressUpdateWorkingDays
        self.satisfactionWorkingDays = satisfactionWorkingDays
        self.satisfactionReminderWorkingDays = satisfactionReminderWorkingDays
        self.satisfactionEscalationWorkingDays = satisfactionEscalationWorkingDays
    }
}

/// Decides which reminders, escalations and digests are due at a moment: pure, from the cases' facts.
///
/// The ladder (see `Sources/KlachtDaemon/Scheduling/README.md`):
/// - the handler is reminded before the acknowledgement and first-contact terms end, at the
///   configured weeks (2, 4, 5), a few working days before the decision date, and before a
///   measures due date — each only while its term is unmet and has not yet passed;
/// - a term that passed unmet goes to the quality staff and management the day after, then
///   every `TermPolicy.escalationRepeatDays` days after the last one sent;
/// - the quality staff get a digest once per ISO week, on its first working day from 08:00.
///
/// Catching up after downtime sends the newest due reminder of each kind once, never a burst
/// of stale ones; an escalation is keyed on the day it is sent, so the weekly rhythm restarts there.
public struct Scheduler: Sendable {
    public let policy: TermPolicy
    public let calendar: WorkingDayCalendar
    public let civil: CivilTime
    public let settings: ScheduleSettings

    /// Creates a scheduler over the organisation's terms and calendar.
    public init(policy: TermPolicy, calendar: WorkingDayCalendar, civil: CivilTime, settings: ScheduleSettings = .init()) {
        self.policy = policy
        self.calendar = calendar
        self.civil = civil
        self.settings = settings
    }

    /// Every mail due at `now` and not yet sent: per case its reminders and escalations, then the digest.
    ///
    /// `globalSentKeys` are the keys claimed for no case (the digests).
    public func due(cases: [ScheduledCase], globalSentKeys: Set<String>, now: Date) -> [ScheduledMail] {
        var mails: [ScheduledMail] = []
        for scheduled in cases.sorted(by: { $0.reference < $1.reference }) {
            mails += reminders(for: scheduled, now: now)
            mails += escalations(for: scheduled, now: now)
            mails += parentFollowUps(for: scheduled, now: now)
            mails += safeguardingReminders(for: scheduled, now: now)
            mails += suspensionReviews(for: scheduled, now: now)
            if let reminder = assignmentReminder(for: scheduled, now: now) { mails.append(reminder) }
        }
        if let digest = digest(cases: cases, globalSentKeys: globalSentKeys, now: now) { mails.append(digest) }
        return mails
    }

    /// The terms of a case that are still to be met, with their due dates.
    ///
    /// Acknowledgement until the parent had it; first contact until the handler was in touch;
    /// the decision until the judgement was sent; measures while the judgement's measures run.
    public func openTerms(of scheduled: ScheduledCase) -> [(term: WatchedTerm, due: LocalDate)] {
        guard scheduled.runsClock else { return [] }
        var terms: [(WatchedTerm, LocalDate)] = []
        if scheduled.state.awaitsJudgement {
            if !scheduled.acknowledged, let due = scheduled.acknowledgementDue { terms.append((.acknowledgement, due)) }
            if !scheduled.parentContacted, let due = scheduled.firstContactDue { terms.append((.firstContact, due)) }
            if let due = scheduled.decisionDue { terms.append((.decision, due)) }
        }
        if scheduled.state == .judgementSent || scheduled.state == .measuresPending, let due = scheduled.measuresDue {
            terms.append((.measures, due))
        }
        return terms.map { (term: $0.0, due: $0.1) }
    }

    /// Escalations to the quality staff and management for every open term that has passed.
    public func escalations(for scheduled: ScheduledCase, now: Date) -> [ScheduledMail] {
        let today = civil.localDate(of: now)
        return openTerms(of: scheduled).compactMap { term, due in
            guard TermCalculator.isOverdue(due, at: now, civil: civil) else { return nil }
            let prefix = "escalation:\(term.rawValue):"
            let sent = scheduled.sentKeys.filter { $0.hasPrefix(prefix) }.compactMap { LocalDate(iso: String($0.dropFirst(prefix.count))) }
            let next = TermCalculator.nextEscalation(due: due, lastSent: sent.max(), policy: policy)
            guard today >= next else { return nil }
            return ScheduledMail(caseID: scheduled.id, reference: scheduled.reference, key: prefix + today.iso,
                                 template: .overdueEscalation, audiences: [.quality, .management],
                                 topic: .termPassed(term, due: due, earlier: sent.count), english: scheduled.english)
        }
    }

    /// The daily reminder to management of a complaint only it may assign, from the working day
    /// after receipt (the first request went with the intake), at the digest hour, until a handler is set.
    public func assignmentReminder(for scheduled: ScheduledCase, now: Date) -> ScheduledMail? {
        guard scheduled.managementAssigns, scheduled.handler == nil, scheduled.runsClock, scheduled.state.awaitsJudgement else {
            return nil
        }
        let today = civil.localDate(of: now)
        let received = civil.localDate(of: scheduled.receivedAt)
        guard today > received, calendar.isWorkingDay(today), now >= civil.date(today, hour: settings.digestHour, minute: 0) else {
            return nil
        }
        return ScheduledMail(caseID: scheduled.id, reference: scheduled.reference, key: "assign-reminder:\(today.iso)",
                             template: .managementAssignment, audiences: [.management],
                             topic: .awaitingAssignment(since: received), english: scheduled.english)
    }
}
