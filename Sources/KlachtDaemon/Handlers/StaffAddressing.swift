import CaseStore
import ComplaintCore
import Foundation
import MailFormat
import MailParser

/// Finds the case a staff message is addressed to and checks its token and the mail server's verdict.
struct StaffAddressing {
    let runtime: Runtime
    let store: CaseStore

    /// The case of the first plus address (Delivered-To, X-Original-To, To, Cc) that names one, and the evidence.
    func evidence(for parsed: ParsedMessage, sender: String?) throws -> (addressed: Case?, evidence: SenderEvidence) {
        let mailbox = runtime.configuration.organisation.address
        let candidates = parsed.headers(named: "Delivered-To") + parsed.headers(named: "X-Original-To")
            + (parsed.to + parsed.cc).map(\.address)
        let plusAddresses = candidates.compactMap { PlusAddress($0, mailbox: mailbox) }
        // A token-bearing address wins over a bare `klachten+REF@`.
        for plus in plusAddresses.filter({ $0.token != nil }) + plusAddresses.filter({ $0.token == nil }) {
            guard let record = try store.caseRecord(reference: plus.reference) else { continue }
            var evidence = SenderEvidence()
            if let token = plus.token {
                evidence.tokenPresented = true
                evidence.tokenVerified = sender.map { runtime.replySigner?.verifies(token, for: plus.reference, sender: $0) ?? false } ?? false
            }
            evidence.authenticationFailure = authenticationFailure(parsed, sender: sender)
            return (record, evidence)
        }
        return (nil, SenderEvidence(authenticationFailure: authenticationFailure(parsed, sender: sender)))
    }

    private func authenticationFailure(_ parsed: ParsedMessage, sender: String?) -> String? {
        SenderAuthentication.failure(fields: parsed.headers, from: sender,
                                     settings: runtime.configuration.authentication)
    }
}
