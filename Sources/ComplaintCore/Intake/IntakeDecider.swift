/// Decides what a message means: ignore it, open a case, or add it to one.
///
/// Pure: the daemon gathers the context (which case a reply threads to), this decides,
/// the daemon stores the outcome and queues the mails in one transaction.
public enum IntakeDecider {
    /// `newCasePlan` is the plan a new case would get, made beforehand by
    /// `newCasePlan(for:context:)` (the daemon makes it off its database thread); nil makes it here.
    public static func decide(_ message: InboundMessage, context: IntakeContext, newCasePlan: NewCasePlan? = nil) -> IntakeDecision {
        if message.carriesOurLoopHeader || isOurOwnMessageID(message.messageID, context) {
            return .ignore(reason: "our own mail came back", caseID: nil)
        }
        if let reason = message.automaticReason {
            // Robots get no answer; what they say about a case is still kept on it.
            return .ignore(reason: "automatic mail (\(reason))", caseID: context.threadCase?.id)
        }
        if let desk = StaffDeskRouting.decide(message, context: context) { return desk }
        if let staff = StaffMessageRouting.decide(message, context: context) { return staff }
        if let followUp = followUp(message, context) { return .followUp(followUp) }
        if let kept = OwnMail.keptForQuality(message, context) { return kept }
        return .newCase(newCasePlan ?? plan(for: message, context))
    }

    /// The plan for a new case from this message. It reads only the message and the settings in
    /// the context (locations, default regime, word screens), never its cases, so the daemon can
    /// make it before the database is asked anything, on another thread.
    public static func newCasePlan(for message: InboundMessage, context: IntakeContext) -> NewCasePlan {
        plan(for: message, context)
    }

    // MARK: Follow-ups

    private static func followUp(_ message: InboundMessage, _ context: IntakeContext) -> FollowUpPlan? {
        guard let sender = message.from?.address else { return nil }
        if let thread = context.threadCase, let role = role(of: sender, on: thread, context) {
            return screened(FollowUpPlan(caseID: thread.id, role: role, mails: notices(for: role, on: thread)), message, thread, context)
        }
        // A case number in the subject joins the case only for its own complainant:
        // someone else quoting it gets a case of their own.
        if let tagged = context.taggedCases.first(where: { $0.complainantAddress == sender }) {
            return screened(FollowUpPlan(caseID: tagged.id, role: .complainant, mails: notices(for: .complainant, on: tagged)), message, tagged, context)
        }
        if let other = otherAddressFollowUp(message, context) { return screened(other.plan, message, other.snapshot, context) }
        return nil
    }

    private static func role(of sender: String, on snapshot: CaseSnapshot, _ context: IntakeContext) -> FollowUpPlan.Role? {
        if sender == snapshot.complainantAddress { return .complainant }
        if sender == snapshot.handler { return .handler }
        if context.organisation.safeguarding.contains(sender) { return .safeguarding }
        if context.organisation.quality.contains(sender) { return .quality }
        return nil
    }

    private static func notices(for role: FollowUpPlan.Role, on snapshot: CaseSnapshot) -> [MailIntent] {
        guard role == .complainant else { return [] }
        if snapshot.state == .safeguarding { return [MailIntent(.followUpNotice, to: .safeguarding)] }
        return [MailIntent(.followUpNotice, to: snapshot.handler == nil ? .quality : .handler)]
    }

    // MARK: New cases

    private static func plan(for received: InboundMessage, _ context: IntakeContext) -> NewCasePlan {
        let forward = OwnMail.forwardedComplaint(received, context)
        let message = forward?.message ?? received
        let form = message.form
        let complainant = complainant(of: message)
        let classification = KindClassifier.classify(formKind: form?.kind, subject: message.subject,
                                                     text: form?.description ?? message.text)
        let kind = classification.kind
        let matcher = LocationMatcher(locations: context.locations)
        let location = form?.location.flatMap(matcher.match(field:))
            ?? matcher.match(subject: message.subject, text: form?.description ?? message.text)
        let screened = [message.subject, message.text, form?.description, forward?.note].compactMap { $0 }.joined(separator: "\n")
        let safeguardingHits = context.safeguardingScreen.hits(in: screened)
        let seriousHits = kind == .compliment ? [] : context.seriousScreen.hits(in: screened)

        var flags: [CaseFlag] = []
        if complainant == nil { flags.append(.noAddress) }
        if complainant == nil, claimedAddress(of: message) != nil { flags.append(.unusableAddress) }
        if location == nil { flags.append(.unknownLocation) }
        if !seriousHits.isEmpty { flags.append(.serious) }
        if !safeguardingHits.isEmpty { flags.append(.safeguarding) }
        if classification.doubtful { flags.append(.kindInDoubt) }
        // A serious complaint, or one about the location's own handler, is not theirs to handle.
        let aboutHandler = location.map { HandlerConflict.mentions($0, in: screened) } ?? false
        let managementAssigns = kind.startsStatutoryClock && (!seriousHits.isEmpty || aboutHandler)
        if managementAssigns { flags.append(.managementAssigns) }
        let handler = managementAssigns ? nil : location?.handler

        var mails: [MailIntent] = []
        let initialState: CaseState
        if !safeguardingHits.isEmpty {
            // The meldcode comes first: a neutral receipt only, never the location's team.
            initialState = .safeguarding
            if complainant != nil { mails.append(MailIntent(.neutralReceipt, to: .complainant)) }
            mails.append(MailIntent(.safeguardingAlert, to: .safeguarding))
        } else {
            initialState = .received
            if complainant != nil { mails.append(MailIntent(kind.receiptTemplate, to: .complainant)) }
            if handler != nil { mails.append(MailIntent(kind.staffNoticeTemplate, to: .handler)) }
            if (location?.handler == nil && !managementAssigns) || complainant == nil {
                mails.append(MailIntent(.qualityUnassigned, to: .quality))
            }
            if classification.doubtful { mails.append(MailIntent(.kindReview, to: .quality)) }
            if !seriousHits.isEmpty { mails.append(MailIntent(.seriousAlert, to: .management)) }
            if managementAssigns, seriousHits.isEmpty { mails.append(MailIntent(.managementAssignment, to: .management)) }
        }
        var plan = NewCasePlan(kind: kind, complainant: complainant, location: location,
                           handler: initialState == .safeguarding ? nil : handler,
                           regime: location?.regime ?? context.defaultRegime, subject: message.subject,
                           initialState: initialState, flags: flags, safeguardingHits: safeguardingHits,
                           seriousHits: seriousHits, mails: mails)
        plan.language = LanguageGuess.language(of: [message.subject, form?.description ?? message.text].compactMap { $0 }.joined(separator: "\n"))
        if let forward {
            plan.forwardedBy = forward.forwarder
            plan.receivedAt = forward.message.receivedAt
            plan.text = forward.message.text
        }
        return plan
    }

    /// The parent: a form's email field, else its Reply-To (never the website's From);
    /// for an ordinary email, its From.
    private static func complainant(of message: InboundMessage) -> Party? {
        if let form = message.form {
            if let email = form.email, isUsableAddress(email) { return Party(name: form.name, address: email) }
            if let replyTo = message.replyTo.first(where: { isUsableAddress($0.address) }) {
                return Party(name: form.name ?? replyTo.name, address: replyTo.address)
            }
            return nil
        }
        guard let from = message.from, isUsableAddress(from.address) else { return nil }
        return from
    }

    /// A plain RFC 5321 mailbox (`MailboxSyntax`): the shape every address klachtd writes to
    /// must have, whether it comes from a message, a form or the configuration.
    public static func isUsableAddress(_ address: String) -> Bool {
        MailboxSyntax.isPlainMailbox(address)
    }

    /// The address the parent gave, usable or not: with none usable, the case says so.
    public static func claimedAddress(of message: InboundMessage) -> String? {
        if let form = message.form { return form.email ?? message.replyTo.first?.address }
        return message.from?.address
    }

    private static func isOurOwnMessageID(_ id: String?, _ context: IntakeContext) -> Bool {
        guard let id = id?.lowercased() else { return false }
        return id.hasSuffix("@" + context.organisation.messageIDDomain) && id.hasPrefix("klachtd.")
    }
}
