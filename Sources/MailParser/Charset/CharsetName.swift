import Foundation

/// A charset label from a header, normalised to the name glibc iconv knows.
struct CharsetName: Equatable {
    /// The label lowercased and trimmed, as it appeared in the message.
    let label: String

    init(_ label: String) {
        var cleaned = label.trimmingWhitespace().lowercasedFast()
        cleaned = String(cleaned.trimmed { $0 == "\"" || $0 == "'" })
        self.label = cleaned
    }

    /// Labels that mean UTF-8.
    var isUTF8: Bool { ["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"].contains(label) }

    /// Labels that mean ASCII; mail so labelled often carries 8-bit text anyway.
    var isASCII: Bool { ["us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "646", "7bit", "8bit"].contains(label) }

    /// Labels that mean ISO-8859-1 or windows-1252, which we decode as windows-1252.
    var isLatin1Family: Bool {
        ["iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "cp819", "ibm819",
         "windows-1252", "cp1252", "x-cp1252", "win-1252", "iso_8859-1:1987"].contains(label)
    }

    /// The name handed to iconv_open, with the aliases mail clients use mapped to glibc's names.
    var iconvName: String {
        if let alias = Self.aliases[label] { return alias }
        if label.hasPrefix("cp") || label.hasPrefix("iso") || label.hasPrefix("windows") { return label.uppercased() }
        if label.hasPrefix("x-") { return String(label.dropFirst(2)).uppercased() }
        return label.uppercased()
    }

    private static let aliases: [String: String] = [
        "x-sjis": "SHIFT_JIS", "sjis": "SHIFT_JIS", "shift-jis": "SHIFT_JIS", "ms_kanji": "SHIFT_JIS",
        "windows-31j": "CP932", "cp932": "CP932",
        "ks_c_5601-1987": "CP949", "ks_c_5601": "CP949", "korean": "CP949", "euc-kr": "CP949", "x-windows-949": "CP949",
        "gb2312": "GBK", "x-gbk": "GBK", "gb_2312-80": "GBK", "chinese": "GBK", "cp936": "GBK",
        "big5": "BIG5-HKSCS", "x-big5": "BIG5-HKSCS", "big5-hkscs": "BIG5-HKSCS", "cn-big5": "BIG5-HKSCS",
        "iso-8859-8-i": "ISO-8859-8", "iso-8859-6-i": "ISO-8859-6", "logical": "ISO-8859-8",
        "tis-620": "TIS-620", "windows-874": "CP874", "iso-8859-11": "TIS-620",
        "unicode-1-1-utf-7": "UTF-7", "utf7": "UTF-7",
        "utf16": "UTF-16", "unicode": "UTF-16",
        "x-mac-roman": "MACINTOSH", "macintosh": "MACINTOSH", "mac": "MACINTOSH",
        "koi8r": "KOI8-R", "koi8u": "KOI8-U", "koi8-ru": "KOI8-RU",
        "x-euc-jp": "EUC-JP", "euc-jp": "EUC-JP", "iso-2022-jp": "ISO-2022-JP-3", "csiso2022jp": "ISO-2022-JP-3",
        "latin2": "ISO-8859-2", "latin-2": "ISO-8859-2", "latin9": "ISO-8859-15", "latin-9": "ISO-8859-15",
        "cp-850": "CP850", "ibm850": "CP850",
    ]
}
