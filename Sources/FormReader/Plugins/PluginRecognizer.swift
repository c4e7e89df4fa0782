import MailParser

/// Tells which plugin wrote a notification, by the marks its layout leaves, and reads its fields.
struct PluginRecognizer {
    /// The HTML body parsed once, the HTML as visible text, and the plain-text body.
    struct Body {
        /// The parsed HTML body.
        let document: HTMLNode?
        /// The HTML body as a reader sees it.
        let htmlText: String?
        /// The plain-text body.
        let plainText: String?

        /// Parses the bodies of `input`.
        init(_ input: FormInput) {
            document = input.html.map(HTMLParser.parse)
            htmlText = document.map(\.visibleText)
            plainText = input.plainText
        }

        /// The text to read line layouts from: the plain body, or the HTML's visible text.
        var text: String? {
            if let plainText, !plainText.trimmingWhitespace().isEmpty { return plainText }
            return htmlText
        }
    }

    /// The plugin and its fields, or nil when nothing marks the message as a form notification
    /// and its sender is not a configured form sender.
    static func recognise(_ body: Body, subject: String?, fromFormSender: Bool,
                          vocabulary: LabelVocabulary) -> (FormPlugin, [FormField])? {
        let subject = subject?.trimmingWhitespace().lowercased() ?? ""
        if !fromFormSender, isReplyOrForward(subject) { return nil }
        if let document = body.document, let plugin = tablePlugin(document, vocabulary: vocabulary) {
            let fields = HTMLTableFields.fields(in: document)
            if !fields.isEmpty { return (plugin, fields) }
        }
        if let text = body.text {
            let headings = DashedHeadingText.headingCount(in: text)
            if headings >= 2 || (headings == 1 && subject.hasPrefix("new entry:")) {
                return (.wpforms, DashedHeadingText.fields(in: text))
            }
            if ContactForm7Mail.matches(text) {
                return (.contactForm7, LabelValueText.fields(in: text, vocabulary: vocabulary))
            }
        }
        let subjectPlugin = pluginByDefaultSubject(subject)
        if subjectPlugin == .ninjaForms || (subjectPlugin == nil && fromFormSender),
           let text = body.text, let fields = NinjaFormsContactMe.fields(in: text) {
            return (.ninjaForms, fields)
        }
        guard let plugin = subjectPlugin ?? (fromFormSender ? .generic : nil) else { return nil }
        return (plugin, labelledFields(body, vocabulary: vocabulary))
    }

    /// The plugin whose default notification subject `subject` (lower case) is.
    private static func pluginByDefaultSubject(_ subject: String) -> FormPlugin? {
        if subject.hasPrefix("new submission from") { return .gravityForms }
        if subject.hasPrefix("new entry:") { return .wpforms }
        if subject == "ninja forms submission" { return .ninjaForms }
        return nil
    }

    /// Subject prefixes of replies and forwards: a parent answering a confirmation that quoted the form
    /// is writing a message, not submitting the form.
    private static let replyPrefixes = ["re:", "antw:", "aw:", "fw:", "fwd:", "doorst:", "tr:"]

    /// Whether `subject` (lower case) starts like a reply or a forward.
    private static func isReplyOrForward(_ subject: String) -> Bool {
        replyPrefixes.contains { subject.hasPrefix($0) }
    }

    /// The plugin whose table markup `document` carries. Ninja Forms' top-aligned `Label:` cells are also
    /// common in mail signatures (`Tel:`), so they only count beside a message field.
    private static func tablePlugin(_ document: HTMLNode, vocabulary: LabelVocabulary) -> FormPlugin? {
        let rows = HTMLTableFields.leafRows(of: document)
        if rows.contains(where: { $0.attribute("bgcolor") == "#eaf2fa" }) { return .gravityForms }
        let cells = rows.flatMap(HTMLTableFields.cellsOf)
        if cells.contains(where: { $0.hasClass("field-name") || $0.hasClass("field-value") }) { return .wpforms }
        let ninjaLabels = rows.compactMap { row -> String? in
            let cells = HTMLTableFields.cellsOf(row)
            guard cells.count == 2, cells[0].attribute("valign") == "top" else { return nil }
            let label = cells[0].visibleText
            return label.hasSuffix(":") ? label : nil
        }
        return ninjaLabels.contains(where: vocabulary.isMessage) ? .ninjaForms : nil
    }

    /// Fields from the HTML's tables, or else from `Label: value` lines.
    private static func labelledFields(_ body: Body, vocabulary: LabelVocabulary) -> [FormField] {
        if let document = body.document {
            let fields = HTMLTableFields.fields(in: document)
            if !fields.isEmpty { return fields }
        }
        guard let text = body.text else { return [] }
        return LabelValueText.fields(in: text, vocabulary: vocabulary)
    }
}
