/// Character references (HTML §13.5): numeric ones and the named ones mail actually uses.
enum HTMLEntities {
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

    /// Replaces every character reference in `text`; unknown ones stay as written.
    static func decode(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            guard character == "&", let semicolon = text[index...].prefix(12).firstIndex(of: ";") else {
                result.append(character)
                index = text.index(after: index)
                continue
            }
            let name = text[text.index(after: index)..<semicolon]
            if let replacement = resolve(name) {
                result += replacement
                index = text.index(after: semicolon)
            } else {
                result.append(character)
                index = text.index(after: index)
            }
        }
        return result
    }

    private static func resolve(_ name: Substring) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.hasPrefix("x") || digits.hasPrefix("X") {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits)
            }
            guard let value else { return nil }
            if value >= 0x80 && value <= 0x9F {
                // Numeric references to C1 controls mean windows-1252 characters (HTML §13.2.5.80).
                return Windows1252.decode([UInt8(value)])
            }
            return Unicode.Scalar(value).map { String(Character($0)) } ?? "\u{FFFD}"
        }
        return named[String(name)] ?? named[name.lowercased()]
    }
}
