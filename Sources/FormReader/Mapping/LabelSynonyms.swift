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
    /// Checked against Dutch childcare sites' contact and complaint forms (Contact Form 7, Gravity
    /// Forms, WPForms and Ninja Forms in their Dutch translations and as organisations label them).
    public static let defaults = LabelSynonyms([
        .name: ["naam", "uw naam", "je naam", "naam ouder", "naam ouder/verzorger", "naam ouder of verzorger",
                "naam (ouder/verzorger)", "naam aanvrager", "voor- en achternaam", "voor en achternaam",
                "voornaam en achternaam", "your name", "name", "full name"],
        .email: ["e-mail", "e-mailadres", "e-mail adres", "email", "emailadres", "mailadres", "uw e-mail",
                 "uw e-mailadres", "uw emailadres", "je e-mailadres", "e-mailadres ouder", "your email",
                 "email address", "e-mail address"],
        .phone: ["telefoon", "telefoonnummer", "telefoonnr", "tel", "tel.nr", "mobiel", "mobiel nummer",
                 "mobiel telefoonnummer", "telefoonnummer ouder", "uw telefoonnummer", "je telefoonnummer",
                 "phone", "phone number"],
        .child: ["naam kind", "naam kind(eren)", "naam van uw kind", "naam van uw kind(eren)", "naam van je kind",
                 "naam van het kind", "kind", "child", "child's name"],
        .location: ["locatie", "vestiging", "opvanglocatie", "kinderopvanglocatie", "locatie kinderopvang",
                    "welke locatie", "op welke locatie", "om welke locatie gaat het", "welke vestiging",
                    "naam locatie", "locatie/vestiging", "location", "branch"],
        .kind: ["soort", "soort melding", "soort reactie", "soort bericht", "soort klantreactie", "soort contact",
                "type", "type melding", "type reactie", "type bericht", "categorie", "onderwerp van uw reactie",
                "waar gaat uw reactie over", "waar gaat je reactie over", "waar gaat uw bericht over",
                "waar gaat je bericht over", "reden van contact", "ik wil een", "ik wil graag een", "ik wil",
                "kind", "type of feedback", "type of message", "what is your message about", "i would like to"],
        .description: ["bericht", "berichttekst", "uw bericht", "je bericht", "omschrijving", "omschrijving klacht",
                       "omschrijving van uw klacht", "beschrijving", "uw klacht", "je klacht", "toelichting",
                       "toelichting klacht", "vraag/opmerking", "vraag of opmerking", "uw vraag of opmerking",
                       "uw reactie", "je reactie", "message",
                       "your message", "comments", "description", "message body"],
        .eventDate: ["datum", "datum voorval", "datum van het voorval", "datum incident", "datum gebeurtenis",
                     "wanneer", "wanneer is het gebeurd", "date of incident"],
        .wantsCall: ["wilt u gebeld worden", "wilt u teruggebeld worden", "wil je gebeld worden",
                     "mogen wij u bellen", "terugbellen", "call me back"],
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
