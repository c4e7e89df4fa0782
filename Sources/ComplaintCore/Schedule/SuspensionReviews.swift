import Foundation

extension Scheduler {
    /// Days between reminders while a suspended case stays suspended past its review date.
    static let suspensionRepeatDays = 14

    /// A suspended case is not forgotten: on its review date the handler is reminded to resume
    /// it or suspend it again; while it stays suspended, every two weeks after that, then with
    /// the quality staff. After downtime only the newest reminder is sent.
    public func suspensionReviews(for scheduled: ScheduledCase, now: Date) -> [ScheduledMail] {
        guard scheduled.state == .suspended, let review = scheduled.reviewDue else { return [] }
        let today = civil.localDate(of: now)
        guard today >= review else { return [] }
        let rounds = review.days(until: today) / Self.suspensionRepeatDays
        let day = review.adding(days: rounds * Self.suspensionRepeatDays)
        let key = "suspension-review:\(day.iso)"
        guard !scheduled.sentKeys.contains(key) else { return [] }
        return [ScheduledMail(caseID: scheduled.id, reference: scheduled.reference, key: key, template: .handlerReminder,
                              audiences: rounds == 0 ? [.handler] : [.handler, .quality],
                              topic: .suspensionReview(due: review), english: scheduled.english)]
    }
}
