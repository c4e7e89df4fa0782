import ComplaintCore
import MailTemplates

/// Errors of the daemon's own making, in words an operator can act on.
public enum DaemonError: Error, CustomStringConvertible {
    case missingTemplate(TemplateName)
    case tokenInParentMail(String)

    public var description: String {
        switch self {
        case .missingTemplate(let name): "the template '\(name)' is missing from the templates directory; restore it from the shipped Templates/"
        case .tokenInParentMail(let name): "the mail '\(name)' to a parent holds a staff reply address with its token; it is not sent"
        }
    }
}

extension TemplateSet {
    /// The text named `name`: MailTemplates does not know the core's names, so the daemon asks by them here.
    func template(_ name: TemplateName) -> MailTemplate? { template(name.rawValue) }
}
