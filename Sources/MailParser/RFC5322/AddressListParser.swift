import Foundation

/// Parses address-list fields (RFC 5322 §3.4) including groups, quoted and RFC 2047-encoded
/// display names, comments and the obsolete route syntax; never fails, skips what it cannot read.
/// Dots belong to atoms, as obs-phrase allows, so "J.P. de Vries" keeps its initials.
enum AddressListParser {
    private enum Token {
        case word(String, quoted: Bool)
        case comment(String)
        case angle(String)
        case special(Character)

        var isAngle: Bool {
            if case .angle = self { return true }
            return false
        }
    }

    /// Parses the raw unfolded value; display names are RFC 2047-decoded after parsing so
    /// that decoded commas or colons cannot change the structure.
    static func parse(_ value: String) -> [MailAddress] {
        var addresses: [MailAddress] = []
        var phrase: [Token] = []
        for token in tokenize(value) {
            switch token {
            case .special(","), .special(";"):
                addresses += mailboxes(from: phrase)
                phrase = []
            case .angle where phrase.contains(where: \.isAngle):
                // A missing comma between two "name <addr>" mailboxes: end the first one here.
                let split = phrase.firstIndex(where: \.isAngle).map { $0 + 1 } ?? phrase.count
                addresses += mailboxes(from: Array(phrase[..<split]))
                phrase = Array(phrase[split...]) + [token]
            case .special(":") where !phrase.contains(where: \.isAngle):
                // A group name ends here; its members follow.
                phrase = []
            default:
                phrase.append(token)
            }
        }
        addresses += mailboxes(from: phrase)
        return addresses
    }

    private static func mailboxes(from tokens: [Token]) -> [MailAddress] {
        var nameWords: [String] = []
        var comments: [String] = []
        var angle: String?
        var bare = ""
        // Bare addresses separated only by whitespace ("a@x.nl b@y.nl") are split apart.
        var segments: [String] = []
        var previousWasWord = false
        for token in tokens {
            switch token {
            case .word(let text, let quoted):
                nameWords.append(quoted ? EncodedWordDecoder.decode(text) : text)
                let piece = quoted ? "\"" + text + "\"" : text
                bare += quoted && text.contains(" ") ? piece : text
                if previousWasWord || segments.isEmpty { segments.append(piece) } else { segments[segments.count - 1] += piece }
                previousWasWord = true
            case .comment(let text): comments.append(text)
            case .angle(let text): angle = text
            case .special(let character):
                bare.append(character)
                if segments.isEmpty { segments.append("") }
                segments[segments.count - 1].append(character)
                previousWasWord = false
                if character != "@" { nameWords.append(String(character)) }
            }
        }
        if let angle {
            let address = stripRoute(angle)
            var name = EncodedWordDecoder.decode(nameWords.joined(separator: " "))
                .trimmingSpaces()
            if name.isEmpty, let comment = comments.first { name = EncodedWordDecoder.decode(comment) }
            if address.isEmpty && name.isEmpty { return [] }
            return [MailAddress(name: name.isEmpty ? nil : name, address: address)]
        }
        let withAt = segments.filter { $0.contains("@") }
        if withAt.count > 1 && withAt.count == segments.count {
            return withAt.map { MailAddress(name: nil, address: $0) }
        }
        let address = bare.trimmingSpaces()
        guard !address.isEmpty else { return [] }
        let comment = comments.first.map { EncodedWordDecoder.decode($0).trimmingSpaces() }
        return [MailAddress(name: (comment?.isEmpty ?? true) ? nil : comment, address: address)]
    }

    /// Drops an obsolete source route, `<@relay1,@relay2:user@domain>` (§4.4), and the comments
    /// and folding whitespace obsolete syntax allows between the parts of an addr-spec.
    private static func stripRoute(_ angle: String) -> String {
        var address = withoutCommentsAndSpaces(angle)
        if address.hasPrefix("@"), let colon = address.firstIndex(of: ":") {
            address = String(address[address.index(after: colon)...])
        }
        if address.lowercased().hasPrefix("mailto:") { address = String(address.dropFirst(7)) }
        return address
    }

    /// The text without (comments) and without whitespace outside quoted strings.
    static func withoutCommentsAndSpaces(_ text: String) -> String {
        var result = ""
        var depth = 0
        var quoted = false
        var escaped = false
        for character in text.unicodeScalars {
            if escaped { escaped = false; if depth == 0 { result.unicodeScalars.append(character) }; continue }
            if character == "\\" { escaped = true; if depth == 0 && quoted { result.unicodeScalars.append(character) }; continue }
            if quoted {
                result.unicodeScalars.append(character)
                if character == "\"" { quoted = false }
                continue
            }
            switch character {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case "\"" where depth == 0: quoted = true; result.unicodeScalars.append(character)
            default: if depth == 0 && !character.isUnicodeWhitespace { result.unicodeScalars.append(character) }
            }
        }
        return result
    }

    /// Walks Unicode scalars rather than characters: every delimiter is ASCII, and grapheme
    /// breaking per letter cost more than the rest of the address parsing.
    private static func tokenize(_ value: String) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(value.unicodeScalars)
        var index = 0
        var atom = ""
        func flushAtom() {
            if !atom.isEmpty { tokens.append(.word(atom, quoted: false)) }
            atom = ""
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\"":
                flushAtom()
                var text = ""
                index += 1
                while index < characters.count && characters[index] != "\"" {
                    if characters[index] == "\\" && index + 1 < characters.count { index += 1 }
                    text.unicodeScalars.append(characters[index])
                    index += 1
                }
                tokens.append(.word(text, quoted: true))
            case "(":
                flushAtom()
                var depth = 1
                var text = ""
                index += 1
                while index < characters.count {
                    let inner = characters[index]
                    if inner == "\\" && index + 1 < characters.count { index += 1; text.unicodeScalars.append(characters[index]); index += 1; continue }
                    if inner == "(" { depth += 1 }
                    if inner == ")" { depth -= 1; if depth == 0 { break } }
                    text.unicodeScalars.append(inner)
                    index += 1
                }
                tokens.append(.comment(text))
            case "<":
                flushAtom()
                var text = ""
                index += 1
                while index < characters.count && characters[index] != ">" {
                    text.unicodeScalars.append(characters[index])
                    index += 1
                }
                tokens.append(.angle(text))
            case ",", ";", ":", "@":
                flushAtom()
                tokens.append(.special(Character(character)))
            default:
                if character.isUnicodeWhitespace { flushAtom() } else { atom.unicodeScalars.append(character) }
            }
            index += 1
        }
        flushAtom()
        return tokens
    }
}
