import ComplaintCore
import MailTemplates

/// klachtd's own notices to the quality staff (quarantine, bounces, outages, held letters, ...):
/// each is a text in `Templates/`, in the organisation's language, like every other mail.
extension MailRenderer {
    /// A notice to the quality staff from its own template (`quarantine-notice`, ...), rendered
    /// strictly like every letter. Should it not render (an edited file names a value that is
    /// empty, or lacks the file), the facts still reach the quality staff in `system-notice`,
    /// with what went wrong: a notice is never lost, and never sent with a hole.
    func enqueueNotice(_ name: TemplateName, values: Extra, caseID: Int64? = nil, kind: OutboxKind = .systemNotice) throws {
        do {
            try enqueueToQuality(name, values: values, kind: kind, caseID: caseID, strict: true)
        } catch let error as TemplateError {
            runtime.logger.warning("notice '\(name)' not written from its template: \(error)")
            try enqueueSystemNotice(subject: "klachtd: \(name)", text: "\(error)\n\n" + Self.plainValues(values), caseID: caseID, kind: kind)
        } catch DaemonError.missingTemplate(let missing) where missing == name {
            runtime.logger.warning("notice '\(name)': no template; sent as a plain notice")
            try enqueueSystemNotice(subject: "klachtd: \(name)", text: Self.plainValues(values), caseID: caseID, kind: kind)
        }
    }

    /// "group.key: value" lines, for a notice whose own template could not be used.
    static func plainValues(_ values: Extra, prefix: String = "") -> String {
        values.keys.sorted().compactMap { key -> String? in
            switch values[key] {
            case .string(let text)?: return "\(prefix)\(key): \(text)"
            case .bool(let flag)?: return "\(prefix)\(key): \(flag ? "yes" : "no")"
            case .object(let fields)?: return plainValues(fields, prefix: "\(prefix)\(key).")
            case .list(let items)?: return "\(prefix)\(key): \(items.count) item(s)"
            case nil: return nil
            }
        }.joined(separator: "\n")
    }
}
