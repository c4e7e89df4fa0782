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

    /// Whether `needle` occurs, compared as UTF-8 bytes: the standard library's `contains`
    /// on strings goes through Foundation's locale-aware search, which costs far more.
    func containsBytes(_ needle: String) -> Bool {
        let wanted = Array(needle.utf8)
        guard let first = wanted.first else { return true }
        var utf8 = self.utf8.makeIterator()
        var found = false
        var haystack: [UInt8] = []
        haystack.reserveCapacity(self.utf8.count)
        while let byte = utf8.next() { haystack.append(byte) }
        guard haystack.count >= wanted.count else { return false }
        haystack.withUnsafeBufferPointer { bytes in
            var start = 0
            while start <= bytes.count - wanted.count, !found {
                if bytes[start] == first {
                    var offset = 1
                    while offset < wanted.count, bytes[start + offset] == wanted[offset] { offset += 1 }
                    found = offset == wanted.count
                }
                start += 1
            }
        }
        return found
    }
}
