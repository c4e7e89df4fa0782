import MailParser

extension HTMLNode {
    /// The text a reader sees in this node's content: the parser's `HTMLTextRenderer` in its
    /// `fields` layout (each cell, block and list item a line; a `mailto:` link its address),
    /// so a form's cells read as the message text around them does.
    var visibleText: String {
        Self.visibleText(of: children)
    }

    /// The text of `nodes` one after the other, as if they were one document.
    static func visibleText(of nodes: [HTMLNode]) -> String {
        var renderer = HTMLTextRenderer(layout: .fields)
        for node in nodes { node.feed(to: &renderer) }
        return renderer.finish()
    }

    /// Walks the tree in document order; the parser has already dropped scripts, styles and
    /// comments, and decoded the entities.
    private func feed(to renderer: inout HTMLTextRenderer) {
        if isText {
            renderer.text(text)
            return
        }
        renderer.startElement(name) { attributes["href"] }
        for child in children { child.feed(to: &renderer) }
        renderer.endElement(name)
    }
}
