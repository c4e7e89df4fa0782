import Foundation

/// Maps a form's labelled fields onto the fields the daemon understands.
struct FieldMapper: Sendable {
    private let vocabulary: LabelVocabulary

    /// Creates a mapper that knows the labels in `vocabulary`.
    init(vocabulary: LabelVocabulary) {
        self.vocabulary = vocabulary
    }

    /// The understood fields; the first non-empty field for each name wins.
    func map(_ fields: [FormField]) -> MappedFields {
        var mapped = MappedFields()
        for field in fields where !field.value.isEmpty {
            let candidates = vocabulary.fields(for: field.label)
            let kindFirst = candidates.filter { $0 == .kind } + candidates.filter { $0 != .kind }
            for name in kindFirst where assign(field.value, to: name, in: &mapped, ambiguous: candidates.count > 1) {
                break
            }
        }
        return mapped
    }

    /// Sets `name` when still unset and the value fits it; an ambiguous label (Dutch "kind" is child,
    /// English "kind" is the kind of message) is only read as a kind when the value is a recognisable kind.
    private func assign(_ value: String, to name: MappedFieldName, in mapped: inout MappedFields,
                        ambiguous: Bool) -> Bool {
        switch name {
        case .name: return setOnce(&mapped.name, value)
        case .email: return setOnce(&mapped.email, EmailAddress.extract(from: value))
        case .phone: return setOnce(&mapped.phone, value)
        case .child: return setOnce(&mapped.child, value)
        case .location: return setOnce(&mapped.location, value)
        case .description: return setOnce(&mapped.description, value)
        case .eventDate: return setOnce(&mapped.eventDate, value)
        case .kind:
            let word = MessageKindWord(formValue: value)
            if ambiguous && word == nil { return false }
            if mapped.kind == nil, let word { mapped.kind = word.rawValue }
            return true
        case .wantsCall:
            guard mapped.wantsCall == nil, let answer = Self.yesNo(value) else { return false }
            mapped.wantsCall = answer
            return true
        }
    }

    /// Fills an empty slot with a non-empty value.
    private func setOnce(_ slot: inout String?, _ value: String?) -> Bool {
        guard slot == nil, let value, !value.isEmpty else { return false }
        slot = value
        return true
    }

    /// Reads a yes/no answer by its first word: `Ja, graag` is yes.
    static func yesNo(_ value: String) -> Bool? {
        let word = LabelKey.normalise(value).split(whereSeparator: { !$0.isLetter }).first.map(String.init)
        switch word {
        case "ja", "yes", "true", "graag": return true
        case "nee", "no", "false", "niet": return false
        default: return nil
        }
    }
}

extension MessageKindWord {
    /// The words, Dutch and English, singular and plural, that name each kind.
    private static let words: [String: MessageKindWord] = [
        "klacht": .klacht, "klachten": .klacht, "complaint": .klacht,
        "compliment": .compliment, "complimenten": .compliment,
        "vraag": .vraag, "vragen": .vraag, "question": .vraag,
        "suggestie": .suggestie, "suggesties": .suggestie, "idee": .suggestie, "suggestion": .suggestie,
        "verbeterpunt": .verbeterpunt, "verbeterpunten": .verbeterpunt, "improvement": .verbeterpunt,
        "tip": .suggestie, "tips": .suggestie, "ideeen": .suggestie, "idea": .suggestie, "ideas": .suggestie,
        "suggestions": .suggestie, "complaints": .klacht, "questions": .vraag, "praise": .compliment,
        "bedankje": .compliment, "improvements": .verbeterpunt,
        "onvrede": .onvrede, "ontevreden": .onvrede, "signaal": .onvrede, "dissatisfaction": .onvrede,
        "dissatisfied": .onvrede,
    ]

    /// Recognises a kind from a form value such as `Klacht`, `Een compliment` or `Suggestie / idee`.
    init?(formValue: String) {
        let folded = formValue.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        for word in folded.split(whereSeparator: { !$0.isLetter }) {
            if let kind = Self.words[String(word)] {
                self = kind
                return
            }
        }
        return nil
    }
}
