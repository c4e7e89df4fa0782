/// Staff text (measures, summaries, dispute outcomes) inserted into the Markdown report as
/// text: every character that could start markup (emphasis, code, links, images, HTML,
/// headings, tables, entities) is backslash-escaped, and a line break becomes a space so a
/// line cannot start a heading, a list or a block of its own. The report's own framing
/// texts (`report-regeling.md`, `report-communicatie.md`) are the organisation's Markdown and
/// are not escaped.
enum MarkdownEscaping {
    private static let specials: Set<Character> = ["\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "#", "|", "!", "~", "&"]

    static func text(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count + 8)
        for character in value {
            if character.isNewline {
                result.append(" ")
            } else if specials.contains(character) {
                result.append("\\")
                result.append(character)
            } else if character.unicodeScalars.allSatisfy({ $0.value < 0x20 || $0.value == 0x7F }) {
                continue
            } else {
                result.append(character)
            }
        }
        return result
    }
}
