import Foundation

/// When a mail that could not be sent is tried again: after 5 minutes, then hourly, for 7 days.
public struct RetrySchedule: Sendable {
    public var first: TimeInterval = 5 * 60
    public var then: TimeInterval = 60 * 60
    public var giveUpAfter: TimeInterval = 7 * 24 * 60 * 60

    public init() {}

    /// The next attempt after `attempts` failures, or nil when the mail has waited long enough.
    public func nextAttempt(after attempts: Int, createdAt: Date, now: Date) -> Date? {
        let next = now.addingTimeInterval(attempts <= 1 ? first : then)
        return next.timeIntervalSince(createdAt) > giveUpAfter ? nil : next
    }
}
