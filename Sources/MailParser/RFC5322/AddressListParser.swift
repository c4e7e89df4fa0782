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
                bare += quoted && text.containsCharacter(" ") ? piece : text
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
        let withAt = segments.filter { $0.containsCharacter("@") }
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
        if address.lowercasedFast().hasPrefix("mailto:") { address = String(address.dropFirst(7)) }
        return address
    }

    /// The text without (comments) and without whitespace outside quoted strings.
    static func withoutCommentsAndSpaces(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var depth = 0
        var quoted = false
        var escaped = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if escaped { escaped = false; if depth == 0 { result.append(byte) }; continue }
            if byte == UInt8(ascii: "\\") { escaped = true; if depth == 0 && quoted { result.append(byte) }; continue }
            if quoted {
                result.append(byte)
                if byte == UInt8(ascii: "\"") { quoted = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth = max(0, depth - 1)
            case UInt8(ascii: "\"") where depth == 0: quoted = true; result.append(byte)
            default:
                let whitespace = UTF8Whitespace.length(bytes, at: index - 1, countingNoBreakSpace: true)
                if whitespace > 0 { index += whitespace - 1 } else if depth == 0 { result.append(byte) }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Works on UTF-8 bytes: every delimiter is ASCII, and words are cut out as byte ranges,
    /// where walking characters cost more than the rest of the address parsing.
    private static func tokenize(_ value: String) -> [Token] {
        var tokens: [Token] = []
        let bytes = Array(value.utf8)
        var index = 0
        var atomStart: Int?
        func flushAtom(at end: Int) {
            if let start = atomStart, end > start { tokens.append(.word(String(decoding: bytes[start..<end], as: UTF8.self), quoted: false)) }
            atomStart = nil
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                flushAtom(at: index)
                var text: [UInt8] = []
                index += 1
                while index < bytes.count && bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") && index + 1 < bytes.count { index += 1 }
                    text.append(bytes[index])
                    index += 1
                }
                tokens.append(.word(String(decoding: text, as: UTF8.self), quoted: true))
            case UInt8(ascii: "("):
                flushAtom(at: index)
                var depth = 1
                var text: [UInt8] = []
                index += 1
                while index < bytes.count {
                    let inner = bytes[index]
                    if inner == UInt8(ascii: "\\") && index + 1 < bytes.count { index += 1; text.append(bytes[index]); index += 1; continue }
                    if inner == UInt8(ascii: "(") { depth += 1 }
                    if inner == UInt8(ascii: ")") { depth -= 1; if depth == 0 { break } }
                    text.append(inner)
                    index += 1
                }
                tokens.append(.comment(String(decoding: text, as: UTF8.self)))
            case UInt8(ascii: "<"):
                flushAtom(at: index)
                let start = index + 1
                index = start
                while index < bytes.count && bytes[index] != UInt8(ascii: ">") { index += 1 }
                tokens.append(.angle(String(decoding: bytes[start..<index], as: UTF8.self)))
            case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "@"):
                flushAtom(at: index)
                tokens.append(.special(Character(Unicode.Scalar(byte))))
            default:
                let whitespace = UTF8Whitespace.length(bytes, at: index, countingNoBreakSpace: true)
                if whitespace > 0 {
                    flushAtom(at: index)
                    index += whitespace
                    continue
                }
                if atomStart == nil { atomStart = index }
            }
            index += 1
        }
        flushAtom(at: bytes.count)
        return tokens
    }
}
