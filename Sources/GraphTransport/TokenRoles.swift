import Foundation

/// The application permissions (`roles`) an app-only access token carries, read from its
/// JWT payload. Only read to tell the operator what is missing; never trusted for anything.
public enum TokenRoles {
    /// What klachtd needs: reading and marking the mailbox, and sending from it.
    public static let needed = ["Mail.ReadWrite", "Mail.Send"]

    /// The `roles` claim; nil when the token is not a readable JWT (some tenants encrypt them).
    public static func roles(ofToken token: String) -> [String]? {
        let parts = token.split(separator: ".")
        guard parts.count >= 2 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        return object["roles"] as? [String] ?? []
    }

    /// The needed permissions the token lacks.
    public static func missing(inToken token: String) -> [String]? {
        roles(ofToken: token).map { held in needed.filter { !held.contains($0) } }
    }
}
