import Foundation

extension Scheduler {
    /// A meldcode alert nobody acted on: after one working day the officer gets it again; after
    /// a second, the officer and the deputy (`[organisation] safeguarding_deputy`).
    ///
    /// Counted from the moment of receipt, to the same time of day. "Acted on" is anything the
    /// officer put on the case (a reply, a command); a case released or closed is no longer
    /// under the meldcode and needs no reminder. After downtime only the newest is sent.
    public func safeguardingReminders(for scheduled: ScheduledCase, now: Date) -> [ScheduledMail] {
        guard scheduled.state == .safeguarding, !scheduled.safeguardingActedOn else { return [] }
        // A case restricted by a later message counts from that message, not from the first one weeks ago.
        let start = scheduled.safeguardingSince ?? scheduled.receivedAt
        let received = civil.localDate(of: start)
        let minutes = Int(start.timeIntervalSince(civil.startOfDay(received)) / 60)
        func moment(_ workingDays: Int) -> Date {
            let day = calendar.adding(workingDays: workingDays, to: received)
            return civil.date(day, hour: minutes / 60, minute: minutes % 60)
        }
        let rungs: [(key: String, audiences: [Audience], round: Int)] = [
            ("safeguarding:reminder-2", [.safeguarding, .safeguardingDeputy], 2),
            ("safeguarding:reminder-1", [.safeguarding], 1),
        ]
        guard let due = rungs.first(where: { now >= moment($0.round) }),
              !rungs.filter({ $0.round >= due.round }).contains(where: { scheduled.sentKeys.contains($0.key) }) else { return [] }
        return [ScheduledMail(caseID: scheduled.id, reference: scheduled.reference, key: due.key, template: .safeguardingReminder,
                              audiences: due.audiences, topic: .safeguardingUnanswered(round: due.round, since: received),
                              english: scheduled.english)]
    }
}
