import Foundation

extension Scheduler {
    /// The week's digest for the quality staff: on the digest day from the digest hour, once, and only with something in it.
    ///
    /// The digest day is the first working day on or after `settings.digestWeekday` (Tuesday when
    /// Monday is Tweede Paasdag or Tweede Pinksterdag). A digest missed for that whole day is not
    /// sent later in the week, and a week with no open cases and no arrivals gets no digest:
    /// a daemon started on a Thursday does not send Monday's overview.
    public func digest(cases: [ScheduledCase], globalSentKeys: Set<String>, now: Date) -> ScheduledMail? {
        let today = civil.localDate(of: now)
        let week = ISOWeek(containing: today)
        let key = "digest:\(week)"
        let sendDay = calendar.workingDay(onOrAfter: week.monday.adding(days: max(1, min(7, settings.digestWeekday)) - 1))
        guard today == sendDay, now >= civil.date(sendDay, hour: settings.digestHour, minute: 0),
              !globalSentKeys.contains(key) else { return nil }
        let digest = weeklyDigest(cases: cases, week: week, now: now)
        guard digest.openCount > 0 || digest.safeguardingCount > 0 || !digest.received.isEmpty else { return nil }
        return ScheduledMail(caseID: nil, reference: nil, key: key, template: .weeklyDigest, audiences: [.quality],
                             topic: .digest(digest))
    }

    /// The overview's content: last week's arrivals, and the open cases' terms as they stand at `now`.
    public func weeklyDigest(cases: [ScheduledCase], week: ISOWeek, now: Date) -> WeeklyDigest {
        let periodStart = week.monday.adding(days: -7), periodEnd = week.monday.adding(days: -1)
        let visible = cases.filter { $0.state != .safeguarding }
        let open = visible.filter(\.state.isOpen)
        var overdue: [WeeklyDigest.TermLine] = [], dueSoon: [WeeklyDigest.TermLine] = []
        for scheduled in open {
            for (term, due) in openTerms(of: scheduled) {
                let line = WeeklyDigest.TermLine(reference: scheduled.reference, location: scheduled.location, term: term,
                                                 due: due, handler: scheduled.handler)
                if TermCalculator.isOverdue(due, at: now, civil: civil) {
                    overdue.append(line)
                } else if due <= week.sunday {
                    dueSoon.append(line)
                }
            }
        }
        let byDue: (WeeklyDigest.TermLine, WeeklyDigest.TermLine) -> Bool = { ($0.due, $0.reference) < ($1.due, $1.reference) }
        return WeeklyDigest(
            week: week, periodStart: periodStart, periodEnd: periodEnd,
            received: visible.map { (scheduled: $0, date: civil.localDate(of: $0.receivedAt)) }
                .filter { $0.date >= periodStart && $0.date <= periodEnd }
                .sorted { ($0.date, $0.scheduled.reference) < ($1.date, $1.scheduled.reference) }
                .map { WeeklyDigest.Received(reference: $0.scheduled.reference, location: $0.scheduled.location,
                                             kind: $0.scheduled.kind, receivedDate: $0.date) },
            openCount: open.count,
            safeguardingCount: cases.filter { $0.state == .safeguarding }.count,
            overdue: overdue.sorted(by: byDue), dueSoon: dueSoon.sorted(by: byDue),
            unassigned: open.filter { $0.handler == nil }
                .map { WeeklyDigest.Unassigned(reference: $0.reference, receivedDate: civil.localDate(of: $0.receivedAt)) }
                .sorted { ($0.receivedDate, $0.reference) < ($1.receivedDate, $1.reference) },
            awaitingReview: open.filter(\.judgementInReview)
                .map { WeeklyDigest.AwaitingReview(reference: $0.reference, location: $0.location, handler: $0.handler,
                                                   decisionDue: $0.decisionDue) }
                .sorted { first, second in
                    // Without a decision term (not a complaint) after those with one.
                    switch (first.decisionDue, second.decisionDue) {
                    case let (one?, other?) where one != other: one < other
                    case (nil, _?): false
                    case (_?, nil): true
                    default: first.reference < second.reference
                    }
                })
    }
}
