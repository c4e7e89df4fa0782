@testable import MailTemplates

/// A context with every variable the daemon offers, filled as a real case would be.
enum TemplateSampleContext {
    static let complaintText = "Mijn dochter is vandaag twee keer vergeten bij het ophalen van school. UNIEKE-KLACHTTEKST"

    static func full(language: String) -> [String: TemplateValue] {
        let english = language == "en"
        func date(_ year: Int, _ month: Int, _ day: Int) -> TemplateValue {
            .string(DutchDateFormatter.string(year: year, month: month, day: day, language: language))
        }
        let overdue: TemplateValue = [
            ["reference": "K-2026-0031", "location": "BSO De Vlinder", "term": english ? "judgement" : "oordeel",
             "due": date(2026, 5, 1), "handler": "leiding.vlinder@example.org"],
            ["reference": "K-2026-0035", "location": "", "term": english ? "first contact" : "eerste contact",
             "due": date(2026, 5, 6), "handler": ""],
        ]
        return [
            "organisation": ["name": "Kinderopvang De Regenboog", "address": "Postbus 123, 5600 AA Eindhoven"],
            "case": [
                "reference": "K-2026-0042", "subject": "Ophalen BSO\r\nBcc: x@example.org",
                "received_date": date(2026, 5, 4), "location": "BSO De Boomhut", "kind": english ? "complaint" : "klacht",
                "complainant_name": "J. de Vries", "complainant_address": "j.devries@example.org",
                "text": .string(complaintText), "kind_label": english ? "complaint" : "klacht", "is_complaint": true,
            ],
            "regime": ["name": "wko", "wko": true, "wkkgz": false, "jeugdwet": false],
            "kind": english ? ["noun": "complaint", "the": "the complaint", "a": "a complaint", "this": "this complaint",
                               "new": "new complaint", "a_new": "a new complaint", "new_capitalised": "New complaint"]
                            : ["noun": "klacht", "the": "de klacht", "a": "een klacht", "this": "deze klacht",
                               "new": "nieuwe klacht", "a_new": "een nieuwe klacht", "new_capitalised": "Nieuwe klacht"],
            "attachments": ["any": true, "included": [["name": "foto.jpg", "size": "240 kB"]],
                            "omitted": [["name": "video.mov", "size": "48,2 MB"]]],
            "assignment": ["reason": english ? "it names the location's own handler" : "zij noemt de behandelaar van de locatie zelf"],
            "terms": [
                "acknowledgement_due": date(2026, 5, 11), "first_contact_due": date(2026, 5, 11),
                "decision_due": date(2026, 6, 15), "gck_window_end": date(2027, 5, 4), "decision_passed": false,
            ],
            "handler": ["address": "leiding.boomhut@example.org", "known": true, "name": "Anna de Wit", "role": "locatiemanager",
                        "phone": "040-1234567", "display": "Anna de Wit"],
            "reply": ["address": "klachten@example.org"],
            "judgement": [
                "outcome": english ? "partly upheld" : "deels gegrond",
                "reasons": "Uit het gesprek met het team blijkt dat de overdracht tussen school en BSO niet goed is verlopen.",
                "measures": [
                    ["text": "De BSO controleert dagelijks de ophaallijst met school.", "due": date(2026, 6, 1)],
                    ["text": "Het team bespreekt de overdracht in het teamoverleg.", "due": date(2026, 6, 15)],
                ],
                "upheld": false, "partly_upheld": true, "not_upheld": false, "problem": "de zaak is ingetrokken",
            ],
            "reminder": ["description": "Het eerste contact met de ouder moet uiterlijk maandag 11 mei 2026 plaatsvinden.", "in_review": false],
            "update": ["text": "Wij hebben met het team gesproken en plannen een gesprek met u."],
            "extension": ["weeks": "4", "reason": "Wij wachten op het verslag van een externe deskundige.",
                          "original_due": date(2026, 6, 15)],
            "closing": ["reason": "De afgesproken maatregelen zijn uitgevoerd."],
            "satisfaction": ["answer": english ? "not satisfied" : "niet tevreden", "asked_date": date(2026, 6, 22),
                             "text": "Nee, want er is met de overdracht niets veranderd.", "not_satisfied": true, "no_answer": false],
            "follow_up": ["text": "Ik heb nog een aanvulling op mijn klacht.", "sender": "a.devries@werk.example.test"],
            "staff": ["text": "De moeder vertelde dat hij aan zijn arm is meegesleurd.", "sender": "leiding.boomhut@example.org",
                      "role": english ? "handler" : "behandelaar"],
            "message": ["text": "Wij hebben uw klacht besproken met het team en bellen u deze week."],
            "unverified": ["sender": "behandelaar@example.nl", "received": date(2026, 5, 6),
                           "reason": "de toegangscode in het adres hoort niet bij deze zaak en deze afzender"],
            "screening": ["hits": ["ziekenhuis", "ongeval"]],
            "resolution": ["text": "Wij hebben samen afgesproken dat de BSO u voortaan belt als uw kind niet uit school komt."],
            "suspension": ["review_date": date(2026, 6, 3)],
            "alert": ["description": "Dit is herinnering 1: op de melding van vrijdag 8 mei 2026 is nog niet gereageerd."],
            "notice": ["subject": "Storing: geen verbinding met de mailbox", "text": "Sinds 09:00 lukt het ophalen niet."],
            // klachtd's own notices (MailTemplateCatalog.serviceNotices).
            "quarantine": ["id": "17", "received": "2026-05-04T09:00:00Z", "size": "1200", "reason": "geen afzender"],
            "kept": ["sender": "M. Jansen <m.jansen@example.org>", "recipients": "klachten@example.org", "subject": "Rooster",
                     "received": "2026-05-04T09:00:00Z", "id": "18", "text": "Zie bijlage.", "own_address": false, "staff_copy": true,
                     "unverified_command": false],
            "mail": ["kind": "acknowledgement", "diagnostic": "550 5.1.1 user unknown", "suppression_days": "7",
                     "subject": "Wij hebben uw klacht ontvangen [K-2026-0042]", "error": "550 5.1.1 user unknown", "on_case": true],
            "held": ["letter": english ? "judgement letter" : "oordeelsbrief", "bounced": false, "reason": "10 per day"],
            "incomplete": ["template": "acknowledgement", "problem": "handler.name is empty", "file": "nl/acknowledgement.txt", "line": "12"],
            "flood": ["per_hour": "30", "per_day": "200", "reason": "31 new addresses in an hour"],
            "trouble": ["since": "04-05-2026 09:00", "error": "535 authentication failed", "waiting": "3"],
            "outage": ["since": "04-05-2026 09:00", "error": "connection refused", "minutes": "42"],
            "refused": ["actor": "leiding.boomhut@example.org", "problem": "er staat een antwoordadres in"],
            "command": ["errors": ["Onbekende opdracht #antwoorden.", "Het oordeel mist een uitkomst."],
                        "mail_problems": ["De oordeelsbrief is vastgehouden en niet verstuurd: het adres gaf een onbestelbaar-melding."],
                        "help": "#antwoord  tekst aan de ouder\n#oordeel   uitkomst, redenen en maatregelen\n#help      deze uitleg"],
            "digest": [
                "period_start": date(2026, 5, 4), "period_end": date(2026, 5, 10), "received_count": "3",
                "open_count": "7", "safeguarding_count": "1", "ignored_count": "4",
                "received": [["reference": "K-2026-0042", "location": "BSO De Boomhut", "kind": "klacht", "received": date(2026, 5, 4)]],
                "overdue": overdue, "due_soon": overdue,
                "unassigned": [["reference": "K-2026-0043", "received": date(2026, 5, 5)]],
                "awaiting_review": [["reference": "K-2026-0040", "location": "BSO De Boomhut", "handler": "behandelaar@example.test",
                                     "due": date(2026, 5, 29)]],
                "terms": [["reference": "K-2026-0042", "location": "BSO De Boomhut", "term": "oordeel", "due": date(2026, 5, 8),
                           "handler": "behandelaar@example.test", "urgency": "verstreken", "colour": "#f4c7c3"]],
                "overdue_count": "1", "due_soon_count": "0", "locations": bars,
            ],
            // Issue 20: the desk's replies.
            "request": ["subject": "RE: Weekoverzicht"],
            "desk": [
                "address": "klachten@example.test", "problem": "#zaak mist het dossiernummer",
                "reference": "K-2026-0042", "state": "ontvangen", "received": "12-05-2026 14:30", "complainant": "Anouk de Vries",
                "address_known": true, "acknowledged": true, "location": "BSO De Boomhut", "handler": "behandelaar@example.test",
                "decision_due": date(2026, 6, 23), "flags": "no-address",
                "title": "Klachtenjaarverslag 2026", "year": "2026", "complaints": "12", "files": ["klachtenjaarverslag-2026.html"],
                "lines": ["Het jaarverslag 2026 is op woensdag 20 mei 2027 naar de GGD gestuurd."],
                "text": "Kwartaaloverzicht", "filter": "openstaand", "count": "1", "today": date(2026, 5, 11),
                "safeguarding_count": "1", "has_safeguarding": true, "locations": bars,
                "cases": [["reference": "K-2026-0042", "state": "ontvangen", "kind": "klacht", "received": date(2026, 5, 4),
                           "complainant": "Anouk de Vries", "location": "BSO De Boomhut", "handler": "behandelaar@example.test",
                           "subject": "Daan stond alleen buiten", "term": "oordeel", "due": date(2026, 6, 12), "urgency": "op schema",
                           "colour": "#d9ead3"]],
                "case": ["reference": "K-2026-0042", "subject": "Daan stond alleen buiten", "state": "ontvangen", "kind": "klacht",
                         "regime": "wko", "received": "04-05-2026 09:12", "complainant": "Anouk de Vries <anouk@example.test>",
                         "location": "BSO De Boomhut", "handler": "behandelaar@example.test", "category": "veiligheid",
                         "outcome": "gegrond", "flags": "serious"],
                "terms": [["name": "Oordeel", "due": date(2026, 6, 12), "state": "op schema", "colour": "#d9ead3"]],
                "measures": [["text": "Hek altijd op slot", "due": date(2026, 7, 1), "done": "open"]],
                "events": [["at": "04-05-2026 09:12", "actor": "klachtd", "action": "case opened", "reason": "kind klacht", "state": "received"]],
                "messages": [message], "notes": [message],
            ],
            // Issue 20: the second reader and the annual report's round.
            "review": ["author": "behandelaar@example.nl", "reviewer": "kwaliteit@example.nl", "outcome": "deels gegrond",
                       "letter_subject": "Ons oordeel over uw klacht [K-2026-0042]", "letter": "Geachte J. de Vries,\n\nWij vinden uw klacht deels gegrond.",
                       "remark": "Noem ook wat het team verandert.", "reasons": "Wij hebben met het team gesproken.",
                       "parent_has_address": true],
            "cycle": [
                "year": "2026", "draft": true, "reminder": false, "deadline_passed": false, "deadline": date(2027, 6, 1),
                "sent_to_ggd": date(2027, 5, 20), "oudercommissie": "", "complaints": "12", "attachments": true,
                "without_category": [cycleLine], "without_location": [cycleLine], "without_report_text": [cycleLine], "open": [cycleLine],
            ],
        ]
    }

    /// A case line of the annual report round's lists.
    private static let cycleLine: TemplateValue = ["reference": "K-2026-0042", "location": "BSO De Boomhut", "kind": "klacht",
                                                   "state": "in behandeling", "received": "maandag 4 mei 2026"]
    private static let bars: TemplateValue = [["name": "BSO De Boomhut", "count": "3", "width": "100", "rest": "0", "full": true],
                                              ["name": "KDV Het Anker", "count": "1", "width": "33", "rest": "67", "full": false]]
    private static let message: TemplateValue = [
        "at": "04-05-2026 09:12", "direction": "binnen van", "role": "ouder", "subject": "Daan stond alleen buiten",
        "text": "Beste lezer,\n\nDaan stond alleen buiten.", "files": "foto.jpg (120 kB)", "verified": true]

    /// The same context with every list empty and every optional text empty.
    static func sparse(language: String) -> [String: TemplateValue] {
        func emptied(_ value: TemplateValue, key: String) -> TemplateValue {
            switch value {
            case .list: return .list([])
            case .object(let fields): return .object(fields.reduce(into: [:]) { $0[$1.key] = emptied($1.value, key: $1.key) })
            case .string where optionalTexts.contains(key): return ""
            default: return value
            }
        }
        return full(language: language).mapValues { emptied($0, key: "") }
    }

    private static let optionalTexts: Set<String> = ["location", "complainant_name", "address", "reason", "text", "help", "handler",
                                                     "name", "role", "phone"]
}
