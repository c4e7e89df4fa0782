/// Text folded for matching: lower case, accents removed, every run of non-letters one space.
///
/// "BSO Morel" in a config, "bso-morël" in a message: both fold to " bso morel ", so a
/// location alias or a safeguarding word is found however a parent types it. Works on
/// bytes (ASCII fast path, a table for Latin accents, a plain byte search): every message
/// is screened against every word, and this must stay cheap.
public struct FoldedText: Sendable, Equatable {
    public let bytes: [UInt8]

    public var value: String { String(decoding: bytes, as: UTF8.self) }

    public init(_ text: String) {
        var out: [UInt8] = [0x20]
        out.reserveCapacity(text.utf8.count + 2)
        var lastWasSpace = true
        func letter(_ piece: some Sequence<UInt8>) {
            out.append(contentsOf: piece)
            lastWasSpace = false
        }
        func separator() {
            if !lastWasSpace { out.append(0x20); lastWasSpace = true }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x41...0x5A: letter(CollectionOfOne(UInt8(v + 0x20)))
            case 0x61...0x7A, 0x30...0x39: letter(CollectionOfOne(UInt8(v)))
            case 0...0x7F: separator()
            default:
                if let base = LatinFolding.base(of: v) {
                    if base.isEmpty { separator() } else { letter(base) }
                } else if scalar.properties.generalCategory == .nonspacingMark {
                    continue
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    letter(String(scalar.properties.lowercaseMapping).utf8)
                } else {
                    separator()
                }
            }
        }
        if !lastWasSpace { out.append(0x20) }
        bytes = out
    }

    /// True when `phrase` occurs as whole words ("morel" in "bso morel", not in "morellen").
    public func containsWords(_ phrase: FoldedText) -> Bool {
        phrase.bytes.count > 1 && contains(phrase.bytes[...])
    }

    /// True when `stem` begins a word ("sla" in "slaan"; "geslagen" needs its own stem).
    public func containsWordStart(_ stem: FoldedText) -> Bool {
        stem.bytes.count > 1 && contains(stem.bytes.dropLast())
    }

    /// Where words begin: the offsets of the spaces before them. A stem can only match there,
    /// so a screen of many stems looks at these instead of at every byte.
    public var wordStarts: [Int] {
        var starts: [Int] = []
        for (offset, byte) in bytes.enumerated() where byte == 0x20 && offset + 1 < bytes.count { starts.append(offset) }
        return starts
    }

    /// `containsWordStart(_:)` looking only at `wordStarts` (this text's own).
    public func containsWordStart(_ stem: FoldedText, wordStarts: [Int]) -> Bool {
        guard stem.bytes.count > 1 else { return false }
        let needle = stem.bytes.dropLast()
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { wanted in
                for start in wordStarts where start + wanted.count <= haystack.count {
                    var offset = 0
                    while offset < wanted.count, haystack[start + offset] == wanted[offset] { offset += 1 }
                    if offset == wanted.count { return true }
                }
                return false
            }
        }
    }

    /// A plain byte search: the needles are a few words, the haystack one message.
    private func contains(_ needle: ArraySlice<UInt8>) -> Bool {
        guard let first = needle.first, needle.count <= bytes.count else { return needle.isEmpty }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { wanted in
                var start = 0
                let last = haystack.count - wanted.count
                while start <= last {
                    if haystack[start] == first {
                        var offset = 1
                        while offset < wanted.count, haystack[start + offset] == wanted[offset] { offset += 1 }
                        if offset == wanted.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
