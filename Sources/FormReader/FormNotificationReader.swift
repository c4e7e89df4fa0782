/// Reads website form notifications (Contact Form 7, Gravity Forms, WPForms, Ninja Forms or any
/// `Label: value` layout) into their fields and the fields the daemon understands.
public struct FormNotificationReader: Sendable {
    private let senders: FormSenders
    private let mapper: FieldMapper
    private let vocabulary: LabelVocabulary

    /// Creates a reader that also trusts `formSenders` (addresses, or domains as `@site.nl`) to send
    /// only form notifications, and maps labels with `synonyms`.
    public init(formSenders: [String] = [], synonyms: LabelSynonyms = .defaults) {
        senders = FormSenders(formSenders)
        vocabulary = LabelVocabulary(synonyms)
        mapper = FieldMapper(vocabulary: vocabulary)
    }

    /// Reads `input` as a form notification when its sender is a configured form sender or its layout
    /// carries a plugin's marks; nil for any other message, such as a parent's own email.
    public func read(_ input: FormInput) -> FormNotification? {
        let body = PluginRecognizer.Body(input)
        guard let (plugin, fields) = PluginRecognizer.recognise(body, subject: input.subject,
                                                                 fromFormSender: senders.contains(input.fromAddress),
                                                                 vocabulary: vocabulary),
              fields.contains(where: { !$0.value.isEmpty }) else { return nil }
        var mapped = mapper.map(fields)
        fillFromSenderLine(fields, into: &mapped)
        return FormNotification(plugin: plugin, fields: fields, mapped: mapped)
    }

    /// Takes name and email from a `From: name <email>` field when no labelled field gave them,
    /// as Contact Form 7's default template writes the parent only there; a `Van:` field without an
    /// address or tag in it (`Van: 1 maart`) is something else.
    private func fillFromSenderLine(_ fields: [FormField], into mapped: inout MappedFields) {
        guard mapped.name == nil || mapped.email == nil,
              let line = fields.first(where: { ContactForm7Mail.senderLabels.contains(LabelKey.normalise($0.label)) }),
              line.value.contains("@") || line.value.contains("[") else { return }
        let sender = ContactForm7Mail.sender(in: line.value)
        if mapped.name == nil { mapped.name = sender.name }
        if mapped.email == nil { mapped.email = sender.email }
    }
}
