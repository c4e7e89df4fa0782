import Foundation

/// Decodes HTML character references: named (`&euml;`, `&nbsp;`), decimal (`&#233;`) and hex (`&#xE9;`).
enum HTMLEntities {
    /// Named references that are not a letter with a diacritic.
    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "szlig": "ß", "aelig": "æ", "AElig": "Æ", "oslash": "ø", "Oslash": "Ø",
        "hellip": "…", "ndash": "–", "mdash": "—", "lsquo": "‘", "rsquo": "’", "sbquo": "‚",
        "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«", "raquo": "»", "bull": "•", "middot": "·",
        "euro": "€", "copy": "©", "reg": "®", "trade": "™", "deg": "°", "shy": "", "times": "×",
        "zwnj": "", "zwj": "", "ensp": " ", "emsp": " ", "thinsp": " ",
    ]

    /// Combining marks for the `&Xacute;` family: the letter is composed with the mark.
    private static let marks: [String: Character] = [
        "acute": "\u{301}", "grave": "\u{300}", "circ": "\u{302}", "uml": "\u{308}",
        "tilde": "\u{303}", "cedil": "\u{327}", "ring": "\u{30A}", "caron": "\u{30C}",
    ]

    /// Replaces every recognised reference in `text`; unknown ones stay as written.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var output = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            output += rest[..<amp]
            let afterAmp = rest.index(after: amp)
            let limit = rest.index(afterAmp, offsetBy: 32, limitedBy: rest.endIndex) ?? rest.endIndex
            if let semicolon = rest[afterAmp..<limit].firstIndex(of: ";"),
               let decoded = reference(String(rest[afterAmp..<semicolon])) {
                output += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                output.append("&")
                rest = rest[afterAmp...]
            }
        }
        output += rest
        return output
    }

    /// The text a reference between `&` and `;` stands for.
    private static func reference(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
        if let plain = named[name] { return plain }
        guard let letter = name.first, letter.isLetter, letter.isASCII,
              let mark = marks[String(name.dropFirst())] else { return nil }
        return (String(letter) + String(mark)).precomposedStringWithCanonicalMapping
    }
}
