import Foundation

/// Mail from the organisation's own people and addresses: who the complainant is then.
///
/// A location manager who forwards a parent's mail to the complaints address passes on the
/// parent's complaint: the parent is the complainant, the forwarded text the complaint, its
/// own date the moment of receipt when earlier. Anything else a colleague sends (the
/// complaints address in Cc of a mail to a parent, a note to the mailbox) and any mail from
/// the complaints address itself opens no case and is answered by nobody: the quality staff
/// see it and decide.
public enum OwnMail {
    /// A staff forward, as the parent's own message, and who passed it on.
    public struct Forward: Sendable, Equatable {
        public var message: InboundMessage
        public var forwarder: Party
        public var note: String
    }

    /// Configured staff (an address or `@domain`), the handlers, and the quality, management and safeguarding addresses.
    public static func isStaff(_ address: String, _ context: IntakeContext) -> Bool {
        let address = address.lowercased()
        let organisation = context.organisation
        if organisation.quality.contains(address) || organisation.management.contains(address)
            || organisation.safeguarding.contains(address) || context.handlerAddresses.contains(address) { return true }
        return organisation.staff.contains { entry in
            entry.hasPrefix("@") ? address.hasSuffix(entry) : entry == address
        }
    }

    /// The parent's message inside a staff member's forward, or nil when this is no such forward.
    public static func forwardedComplaint(_ message: InboundMessage, _ context: IntakeContext) -> Forward? {
        guard message.form == nil, let sender = message.from, isStaff(sender.address, context),
              let original = message.forwarded, let parent = original.from,
              IntakeDecider.isUsableAddress(parent.address), !isStaff(parent.address, context),
              !context.organisation.isOurMailbox(parent.address),
              !original.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        var own = message
        own.from = Party(name: parent.name.map(PersonName.natural), address: parent.address)
        own.replyTo = []
        own.subject = original.subject ?? message.subject
        own.text = original.text
        own.replyText = nil
        own.forwarded = nil
        if let date = original.date, date < message.receivedAt { own.receivedAt = date }
        return Forward(message: own, forwarder: sender, note: original.note)
    }

    /// Mail that must open no case and get no answer: from our own address, or from staff and
    /// not a forwarded parent's mail. Nil for everything else.
    public static func keptForQuality(_ message: InboundMessage, _ context: IntakeContext) -> IntakeDecision? {
        guard message.form == nil, let sender = message.from?.address else { return nil }
        if context.organisation.isOurMailbox(sender) {
            return .keptForQuality(reason: "a mail from our own address")
        }
        guard isStaff(sender, context), forwardedComplaint(message, context) == nil else { return nil }
        let ours = message.recipients.contains { context.organisation.isOurMailbox($0) }
        return .keptForQuality(reason: ours ? "a staff mail with our address in To or Cc" : "a staff mail")
    }
}
