import Foundation
import MailParser

/// One `Authentication-Results` header (RFC 8601): who wrote it and what each method found.
public struct AuthenticationResults: Sendable, Equatable {
    /// One `method=result prop=value ...` clause.
    public struct Result: Sendable, Equatable {
        public var method: String
        public var result: String
        public var properties: [String: String]
    }

    public var authservID: String
    public var results: [Result]

    /// Reads a header value; nil when it has no authserv-id.
    public init?(_ value: String) {
        let clauses = Self.removingComments(value).split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard let first = clauses.first, let id = first.split(whereSeparator: \.isWhitespace).first, !id.isEmpty else { return nil }
        authservID = id.lowercased()
        results = clauses.dropFirst().compactMap { clause in
            let words = clause.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let head = words.first, let equals = head.firstIndex(of: "=") else { return nil }
            var properties: [String: String] = [:]
            for word in words.dropFirst() {
                guard let sign = word.firstIndex(of: "=") else { continue }
                properties[word[..<sign].lowercased()] = String(word[word.index(after: sign)...]).trimmingCharacters(in: .init(charactersIn: "\""))
            }
            return Result(method: head[..<equals].lowercased(), result: head[head.index(after: equals)...].lowercased(), properties: properties)
        }
    }

    /// RFC 5322 comments `( ... )` carry no meaning here.
    private static func removingComments(_ text: String) -> String {
        var depth = 0
        var out = ""
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 { out.append(character) }
        }
        return out
    }
}

extension AuthenticationResults {
    /// The headers the receiving server wrote, from a message's fields in order (top first).
    ///
    /// RFC 8601 §5: the server adds its verdict on top, and anyone upstream (the sender too) can
    /// write a header with the same authserv-id lower down. So only the topmost block counts: the
    /// first header with `serverID` and those with it that follow before any other kind of field
    /// (a `Received` above all: below it the message came from outside). Fields servers add in
    /// between (other verdicts, ARC, Received-SPF, `X-` lines) do not end the block.
    public static func trusted(_ fields: [HeaderField], serverID: String) -> [AuthenticationResults] {
        let serverID = serverID.lowercased()
        var found: [AuthenticationResults] = []
        for field in fields {
            let name = field.name.lowercased()
            if name == "authentication-results" {
                if let results = AuthenticationResults(field.value), results.authservID == serverID {
                    found.append(results)
                }
                continue
            }
            guard !found.isEmpty else { continue }
            if name.hasPrefix("arc-") || name == "received-spf" || name.hasPrefix("x-") { continue }
            break
        }
        return found
    }
}
