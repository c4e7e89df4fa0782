/// A dotted variable path such as `case.reference` or, inside a loop, `item.due`.
struct TemplatePath: Sendable, Hashable {
    /// The names between the dots.
    let segments: [String]

    /// The path as written, `case.reference`.
    var dotted: String { segments.joined(separator: ".") }
}

/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
    /// Literal text.
    case text(String)
    /// `{{path}}`.
    case variable(TemplatePath, line: Int)
    /// `{{#if path}}…{{else}}…{{/if}}`, or `{{#unless path}}` when `negated`.
    case conditional(TemplatePath, negated: Bool, then: [TemplateNode], otherwise: [TemplateNode], line: Int)
    /// `{{#each path}}…{{/each}}`.
    case loop(TemplatePath, body: [TemplateNode], line: Int)
}

/// The block tags of the language.
enum TemplateBlock: String, Sendable {
    case `if`, unless, each
}

/// What a `{{…}}` tag says.
enum TemplateTag: Sendable {
    case variable(TemplatePath)
    case open(TemplateBlock, TemplatePath)
    case otherwise
    case close(TemplateBlock)
    case comment

    /// Block and comment tags alone on a line take the whole line with them, so they leave no blank lines.
    var canStandAlone: Bool {
        if case .variable = self { return false }
        return true
    }
}

/// The names a loop body can use for the current element.
enum LoopLocals {
    static let names: Set<String> = ["this", "item", "@index", "@number", "@first"]
}
