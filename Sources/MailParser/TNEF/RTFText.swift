import HexDigits

/// Readable text from an RTF body: control words dropped, paragraphs kept, hex and Unicode
/// escapes decoded. RTF that wraps HTML (`\fromhtml1`, as Outlook writes it) yields that HTML.
enum RTFText {
    /// The body as text, or as HTML when the RTF encapsulates HTML.
    enum Body {
        case text(String)
        case html(String)
    }

    /// Groups whose content is never text.
    private static let skippedDestinations: Set<String> = [
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "footer", "headerl", "headerr",
        "footerl", "footerr", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "themedata",
        "colorschememapping", "datastore", "latentstyles", "filetbl", "revtbl", "pgdsctbl", "fldinst",
    ]

    private struct GroupState {
        var skipped = false
        var htmlTag = false
        var unicodeSkip = 1
    }

    static func body(from rtf: [UInt8]) -> Body {
        var pendingBytes: [UInt8] = []
        var text = ""
        var codepage = "windows-1252"
        var isHTML = false
        var suppressed = false
        var stack: [GroupState] = [GroupState()]
        var skipCount = 0
        var groupStart = false
        var index = 0

        func flushBytes() {
            guard !pendingBytes.isEmpty else { return }
            text += CharsetDecoder.decode(pendingBytes, charset: codepage).text
            pendingBytes = []
        }
        func emit(_ byte: UInt8) {
            guard let state = stack.last, !state.skipped, !suppressed || state.htmlTag else { return }
            if skipCount > 0 { skipCount -= 1; return }
            pendingBytes.append(byte)
        }
        func emit(_ string: String) {
            guard let state = stack.last, !state.skipped, !suppressed || state.htmlTag else { return }
            flushBytes()
            text += string
        }

        while index < rtf.count {
            let byte = rtf[index]
            index += 1
            switch byte {
            case UInt8(ascii: "{"):
                stack.append(stack.last ?? GroupState())
                groupStart = true
                continue
            case UInt8(ascii: "}"):
                if stack.count > 1 { stack.removeLast() }
            case UInt8(ascii: "\\"):
                guard index < rtf.count else { break }
                let next = rtf[index]
                if next == UInt8(ascii: "'"), index + 2 < rtf.count,
                   let high = Hex.value(of: rtf[index + 1]),
                   let low = Hex.value(of: rtf[index + 2]) {
                    index += 3
                    emit(high << 4 | low)
                } else if isLetter(next) {
                    var word = ""
                    while index < rtf.count, isLetter(rtf[index]) { word.unicodeScalars.append(Unicode.Scalar(rtf[index])); index += 1 }
                    var digits = ""
                    if index < rtf.count, rtf[index] == UInt8(ascii: "-") { digits = "-"; index += 1 }
                    while index < rtf.count, rtf[index] >= 0x30, rtf[index] <= 0x39 { digits.unicodeScalars.append(Unicode.Scalar(rtf[index])); index += 1 }
                    if index < rtf.count, rtf[index] == 0x20 { index += 1 }
                    let parameter = Int(digits)
                    if groupStart && skippedDestinations.contains(word) { stack[stack.count - 1].skipped = true }
                    switch word {
                    case "par", "line", "row": emit("\n")
                    case "tab": emit("\t")
                    case "cell": emit(" ")
                    case "ansicpg": if let parameter { codepage = "cp\(parameter)" }
                    case "fromhtml": isHTML = true
                    case "htmlrtf": flushBytes(); suppressed = parameter != 0
                    case "htmltag": stack[stack.count - 1].htmlTag = true
                    case "uc": stack[stack.count - 1].unicodeSkip = max(0, parameter ?? 1)
                    case "u":
                        if let parameter, let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: parameter < 0 ? parameter + 65536 : parameter)) {
                            emit(String(Character(scalar)))
                        }
                        skipCount = stack.last?.unicodeSkip ?? 1
                    default: break
                    }
                } else {
                    index += 1
                    if next == UInt8(ascii: "*") { if !isHTML || !peekHTMLTag(rtf, at: index) { stack[stack.count - 1].skipped = true } }
                    else if next == UInt8(ascii: "\\") || next == UInt8(ascii: "{") || next == UInt8(ascii: "}") { emit(next) }
                    else if next == UInt8(ascii: "~") { emit(" ") }
                    else if next == 0x0A || next == 0x0D { emit("\n") }
                }
            case 0x0A, 0x0D, 0x00:
                break
            default:
                emit(byte)
            }
            groupStart = false
        }
        flushBytes()
        return isHTML ? .html(text) : .text(text)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Whether `\*` is followed by `\htmltag`, the encapsulated-HTML tag destination.
    private static func peekHTMLTag(_ rtf: [UInt8], at index: Int) -> Bool {
        rtf[index...].drop { $0 == 0x20 }.starts(with: Array("\\htmltag".utf8))
    }
}
