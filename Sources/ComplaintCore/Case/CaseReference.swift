/// A case's public reference, `KL-YYYY-NNNN`: the year of receipt and a per-year number.
public struct CaseReference: Hashable, Sendable, CustomStringConvertible, Comparable {
    public let year: Int
    public let number: Int

    public init(year: Int, number: Int) {
        self.year = year
        self.number = number
    }

    /// Reads `KL-2026-0042` (case-insensitive); nil for anything else.
    public init?(_ text: some StringProtocol) {
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "KL", parts[1].count == 4, parts[2].count >= 4,
              let year = Int(parts[1]), let number = Int(parts[2]), number > 0 else { return nil }
        self.init(year: year, number: number)
    }

    public var description: String {
        let digits = String(number)
        return "KL-\(year)-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    public static func < (a: CaseReference, b: CaseReference) -> Bool {
        (a.year, a.number) < (b.year, b.number)
    }

    /// Every `[KL-YYYY-NNNN]` tag in a subject, in order: replies keep our tag in brackets.
    public static func tags(in subject: String) -> [CaseReference] {
        var found: [CaseReference] = []
        var rest = Substring(subject)
        while let open = rest.firstIndex(of: "[") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "]") else { break }
            if let reference = CaseReference(rest[afterOpen..<close]) { found.append(reference) }
            rest = rest[rest.index(after: close)...]
        }
        return found
    }
}
