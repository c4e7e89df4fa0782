import MailParser

/// Ninja Forms' "Contact Me" template mails `<p>{message}</p><p>-{name} ( {email} )</p>` instead of a table.
enum NinjaFormsContactMe {
    /// The message, name and email when `text` ends in a `-name ( email )` signature line.
    static func fields(in text: String) -> [FormField]? {
        var lines = TextLines.split(text)
        while lines.last?.trimmingWhitespace().isEmpty == true { lines.removeLast() }
        guard let signature = lines.popLast()?.trimmingWhitespace(), signature.hasPrefix("-"),
              signature.hasSuffix(")"), let open = signature.lastIndex(of: "(") else { return nil }
        let name = signature[signature.index(after: signature.startIndex)..<open].trimmingWhitespace()
        let email = signature[signature.index(after: open)..<signature.index(before: signature.endIndex)]
            .trimmingWhitespace()
        guard !name.isEmpty, EmailAddress.extract(from: email) != nil else { return nil }
        return [FormField(label: "Message", value: TextLines.value(lines)),
                FormField(label: "Name", value: name),
                FormField(label: "Email", value: email)]
    }
}
