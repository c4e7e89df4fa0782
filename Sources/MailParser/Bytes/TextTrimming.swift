/// Whitespace trimming in plain Swift: Foundation's bridged version copies the whole string,
/// which costs seconds on multi-megabyte bodies.
extension StringProtocol {
    /// The text without leading and trailing whitespace and newlines.
    var trimmedWhitespace: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return Substring(self[first...last])
    }

    /// The text without leading whitespace.
    var withoutLeadingWhitespace: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return Substring(self[first...])
    }

    /// Whether the text has anything but whitespace; stops at the first visible character.
    var hasVisibleText: Bool { unicodeScalars.contains { !$0.properties.isWhitespace } }
}
