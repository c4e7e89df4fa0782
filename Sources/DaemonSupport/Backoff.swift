import Glibc

/// Exponential backoff with jitter for reconnecting to a server that is away.
public struct Backoff: Sendable {
    public var base: Double = 2
    public var maximum: Double = 300
    private(set) var failures = 0

    public init(base: Double = 2, maximum: Double = 300) {
        self.base = base
        self.maximum = maximum
    }

    /// The delay before the next try: base · 2^failures, capped, with up to ±25 % jitter
    /// so several daemons do not knock on a recovering server at the same instant.
    public mutating func nextDelay() -> Double {
        let exponential = min(maximum, base * pow(2, Double(min(failures, 20))))
        failures += 1
        return exponential * Double.random(in: 0.75...1.25)
    }

    public mutating func reset() { failures = 0 }
}
