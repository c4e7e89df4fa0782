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
    }

    /// Parses the raw unfolded value; display names are RFC 2047-decoded after parsing so
    /// that decoded commas or colons cannot change the structure.
    static func parse(_ value: String) -> [MailAddress] {
        var addresses: [MailAddress] = []
        var phrase: [Token] = []
        for token in tokenize(value) {
            switch token {
            case .special(","), .special(";"):
                if let mailbox = mailbox(from: phrase) { addresses.append(mailbox) }
                phrase = []
            case .special(":") where !phrase.contains(where: { if case .angle = $0 { return true } else { return false } }):
                // A group name ends here; its members follow.
                phrase = []
            default:
                phrase.append(token)
            }
        }
        if let mailbox = mailbox(from: phrase) { addresses.append(mailbox) }
        return addresses
    }

    private static func mailbox(from tokens: [Token]) -> MailAddress? {
        var nameWords: [String] = []
        var comments: [String] = []
        var angle: String?
        var bare = ""
        for token in tokens {
            switch token {
            case .word(let text, let quoted):
                nameWords.append(quoted ? EncodedWordDecoder.decode(text) : text)
                bare += text
            case .comment(let text): comments.append(text)
            case .angle(let text): angle = text
            case .special(let character):
                bare.append(character)
                if character != "@" { nameWords.append(String(character)) }
            }
        }
        if let angle {
            let address = stripRoute(angle)
            var name = EncodedWordDecoder.decode(nameWords.joined(separator: " "))
                .trimmingCharacters(in: .whitespaces)
            if name.isEmpty, let comment = comments.first { name = EncodedWordDecoder.decode(comment) }
            if address.isEmpty && name.isEmpty { return nil }
            return MailAddress(name: name.isEmpty ? nil : name, address: address)
        }
        let address = bare.trimmingCharacters(in: .whitespaces)
        guard !address.isEmpty else { return nil }
        let comment = comments.first.map { EncodedWordDecoder.decode($0).trimmingCharacters(in: .whitespaces) }
        return MailAddress(name: (comment?.isEmpty ?? true) ? nil : comment, address: address)
    }

    /// Drops an obsolete source route, `<@relay1,@relay2:user@domain>` (§4.4).
    private static func stripRoute(_ angle: String) -> String {
        var address = angle.trimmingCharacters(in: .whitespaces)
        if address.hasPrefix("@"), let colon = address.firstIndex(of: ":") {
            address = String(address[address.index(after: colon)...])
        }
        if address.lowercased().hasPrefix("mailto:") { address = String(address.dropFirst(7)) }
        return address.replacingOccurrences(of: " ", with: "")
    }

    private static func tokenize(_ value: String) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(value)
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
                    text.append(characters[index])
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
                    if inner == "\\" && index + 1 < characters.count { index += 1; text.append(characters[index]); index += 1; continue }
                    if inner == "(" { depth += 1 }
                    if inner == ")" { depth -= 1; if depth == 0 { break } }
                    text.append(inner)
                    index += 1
                }
                tokens.append(.comment(text))
            case "<":
                flushAtom()
                var text = ""
                index += 1
                while index < characters.count && characters[index] != ">" {
                    text.append(characters[index])
                    index += 1
                }
                tokens.append(.angle(text))
            case ",", ";", ":", "@":
                flushAtom()
                tokens.append(.special(character))
            default:
                if character.isWhitespace { flushAtom() } else { atom.append(character) }
            }
            index += 1
        }
        flushAtom()
        return tokens
    }
}
