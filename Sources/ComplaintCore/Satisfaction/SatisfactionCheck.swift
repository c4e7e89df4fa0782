import Foundation

/// Where a case's satisfaction check stands, as the scheduler sees it.
public struct SatisfactionCheck: Sendable, Equatable {
    /// When the question was queued.
    public var askedAt: Date
    /// When the one reminder was queued, if it was.
    public var remindedAt: Date?
    /// What the parent answered, if they did.
    public var answer: SatisfactionAnswer?

    public init(askedAt: Date, remindedAt: Date? = nil, answer: SatisfactionAnswer? = nil) {
        self.askedAt = askedAt
        self.remindedAt = remindedAt
        self.answer = answer
    }
}
