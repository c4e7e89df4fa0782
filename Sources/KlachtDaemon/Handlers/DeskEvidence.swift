import ComplaintCore
import Foundation
import MailFormat
import MailParser

extension StaffAddressing {
    /// What a mail to the desk proves: a staff token among its recipients, and the server's verdict.
    func deskEvidence(for parsed: ParsedMessage, sender: String?) -> DeskEvidence {
        let mailbox = runtime.configuration.organisation.address
        let candidates = parsed.headers(named: "Delivered-To") + parsed.headers(named: "X-Original-To") + (parsed.to + parsed.cc).map(\.address)
        let tokens = candidates.compactMap { StaffToken.token(in: $0, mailbox: mailbox) }
        var evidence = DeskEvidence()
        evidence.tokenPresented = !tokens.isEmpty
        if let sender, let signer = runtime.replySigner {
            evidence.tokenVerified = tokens.contains { StaffToken.verifies(signer, $0, sender: sender) }
        }
        let settings = runtime.configuration.authentication
        if let verdict = SenderAuthentication.verdict(fields: parsed.headers, from: sender, settings: settings) {
            evidence.serverVouches = verdict.dkimAligned || verdict.spfAligned
        }
        evidence.authenticationFailure = SenderAuthentication.failure(fields: parsed.headers, from: sender, settings: settings)
        return evidence
    }
}
