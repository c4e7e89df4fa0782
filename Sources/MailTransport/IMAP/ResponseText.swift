/// The condition, optional response code and human text of a status response (RFC 3501 §7.1).
struct ResponseText: Equatable {
    /// OK, NO, BAD, BYE or PREAUTH.
    let status: String
    /// The bracketed code without brackets, e.g. `ALREADYEXISTS` or `UIDVALIDITY 3857529045`.
    let code: String?
    /// The human-readable rest of the line.
    let text: String

    var isOK: Bool { status == "OK" }

    /// The first word of the code, uppercased (`UIDVALIDITY`, `TRYCREATE`).
    var codeName: String? {
        code.map { String($0.split(separator: " ", maxSplits: 1).first ?? "").uppercased() }
    }

    /// The number after the code's name (`UIDNEXT 4392` → 4392).
    var codeNumber: UInt32? {
        guard let code, let argument = code.split(separator: " ").dropFirst().first else { return nil }
        return UInt32(argument)
    }

    /// Reads `OK|NO|BAD [code] text` from a tagged response.
    init(parsing tokens: inout ResponseTokenizer) throws(TransportFailure) {
        guard let status = try tokens.next()?.string(uppercased: true),
              ["OK", "NO", "BAD", "BYE", "PREAUTH"].contains(status) else {
            throw .protocolError("status response without OK, NO or BAD")
        }
        self.init(status: status, parsingTextFrom: &tokens)
    }

    /// Reads `[code] text` after a known status.
    init(status: String, parsingTextFrom tokens: inout ResponseTokenizer) {
        self.status = status
        let line = tokens.remainingText()
        if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
            code = String(line[line.index(after: line.startIndex)..<close])
            text = String(line[line.index(after: close)...].drop { $0 == " " })
        } else {
            code = nil
            text = line
        }
    }

    /// `NO [CODE] text` as one line for error messages.
    var summary: String {
        [status, code.map { "[\($0)]" }, text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
