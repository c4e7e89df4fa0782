/// The form labels that name each understood field; Dutch and English by default, extendable by configuration.
public struct LabelSynonyms: Sendable {
    /// Labels per field, as written; they are compared after `LabelKey` normalisation.
    public var synonyms: [MappedFieldName: [String]]

    /// Creates a synonym table from labels per field.
    public init(_ synonyms: [MappedFieldName: [String]]) {
        self.synonyms = synonyms
    }

    /// Adds labels that name `field`, after the ones already known.
    public mutating func add(_ labels: [String], for field: MappedFieldName) {
        synonyms[field, default: []].append(contentsOf: labels)
    }

    /// The labels Dutch childcare sites and the plugins' English defaults use.
    public static let defaults = LabelSynonyms([
        .name: ["naam", "uw naam", "naam ouder", "naam ouder/verzorger",
                "voor- en achternaam", "voor en achternaam", "your name", "name", "full name"],
        .email: ["e-mail", "e-mailadres", "email", "emailadres", "uw e-mail", "uw e-mailadres",
                 "your email", "email address", "e-mail address"],
        .phone: ["telefoon", "telefoonnummer", "telefoonnr", "tel", "tel.nr", "mobiel", "mobiel nummer", "phone",
                 "phone number"],
        .child: ["naam kind", "naam van uw kind", "naam van het kind", "kind", "child", "child's name"],
        .location: ["locatie", "vestiging", "opvanglocatie", "welke locatie", "location", "branch"],
        .kind: ["soort", "soort melding", "type", "onderwerp van uw reactie", "soort klantreactie", "kind",
                "type of feedback"],
        .description: ["bericht", "omschrijving", "uw klacht", "toelichting", "vraag/opmerking", "message",
                       "your message", "comments", "description", "message body", "uw bericht"],
        .eventDate: ["datum", "datum voorval", "wanneer", "date of incident"],
        .wantsCall: ["wilt u gebeld worden", "terugbellen", "call me back"],
    ])

    /// The fields each normalised label names, in `MappedFieldName` order.
    func index() -> [String: [MappedFieldName]] {
        var index: [String: [MappedFieldName]] = [:]
        for field in MappedFieldName.allCases {
            for label in synonyms[field] ?? [] {
                let key = LabelKey.normalise(label)
                if !key.isEmpty, !(index[key]?.contains(field) ?? false) {
                    index[key, default: []].append(field)
                }
            }
        }
        return index
    }
}
