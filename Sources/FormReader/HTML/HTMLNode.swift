/// One node of a forgiving HTML parse: an element with children, or a run of text.
struct HTMLNode: Sendable {
    /// The lower-case tag name, or empty for text.
    var name: String
    /// Attributes with lower-case names and decoded values.
    var attributes: [String: String]
    /// Child nodes in document order.
    var children: [HTMLNode]
    /// The decoded text of a text node.
    var text: String

    /// An element node.
    static func element(_ name: String, attributes: [String: String] = [:], children: [HTMLNode] = []) -> HTMLNode {
        HTMLNode(name: name, attributes: attributes, children: children, text: "")
    }

    /// A text node.
    static func textNode(_ text: String) -> HTMLNode {
        HTMLNode(name: "", attributes: [:], children: [], text: text)
    }

    /// Whether this is a text node.
    var isText: Bool { name.isEmpty }

    /// The value of attribute `name`, lower-cased, or empty.
    func attribute(_ name: String) -> String {
        attributes[name]?.lowercased() ?? ""
    }

    /// Whether the `class` attribute lists `className`.
    func hasClass(_ className: String) -> Bool {
        attribute("class").split(separator: " ").contains { $0 == className }
    }

    /// All descendant elements named `name`, outermost first, not looking inside a match.
    func elements(named name: String) -> [HTMLNode] {
        var found: [HTMLNode] = []
        for child in children where !child.isText {
            if child.name == name {
                found.append(child)
            } else {
                found += child.elements(named: name)
            }
        }
        return found
    }

    /// The child elements, text nodes left out.
    var elementChildren: [HTMLNode] { children.filter { !$0.isText } }
}
