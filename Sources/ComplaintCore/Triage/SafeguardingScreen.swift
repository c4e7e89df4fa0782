/// Screens a text against the safeguarding vocabulary: whole words and their inflections,
/// acts or marks near a body part, and phrases.
///
/// The text is folded once (`FoldedText`) and cut into words; each word class looks its
/// forms up by the word's bytes (and, where the class allows, by what is left after a
/// separable particle or at the end of a compound), so a screen of a few hundred forms costs
/// a few lookups per word.
public struct SafeguardingScreen: Sendable {
    public let signals: [SafeguardingSignal]
    private let compiled: [CompiledSignal]

    /// The vocabulary, plus configured words (`[triage] safeguarding_words_extra`): each a word or
    /// phrase matched whole, or as the end of a longer compound.
    public init(signals: [SafeguardingSignal] = SafeguardingVocabulary.all, extraWords: [String] = []) {
        let extras = extraWords.map { word in
            SafeguardingSignal(word, .word(WordClass([FoldedText(word).value.trimmed], joins: .compound)))
        }.filter { $0.name.contains(where: \.isLetter) }
        self.signals = signals + extras
        compiled = self.signals.map(CompiledSignal.init)
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
        return compiled.compactMap { signal in
            signal.firstSpan(in: words).map { Hit(signal: signal.name, words: words.text(of: $0)) }
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

/// A word class ready to look up: forms by their first word.
struct CompiledClass: Sendable {
    private let byFirstWord: [ArraySlice<UInt8>: [[ArraySlice<UInt8>]]]
    private let particles: [[UInt8]]
    private let compound: Bool
    private let unless: [[ArraySlice<UInt8>]]

    init(_ wordClass: WordClass) {
        var table: [ArraySlice<UInt8>: [[ArraySlice<UInt8>]]] = [:]
        for form in wordClass.forms {
            let words = Self.split(form)
            guard let first = words.first else { continue }
            table[first, default: []].append(Array(words.dropFirst()))
        }
        byFirstWord = table
        switch wordClass.joins {
        case .nothing: particles = []; compound = false
        case .particles(let list): particles = list.map { Array($0.utf8) }; compound = false
        case .compound: particles = []; compound = true
        }
        unless = wordClass.unless.map(Self.split)
    }

    /// Every span of words where a form of the class stands, in text order.
    func spans(in words: Words) -> [ClosedRange<Int>] {
        var spans: [ClosedRange<Int>] = []
        for index in 0..<words.count {
            guard let end = match(at: index, in: words), !isExcepted(at: index, in: words) else { continue }
            spans.append(index...end)
        }
        return spans
    }

    /// The last word of a form that starts at `index`, if one does.
    private func match(at index: Int, in words: Words) -> Int? {
        let word = words[index]
        if let end = rest(of: word, at: index, in: words) { return end }
        for particle in particles where word.count > particle.count && word.starts(with: particle) {
            if let end = rest(of: word.dropFirst(particle.count), at: index, in: words) { return end }
        }
        if compound, word.count > 3 {
            var start = word.startIndex + 2
            while start < word.endIndex - 2 {
                if let end = rest(of: word[start...], at: index, in: words) { return end }
                start += 1
            }
        }
        return nil
    }

    /// Whether a form begins with `first` and its other words follow from `index + 1`.
    private func rest(of first: ArraySlice<UInt8>, at index: Int, in words: Words) -> Int? {
        guard let candidates = byFirstWord[first] else { return nil }
        for tail in candidates where Self.follows(tail, after: index, in: words) { return index + tail.count }
        return nil
    }

    private func isExcepted(at index: Int, in words: Words) -> Bool {
        unless.contains { phrase in
            guard let first = phrase.first, words[index] == first else { return false }
            return Self.follows(Array(phrase.dropFirst()), after: index, in: words)
        }
    }

    private static func follows(_ tail: [ArraySlice<UInt8>], after index: Int, in words: Words) -> Bool {
        guard index + tail.count < words.count else { return false }
        for (offset, word) in tail.enumerated() where words[index + 1 + offset] != word { return false }
        return true
    }

    private static func split(_ form: String) -> [ArraySlice<UInt8>] {
        FoldedText(form).bytes.split(separator: 0x20)
    }
}

/// A signal ready to look for.
struct CompiledSignal: Sendable {
    private enum Pattern: Sendable {
        case word(CompiledClass)
        case near(CompiledClass, CompiledClass, within: Int)
        case then(CompiledClass, CompiledClass, gaps: ClosedRange<Int>)
    }

    let name: String
    private let pattern: Pattern

    init(_ signal: SafeguardingSignal) {
        name = signal.name
        switch signal.pattern {
        case .word(let wordClass): pattern = .word(CompiledClass(wordClass))
        case .near(let a, let b, let within): pattern = .near(CompiledClass(a), CompiledClass(b), within: within)
        case .then(let a, let b, let minGap, let maxGap): pattern = .then(CompiledClass(a), CompiledClass(b), gaps: minGap...max(minGap, maxGap))
        }
    }

    /// The words where the signal stands first, if it does.
    func firstSpan(in words: Words) -> ClosedRange<Int>? {
        switch pattern {
        case .word(let wordClass):
            return wordClass.spans(in: words).first
        case .near(let first, let second, let within):
            let others = second.spans(in: words)
            guard !others.isEmpty else { return nil }
            for one in first.spans(in: words) {
                for other in others {
                    let gap = one.upperBound < other.lowerBound ? other.lowerBound - one.upperBound - 1
                        : other.upperBound < one.lowerBound ? one.lowerBound - other.upperBound - 1 : -1
                    if gap >= 0 && gap <= within {
                        return min(one.lowerBound, other.lowerBound)...max(one.upperBound, other.upperBound)
                    }
                }
            }
            return nil
        case .then(let first, let second, let gaps):
            let others = second.spans(in: words)
            guard !others.isEmpty else { return nil }
            for one in first.spans(in: words) {
                for other in others where other.lowerBound > one.upperBound && gaps.contains(other.lowerBound - one.upperBound - 1) {
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
