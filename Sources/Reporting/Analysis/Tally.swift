/// A label and how often it occurs: one row of a count table or one bar of a chart.
public struct Tally: Sendable, Equatable {
    public var label: String
    public var count: Int

    public init(label: String, count: Int) {
        self.label = label
        self.count = count
    }

    /// Counts `items` by `key`, in the order `order` gives (labels not in it follow alphabetically).
    static func count<T>(_ items: [T], order: [String] = [], keepEmpty: Bool = false, by key: (T) -> String) -> [Tally] {
        var counts: [String: Int] = [:]
        for item in items { counts[key(item), default: 0] += 1 }
        var labels = order.filter { keepEmpty || counts[$0] != nil }
        labels += counts.keys.filter { !order.contains($0) }.sorted()
        return labels.map { Tally(label: $0, count: counts[$0] ?? 0) }
    }
}

/// One row of a comparison: this period against the one before.
public struct Comparison: Sendable, Equatable {
    public var label: String
    public var current: Int
    public var previous: Int

    public var change: Int { current - previous }
}

extension Array where Element == Tally {
    /// The count for `label`, zero when absent.
    public func count(of label: String) -> Int { first { $0.label == label }?.count ?? 0 }

    /// These counts against `previous`, over the labels of both.
    func compared(with previous: [Tally]) -> [Comparison] {
        var labels = map(\.label)
        labels += previous.map(\.label).filter { !labels.contains($0) }
        return labels.map { Comparison(label: $0, current: count(of: $0), previous: previous.count(of: $0)) }
    }
}
