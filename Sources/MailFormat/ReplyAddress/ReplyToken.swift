import ComplaintCore
import Digests
import Foundation

/// Signs and checks the token in a staff reply address: `klachten+KL-2026-0001.<token>@domain`.
///
/// The token is the first 16 hex digits of HMAC-SHA256(secret, "<REF>\n<recipient>"): it
/// binds one case to one staff address, so a forged From, another case's token or a
/// parent's guess does not verify.
public struct ReplyTokenSigner: Sendable {
    public static let tokenLength = 16
    /// Read by `StaffToken` too: one secret signs the case and the desk addresses.
    let secret: [UInt8]

    public init(secret: [UInt8]) {
        self.secret = secret
    }

    public func token(for reference: CaseReference, recipient: String) -> String {
        let message = Array("\(reference.description)\n\(recipient.lowercased())".utf8)
        return String(HMACSHA256.hexMAC(key: secret, message: message).prefix(Self.tokenLength))
    }

    /// Compares in constant time, so the token cannot be found digit by digit.
    public func verifies(_ token: String, for reference: CaseReference, sender: String) -> Bool {
        let expected = Array(self.token(for: reference, recipient: sender).utf8)
        let given = Array(token.lowercased().utf8)
        guard given.count == expected.count else { return false }
        return zip(given, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// The plus part of an address to our mailbox: the case reference and, for staff, a token.
public struct PlusAddress: Sendable, Equatable {
    public var reference: CaseReference
    public var token: String?

    /// Reads `klachten+KL-2026-0001.abcdef0123456789@example.nl` against the mailbox `klachten@example.nl`.
    public init?(_ address: String, mailbox: String) {
        // Most addresses have no plus part at all; lower-casing and trimming cannot make one.
        guard address.utf8.contains(UInt8(ascii: "+")) else { return nil }
        let address = address.lowercased().trimmingCharacters(in: .init(charactersIn: "<> "))
        let mailbox = mailbox.lowercased()
        guard let at = mailbox.firstIndex(of: "@") else { return nil }
        let prefix = mailbox[..<at] + "+", domain = mailbox[at...]
        guard address.hasPrefix(prefix), address.hasSuffix(domain), address.count > prefix.count + domain.count else { return nil }
        let detail = address.dropFirst(prefix.count).dropLast(domain.count)
        let parts = detail.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let reference = CaseReference(parts[0]) else { return nil }
        self.reference = reference
        token = parts.count == 2 && !parts[1].isEmpty ? String(parts[1]) : nil
    }

    /// The address for `reference` with `token` under `mailbox`.
    public static func make(mailbox: String, reference: CaseReference, token: String?) -> String {
        guard let at = mailbox.firstIndex(of: "@") else { return mailbox }
        return "\(mailbox[..<at])+\(reference)\(token.map { "." + $0 } ?? "")\(mailbox[at...])"
    }
}
