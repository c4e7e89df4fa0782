import Foundation
import MailTransport

/// Turns a Graph error reply (`{"error": {"code": ..., "message": ...}}`) into a
/// `TransportFailure` that says what happened and what fixes it.
///
/// The kinds are chosen for what klachtd then does: 401 and 403 are `.authentication` (a
/// token is fetched again once, then the operator is told); 404 is `.mailbox`; throttling and
/// 5xx are `.connectionLost` (the whole transport backs off, no mail is blamed); a 413 or a
/// request too large is a size refusal (the outbox shrinks the mail, as for SMTP 552); any
/// other 4xx refuses that one request for good.
public enum GraphRefusal {
    public static func failure(_ response: HTTPResponse, url: String) -> TransportFailure {
        let (code, message) = errorBody(response.body)
        let place = HTTPExchange.withoutQuery(url)
        let said = "HTTP \(response.status)\(code.map { " \($0)" } ?? "")\(message.map { ": \($0)" } ?? "")"
        switch response.status {
        case 401:
            return .authentication("\(place): \(said); the access token was refused (expired, or for another tenant or resource)")
        case 403:
            return .authentication("\(place): \(said). \(accessDeniedAdvice)")
        case 404:
            return .mailbox("\(place): \(said); check [graph] mailbox and folder (the folder is a well-known name such as Inbox, or a folder id)")
        case 410:
            return .mailbox("\(place): \(said)")
        case 413:
            return .permanentRefusal(code: 552, text: "5.3.4 too large for Microsoft Graph (\(said))")
        case 429, 503:
            let wait = retryAfter(response).map { "\($0) s" } ?? "a while"
            return .connectionLost("\(place): \(said); Microsoft Graph asks to wait \(wait) (Retry-After) before the next request")
        case 500...:
            return .connectionLost("\(place): \(said); Microsoft Graph is in trouble, klachtd tries again later")
        default:
            return .permanentRefusal(code: response.status, text: said)
        }
    }

    /// What to do about 403 `ErrorAccessDenied`.
    static let accessDeniedAdvice = "Microsoft Graph refused access to the mailbox: either the app lacks the application permission "
        + "(Mail.ReadWrite to read, Mail.Send to send; grant it in Entra ID under API permissions and give admin consent), "
        + "or the mailbox is outside the app's Exchange Online management scope (check New-ManagementScope's filter "
        + "and Test-ServicePrincipalAuthorization)"

    /// True for the 410 of an expired delta link (`syncStateNotFound`, or `SyncStateInvalid`).
    public static func isExpiredDelta(_ failure: TransportFailure) -> Bool {
        if case .mailbox(let detail) = failure { return detail.contains("HTTP 410") }
        return false
    }

    /// `Retry-After` in seconds (Graph sends a number; an HTTP date is read too).
    public static func retryAfter(_ response: HTTPResponse) -> Int? {
        guard let value = response.header("Retry-After")?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Int(value) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { max(0, Int($0.timeIntervalSinceNow.rounded(.up))) }
    }

    /// The error body's code and first line of message, if it has them.
    static func errorBody(_ body: [UInt8]) -> (code: String?, message: String?) {
        let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
        let error = object?["error"] as? [String: Any]
        let message = (error?["message"] as? String).map { String($0.split(whereSeparator: \.isNewline).first ?? "").prefix(300) }
        return (error?["code"] as? String, message.map(String.init))
    }
}
