/// A handler's own sign-off under the text of a reply (`Met vriendelijke groet,` / `Anna de Wit` /
/// `Locatiemanager Morel`), taken off the text that goes into a letter to the parent.
///
/// Why: the judgement letter and the handler's message already close with the greeting and the
/// handler's name and role from the configuration. Mail clients add the handler's signature
/// under every reply, and without this the parent read it twice, the first time in the middle
/// of the letter. Only a last paragraph of at most four lines is taken, and only when it opens
/// with a closing greeting or with a handler's configured name, so a sentence of the reasoning
/// is never lost; a signature delimited by `-- ` is already removed by the reply extractor.
public enum HandlerSignature {
    /// Greetings that open a sign-off (lowercased, without the trailing comma).
    static let closings: Set<String> = [
        "met vriendelijke groet", "met vriendelijke groeten", "vriendelijke groet", "vriendelijke groeten",
        "met hartelijke groet", "hartelijke groet", "hartelijke groeten", "groet", "groeten", "gr", "mvg",
        "kind regards", "best regards", "regards", "best wishes", "with kind regards",
    ]

    /// `text` without its trailing sign-off paragraphs. `names` are the handlers' configured
    /// names (and the sender's own display name where known).
    public static func removed(from text: String, names: [String]) -> String {
        let known = Set(names.map(normalised).filter { !$0.isEmpty })
        var paragraphs = paragraphs(of: text)
        while let last = paragraphs.last, isSignOff(last, names: known) {
            paragraphs.removeLast()
        }
        return paragraphs.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    private static func isSignOff(_ lines: [String], names: Set<String>) -> Bool {
        guard let first = lines.first, lines.count <= 4 else { return false }
        let opening = normalised(first)
        return closings.contains(opening) || names.contains(opening)
    }

    private static func paragraphs(of text: String) -> [[String]] {
        var result: [[String]] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                if !current.isEmpty { result.append(current); current = [] }
            } else {
                current.append(String(line))
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    private static func normalised(_ line: String) -> String {
        var text = line.trimmingWhitespace().lowercased()
        while let last = text.last, last == "," || last == "." || last == "!" { text.removeLast() }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

private extension StringProtocol {
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
