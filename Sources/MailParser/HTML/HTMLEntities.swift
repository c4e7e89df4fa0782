import Foundation

/// Character references (HTML §13.5): numeric ones, the named ones mail actually uses, and any
/// `&Xacute;`-style letter with a diacritic (`&scaron;`, `&Ccaron;`).
///
/// The one table for the parser's HTML bodies and the form reader's HTML notifications.
package enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "euro": "€", "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–",
        "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”", "sbquo": "‚", "bdquo": "„",
        "laquo": "«", "raquo": "»", "bull": "•", "middot": "·", "deg": "°", "sect": "§", "para": "¶",
        "pound": "£", "yen": "¥", "cent": "¢", "times": "×", "divide": "÷", "shy": "\u{00AD}",
        "zwnj": "\u{200C}", "zwj": "\u{200D}", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
        "iexcl": "¡", "iquest": "¿", "frac12": "½", "frac14": "¼", "frac34": "¾", "plusmn": "±", "micro": "µ",
        "eacute": "é", "egrave": "è", "ecirc": "ê", "euml": "ë", "aacute": "á", "agrave": "à", "acirc": "â",
        "auml": "ä", "aring": "å", "atilde": "ã", "aelig": "æ", "ccedil": "ç", "iacute": "í", "igrave": "ì",
        "icirc": "î", "iuml": "ï", "ntilde": "ñ", "oacute": "ó", "ograve": "ò", "ocirc": "ô", "ouml": "ö",
        "otilde": "õ", "oslash": "ø", "uacute": "ú", "ugrave": "ù", "ucirc": "û", "uuml": "ü", "yacute": "ý",
        "yuml": "ÿ", "szlig": "ß", "Eacute": "É", "Egrave": "È", "Ecirc": "Ê", "Euml": "Ë", "Aacute": "Á",
        "Agrave": "À", "Acirc": "Â", "Auml": "Ä", "Aring": "Å", "Ccedil": "Ç", "Iacute": "Í", "Iuml": "Ï",
        "Ntilde": "Ñ", "Oacute": "Ó", "Ouml": "Ö", "Oslash": "Ø", "Uacute": "Ú", "Uuml": "Ü", "AElig": "Æ",
    ]

    /// Combining marks for the `&Xacute;` family not in `named`: the letter composed with the mark.
    private static let marks: [String: Character] = [
        "acute": "\u{301}", "grave": "\u{300}", "circ": "\u{302}", "uml": "\u{308}",
        "tilde": "\u{303}", "cedil": "\u{327}", "ring": "\u{30A}", "caron": "\u{30C}",
    ]

    /// The named references as UTF-8, looked up per reference.
    private static let namedBytes: [String: [UInt8]] = named.mapValues { Array($0.utf8) }

    /// `text` with every character reference replaced; unknown ones stay as written.
    package static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            decode(bytes, 0..<bytes.count, into: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Appends `bytes[range]` to `output` with every character reference replaced;
    /// unknown ones stay as written.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into output: inout [UInt8]) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&") else {
                // The run up to the next reference is copied in one go.
                var runEnd = index + 1
                while runEnd < end && bytes[runEnd] != UInt8(ascii: "&") { runEnd += 1 }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<runEnd]))
                index = runEnd
                continue
            }
            var semicolon = index + 1
            let limit = min(end, index + 12)
            while semicolon < limit && bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
            if semicolon < limit, resolve(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<semicolon]), into: &output) {
                index = semicolon + 1
            } else {
                output.append(byte)
                index += 1
            }
        }
    }

    private static func resolve(_ name: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
        guard let first = name.first else { return false }
        guard first == UInt8(ascii: "#") else {
            let key = String(decoding: name, as: UTF8.self)
            if let replacement = namedBytes[key] {
                output.append(contentsOf: replacement)
            } else if let letter = key.first, letter.isASCII, letter.isLetter, let mark = marks[String(key.dropFirst())] {
                output.append(contentsOf: (String(letter) + String(mark)).precomposedStringWithCanonicalMapping.utf8)
            } else if let replacement = namedBytes[key.lowercased()] {
                output.append(contentsOf: replacement)
            } else {
                return false
            }
            return true
        }
        guard let value = numericValue(name.dropFirst()) else { return false }
        if value >= 0x80 && value <= 0x9F {
            // Numeric references to C1 controls mean windows-1252 characters (HTML §13.2.5.80).
            output.append(contentsOf: Windows1252.decode([UInt8(value)]).utf8)
        } else {
            output.append(contentsOf: String(Character(Unicode.Scalar(value) ?? "\u{FFFD}")).utf8)
        }
        return true
    }

    /// The value of "123" or "x1F" (the part after "&#"), or nil.
    private static func numericValue(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt32? {
        var digits = digits
        var radix: UInt32 = 10
        if let first = digits.first, first == UInt8(ascii: "x") || first == UInt8(ascii: "X") { radix = 16; digits = digits.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var value: UInt32 = 0
        for byte in digits {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            guard !overflow, shifted <= UInt32.max - digit else { return nil }
            value = shifted + digit
        }
        return value
    }
}
