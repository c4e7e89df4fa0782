import Foundation
import Glibc

/// The token facts `klachtd status` and `klachtd oauth status` show, kept in a small JSON file
/// (`[oauth] status_file`, default `<database>.oauth-status.json`). Never holds a token or secret.
///
/// Keys (all times ISO 8601 UTC, absent when unknown): `provider`, `token_issued_at`,
/// `token_expires_at`, `token_renew_at`, `refresh_token_renewed_at`, `client_secret_expires`,
/// `last_login_at`, `failing_since`, `last_error`, `failure_warned`, `refresh_age_warned_for`, `updated_at`.
public struct TokenStatus: Codable, Equatable, Sendable {
    public var provider: String?
    public var tokenIssuedAt: Date?
    public var tokenExpiresAt: Date?
    public var tokenRenewAt: Date?
    public var refreshTokenRenewedAt: Date?
    public var clientSecretExpires: String?
    public var lastLoginAt: Date?
    /// The first failed login or token fetch since the last success.
    public var failingSince: Date?
    public var lastError: String?
    /// True once the quality staff were told about the current failure.
    public var failureWarned: Bool?
    /// The renewal time of the refresh token the staff were warned about.
    public var refreshAgeWarnedFor: Date?
    public var updatedAt: Date?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case provider, lastError = "last_error", failureWarned = "failure_warned", updatedAt = "updated_at"
        case tokenIssuedAt = "token_issued_at", tokenExpiresAt = "token_expires_at", tokenRenewAt = "token_renew_at"
        case refreshTokenRenewedAt = "refresh_token_renewed_at", clientSecretExpires = "client_secret_expires"
        case lastLoginAt = "last_login_at", failingSince = "failing_since", refreshAgeWarnedFor = "refresh_age_warned_for"
    }

    /// The stored facts, or empty ones when the file is missing or unreadable.
    public static func load(path: String) -> TokenStatus {
        guard let data = FileManager.default.contents(atPath: path) else { return TokenStatus() }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return (try? decoder.decode(TokenStatus.self, from: data)) ?? TokenStatus()
    }

    /// Writes the facts through a temporary file and a rename, so a reader never sees half a file.
    public func save(path: String) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let temporary = path + ".tmp-\(getpid())"
        try encoder.encode(self).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }
}
