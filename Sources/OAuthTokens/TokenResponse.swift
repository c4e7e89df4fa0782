import Foundation

/// Reads an OAuth 2.0 token endpoint reply (RFC 6749 §5.1 success, §5.2 error).
enum TokenResponse {
    static func grant(from reply: FormPost.Reply, now: Date) throws(TokenFailure) -> TokenGrant {
        let object = (try? JSONSerialization.jsonObject(with: Data(reply.body))) as? [String: Any]
        guard (200..<300).contains(reply.status) else {
            let error = object?["error"] as? String ?? "http_error"
            let detail = (object?["error_description"] as? String).map(shortened) ?? ""
            throw .refused(status: reply.status, error: error, detail: detail)
        }
        guard let object, let value = object["access_token"] as? String, !value.isEmpty else {
            throw .endpoint(kind: .protocolError, "the reply (HTTP \(reply.status)) has no access_token")
        }
        let lifetime: Double? = (object["expires_in"] as? NSNumber)?.doubleValue
            ?? (object["expires_in"] as? String).flatMap(Double.init)
        return TokenGrant(accessToken: AccessToken(value: value, issuedAt: now, expiresAt: lifetime.map { now.addingTimeInterval($0) }),
                          refreshToken: (object["refresh_token"] as? String).flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The first line of a server's explanation, at most 200 characters (Microsoft's carry trace ids).
    private static func shortened(_ text: String) -> String {
        String((text.split(whereSeparator: \.isNewline).first ?? "").prefix(200))
    }
}
