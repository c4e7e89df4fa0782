/// A parsed template: text with `{{variables}}`, `{{#if}}`, `{{#unless}}`, `{{#each}}` and `{{! comments }}`.
///
/// The language is described in `Templates/README.md`.
public struct Template: Sendable {
    /// The file or name shown in error messages.
    public let name: String
    let nodes: [TemplateNode]
    /// The line of the first use of each referenced path.
    let pathLines: [String: Int]

    /// Parses `source`; `name` is used in error messages.
    public init(source: String, name: String) throws(TemplateError) {
        try self.init(source: source, name: name, firstLine: 1)
    }

    /// Parses `source` that starts on line `firstLine` of the file `name`.
    init(source: String, name: String, firstLine: Int) throws(TemplateError) {
        self.name = name
        self.nodes = try TemplateParser(file: name, firstLine: firstLine).parse(source)
        var lines: [String: Int] = [:]
        Template.collectPaths(nodes, into: &lines)
        self.pathLines = lines
    }

    /// The dotted paths the template uses, without the loop-local names (`this`, `item`, `@index`, `@number`).
    public var referencedPaths: Set<String> { Set(pathLines.keys) }

    /// The template's own words: every literal text between its tags, in order (branches and
    /// loop bodies included). Used to recognise a staff mail quoted back in a handler's text.
    public var fixedTexts: [String] {
        var texts: [String] = []
        func collect(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text(let text): texts.append(text)
                case .variable: continue
                case .conditional(_, _, let then, let otherwise, _): collect(then); collect(otherwise)
                case .loop(_, let body, _): collect(body)
                }
            }
        }
        collect(nodes)
        return texts
    }

    /// The line on which `path` is first used, if it is used.
    public func line(of path: String) -> Int? { pathLines[path] }

    /// The template filled in from `context`, with every substituted value escaped for its destination.
    ///
    /// A variable that is not in the context is an error, never an empty string: a letter
    /// with a hole in it must not reach a parent.
    ///
    /// With `requireValues`, a variable whose value is empty text is an error too: the daemon
    /// renders that way, so a date or name it lacks holds the mail instead of leaving a blank.
    /// Optional parts of a letter go inside `{{#if}}`.
    public func render(_ context: [String: TemplateValue], escaping: TemplateEscaping,
                       requireValues: Bool = false) throws(TemplateError) -> String {
        var output = ""
        var renderer = TemplateRenderer(file: name, root: context, escaping: escaping, requireValues: requireValues)
        try renderer.render(nodes, into: &output)
        return output
    }

    private static func collectPaths(_ nodes: [TemplateNode], into lines: inout [String: Int]) {
        func note(_ path: TemplatePath, _ line: Int) {
            guard let first = path.segments.first, !LoopLocals.names.contains(first) else { return }
            if lines[path.dotted].map({ $0 > line }) ?? true { lines[path.dotted] = line }
        }
        for node in nodes {
            switch node {
            case .text: continue
            case .variable(let path, let line): note(path, line)
            case .conditional(let path, _, let then, let otherwise, let line):
                note(path, line)
                collectPaths(then, into: &lines)
                collectPaths(otherwise, into: &lines)
            case .loop(let path, let body, let line):
                note(path, line)
                collectPaths(body, into: &lines)
            }
        }
    }
}

/// Walks the nodes with a stack of loop scopes.
private struct TemplateRenderer {
    let file: String
    let root: [String: TemplateValue]
    let escaping: TemplateEscaping
    let requireValues: Bool
    var loopScopes: [[String: TemplateValue]] = []

    init(file: String, root: [String: TemplateValue], escaping: TemplateEscaping, requireValues: Bool) {
        self.file = file
        self.root = root
        self.escaping = escaping
        self.requireValues = requireValues
    }

    mutating func render(_ nodes: [TemplateNode], into output: inout String) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text):
                output += text
            case .variable(let path, let line):
                let value = try resolve(path, line: line)
                guard case .string(let text) = value else {
                    throw TemplateError(file: file, line: line,
                                        problem: "{{\(path.dotted)}} is a \(value.kindName), not text",
                                        fix: value.isListOrBool
                                            ? "Use it in {{#if \(path.dotted)}} or {{#each \(path.dotted)}} instead."
                                            : "Name one of its parts, e.g. {{\(path.dotted).\(value.someKey)}}.")
                }
                if requireValues, text.allSatisfy(\.isWhitespace) {
                    throw TemplateError(file: file, line: line, problem: "{{\(path.dotted)}} has no value for this mail",
                                        fix: "Supply it, or put the sentence that uses it inside {{#if \(path.dotted)}}.")
                }
                output += escaping.escape(text)
            case .conditional(let path, let negated, let then, let otherwise, let line):
                let truth = try resolve(path, line: line).isTruthy != negated
                try render(truth ? then : otherwise, into: &output)
            case .loop(let path, let body, let line):
                let value = try resolve(path, line: line)
                guard case .list(let items) = value else {
                    throw TemplateError(file: file, line: line,
                                        problem: "{{#each \(path.dotted)}} needs a list, but it is a \(value.kindName)",
                                        fix: "Use {{\(path.dotted)}} or {{#if \(path.dotted)}} for a single value.")
                }
                for (index, item) in items.enumerated() {
                    loopScopes.append(["this": item, "item": item,
                                       "@index": .string(String(index)), "@number": .string(String(index + 1)),
                                       "@first": .bool(index == 0)])
                    defer { loopScopes.removeLast() }
                    try render(body, into: &output)
                }
            }
        }
    }

    private func resolve(_ path: TemplatePath, line: Int) throws(TemplateError) -> TemplateValue {
        guard let first = path.segments.first,
              var value = loopScopes.reversed().lazy.compactMap({ $0[first] }).first ?? root[first] else {
            throw unknown(path, known: root.keys, line: line)
        }
        for segment in path.segments.dropFirst() {
            guard case .object(let fields) = value, let next = fields[segment] else {
                if case .object(let fields) = value { throw unknown(path, known: fields.keys, line: line) }
                throw unknown(path, known: [], line: line)
            }
            value = next
        }
        return value
    }

    private func unknown(_ path: TemplatePath, known: some Collection<String>, line: Int) -> TemplateError {
        let choices = known.sorted().joined(separator: ", ")
        return TemplateError(file: file, line: line, problem: "unknown variable {{\(path.dotted)}}",
                             fix: choices.isEmpty ? "Check the spelling against Templates/README.md."
                                                  : "Check the spelling; available here: \(choices).")
    }
}

private extension TemplateValue {
    var isListOrBool: Bool {
        switch self {
        case .list, .bool: return true
        case .string, .object: return false
        }
    }

    var someKey: String {
        if case .object(let fields) = self, let key = fields.keys.sorted().first { return key }
        return "name"
    }
}
