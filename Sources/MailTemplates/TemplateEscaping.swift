/// How substituted values are made safe for where the text goes.
public enum TemplateEscaping: Sendable, Equatable {
    /// Plain-text mail bodies: values are inserted as they are.
    case plain
    /// Mail headers: line breaks become spaces and other control characters are dropped,
    /// so a value can never start a new header line.
    case header
    /// HTML: `& < > " '` become character references.
    case html

    /// `value` made safe for this context.
    public func escape(_ value: String) -> String {
        switch self {
        case .plain:
            return value
        case .header:
            return String(String.UnicodeScalarView(value.unicodeScalars.compactMap(TemplateEscaping.headerScalar)))
        case .html:
            var escaped = ""
            escaped.reserveCapacity(value.utf8.count)
            for character in value {
                switch character {
                case "&": escaped += "&amp;"
                case "<": escaped += "&lt;"
                case ">": escaped += "&gt;"
                case "\"": escaped += "&quot;"
                case "'": escaped += "&#39;"
                default: escaped.append(character)
                }
            }
            return escaped
        }
    }

    /// Line and paragraph breaks (ASCII and Unicode) become a space; other control characters are dropped.
    private static func headerScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x0A, 0x0D, 0x09, 0x0B, 0x0C, 0x85, 0x2028, 0x2029: return " "
        case 0x00...0x1F, 0x7F...0x9F: return nil
        default: return scalar
        }
    }
}
