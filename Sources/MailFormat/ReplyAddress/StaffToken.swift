import Digests
import Foundation

/// The desk's reply address for one member of the quality staff or management:
/// `klachten+staff.<token>@domain`, where the token is the first 16 hex digits of
/// HMAC-SHA256(secret, "staff\n<address>"). Every mail klachtd sends them about no case
/// carries it as Reply-To, so replying to any of them with a `#` command reaches the desk
/// with proof that the sender had that mail.
public enum StaffToken {
    public static let label = "staff"

    public static func token(_ signer: ReplyTokenSigner, for address: String) -> String {
        String(HMACSHA256.hexMAC(key: signer.secret, message: Array("\(label)\n\(address.lowercased())".utf8))
            .prefix(ReplyTokenSigner.tokenLength))
    }

    /// Constant time, as the case tokens.
    public static func verifies(_ signer: ReplyTokenSigner, _ token: String, sender: String) -> Bool {
        let expected = Array(self.token(signer, for: sender).utf8), given = Array(token.lowercased().utf8)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    public static func address(mailbox: String, token: String) -> String {
        guard let at = mailbox.firstIndex(of: "@") else { return mailbox }
        return "\(mailbox[..<at])+\(label).\(token)\(mailbox[at...])"
    }

    /// The token of `klachten+staff.<token>@domain` under `mailbox`; nil for any other address.
    public static func token(in address: String, mailbox: String) -> String? {
        let address = address.lowercased().trimmingCharacters(in: .init(charactersIn: "<> "))
        let mailbox = mailbox.lowercased()
        guard let at = mailbox.firstIndex(of: "@") else { return nil }
        let prefix = mailbox[..<at] + "+\(label).", domain = mailbox[at...]
        guard address.hasPrefix(prefix), address.hasSuffix(domain), address.count > prefix.count + domain.count else { return nil }
        return String(address.dropFirst(prefix.count).dropLast(domain.count))
    }
}
