/// Screens a text against the safeguarding vocabulary: whole words and their inflections,
/// acts or marks near a body part, and phrases.
///
/// Every message is screened, so this must stay cheap: the text is folded once
/// (`FoldedText`), cut into words, and every word looked up once in one table of all forms
/// (`WordIndex`); the signals then only compare the positions found.
public struct SafeguardingScreen: Sendable {
    public let signals: [SafeguardingSignal]
    private let index: WordIndex
    private let compiled: [CompiledSignal]

    /// The built-in vocabulary, compiled once.
    public static let standard = SafeguardingScreen()

    /// The vocabulary, plus configured words (`[triage] safeguarding_words_extra`): each a word or
    /// phrase matched whole, or as the end of a longer compound.
    public init(signals: [SafeguardingSignal] = SafeguardingVocabulary.all, extraWords: [String] = []) {
        let extras = extraWords.map { word in
            SafeguardingSignal(word, .word(WordClass([FoldedText(word).value.trimmed], joins: .compound)))
        }.filter { $0.name.contains(where: \.isLetter) }
        self.signals = signals + extras
        var classes: [WordClass] = []
        func id(_ wordClass: WordClass) -> Int {
            if let known = classes.firstIndex(of: wordClass) { return known }
            classes.append(wordClass)
            return classes.count - 1
        }
        compiled = self.signals.map { signal in
            switch signal.pattern {
            case .word(let a): CompiledSignal(name: signal.name, pattern: .word(id(a)))
            case .near(let a, let b, let within): CompiledSignal(name: signal.name, pattern: .near(id(a), id(b), within: within))
            case .then(let a, let b, let minGap, let maxGap):
                CompiledSignal(name: signal.name, pattern: .then(id(a), id(b), gaps: minGap...max(minGap, maxGap)))
            }
        }
        index = WordIndex(classes: classes)
    }

    /// One signal found: its name and the words of the text that made it.
    public struct Hit: Sendable, Equatable, CustomStringConvertible {
        public let signal: String
        public let words: String
        public var description: String { signal == words ? signal : "\(signal) (\(words))" }
    }

    /// The signals found in the text, in vocabulary order, each once.
    public func matches(in text: String) -> [Hit] {
        let words = Words(FoldedText(text))
        guard !words.isEmpty else { return [] }
        let spans = index.spans(in: words)
        return compiled.compactMap { signal in
            signal.firstSpan(spans).map { Hit(signal: signal.name, words: words.text(of: $0)) }
        }
    }

    /// The signals found, as short lines for the case's events and the officer's alert.
    public func hits(in text: String) -> [String] {
        matches(in: text).map(\.description)
    }
}

/// The words of a folded text, as ranges of its bytes.
struct Words {
    let bytes: [UInt8]
    let ranges: [Range<Int>]

    init(_ folded: FoldedText) {
        bytes = folded.bytes
        var ranges: [Range<Int>] = []
        var start: Int?
        for (offset, byte) in bytes.enumerated() {
            if byte == 0x20 {
                if let begin = start { ranges.append(begin..<offset); start = nil }
            } else if start == nil {
                start = offset
            }
        }
        if let begin = start { ranges.append(begin..<bytes.count) }
        self.ranges = ranges
    }

    var isEmpty: Bool { ranges.isEmpty }
    var count: Int { ranges.count }

    subscript(index: Int) -> ArraySlice<UInt8> { bytes[ranges[index]] }

    /// The words of a span, at most eight, for a report.
    func text(of span: ClosedRange<Int>) -> String {
        let last = min(span.upperBound, span.lowerBound + 7)
        return (span.lowerBound...last).map { String(decoding: self[$0], as: UTF8.self) }.joined(separator: " ")
    }
}

/// A signal as positions of word classes.
struct CompiledSignal: Sendable {
    enum Pattern: Sendable {
        case word(Int)
        case near(Int, Int, within: Int)
        case then(Int, Int, gaps: ClosedRange<Int>)
    }

    let name: String
    let pattern: Pattern

    /// The words where the signal stands first, if it does; `spans` are per class, in text order.
    func firstSpan(_ spans: [[ClosedRange<Int>]]) -> ClosedRange<Int>? {
        switch pattern {
        case .word(let a):
            return spans[a].first
        case .near(let a, let b, let within):
            guard !spans[b].isEmpty else { return nil }
            for one in spans[a] {
                for other in spans[b] {
                    let gap = one.upperBound < other.lowerBound ? other.lowerBound - one.upperBound - 1
                        : other.upperBound < one.lowerBound ? one.lowerBound - other.upperBound - 1 : -1
                    if gap >= 0 && gap <= within {
                        return min(one.lowerBound, other.lowerBound)...max(one.upperBound, other.upperBound)
                    }
                }
            }
            return nil
        case .then(let a, let b, let gaps):
            guard !spans[b].isEmpty else { return nil }
            for one in spans[a] {
                for other in spans[b] where other.lowerBound > one.upperBound && gaps.contains(other.lowerBound - one.upperBound - 1) {
                    return one.lowerBound...other.upperBound
                }
            }
            return nil
        }
    }
}

private extension String {
    var trimmed: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
