/// The mail texts of one language, by template name.
public struct TemplateSet: Sendable {
    /// The language the set was loaded for, e.g. "nl" or "en".
    public let language: String
    /// The names whose text came from the Dutch folder because the language's own folder lacked them.
    public let fallbackNames: Set<String>
    private let templates: [String: MailTemplate]

    /// Creates a set from parsed templates (a later template with the same name wins).
    public init(language: String, templates: [MailTemplate], fallbackNames: Set<String> = []) {
        self.language = language
        self.fallbackNames = fallbackNames
        self.templates = Dictionary(templates.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The template names in the set, sorted.
    public var names: [String] { templates.keys.sorted() }

    /// The template called `name`, if the set has one.
    public func template(_ name: String) -> MailTemplate? { templates[name] }

    /// Every problem `check-config` should report, given per template name the variables the daemon offers.
    ///
    /// A template the daemon needs but the set lacks, a file the daemon does not know (a
    /// misspelt name), and a variable the daemon does not offer to that template are errors.
    /// An offered path `x.*` allows everything below `x`.
    public func validate(knownPaths: [String: Set<String>]) -> [TemplateError] {
        var errors: [TemplateError] = []
        for name in knownPaths.keys.sorted() where templates[name] == nil {
            errors.append(TemplateError(file: "\(language)/\(name).txt", line: 0,
                                        problem: "the template \"\(name)\" is missing",
                                        fix: "Create \(language)/\(name).txt (see Templates/README.md)."))
        }
        for name in names {
            guard let template = templates[name] else { continue }
            guard let offered = knownPaths[name] else {
                errors.append(TemplateError(file: template.body.name, line: 0,
                                            problem: "there is no template called \"\(name)\"",
                                            fix: "Rename the file to one of: \(knownPaths.keys.sorted().joined(separator: ", "))."))
                continue
            }
            for path in template.referencedPaths.sorted() where !TemplateSet.offers(offered, path) {
                let line = template.subject.line(of: path) ?? template.body.line(of: path) ?? 0
                errors.append(TemplateError(file: template.body.name, line: line,
                                            problem: "the variable {{\(path)}} is not available in \"\(name)\"",
                                            fix: "Use one of: \(offered.sorted().joined(separator: ", "))."))
            }
        }
        return errors
    }

    /// Whether `path` is offered: named itself, a group above an offered path, or under an offered `x.*`.
    private static func offers(_ offered: Set<String>, _ path: String) -> Bool {
        if offered.contains(path) { return true }
        return offered.contains { known in
            known.hasPrefix(path + ".") || (known.hasSuffix(".*") && path.hasPrefix(known.dropLast()))
        }
    }
}
