import Foundation

/// A command the quality staff or management give by mail to the complaints address, about no
/// case in particular (the desk): overviews, one case's file, registering a complaint, reports.
///
/// Adding a command: one case here with its spellings in `Word` and its reading in
/// `StaffCommandParser.command`, and one handler function in the daemon's `StaffDesk`
/// (`StaffDesk.run` switches over this enum, so the compiler names the place).
public enum StaffCommand: Sendable, Equatable {
    /// `#help`: the list, with examples.
    case help
    /// `#zaken [open|te-laat|deze-week|locatie NAME|jaar YYYY]`: the matching cases as a table.
    case cases(CaseFilter)
    /// `#zaak KL-YYYY-NNNN`: the whole case as one readable mail.
    case caseFile(CaseReference)
    /// `#nieuw`: a complaint received by phone, on paper or in person, from `Naam:`/`E-mail:`/... lines.
    case register(Registration)
    /// `#namens`: the forwarded mail below is the parent's complaint.
    case onBehalf
    /// `#jaarverslag YYYY`: the annual report, HTML and Markdown attached.
    case annualReport(year: Int)
    /// `#kwartaal YYYYQn`: the quarterly overview.
    case quarterlyOverview(String)
    /// `#jaarverslag-verzonden DATE` / `#oudercommissie DATE`: the annual report round's dates
    /// (read and recorded by `ReportCycleCommands`/`ReportCycleRecorder`); the mail's text as it came.
    case reportRound(text: String)

    /// The command words, Dutch first; the raw value is how replies name the command.
    public enum Word: String, CaseIterable, Sendable {
        case help, cases = "zaken", caseFile = "zaak", register = "nieuw", onBehalf = "namens"
        case annualReport = "jaarverslag", quarterlyOverview = "kwartaal"
        case reportRound = "jaarverslag-verzonden"

        /// Every spelling, lowercased, without the `#`.
        var spellings: [String] {
            switch self {
            case .help: ["help", "hulp"]
            case .cases: ["zaken", "cases", "dossiers"]
            case .caseFile: ["zaak", "case", "dossier"]
            case .register: ["nieuw", "new", "registreer"]
            case .onBehalf: ["namens", "on-behalf"]
            case .annualReport: ["jaarverslag", "annual-report"]
            case .quarterlyOverview: ["kwartaal", "quarter"]
            case .reportRound: Array(ReportCycleCommands.sentWords.union(ReportCycleCommands.committeeWords))
            }
        }

        static func named(_ name: String) -> Word? {
            allCases.first { $0.spellings.contains(name) }
        }
    }
}

/// Which cases `#zaken` lists.
public enum CaseFilter: Sendable, Equatable {
    /// Every case not closed, withdrawn or found no complaint (also the default).
    case open
    /// Open cases with a term that passed unmet.
    case overdue
    /// Open cases with a term ending this week (Monday to Sunday).
    case thisWeek
    /// Cases of one location (its configured name, or an alias).
    case location(String)
    /// Cases received in a year.
    case year(Int)

    /// How a reply names the filter.
    public var dutchLabel: String {
        switch self {
        case .open: "openstaand"
        case .overdue: "termijn verstreken"
        case .thisWeek: "termijn loopt af deze week"
        case .location(let name): "locatie \(name)"
        case .year(let year): "ontvangen in \(year)"
        }
    }
}

/// A complaint a staff member registers for a parent (`#nieuw`).
public struct Registration: Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var phone: String?
    public var location: String?
    /// When the parent made the complaint, local time; nil: when the staff mail arrived.
    public var received: LocalDate?
    public var receivedMinutes: Int?
    /// The complaint in the parent's words, as the staff member wrote it down.
    public var text: String

    public init(name: String? = nil, email: String? = nil, phone: String? = nil, location: String? = nil,
                received: LocalDate? = nil, receivedMinutes: Int? = nil, text: String) {
        self.name = name
        self.email = email
        self.phone = phone
        self.location = location
        self.received = received
        self.receivedMinutes = receivedMinutes
        self.text = text
    }
}
