/// Turns template source into nodes: tags, standalone-line trimming, and block nesting.
struct TemplateParser {
    private enum Token {
        case text(String)
        case tag(TemplateTag, line: Int)
    }

    private struct OpenBlock {
        var block: TemplateBlock
        var path: TemplatePath
        var line: Int
        var then: [TemplateNode] = []
        var otherwise: [TemplateNode] = []
        var inElse = false
    }

    let file: String
    let firstLine: Int

    /// The nodes of `source`, or the first syntax error with its line.
    func parse(_ source: String) throws(TemplateError) -> [TemplateNode] {
        try buildTree(trimStandaloneLines(tokenize(source)))
    }

    private func tokenize(_ source: String) throws(TemplateError) -> [Token] {
        var tokens: [Token] = []
        var rest = source[...]
        var line = firstLine
        while let open = rest.firstRange(of: "{{") {
            let text = rest[..<open.lowerBound]
            if !text.isEmpty { tokens.append(.text(String(text))) }
            line += text.count(of: "\n")
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(of: "}}") else {
                throw error(line, "a tag opened with {{ is never closed", "Add }} at the end of the tag.")
            }
            let inner = afterOpen[..<close.lowerBound]
            tokens.append(.tag(try parseTag(inner, line: line), line: line))
            line += inner.count(of: "\n")
            rest = afterOpen[close.upperBound...]
        }
        if !rest.isEmpty { tokens.append(.text(String(rest))) }
        return tokens
    }

    private func parseTag(_ raw: Substring, line: Int) throws(TemplateError) -> TemplateTag {
        let inner = raw.trimmingSpaces
        if inner.hasPrefix("!") { return .comment }
        if inner.hasPrefix("{") {
            throw error(line, "triple braces {{{…}}} are not part of this template language",
                        "Write {{name}}; values are escaped to suit the mail part they go into.")
        }
        if inner == "else" { return .otherwise }
        if let keyword = inner.first, keyword == "#" || keyword == "/" {
            let words = inner.dropFirst().split(whereSeparator: \.isWhitespace)
            guard let name = words.first, let block = TemplateBlock(rawValue: String(name)) else {
                throw error(line, "unknown block {{\(inner)}}", "Use #if, #unless or #each, and close with /if, /unless or /each.")
            }
            if keyword == "/" {
                guard words.count == 1 else {
                    throw error(line, "{{\(inner)}} has extra words", "A closing tag is just {{/\(block.rawValue)}}.")
                }
                return .close(block)
            }
            guard words.count == 2 else {
                throw error(line, "{{\(inner)}} needs exactly one variable", "Write {{#\(block.rawValue) some.variable}}.")
            }
            return .open(block, try parsePath(words[1], line: line))
        }
        return .variable(try parsePath(inner, line: line))
    }

    private func parsePath(_ text: Substring, line: Int) throws(TemplateError) -> TemplatePath {
        let segments = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let valid = !text.isEmpty && segments.enumerated().allSatisfy { index, segment in
            if index == 0, segment == "@index" || segment == "@number" || segment == "@first" { return segments.count == 1 }
            return !segment.isEmpty && segment.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        }
        guard valid else {
            throw error(line, "\"\(text)\" is not a variable name",
                        "Use letters, digits, _ and - with dots between the parts, e.g. {{case.reference}}.")
        }
        return TemplatePath(segments: segments)
    }

    /// Removes the whitespace and line break around block and comment tags that are alone on their line.
    private func trimStandaloneLines(_ tokens: [Token]) -> [Token] {
        var trimHead = Set<Int>()
        var trimTail = Set<Int>()
        for (index, token) in tokens.enumerated() {
            guard case .tag(let tag, _) = token, tag.canStandAlone,
                  lineBeforeIsBlank(tokens, index), lineAfterIsBlank(tokens, index) else { continue }
            trimTail.insert(index - 1)
            trimHead.insert(index + 1)
        }
        return tokens.enumerated().map { index, token in
            guard case .text(let text) = token else { return token }
            var start = text.startIndex
            var end = text.endIndex
            if trimHead.contains(index) {
                start = text.firstIndex(of: "\n").map { text.index(after: $0) } ?? text.endIndex
            }
            if trimTail.contains(index) {
                end = text.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            }
            return .text(start < end ? String(text[start..<end]) : "")
        }
    }

    private func lineBeforeIsBlank(_ tokens: [Token], _ index: Int) -> Bool {
        if index == 0 { return true }
        guard case .text(let text) = tokens[index - 1] else { return false }
        if let newline = text.lastIndex(of: "\n") {
            return text[text.index(after: newline)...].allSatisfy(\.isSpaceOrTab)
        }
        return index - 1 == 0 && text.allSatisfy(\.isSpaceOrTab)
    }

    private func lineAfterIsBlank(_ tokens: [Token], _ index: Int) -> Bool {
        if index == tokens.count - 1 { return true }
        guard case .text(let text) = tokens[index + 1] else { return false }
        if let newline = text.firstIndex(of: "\n") {
            return text[..<newline].allSatisfy(\.isSpaceOrTab)
        }
        return index + 1 == tokens.count - 1 && text.allSatisfy(\.isSpaceOrTab)
    }

    private func buildTree(_ tokens: [Token]) throws(TemplateError) -> [TemplateNode] {
        var root: [TemplateNode] = []
        var stack: [OpenBlock] = []
        func append(_ node: TemplateNode) {
            guard var top = stack.popLast() else { return root.append(node) }
            if top.inElse { top.otherwise.append(node) } else { top.then.append(node) }
            stack.append(top)
        }
        let loopDepth = { stack.filter { $0.block == .each }.count }
        for token in tokens {
            switch token {
            case .text(let text):
                if !text.isEmpty { append(.text(text)) }
            case .tag(.comment, _):
                continue
            case .tag(.variable(let path), let line):
                try checkLoopLocal(path, loopDepth: loopDepth(), line: line)
                append(.variable(path, line: line))
            case .tag(.open(let block, let path), let line):
                try checkLoopLocal(path, loopDepth: loopDepth(), line: line)
                stack.append(OpenBlock(block: block, path: path, line: line))
            case .tag(.otherwise, let line):
                guard var top = stack.popLast(), top.block != .each, !top.inElse else {
                    throw error(line, "{{else}} is not inside an {{#if}} or {{#unless}} (or is the second one)",
                                "Put one {{else}} between {{#if …}} and {{/if}}.")
                }
                top.inElse = true
                stack.append(top)
            case .tag(.close(let block), let line):
                guard let top = stack.popLast() else {
                    throw error(line, "{{/\(block.rawValue)}} closes nothing", "Remove it or add the {{#\(block.rawValue) …}} it belongs to.")
                }
                guard top.block == block else {
                    throw error(line, "{{/\(block.rawValue)}} closes {{#\(top.block.rawValue) \(top.path.dotted)}} of line \(top.line)",
                                "Close that block with {{/\(top.block.rawValue)}} first.")
                }
                switch block {
                case .each: append(.loop(top.path, body: top.then, line: top.line))
                case .if, .unless:
                    append(.conditional(top.path, negated: block == .unless, then: top.then,
                                        otherwise: top.otherwise, line: top.line))
                }
            }
        }
        if let open = stack.last {
            throw error(open.line, "{{#\(open.block.rawValue) \(open.path.dotted)}} is never closed",
                        "Add {{/\(open.block.rawValue)}} where the block ends.")
        }
        return root
    }

    private func checkLoopLocal(_ path: TemplatePath, loopDepth: Int, line: Int) throws(TemplateError) {
        guard loopDepth == 0, let first = path.segments.first, LoopLocals.names.contains(first) else { return }
        throw error(line, "{{\(path.dotted)}} is only known inside {{#each …}}",
                    "Move it into the loop, or use the full variable name.")
    }

    private func error(_ line: Int, _ problem: String, _ fix: String) -> TemplateError {
        TemplateError(file: file, line: line, problem: problem, fix: fix)
    }
}

extension Character {
    /// A space or a tab (not a line break).
    var isSpaceOrTab: Bool { self == " " || self == "\t" || self == "\r" }
}

extension Substring {
    /// The text without leading and trailing whitespace.
    var trimmingSpaces: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<Swift.max(start, end)]
    }

    /// How often `character` occurs.
    func count(of character: Character) -> Int {
        reduce(0) { $1 == character ? $0 + 1 : $0 }
    }
}
