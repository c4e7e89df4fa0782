/// Every message on a case is screened, not only the first (DOMAIN.md, meldcode).
///
/// A parent who first complained about the pick-up time may write a week later that their
/// child came home with a bruise. That message goes to the safeguarding officer, never to
/// the location team, and the case is restricted as a new case with that text would be.
/// The parent gets nothing that reveals it: follow-ups are never answered anyway.
extension IntakeDecider {
    static func screened(_ plan: FollowUpPlan, _ message: InboundMessage, _ snapshot: CaseSnapshot,
                         _ context: IntakeContext) -> FollowUpPlan {
        guard plan.role == .complainant || plan.role == .otherAddress else { return plan }
        let newText = [message.subject, message.replyText ?? message.text].compactMap { $0 }.joined(separator: "\n")
        let hits = context.safeguardingScreen.hits(in: newText)
        guard !hits.isEmpty, snapshot.state != .safeguarding else { return plan }
        var screened = plan
        screened.safeguardingHits = hits
        // A closed case cannot be restricted, but its officer still hears of the message.
        if case .success = CaseStateMachine.next(from: snapshot.state, on: .restrictForSafeguarding) { screened.restrictsCase = true }
        screened.mails = [MailIntent(.safeguardingFollowUp, to: .safeguarding)]
        return screened
    }
}
