/// Text from outside (names, subjects, addresses, reasons) made safe to print on a terminal.
///
/// A parent's name or subject can carry escape sequences (ESC, CSI, OSC) that move the cursor,
/// rewrite earlier lines, set the window title or hide text when `klachtd cases` prints them.
/// Every control character is shown escaped instead: C0 (except newline where the output
/// is meant to span lines), DEL, C1 (U+0080–U+009F, with the one-character CSI U+009B), and
/// the bidirectional overrides that reorder what a line seems to say.
enum TerminalText {
    static func safe(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepNewlines: keepNewlines) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0..<0x100: result += "\\x" + hex(scalar.value, digits: 2)
            default: result += "\\u{" + hex(scalar.value, digits: 4) + "}"
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        switch scalar.value {
        case 0x0A: return !keepNewlines
        case 0x00..<0x20, 0x7F, 0x80...0x9F: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
