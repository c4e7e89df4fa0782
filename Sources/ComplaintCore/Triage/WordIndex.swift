/// Every form of every word class in one table, keyed by a hash of a word's bytes.
///
/// The hash runs from a word's last byte to its first, so one backward pass gives the hash
/// of every ending of the word: the whole word, the word after a separable particle
/// ("mee|gesleurd"), and each compound head ("kinder|mishandeling") are all one lookup.
struct WordIndex: Sendable {
    private enum Join: Sendable {
        case nothing
        case particles([[UInt8]])
        case compound
    }

    private struct Form: Sendable {
        let classID: Int
        let first: [UInt8]
        let tail: [[UInt8]]
        let join: Join
    }

    private var table: [UInt64: [Form]] = [:]
    /// Only the forms that may end a compound: looked up for every ending of every word.
    private var compoundTable: [UInt64: [Form]] = [:]
    /// The separable particles by their first byte, so most words look at none.
    private var particlesByFirstByte = [[[UInt8]]](repeating: [], count: 256)
    /// A quick refusal before any compound lookup: the last two bytes of every form that may end a compound.
    private var compoundEndings = Set<UInt16>()
    /// Per class, phrases that cancel a match starting at the same word.
    private var unless: [[[[UInt8]]]] = []
    let classCount: Int

    init(classes: [WordClass]) {
        classCount = classes.count
        var particleSet = Set<[UInt8]>()
        for (classID, wordClass) in classes.enumerated() {
            let join: Join
            switch wordClass.joins {
            case .nothing: join = .nothing
            case .particles(let list):
                let bytes = list.map { Array($0.utf8) }
                particleSet.formUnion(bytes)
                join = .particles(bytes)
            case .compound: join = .compound
            }
            for form in wordClass.forms {
                let words = Self.words(form)
                guard let first = words.first else { continue }
                let entry = Form(classID: classID, first: first, tail: Array(words.dropFirst()), join: join)
                table[Self.hash(first[...]), default: []].append(entry)
                if case .compound = join, first.count >= 2 {
                    compoundTable[Self.hash(first[...]), default: []].append(entry)
                    compoundEndings.insert(UInt16(first[first.count - 2]) << 8 | UInt16(first[first.count - 1]))
                }
            }
            unless.append(wordClass.unless.map(Self.words))
        }
        for particle in particleSet.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            if let first = particle.first { particlesByFirstByte[Int(first)].append(particle) }
        }
    }

    /// Per class, the spans of words where one of its forms stands, in text order.
    func spans(in words: Words) -> [[ClosedRange<Int>]] {
        var spans = [[ClosedRange<Int>]](repeating: [], count: classCount)
        var endings: [UInt64] = []
        words.bytes.withUnsafeBufferPointer { bytes in
            for index in 0..<words.count {
                let range = words.ranges[index]
                // endings[k]: the hash of the word from byte k (relative) to its end.
                endings.removeAll(keepingCapacity: true)
                var hash: UInt64 = Self.offsetBasis
                for position in range.reversed() {
                    hash = (hash ^ UInt64(bytes[position])) &* Self.prime
                    endings.append(hash)
                }
                endings.reverse()
                func look(from offset: Int, in table: [UInt64: [Form]], accept: (Form) -> Bool) {
                    guard let forms = table[endings[offset]] else { return }
                    let ending = UnsafeBufferPointer(rebasing: bytes[(range.lowerBound + offset)..<range.upperBound])
                    for form in forms where accept(form) && form.first.elementsEqual(ending) {
                        record(form, at: index)
                    }
                }
                func record(_ form: Form, at index: Int) {
                    guard follows(form.tail, after: index, in: words), !isExcepted(form.classID, at: index, in: words) else { return }
                    let span = index...(index + form.tail.count)
                    if spans[form.classID].last != span { spans[form.classID].append(span) }
                }
                look(from: 0, in: table) { _ in true }
                for particle in particlesByFirstByte[Int(bytes[range.lowerBound])] where particle.count < range.count
                    && bytes[range.lowerBound..<(range.lowerBound + particle.count)].elementsEqual(particle) {
                    look(from: particle.count, in: table) { form in
                        if case .particles(let allowed) = form.join { return allowed.contains(particle) }
                        return false
                    }
                }
                if range.count > 4, compoundEndings.contains(UInt16(bytes[range.upperBound - 2]) << 8 | UInt16(bytes[range.upperBound - 1])) {
                    for offset in 2..<(range.count - 2) { look(from: offset, in: compoundTable) { _ in true } }
                }
            }
        }
        return spans
    }

    private func follows(_ tail: [[UInt8]], after index: Int, in words: Words) -> Bool {
        guard index + tail.count < words.count else { return false }
        for (offset, word) in tail.enumerated() where !words[index + 1 + offset].elementsEqual(word) { return false }
        return true
    }

    private func isExcepted(_ classID: Int, at index: Int, in words: Words) -> Bool {
        unless[classID].contains { phrase in
            guard let first = phrase.first, words[index].elementsEqual(first) else { return false }
            return follows(Array(phrase.dropFirst()), after: index, in: words)
        }
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a over the bytes from last to first.
    private static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes.reversed() { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    private static func words(_ form: String) -> [[UInt8]] {
        FoldedText(form).bytes.split(separator: 0x20).map(Array.init)
    }
}
