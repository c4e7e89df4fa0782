import CaseStore
import ComplaintCore

/// The words the desk puts into its mails' values (`#zaken`, `#zaak`, `#nieuw`), in the
/// organisation's language: the templates around them are Dutch or English already, and an
/// English quality officer should not read "in behandeling" or "verstreken" inside them.
///
/// Dutch is what the desk always wrote; the English words follow the English templates
/// ("in progress", "overdue", "not yet assigned").
struct DeskWords {
    let english: Bool

    func state(_ state: CaseState) -> String {
        english ? state.englishLabel : state.dutchLabel
    }

    func kind(_ kind: MessageKind) -> String {
        english ? KindWording.label(kind, english: true) : kind.dutchLabel
    }

    func filter(_ filter: CaseFilter) -> String {
        guard english else { return filter.dutchLabel }
        switch filter {
        case .open: return "open"
        case .overdue: return "term passed"
        case .thisWeek: return "term ends this week"
        case .location(let name): return "location \(name)"
        case .year(let year): return "received in \(year)"
        }
    }

    func term(_ term: WatchedTerm?) -> String {
        switch term {
        case .acknowledgement: english ? "Acknowledgement" : "Ontvangstbevestiging"
        case .firstContact: english ? "First contact" : "Eerste contact"
        case .decision: english ? "Judgement" : "Oordeel"
        case .measures: english ? "Measures" : "Maatregelen"
        default: english ? "Geschillencommissie (12 months)" : "Geschillencommissie (12 maanden)"
        }
    }

    func role(_ role: MessageRole) -> String {
        switch role {
        case .complainant: english ? "parent" : "ouder"
        case .handler: english ? "handler" : "behandelaar"
        case .quality: english ? "Quality" : "Kwaliteit"
        case .management: english ? "management" : "directie"
        case .safeguarding: english ? "safeguarding officer" : "aandachtsfunctionaris"
        case .otherAddress: english ? "other address" : "ander adres"
        default: role.rawValue
        }
    }

    func direction(_ direction: MessageDirection) -> String {
        switch direction {
        case .incoming: english ? "received from" : "binnen van"
        case .outgoing: english ? "sent to" : "verstuurd aan"
        }
    }

    var noLocation: String { english ? "no location" : "geen locatie" }
    var notYetAssigned: String { english ? "not yet assigned" : "nog niet aangewezen" }
    var unknown: String { english ? "(unknown)" : "(onbekend)" }
    var nameUnknown: String { english ? "(name unknown)" : "(naam onbekend)" }
    var noSubject: String { english ? "(no subject)" : "(geen onderwerp)" }
    var attachment: String { english ? "attachment" : "bijlage" }
    var termNotRunning: String { english ? "done or not running" : "afgerond of loopt niet" }
    func measureDone(_ done: Bool) -> String { done ? (english ? "done" : "gereed") : "open" }

    // Refusals: the desk's answer when a command cannot be carried out.

    func noCase(_ reference: CaseReference) -> String {
        english ? "There is no case \(reference)." : "Er is geen dossier \(reference)."
    }

    func caseUnderMeldcode(_ reference: CaseReference) -> String {
        english ? "Case \(reference) is under the meldcode; only the safeguarding officer can see it."
            : "Dossier \(reference) valt onder de meldcode; alleen de aandachtsfunctionaris kan het inzien."
    }

    func noLocation(named name: String, among names: String) -> String {
        english ? "There is no location '\(name)'. The locations are: \(names)."
            : "Er is geen locatie '\(name)'. De locaties zijn: \(names)."
    }

    func registrationLocationUnknown(_ name: String, among names: String) -> String {
        english ? "Location: there is no location '\(name)'. The locations are: \(names). Nothing was registered."
            : "Locatie: er is geen locatie '\(name)'. De locaties zijn: \(names). Er is niets geregistreerd."
    }

    func receivedAfterMessage(_ day: String) -> String {
        english ? "Ontvangen: \(day) is after this message was sent; the date must be the day the parent complained."
            : "Ontvangen: \(day) ligt na het moment van dit bericht; de datum moet de dag zijn waarop de ouder klaagde."
    }

    var noForwardedMessage: String {
        english ? "Below #namens there is no message forwarded from a parent (a block with From:, Sent:, To:, "
            + "Subject: or \"---------- Forwarded message ---------\"). Forward the parent's mail and put #namens at the top."
            : "Onder #namens staat geen doorgestuurd bericht van een ouder (een blok met Van:, Verzonden:, Aan:, "
            + "Onderwerp: of \"---------- Forwarded message ---------\"). Stuur de mail van de ouder door en zet #namens bovenaan."
    }

    var notRegistered: String { english ? "The complaint could not be registered." : "De klacht kon niet worden geregistreerd." }
    func notAQuarter(_ text: String) -> String { english ? "#kwartaal \(text) is not a quarter like 2026Q3" : "#kwartaal \(text) is geen kwartaal als 2026Q3" }
    var noDate: String { english ? "The command has no date." : "Er staat geen datum bij de opdracht." }
}
