/// A value a template can show, test or loop over.
public indirect enum TemplateValue: Sendable, Equatable {
    /// Text, shown as is (after escaping).
    case string(String)
    /// A yes/no flag, for `{{#if}}` and `{{#unless}}` only.
    case bool(Bool)
    /// A list, for `{{#each}}` (and `{{#if}}`: a list is true when it is not empty).
    case list([TemplateValue])
    /// Named values, reached with dotted paths (`case.reference`).
    case object([String: TemplateValue])

    /// The truth of the value in `{{#if}}`: a non-empty string, `true`, a non-empty list or any object.
    public var isTruthy: Bool {
        switch self {
        case .string(let text): return !text.isEmpty
        case .bool(let flag): return flag
        case .list(let items): return !items.isEmpty
        case .object: return true
        }
    }

    /// A short name of the value's kind, for error messages.
    var kindName: String {
        switch self {
        case .string: return "text"
        case .bool: return "yes/no value"
        case .list: return "list"
        case .object: return "group of values"
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
