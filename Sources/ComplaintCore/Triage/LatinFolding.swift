/// Latin letters with accents, U+00C0 to U+024F, folded to their ASCII base letters
/// ("ë" → "e", "ß" → "ss"); an empty entry is not a letter with a base (× ÷). Generated
/// from Unicode's compatibility decompositions, so "Zoë" and "Zoe" match.
enum LatinFolding {
    static let first: UInt32 = 0xC0

    static func base(of scalar: UInt32) -> [UInt8]? {
        guard scalar >= first, scalar < first + UInt32(table.count) else { return nil }
        return table[Int(scalar - first)]
    }

    private static let table: [[UInt8]] = names.map { Array($0.utf8) }

    private static let names: [String] = [
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00C0
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",  // U+00D0
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00E0
        "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",  // U+00F0
        "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",  // U+0100
        "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",  // U+0110
        "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",  // U+0120
        "i", "i", "ij", "ij", "j", "j", "k", "k", "", "l", "l", "l", "l", "l", "l", "l",  // U+0130
        "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "", "", "o", "o", "o", "o",  // U+0140
        "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  // U+0150
        "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",  // U+0160
        "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",  // U+0170
        "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",  // U+0180
        "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",  // U+0190
        "o", "o", "", "", "", "", "", "", "", "", "", "", "", "", "", "u",  // U+01A0
        "u", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",  // U+01B0
        "", "", "", "", "dz", "dz", "dz", "lj", "lj", "lj", "nj", "nj", "nj", "a", "a", "i",  // U+01C0
        "i", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "", "a", "a",  // U+01D0
        "a", "a", "", "", "", "", "g", "g", "k", "k", "o", "o", "o", "o", "", "",  // U+01E0
        "j", "dz", "dz", "dz", "g", "g", "", "", "n", "n", "a", "a", "", "", "", "",  // U+01F0
        "a", "a", "a", "a", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o",  // U+0200
        "r", "r", "r", "r", "u", "u", "u", "u", "s", "s", "t", "t", "", "", "h", "h",  // U+0210
        "", "", "", "", "", "", "a", "a", "e", "e", "o", "o", "o", "o", "o", "o",  // U+0220
        "o", "o", "y", "y", "", "", "", "", "", "", "", "", "", "", "", "",  // U+0230
        "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",  // U+0240
    ]
}
