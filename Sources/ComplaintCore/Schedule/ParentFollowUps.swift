import Foundation

extension Scheduler {
    /// The mails that keep the parent informed and close the loop: progress updates before the
    /// judgement, the satisfaction question after it, its reminder, and the escalation when the
    /// parent is not satisfied or did not answer.
    ///
    /// Sent only from `parentMailHour`, only to a parent we can write to, never for meldcode
    /// cases (they run no clock). Each has one key, so a restart or a second pass sends nothing twice.
    public func parentFollowUps(for scheduled: ScheduledCase, now: Date) -> [ScheduledMail] {
        let today = civil.localDate(of: now)
        guard scheduled.runsClock, scheduled.parentReachable,
              now >= civil.date(today, hour: settings.parentMailHour, minute: 0) else { return [] }
        return [progressUpdate(for: scheduled, today: today)].compactMap { $0 } + satisfaction(for: scheduled, today: today)
    }

    /// A progress update when the parent has heard nothing for `progressUpdateWorkingDays`, while the judgement is awaited.
    ///
    /// Counted from the last mail to the parent of any kind, an earlier update included, so they
    /// come no more often than the setting; keyed on the day it fell due. Not once the decision
    /// date has passed: the letter would name a date gone by, and the escalation is under way.
    func progressUpdate(for scheduled: ScheduledCase, today: LocalDate) -> ScheduledMail? {
        let days = settings.progressUpdateWorkingDays
        guard days > 0, scheduled.state.awaitsJudgement, let decisionDue = scheduled.decisionDue, today <= decisionDue else {
            return nil
        }
        let since = civil.localDate(of: scheduled.lastParentMail ?? scheduled.receivedAt)
        let due = calendar.adding(workingDays: days, to: since)
        let key = "progress-update:\(due.iso)"
        guard today >= due, !scheduled.sentKeys.contains(key) else { return nil }
        return ScheduledMail(caseID: scheduled.id, reference: scheduled.reference, key: key, template: .progressUpdate,
                             audiences: [.complainant], topic: .progressUpdate(since: since, decisionDue: decisionDue),
                             english: scheduled.english, also: [MailIntent(.progressUpdateNotice, to: .handler)])
    }

    /// The satisfaction question after the judgement, its one reminder, and what follows an answer.
    ///
    /// Satisfied needs no mail here (the case closes when its measures are done); not satisfied,
    /// or no answer by `satisfactionEscalationWorkingDays` after the reminder, tells the quality
    /// staff and gives the parent the outside bodies again; an unclear answer goes to the quality staff only.
    func satisfaction(for scheduled: ScheduledCase, today: LocalDate) -> [ScheduledMail] {
        // A case put under the meldcode after its judgement (a later message hit the screen) asks the parent nothing more.
        guard settings.satisfactionWorkingDays > 0, !scheduled.state.awaitsJudgement, scheduled.state != .safeguarding,
              let judged = scheduled.judgementAt else {
            return []
        }
        func mail(_ key: String, _ template: TemplateName, _ audiences: [Audience], _ topic: ScheduleTopic,
                  also: [MailIntent] = []) -> [ScheduledMail] {
            guard !scheduled.sentKeys.contains(key) else { return [] }
            return [ScheduledMail(caseID: scheduled.id, reference: scheduled.reference, key: key, template: template,
                                  audiences: audiences, topic: topic, english: scheduled.english, also: also)]
        }
        guard let check = scheduled.satisfaction else {
            let ask = calendar.adding(workingDays: settings.satisfactionWorkingDays, to: civil.localDate(of: judged))
            return today >= ask ? mail("satisfaction:question", .satisfactionQuestion, [.complainant], .satisfactionQuestion) : []
        }
        let escalation = [MailIntent(.escalationInformation, to: .complainant)]
        switch check.answer {
        case .satisfied?:
            return []
        case .notSatisfied?:
            return mail("satisfaction:escalation", .dissatisfactionNotice, [.quality], .dissatisfied(.notSatisfied), also: escalation)
        case .unclear?:
            return mail("satisfaction:unclear", .dissatisfactionNotice, [.quality], .dissatisfied(.unclear))
        case nil:
            guard let reminded = check.remindedAt else {
                let remind = calendar.adding(workingDays: settings.satisfactionReminderWorkingDays, to: civil.localDate(of: check.askedAt))
                return today >= remind ? mail("satisfaction:reminder", .satisfactionReminder, [.complainant], .satisfactionReminder) : []
            }
            let give = calendar.adding(workingDays: settings.satisfactionEscalationWorkingDays, to: civil.localDate(of: reminded))
            return today >= give ? mail("satisfaction:escalation", .dissatisfactionNotice, [.quality], .dissatisfied(nil),
                                        also: escalation) : []
        }
    }
}
