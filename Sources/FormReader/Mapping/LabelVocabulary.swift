/// The configured labels by normalised form, for mapping fields and for telling a new field from a
/// line of a message that happens to look like one.
struct LabelVocabulary: Sendable {
    /// The fields each normalised label names.
    let fieldsByLabel: [String: [MappedFieldName]]

    /// Indexes `synonyms` by normalised label.
    init(_ synonyms: LabelSynonyms) {
        fieldsByLabel = synonyms.index()
    }

    /// The fields `label` names; empty for a label the synonyms do not know.
    func fields(for label: String) -> [MappedFieldName] {
        fieldsByLabel[LabelKey.normalise(label)] ?? []
    }

    /// Whether `label` names the message field.
    func isMessage(_ label: String) -> Bool {
        fields(for: label).contains(.description)
    }

    /// Whether `label` is one the synonyms know.
    func isKnown(_ label: String) -> Bool {
        !fields(for: label).isEmpty
    }
}
