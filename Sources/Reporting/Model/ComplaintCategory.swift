import ComplaintCore

/// The categories of the annual report (DOMAIN.md, "Categories used in reports").
public enum ComplaintCategory: String, Sendable, CaseIterable, Comparable {
    case communication = "communicatie"
    case pedagogy = "pedagogisch"
    case safety = "veiligheid"
    case finance = "financien"
    case contract = "contract"
    case planning = "planning"
    case staffing = "personeel"
    case accommodation = "accommodatie"
    case parentCouncil = "oudercommissie"
    case other = "overig"
    case uncategorised = "niet-gecategoriseerd"

    /// The label the report prints.
    public var label: String {
        switch self {
        case .communication: "Communicatie en bejegening"
        case .pedagogy: "Pedagogisch handelen en kwaliteit van de opvang"
        case .safety: "Veiligheid en gezondheid"
        case .finance: "Financiën, facturatie en toeslag"
        case .contract: "Contract en plaatsing"
        case .planning: "Planning, opvangtijden en ruildagen"
        case .staffing: "Personeel en bezetting"
        case .accommodation: "Accommodatie, voeding en materiaal"
        case .parentCouncil: "Oudercommissie en adviesrecht"
        case .other: "Overig"
        case .uncategorised: "Niet gecategoriseerd"
        }
    }

    /// Reads what a handler or the quality staff stored: the short word, the label, or its first word.
    /// Nothing stored is "Niet gecategoriseerd"; anything not recognised is "Overig".
    public init(stored: String?) {
        let folded = ReportFolding.fold(stored ?? "")
        guard !folded.isEmpty else {
            self = .uncategorised
            return
        }
        for (category, word, label) in Self.folded where folded == label || folded.hasPrefix(word) {
            self = category
            return
        }
        self = .other
    }

    /// Each category with its folded word and label, folded once: a report over a large
    /// chain maps tens of thousands of stored categories.
    private static let folded: [(ComplaintCategory, String, String)] = allCases.map {
        ($0, ReportFolding.fold($0.rawValue), ReportFolding.fold($0.label))
    }

    public static func < (a: ComplaintCategory, b: ComplaintCategory) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}

/// Folding for matching stored words against the report's lists.
enum ReportFolding {
    /// Lower case, no accents, words separated by single spaces, no spaces at the ends.
    static func fold(_ text: String) -> String {
        String(FoldedText(text).value.dropFirst().dropLast())
    }
}
