/// format=flowed text (RFC 3676): soft line breaks (a trailing space) joined back into
/// paragraphs, space-stuffing removed, and with DelSp=yes the trailing space dropped too.
enum FlowedText {
    static func unflow(_ text: String, deleteSpace: Bool) -> String {
        var output: [Substring] = []
        var paragraph = ""
        var open = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = rawLine
            let quoteDepth = line.prefix { $0 == ">" }.count
            let quote = line.prefix(quoteDepth)
            line = line.dropFirst(quoteDepth)
            if line.hasPrefix(" ") { line = line.dropFirst() }
            let isSignature = line == "-- "
            let isSoft = line.hasSuffix(" ") && !isSignature
            if isSoft && deleteSpace { line = line.dropLast() }
            if !open { paragraph = String(quote) + (quoteDepth > 0 ? " " : "") }
            paragraph += line
            open = isSoft
            if !open { output.append(Substring(paragraph)) }
        }
        if open { output.append(Substring(paragraph)) }
        return output.joined(separator: "\n")
    }
}
