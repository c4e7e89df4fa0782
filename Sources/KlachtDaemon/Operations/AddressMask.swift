import Foundation

/// Parents' addresses kept out of logs and monitoring: `ouder1@example.test` becomes
/// `o…@example.test`. The domain stays (which provider refused or bounced is what an operator
/// needs); the person does not. The quality staff see full addresses on the case itself.
public enum AddressMask {
    public static func mask(_ address: String) -> String {
        guard let at = address.lastIndex(of: "@"), let first = address.first, at != address.startIndex else { return "…" }
        return String(first) + "…" + address[at...]
    }

    /// `text` (a server's refusal, an error) with every address in it masked.
    public static func masking(_ text: String) -> String {
        guard text.contains("@") else { return text }
        let result = NSMutableString(string: text)
        pattern.replaceMatches(in: result, range: NSRange(location: 0, length: result.length), withTemplate: "$1…@$2")
        return result as String
    }

    public static func masking(_ error: Error) -> String { masking(String(describing: error)) }

    // The first character of the local part, the rest of it (dot-atom characters, quotes,
    // `%` and `!` included: refusals quote what was sent), and the domain.
    private static let pattern: NSRegularExpression = {
        do {
            return try NSRegularExpression(pattern: #"([A-Za-z0-9])[A-Za-z0-9.!#$%&'*+/=?^_`{|}~"-]*@([A-Za-z0-9.-]+)"#)
        } catch {
            preconditionFailure("the address pattern does not compile: \(error)")
        }
    }()
}
