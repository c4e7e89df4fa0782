/// A parent who replies from another address (the work address, the partner's phone).
///
/// The reply carries our Message-ID in In-Reply-To or References, or the case's tag in the
/// subject, and the complainant's own name: it joins the case as a follow-up, marked as from
/// another address, so the handler sees it. That address is not the complainant's: it gets
/// no case details (nothing is sent to it) until a handler confirms it is the parent's.
/// Without the same name it is someone else, who gets a case of their own, as before.
extension IntakeDecider {
    static func otherAddressFollowUp(_ message: InboundMessage, _ context: IntakeContext) -> (plan: FollowUpPlan, snapshot: CaseSnapshot)? {
        guard let sender = message.from, !OwnMail.isStaff(sender.address, context),
              !context.organisation.isOurMailbox(sender.address) else { return nil }
        let candidates = [context.threadCase].compactMap { $0 } + context.taggedCases
        guard let snapshot = candidates.first(where: { PersonName.same(sender.name, $0.complainantName) && $0.complainantAddress != sender.address })
        else { return nil }
        let audience: Audience = snapshot.state == .safeguarding ? .safeguarding : snapshot.handler == nil ? .quality : .handler
        return (FollowUpPlan(caseID: snapshot.id, role: .otherAddress, mails: [MailIntent(.followUpOtherAddress, to: audience)]), snapshot)
    }
}
