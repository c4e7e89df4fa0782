import CaseStore
import Foundation

/// The token facts as lines for `klachtd status` and `klachtd oauth status`.
public enum TokenStatusText {
    public static func lines(_ facts: TokenStatus, now: Date) -> [String] {
        func when(_ date: Date?) -> String {
            guard let date else { return "unknown" }
            let seconds = Int(date.timeIntervalSince(now))
            return "\(Timestamp.string(date)) (\(seconds >= 0 ? "in " + duration(seconds) : duration(-seconds) + " ago"))"
        }
        var lines = ["OAuth2 provider: \(facts.provider ?? "none")",
                     "  access token issued:  \(when(facts.tokenIssuedAt))",
                     "  access token expires: \(when(facts.tokenExpiresAt))",
                     "  next renewal:         \(when(facts.tokenRenewAt))"]
        if facts.refreshTokenRenewedAt != nil { lines.append("  refresh token renewed: \(when(facts.refreshTokenRenewedAt))") }
        if let expires = facts.clientSecretExpires { lines.append("  client secret expires: \(expires)") }
        lines.append("  last login:           \(when(facts.lastLoginAt))")
        if let since = facts.failingSince {
            lines.append("  FAILING since:        \(when(since))\(facts.failureWarned == true ? ", quality staff told" : "")")
            lines.append("  last error:           \(facts.lastError ?? "unknown")")
        }
        return lines
    }

    static func duration(_ seconds: Int) -> String {
        if seconds < 120 { return "\(seconds) s" }
        if seconds < 7200 { return "\(seconds / 60) min" }
        if seconds < 172_800 { return "\(seconds / 3600) h" }
        return "\(seconds / 86_400) days"
    }
}
