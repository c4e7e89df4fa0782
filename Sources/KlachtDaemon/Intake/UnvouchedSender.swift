import ComplaintCore
import KlachtConfig
import MailFormat
import MailParser

/// No automatic mail to a sender the mail server does not vouch for (issue 17).
///
/// With `[authentication] authserv_id` set, a complaint whose From domain passes neither SPF
/// nor DKIM, aligned, by the server's own Authentication-Results (fail, softfail, none and
/// neutral alike) may carry a stranger's address: the case is still made, flagged
/// `sender-unverified`, and its acknowledgement or receipt is left out. This is the one place intake asks the verdict API (`SenderAuthentication`), so a
/// stricter reading of the headers there applies here unchanged.
enum UnvouchedSender {
    /// Why the sender is not vouched for; nil when it is, or when no authserv-id is configured.
    ///
    /// A message the server wrote no Authentication-Results for (mail that did not come in
    /// through it, such as a local `deliver`) is not judged here; the limit on new addresses still applies.
    static func reason(_ parsed: ParsedMessage, sender: String?, settings: AuthenticationSettings) -> String? {
        guard let serverID = settings.authservID?.lowercased() else { return nil }
        let headers = parsed.headers(named: "Authentication-Results")
        guard headers.contains(where: { AuthenticationResults($0)?.authservID == serverID }) else { return nil }
        var spfOrDKIM = settings
        spfOrDKIM.requireDKIMOrSPF = true
        spfOrDKIM.requireDMARCPass = false
        // The field list, not the values alone: only the server's own block above its Received header counts.
        return SenderAuthentication.failure(fields: parsed.headers, from: sender, settings: spfOrDKIM)
    }

    /// The decision without automatic replies to the sender, when a new case's sender is not vouched for.
    static func screen(_ decision: IntakeDecision, parsed: ParsedMessage, sender: String?,
                       settings: AuthenticationSettings) -> (decision: IntakeDecision, reason: String?) {
        guard case .newCase(var plan) = decision, plan.complainant != nil,
              let reason = reason(parsed, sender: sender, settings: settings) else { return (decision, nil) }
        plan.mails.removeAll { $0.audience == .complainant && MailRenderer.automaticReplies.contains($0.template) }
        plan.flags.append(.senderUnverified)
        return (.newCase(plan), reason)
    }
}
