import ComplaintCore
import Foundation
import MailTemplates

/// The last check before a handler's own words go to a parent (`#antwoord`, the reasons of a
/// judgement, an extension or a closing): they must hold no reply address with a token and no
/// text of a staff mail.
///
/// Quote stripping takes the quoted staff mail off a reply, but a client it does not know, or a
/// handler who pastes, could still carry it; with a token address a parent could give commands
/// as the handler. So whatever the stripping missed is refused here, not sent.
struct ParentTextGuard {
    /// The local part and domain of the complaints mailbox, lower-cased.
    let localPart: String
    let domain: String
    /// The tokens of this case for every staff address, lower-cased.
    let caseTokens: [String]
    /// Lines of the staff mails' own words, collapsed (see `collapsed`); long enough to be unmistakable.
    let staffLines: [String]

    init(runtime: Runtime, reference: CaseReference, handler: String?) {
        let mailbox = runtime.configuration.organisation.address.lowercased()
        let at = mailbox.lastIndex(of: "@") ?? mailbox.endIndex
        localPart = String(mailbox[..<at])
        domain = at < mailbox.endIndex ? String(mailbox[mailbox.index(after: at)...]) : ""
        let configuration = runtime.configuration
        let staff = Set(([handler].compactMap { $0 } + configuration.locations.compactMap(\.handler) + configuration.organisation.quality
                         + configuration.organisation.management + configuration.organisation.safeguarding).map { $0.lowercased() })
        caseTokens = runtime.replySigner.map { signer in staff.map { signer.token(for: reference, recipient: $0).lowercased() } } ?? []
        staffLines = Self.staffLines([runtime.templates, runtime.templatesEnglish, runtime.templatesInformal])
    }

    /// Why `text` must not go to the parent, for the staff member who wrote it; nil when it may.
    func problem(in text: String) -> CommandProblem? {
        let lowered = text.lowercased()
        if let address = tokenAddress(in: lowered) {
            let shown = address.prefix(localPart.count + 12)
            return CommandProblem("er staat een antwoordadres van de klachtenregistratie in (\(shown)…), "
                                  + "waarmee opdrachten namens u gegeven kunnen worden",
                                  english: "it holds a reply address of the complaints registration (\(shown)…), "
                                  + "with which commands can be given on your behalf")
        }
        if caseTokens.contains(where: { lowered.contains($0) }) {
            return CommandProblem("er staat de code uit een antwoordadres van de klachtenregistratie in",
                                  english: "it holds the code of a reply address of the complaints registration")
        }
        let flat = Self.collapsed(lowered)
        if let line = staffLines.first(where: { flat.contains($0) }) {
            return CommandProblem("er staat tekst uit een interne e-mail van de klachtenregistratie in (\"\(line.prefix(60))…\")",
                                  english: "it holds text from an internal e-mail of the complaints registration (\"\(line.prefix(60))…\")")
        }
        return nil
    }

    func tokenAddress(in lowered: String) -> String? {
        Self.tokenAddress(in: lowered, localPart: localPart, domain: domain)
    }

    /// The first token address in lower-cased `text` for the complaints `mailbox`.
    static func tokenAddress(in lowered: String, mailbox: String) -> String? {
        let mailbox = mailbox.lowercased()
        guard let at = mailbox.lastIndex(of: "@") else { return nil }
        return tokenAddress(in: lowered, localPart: String(mailbox[..<at]), domain: String(mailbox[mailbox.index(after: at)...]))
    }

    /// The first `localpart+detail@domain` (or `localpart%2bdetail@domain`) whose detail carries a
    /// token after the reference; any such address, whatever case or token it names.
    static func tokenAddress(in lowered: String, localPart: String, domain: String) -> String? {
        guard !localPart.isEmpty else { return nil }
        for plus in ["+", "%2b"] {
            var search = lowered.startIndex
            while let found = lowered.range(of: localPart + plus, range: search..<lowered.endIndex) {
                search = found.upperBound
                let detail = lowered[found.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" }
                let rest = lowered[detail.endIndex...]
                guard rest.hasPrefix("@" + domain) || rest.hasPrefix("%40" + domain) else { continue }
                if let dot = detail.firstIndex(of: "."), detail[detail.index(after: dot)...].contains(where: { $0.isLetter || $0.isNumber }) {
                    return String(lowered[found.lowerBound..<detail.endIndex]) + "@" + domain
                }
            }
        }
        return nil
    }

    /// Every line of at least 40 characters of the staff templates' own words that no letter to a
    /// parent also uses.
    static func staffLines(_ sets: [TemplateSet]) -> [String] {
        var staff = Set<String>(), parent = Set<String>()
        for set in sets {
            for name in set.names {
                guard let template = set.template(name) else { continue }
                let lines = template.body.fixedTexts.flatMap { $0.split(separator: "\n") }.map { collapsed(String($0).lowercased()) }
                if isStaffMail(name) { staff.formUnion(lines.filter { $0.count >= 40 }) } else { parent.formUnion(lines) }
            }
        }
        for help in [CommandVocabulary.help, CommandVocabulary.helpEnglish] {
            staff.formUnion(help.split(separator: "\n").map { collapsed(String($0).lowercased()) }.filter { $0.count >= 40 })
        }
        return staff.subtracting(parent).filter { line in !parent.contains { $0.contains(line) } }.sorted()
    }

    /// Staff mails are the texts not offered `reply.address`: only letters to parents print one.
    static func isStaffMail(_ name: String) -> Bool {
        !(MailTemplateCatalog.knownPaths[name]?.contains("reply.address") ?? false)
    }

    /// Lower-cased text without `>` quoting and with every run of whitespace as one space, so a
    /// line compares however a mail client wrapped or quoted it.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0 == ">" }).joined(separator: " ")
    }
}
