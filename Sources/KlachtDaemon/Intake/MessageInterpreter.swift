import ComplaintCore
import FormReader
import Foundation
import MailParser

/// Turns a parsed message into what the domain decides on: parties, text, thread, automation, form.
public struct MessageInterpreter: Sendable {
    public let formReader: FormNotificationReader

    /// The organisation's zone: a forwarded mail's date without one is local time.
    public let timeZone: TimeZone

    public init(formSenders: [String], extraLabels: [String: [String]],
                timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current) {
        self.timeZone = timeZone
        var synonyms = LabelSynonyms.defaults
        for (field, labels) in extraLabels {
            if let name = MappedFieldName(rawValue: field) { synonyms.add(labels, for: name) }
        }
        formReader = FormNotificationReader(formSenders: formSenders, synonyms: synonyms)
    }

    public func form(of parsed: ParsedMessage) -> FormNotification? {
        formReader.read(FormInput(subject: parsed.subject, fromAddress: parsed.from.first?.address,
                                  replyTo: parsed.replyTo.map(\.address), plainText: parsed.textSource == .plain ? parsed.text : nil,
                                  html: parsed.html))
    }

    public func inbound(_ parsed: ParsedMessage, receivedAt: Date, loopHeader: String) -> InboundMessage {
        let form = self.form(of: parsed)
        let submission = form.map { notification in
            FormSubmission(plugin: notification.plugin.rawValue, fields: notification.fields.map { ($0.label, $0.value) },
                           name: notification.mapped.name, email: notification.mapped.email, phone: notification.mapped.phone,
                           child: notification.mapped.child, location: notification.mapped.location,
                           kind: notification.mapped.kind, description: notification.mapped.description)
        }
        var automatic = parsed.automaticReason ?? (parsed.isAutoSubmitted ? "automatic mail" : nil)
        if parsed.bounce != nil { automatic = automatic ?? "delivery report" }
        // A form notification comes from the website's robot address by design: it is not automatic mail.
        if submission != nil, parsed.bounce == nil, !isExplicitAutoReply(parsed) { automatic = nil }
        var inbound = InboundMessage(
            messageID: parsed.messageID,
            from: parsed.from.first.map { Party(name: $0.name.map(PersonName.natural), address: $0.address) },
            replyTo: parsed.replyTo.map { Party(name: $0.name.map(PersonName.natural), address: $0.address) },
            recipients: (parsed.to + parsed.cc).map { $0.address.lowercased() },
            subject: parsed.subject, text: submission?.description ?? parsed.text, replyText: parsed.replyText,
            threadIDs: parsed.inReplyTo + parsed.references + (parsed.bounce?.originalMessageID.map { [$0] } ?? []),
            automaticReason: automatic, isBounce: parsed.bounce != nil,
            carriesOurLoopHeader: parsed.header(loopHeader) != nil,
            form: submission, receivedAt: receivedAt)
        if submission == nil, let text = parsed.text, let forwarded = ForwardedMessageReader.read(text, timeZone: timeZone) {
            inbound.forwarded = ForwardedOriginal(
                from: forwarded.fromAddress.map { Party(name: forwarded.fromName, address: $0) }, date: forwarded.date,
                subject: forwarded.subject, text: forwarded.text, note: forwarded.note)
        }
        return inbound
    }

    /// Auto-Submitted other than "no" is a robot even when the body looks like a form.
    private func isExplicitAutoReply(_ parsed: ParsedMessage) -> Bool {
        guard let value = parsed.header("Auto-Submitted")?.lowercased() else { return false }
        return !value.hasPrefix("no") && !value.hasPrefix("auto-forwarded")
    }
}
