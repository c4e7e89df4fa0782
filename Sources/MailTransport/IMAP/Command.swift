/// Builds the arguments of IMAP commands (RFC 3501 §6, §9) so that no caller string can break a command line.
enum Command {
    /// A mailbox name as a quoted string, in modified UTF-7 (RFC 3501 §5.1.3).
    static func mailbox(_ name: String) throws(TransportFailure) -> String {
        guard !name.isEmpty, !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw .protocolError("\(name.debugDescription) is not a usable mailbox name")
        }
        return try quoted(ModifiedUTF7.encode(name))
    }

    /// A quoted string; CR, LF and NUL cannot be quoted and are refused.
    static func quoted(_ text: String) throws(TransportFailure) -> String {
        // Scalars, not Characters: "\r\n" is one Character and would slip past a Character test.
        guard !text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
            throw .protocolError("a line break cannot be part of an IMAP string")
        }
        var escaped = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\\" || scalar == "\"" { escaped.unicodeScalars.append("\\") }
            escaped.unicodeScalars.append(scalar)
        }
        return escaped + "\""
    }

    /// A flag list `(\Seen $Keyword)`; each flag must be an atom, optionally after one backslash.
    static func flagList(_ flags: [String]) throws(TransportFailure) -> String {
        for flag in flags { try validateFlag(flag) }
        return "(" + flags.joined(separator: " ") + ")"
    }

    /// Refuses flags with characters IMAP's `flag-keyword` does not allow.
    static func validateFlag(_ flag: String) throws(TransportFailure) {
        let name = flag.hasPrefix("\\") ? flag.dropFirst() : Substring(flag)
        let forbidden: Set<UInt8> = Set("(){ %*\"\\]".utf8)
        guard !name.isEmpty, name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !forbidden.contains($0) }) else {
            throw .protocolError("'\(flag)' is not a valid IMAP flag or keyword")
        }
    }

    /// A UID set `1:5,7,9:12` for ascending, distinct UIDs.
    static func sequenceSet(_ uids: [UInt32]) -> String {
        var ranges: [String] = []
        var index = 0
        let sorted = Array(Set(uids)).sorted()
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count && sorted[end + 1] == sorted[end] + 1 { end += 1 }
            ranges.append(end == index ? "\(sorted[index])" : "\(sorted[index]):\(sorted[end])")
            index = end + 1
        }
        return ranges.joined(separator: ",")
    }
}

/// IMAP's modified UTF-7 for mailbox names (RFC 3501 §5.1.3): ASCII as is, `&` as `&-`, the rest base64.
enum ModifiedUTF7 {
    static func encode(_ name: String) -> String {
        var result = ""
        var pending: [UInt16] = []
        func flush() {
            guard !pending.isEmpty else { return }
            let bytes = pending.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            result += "&" + modifiedBase64(bytes) + "-"
            pending.removeAll()
        }
        for scalar in name.unicodeScalars {
            if scalar.value >= 0x20 && scalar.value <= 0x7E {
                flush()
                result += scalar == "&" ? "&-" : String(scalar)
            } else {
                pending.append(contentsOf: String(scalar).utf16)
            }
        }
        flush()
        return result
    }

    /// Base64 with `,` for `/` and no padding, as RFC 3501 §5.1.3 modifies it.
    static func modifiedBase64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,".utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var group = 0
            for byte in chunk { group = group << 8 | Int(byte) }
            group <<= 8 * (3 - chunk.count)
            for position in 0...chunk.count { output.append(alphabet[(group >> (18 - 6 * position)) & 63]) }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
