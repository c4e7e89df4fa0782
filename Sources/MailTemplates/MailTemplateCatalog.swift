/// The mail texts the daemon sends and, per text, the variables it offers.
///
/// `TemplateSet.validate(knownPaths: MailTemplateCatalog.knownPaths)` is what
/// `check-config` runs. Letters to parents are deliberately offered neither the
/// complaint's text nor its subject: the sender may be spoofed, so nothing of the
/// message is echoed back; only staff mails carry the complaint itself. `Templates/README.md` documents every variable.
public enum MailTemplateCatalog {
    /// `organisation.name`, `organisation.address`.
    public static let organisation: Set<String> = ["organisation.name", "organisation.address"]
    /// What identifies a case, without the complaint's own words.
    public static let caseFacts: Set<String> = Set<String>([
        "case.reference", "case.received_date", "case.location", "case.kind",
        "case.complainant_name", "case.complainant_address", "case.kind_label", "case.is_complaint",
        "regime.name", "regime.wko", "regime.wkkgz", "regime.jeugdwet",
        "handler.known", "handler.name", "handler.role", "handler.phone", "handler.display",
    ]).union(kindForms)
    /// The kind as a noun with article and adjective ("de klacht", "een nieuw compliment"): see `KindWording`.
    public static let kindForms: Set<String> = [
        "kind.noun", "kind.the", "kind.a", "kind.this", "kind.new", "kind.a_new", "kind.new_capitalised",
    ]
    /// The case's term dates, formatted, and whether the decision date has passed already.
    public static let terms: Set<String> = [
        "terms.acknowledgement_due", "terms.first_contact_due", "terms.decision_due", "terms.gck_window_end",
        "terms.decision_passed",
    ]
    /// The complaint's subject and text, for staff only.
    public static let complaintContent: Set<String> = ["case.subject", "case.text"]

    /// Per template name, the dotted paths the daemon offers.
    public static let knownPaths: [String: Set<String>] = {
        // Only letters to parents may print their reply address (the organisation's own). A staff
        // mail's reply address carries the token that lets commands count: it stays in the Reply-To
        // header, where a handler's #antwoord cannot carry it to the parent with the quoted text.
        let reply: Set<String> = ["reply.address"]
        let parentLetter = organisation.union(caseFacts).union(terms).union(reply)
        let staffMail = organisation.union(caseFacts).union(terms).union(complaintContent).union(["handler.address"])
        return [
            "acknowledgement": organisation.union(caseFacts).union(terms).union(reply),
            "neutral-receipt": organisation.union(["case.reference", "case.complainant_name"]).union(reply),
            "handler-assignment": staffMail.union(attachments),
            "question-receipt": parentLetter, "improvement-receipt": parentLetter, "suggestion-receipt": parentLetter,
            "question-notice": staffMail.union(attachments), "improvement-notice": staffMail.union(attachments),
            "suggestion-notice": staffMail.union(attachments), "compliment-notice": staffMail.union(attachments), "kind-review": staffMail,
            "management-assignment": staffMail.union(["assignment.reason", "reminder.description"]),
            "quality-unassigned": staffMail.union(attachments),
            "safeguarding-alert": organisation.union(caseFacts).union(complaintContent).union(["screening.hits"]),
            "safeguarding-follow-up": organisation.union(caseFacts).union(complaintContent).union(["screening.hits", "follow_up.text"]),
            "staff-safeguarding-notice": organisation.union(caseFacts).union(complaintContent)
                .union(["screening.hits", "staff.text", "staff.sender", "staff.role"]),
            "serious-alert": staffMail.union(["screening.hits"]),
            "system-notice": organisation.union(["notice.subject", "notice.text"]),
            "handler-reminder": staffMail.union(["reminder.description", "reminder.in_review"]),
            "overdue-escalation": staffMail.union(["reminder.description"]),
            "progress-update": parentLetter.union(["update.text"]),
            "progress-update-notice": staffMail.union(["reminder.description"]),
            "satisfaction-question": parentLetter,
            "satisfaction-reminder": parentLetter,
            "escalation-information": parentLetter.union(["satisfaction.not_satisfied", "satisfaction.no_answer"]),
            "dissatisfaction-notice": staffMail.union(["reminder.description", "satisfaction.answer", "satisfaction.text",
                                                       "satisfaction.asked_date", "satisfaction.not_satisfied", "satisfaction.no_answer"]),
            "extension-notice": parentLetter.union(["extension.weeks", "extension.reason", "extension.original_due"]),
            "judgement-letter": parentLetter.union(["judgement.outcome", "judgement.reasons", "judgement.measures", "judgement.upheld",
                                                    "judgement.partly_upheld", "judgement.not_upheld"]),
            "closing-letter": parentLetter.union(["closing.reason"]),
            "compliment-thanks": organisation.union(caseFacts).union(reply),
            "weekly-digest": organisation.union(digest),
            "follow-up-notice": staffMail.union(["follow_up.text"]),
            "follow-up-other-address": staffMail.union(["follow_up.text", "follow_up.sender"]),
            "handler-message": parentLetter.union(["message.text"]),
            "unverified-message": organisation.union(caseFacts).union(["case.subject", "handler.address", "unverified.sender",
                                                                      "unverified.received", "unverified.reason"]),
            "command-reply": organisation.union(["case.reference", "case.subject", "command.errors", "command.help", "command.mail_problems"]),
            // Issue 15: the paths off the happy path.
            "release-acknowledgement": parentLetter,
            "withdrawal-confirmation": parentLetter,
            "suspension-notice": parentLetter.union(["suspension.review_date"]),
            "resumption-notice": parentLetter,
            "resolution-letter": parentLetter.union(["resolution.text"]),
            "safeguarding-reminder": organisation.union(caseFacts).union(complaintContent).union(["alert.description"]),
            // Issue 20: the second reader, and the annual report's round.
            "judgement-review": staffMail.union(["review.author", "review.outcome", "review.letter_subject", "review.letter",
                                                 "review.parent_has_address"]),
            "judgement-held": staffMail.union(["review.outcome"]),
            "judgement-returned": staffMail.union(["review.reviewer", "review.remark", "review.outcome", "review.reasons"]),
            "report-cycle": organisation.union(reportCycle),
            // Issue 18: klachtd's own notices to the quality staff, as texts like every other mail.
            "quarantine-notice": organisation.union(["quarantine.id", "quarantine.received", "quarantine.size", "quarantine.reason"]),
            "kept-mail-notice": organisation.union(["kept.sender", "kept.recipients", "kept.subject", "kept.received", "kept.id",
                                                    "kept.text", "kept.own_address", "kept.staff_copy", "kept.unverified_command"]),
            "bounce-notice": organisation.union(["case.reference", "mail.kind", "mail.diagnostic", "mail.suppression_days"]),
            "refused-notice": organisation.union(["mail.kind", "mail.subject", "mail.error", "mail.on_case"]),
            "held-notice": organisation.union(["case.reference", "held.letter", "held.bounced", "held.reason"]),
            "incomplete-mail-notice": organisation.union(["case.reference", "incomplete.template", "incomplete.problem",
                                                          "incomplete.file", "incomplete.line"]),
            "flood-hold-notice": organisation.union(["flood.per_hour", "flood.per_day", "flood.reason"]),
            "sending-trouble-notice": organisation.union(["trouble.since", "trouble.error", "trouble.waiting"]),
            "mailbox-outage-notice": organisation.union(["outage.since", "outage.error"]),
            "mailbox-recovered-notice": organisation.union(["outage.minutes"]),
            "parent-text-refused-notice": organisation.union(["case.reference", "refused.actor", "refused.problem"]),
            "judgement-not-sent-notice": organisation.union(["case.reference", "judgement.problem"]),
        ].merging(desk) { $1 }
    }()

    /// Issue 20: the desk's replies to the quality staff and management, and the HTML overview.
    public static let desk: [String: Set<String>] = {
        let common = organisation.union(["request.subject"])
        let cases: Set<String> = ["desk.filter", "desk.count", "desk.cases", "desk.locations", "desk.today",
                                  "desk.safeguarding_count", "desk.has_safeguarding"]
        let caseFile: Set<String> = Set(["reference", "subject", "state", "kind", "regime", "received", "complainant", "location",
                                         "handler", "category", "outcome", "flags"].map { "desk.case." + $0 })
            .union(["desk.terms", "desk.measures", "desk.events", "desk.messages", "desk.notes"])
        return [
            "desk-help": common.union(["desk.address"]),
            "desk-problem": common.union(["desk.problem"]),
            "desk-registered": common.union(["reference", "state", "received", "complainant", "address", "acknowledged", "location",
                                             "handler", "decision_due", "flags"].map { "desk." + $0 }),
            "desk-report": common.union(["desk.title", "desk.year", "desk.complaints", "desk.files", "desk.text"]),
            "desk-recorded": common.union(["desk.lines"]),
            "desk-cases": common.union(cases), "desk-cases-html": common.union(cases),
            "desk-case": common.union(caseFile), "desk-case-html": common.union(caseFile),
            "weekly-digest-html": organisation.union(digest).union(["digest.terms", "digest.overdue_count", "digest.due_soon_count",
                                                                    "digest.locations"]),
        ]
    }()

    /// The parent's files on a staff mail: those attached, and those left out for size.
    public static let attachments: Set<String> = ["attachments.included", "attachments.omitted", "attachments.any"]

    /// The weekly overview's variables (lists are described in `listItemFields`).
    public static let digest: Set<String> = [
        "digest.period_start", "digest.period_end", "digest.received_count", "digest.open_count",
        "digest.safeguarding_count", "digest.received", "digest.overdue", "digest.due_soon", "digest.unassigned",
        "digest.ignored_count", "digest.awaiting_review",
    ]

    /// The annual report round's variables (issue 20): the draft in January, the reminders from April.
    public static let reportCycle: Set<String> = [
        "cycle.year", "cycle.draft", "cycle.reminder", "cycle.deadline_passed", "cycle.deadline", "cycle.sent_to_ggd",
        "cycle.oudercommissie", "cycle.complaints", "cycle.without_category", "cycle.without_location",
        "cycle.without_report_text", "cycle.open", "cycle.attachments",
    ]

    /// The fields of each element of the list variables (`{{item.field}}` inside `{{#each}}`); `command.errors` holds plain texts.
    public static let listItemFields: [String: [String]] = [
        "judgement.measures": ["text", "due"],
        "attachments.included": ["name", "size"],
        "attachments.omitted": ["name", "size"],
        "screening.hits": [],
        "digest.received": ["reference", "location", "kind", "received"],
        "digest.overdue": ["reference", "location", "term", "due", "handler"],
        "digest.due_soon": ["reference", "location", "term", "due", "handler"],
        "digest.unassigned": ["reference", "received"],
        "digest.awaiting_review": ["reference", "location", "handler", "due"],
        "cycle.without_category": ["reference", "location", "kind", "state", "received"],
        "cycle.without_location": ["reference", "location", "kind", "state", "received"],
        "cycle.without_report_text": ["reference", "location", "kind", "state", "received"],
        "cycle.open": ["reference", "location", "kind", "state", "received"],
        "digest.terms": ["reference", "location", "term", "due", "handler", "urgency", "colour"],
        "digest.locations": ["name", "count", "width", "rest", "full"],
        "desk.cases": ["reference", "state", "kind", "received", "complainant", "location", "handler", "subject", "term", "due",
                       "urgency", "colour"],
        "desk.locations": ["name", "count", "width", "rest", "full"],
        "desk.terms": ["name", "due", "state", "colour"],
        "desk.measures": ["text", "due", "done"],
        "desk.events": ["at", "actor", "action", "reason", "state"],
        "desk.messages": ["at", "direction", "role", "subject", "text", "files", "verified"],
        "desk.notes": ["at", "direction", "role", "subject", "text", "files", "verified"],
        "desk.files": [],
        "desk.lines": [],
    ]

    /// klachtd's own notices to the quality staff, about the service rather than one letter of a case.
    public static let serviceNotices: Set<String> = [
        "quarantine-notice", "kept-mail-notice", "bounce-notice", "refused-notice", "held-notice", "incomplete-mail-notice",
        "flood-hold-notice", "sending-trouble-notice", "mailbox-outage-notice", "mailbox-recovered-notice", "parent-text-refused-notice",
        "judgement-not-sent-notice",
    ]

    /// The letters to parents: those offered their reply address. Each has a *u* text in `nl/` and a *je* text in `nl-je/`.
    public static var parentLetters: [String] { names.filter { knownPaths[$0]?.contains("reply.address") == true } }

    /// The template names, sorted.
    public static var names: [String] { knownPaths.keys.sorted() }
}
