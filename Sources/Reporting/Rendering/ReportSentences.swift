import ComplaintCore

/// The sentences the report formats share, so Markdown and HTML say the same.
enum ReportSentences {
    static func title(_ report: AnnualReport) -> String { "Klachtenjaarverslag \(report.year)" }

    static func introduction(_ report: AnnualReport) -> String {
        let councils = report.setting.gastouderbureau ? "de oudercommissie" : "de oudercommissies"
        return "Dit verslag beschrijft de klachten die ouders in \(report.year) bij \(report.organisation) hebben ingediend, "
            + (report.setting.gastouderbureau ? "" : "per locatie, ")
            + "met de strekking van de oordelen en de aard van de maatregelen, zoals artikel 1.57b van de "
            + "Wet kinderopvang vraagt. Het gaat voor 1 juni \(report.year + 1) naar de GGD en tegelijk naar de ouders "
            + "en \(councils). Niets in dit verslag is tot een persoon te herleiden."
    }

    /// "LRK-nummer 123456789", the organisation's own (a gastouderbureau's), when configured.
    static func organisationLRK(_ report: AnnualReport) -> String? {
        report.setting.lrk.map { "LRK-nummer \($0)" }
    }

    /// The heading of one section of complaints: the location (or the whole bureau) and its count.
    static func sectionHeading(_ section: LocationSection) -> String {
        "\(section.name) (\(DutchWording.count(section.count, "klacht", "klachten")))"
    }

    /// Under a location's heading: its LRK number, when configured.
    static func sectionLRK(_ section: LocationSection) -> String? {
        section.lrk.map { "LRK-nummer \($0)" }
    }

    /// The section titles that name locations, or the bureau as a whole.
    static func perLocationTitle(_ report: AnnualReport) -> String {
        report.setting.gastouderbureau ? "Oordelen en maatregelen" : "Oordelen en maatregelen per locatie"
    }

    /// What the rows "Niet gecategoriseerd" and "Algemeen (geen locatie)" mean, when the report has them.
    static func rowNotes(_ report: AnnualReport) -> [String] {
        var notes: [String] = []
        let uncategorised = report.perCategory.count(of: ComplaintCategory.uncategorised.label)
        if uncategorised > 0 {
            notes.append("\(ComplaintCategory.uncategorised.label): \(uncategorised == 1 ? "een klacht die" : "klachten die") "
                + "bij het opstellen van dit verslag nog niet in een categorie \(uncategorised == 1 ? "was" : "waren") ingedeeld.")
        }
        let general = report.locations.first { $0.name == ReportWords.noLocation }?.count ?? 0
        if !report.setting.gastouderbureau, general > 0 {
            notes.append("\(ReportWords.noLocation): \(general == 1 ? "een klacht die" : "klachten die") niet over één "
                + "locatie \(general == 1 ? "gaat" : "gaan"), zoals over facturatie of de organisatie als geheel.")
        }
        return notes
    }

    static func noComplaints(_ report: AnnualReport) -> String {
        "In \(report.year) zijn bij \(report.organisation) geen klachten ingediend. De wet vraagt in dat geval geen "
            + "jaarverslag; dit document legt vast dat er geen klachten waren."
    }

    static func totals(_ report: AnnualReport) -> String {
        var text = "In \(report.year) zijn \(DutchWording.count(report.complaints, "klacht", "klachten")) ontvangen "
            + "(\(report.previousYear.year): \(report.previousYear.complaints))."
        let others = report.otherReactions.reduce(0) { $0 + $1.count }
        if others > 0 {
            text += " Daarnaast kwamen \(DutchWording.count(others, "andere klantreactie", "andere klantreacties")) binnen: "
                + report.otherReactions.map { "\($0.count) \($0.count == 1 ? $0.label : plural($0.label))" }.joined(separator: ", ") + "."
        }
        if report.meldcodeCount > 0 {
            text += " \(DutchWording.count(report.meldcodeCount, "melding is", "meldingen zijn")) volgens de meldcode "
                + "behandeld; \(report.meldcodeCount == 1 ? "die wordt" : "die worden") hier niet beschreven."
        }
        return text
    }

    /// The plural of a kind of customer reaction ("onvrede" has none).
    static func plural(_ kind: String) -> String {
        ["klacht": "klachten", "verbeterpunt": "verbeterpunten", "vraag": "vragen", "suggestie": "suggesties",
         "compliment": "complimenten"][kind] ?? kind
    }

    /// The judgements and how many came within the term; complaints still waiting past their
    /// term on `asOf` (the day the report was made) count as late.
    static func handling(_ times: HandlingTimes, year: Int, asOf: LocalDate) -> String {
        guard times.assessed > 0 else { return "Over de klachten van \(year) is nog geen oordeel gegeven." }
        var text = times.judged == 0 ? "Over de klachten van \(year) is nog geen oordeel gegeven. "
            : "Over \(DutchWording.count(times.judged, "klacht", "klachten")) van \(year) is een schriftelijk oordeel gegeven; "
                + "de mediane doorlooptijd van ontvangst tot oordeel was \(DutchWording.days(times.medianDays)). "
        if times.openPastTerm > 0 {
            let one = times.openPastTerm == 1
            text += "Bij het opstellen van dit verslag, op \(DutchWording.date(asOf)), \(one ? "wachtte" : "wachtten") nog "
                + "\(DutchWording.count(times.openPastTerm, "klacht", "klachten")) op een oordeel terwijl de termijn al verstreken was; "
                + "\(one ? "die telt" : "die tellen") als te laat. "
        }
        return text + "Van deze \(DutchWording.count(times.assessed, "klacht", "klachten")) \(times.withinSixWeeks == 1 ? "is" : "zijn") "
            + "er \(times.withinSixWeeks) (\(DutchWording.percent(times.shareWithinSixWeeks))) binnen de wettelijke termijn van zes weken "
            + "beoordeeld (een termijn die op een zaterdag, zondag of feestdag eindigt, loopt volgens de Algemene termijnenwet door "
            + "tot de eerstvolgende werkdag)."
    }

    /// What the registration shows about the outside bodies, worded as recorded: the data
    /// cannot show a dispute nobody recorded, so "none" is never stated as a fact.
    static func disputes(_ report: AnnualReport) -> String {
        let year = report.year
        var text: String
        if report.disputes.isEmpty {
            text = "In de klachtenregistratie is voor \(year) geen geschil vastgelegd dat is voorgelegd aan de "
                + "Geschillencommissie Kinderopvang. Een geschil dat niet is vastgelegd, staat hier niet in; de Geschillencommissie "
                + "kan op verzoek bevestigen hoeveel geschillen er waren (geschilvrijbrief)."
        } else {
            let origins = DisputeOrigin.allCases.compactMap { origin -> String? in
                let count = report.disputes.filter { $0.origin == origin }.count
                return count == 0 ? nil : "\(count) \(origin.dutchLabel)"
            }
            let pending = report.disputes.filter { $0.outcome == Dispute.noRulingYet }.count
            let one = report.disputes.count == 1
            text = "In de klachtenregistratie \(one ? "is voor \(year) 1 geschil" : "zijn voor \(year) \(report.disputes.count) geschillen") "
                + "vastgelegd \(one ? "dat is" : "die zijn") voorgelegd aan de Geschillencommissie Kinderopvang: "
                + origins.joined(separator: ", ") + "."
            let rulings = Tally.count(report.disputes.filter { $0.outcome != Dispute.noRulingYet }, by: \.outcome)
            if !rulings.isEmpty {
                text += " Uitspraken: " + rulings.map { "\($0.label) \($0.count)" }.joined(separator: ", ") + "."
            }
            if pending > 0 { text += " Nog geen uitspraak vastgelegd: \(pending)." }
        }
        if report.referrals > 0 {
            text += " Bij het Klachtenloket Kinderopvang \(report.referrals == 1 ? "is 1 ouder" : "zijn \(report.referrals) ouders") "
                + "vastgelegd die daar voor informatie, advies of bemiddeling aanklopte\(report.referrals == 1 ? "" : "n")."
        }
        return text
    }

    static func comparison(_ report: AnnualReport) -> String {
        let previous = report.previousYear
        let change = report.complaints - previous.complaints
        func klachten(_ n: Int) -> String { n == 1 ? "1 klacht" : "\(n) klachten" }
        let direction = change == 0 ? "evenveel klachten binnen als" : change > 0 ? "\(klachten(change)) meer binnen dan"
            : "\(klachten(-change)) minder binnen dan"
        return "In \(report.year) kwamen \(direction) in \(previous.year). "
            + "Binnen zes weken beoordeeld: \(DutchWording.percent(report.handling.shareWithinSixWeeks)) "
            + "(\(previous.year): \(DutchWording.percent(previous.handling.shareWithinSixWeeks))); mediane doorlooptijd "
            + "\(DutchWording.days(report.handling.medianDays)) (\(previous.year): \(DutchWording.days(previous.handling.medianDays)))."
    }

    /// One judgement in one line: category, what became of it, the report text, and the measures' number and term.
    static func judgement(_ entry: JudgementEntry) -> (head: String, detail: String) {
        var detail = outcome(entry.outcome)
        if let summary = entry.summary, !summary.isEmpty { detail += " " + summary }
        if let measures = measures(entry) { detail += " " + measures }
        return (entry.category.label, detail)
    }

    /// What became of a complaint, as a sentence: a withdrawal or an informal solution is no judgement.
    static func outcome(_ outcome: ComplaintOutcome) -> String {
        switch outcome {
        case .upheld, .partlyUpheld, .rejected: "Oordeel: \(outcome.label)."
        case .withdrawn: "De ouder heeft de klacht ingetrokken."
        case .resolvedInformally: "In overleg met de ouder opgelost, zonder oordeel."
        case .notAComplaint: "Na beoordeling geen klacht in de zin van de klachtenregeling."
        case .referred: "De ouder is doorverwezen naar het Klachtenloket of de Geschillencommissie Kinderopvang."
        case .pending: "Nog in behandeling."
        case .closedWithoutJudgement: "Afgesloten zonder oordeel."
        }
    }

    /// "2 maatregelen, uiterlijk klaar op 17 februari 2026.": the term once, in Dutch.
    static func measures(_ entry: JudgementEntry) -> String? {
        let due = entry.measuresDue.map { ", uiterlijk klaar op \(DutchWording.date($0))" } ?? ""
        switch entry.measureCount {
        case 0: return entry.measuresDue == nil ? nil : "Maatregelen afgesproken\(due)."
        case 1: return "1 maatregel afgesproken\(due)."
        default: return "\(entry.measureCount) maatregelen afgesproken\(due)."
        }
    }

    /// The draft's to-do list: per point a line, with the references to look at.
    static func toDo(_ report: AnnualReport) -> [String] {
        let list = report.toDo
        func line(_ references: [String], _ what: String) -> String? {
            references.isEmpty ? nil : "\(what) (\(references.count)): " + references.joined(separator: ", ")
        }
        // A text still in brackets is the shipped example or the fallback: the organisation has not written it yet.
        let unwritten = [("report-regeling.md", report.texts.regulation), ("report-communicatie.md", report.texts.communication),
                         ("report-analyse.md", report.texts.analysis ?? "")].filter { $0.1.hasPrefix("(") }.map(\.0)
        return [
            unwritten.isEmpty ? nil : "Eigen tekst nog niet geschreven (in de map met sjablonen): " + unwritten.joined(separator: ", "),
            line(list.uncategorised, "Eerst indelen in een categorie, nu geteld als \"\(ComplaintCategory.uncategorised.label)\""),
            line(list.withoutLocation, "Zonder locatie, nu geteld als \"\(ReportWords.noLocation)\"; geef een locatie, "
                 + "of laat het zo als de klacht niet over één locatie gaat"),
            line(list.withoutReportText, "Zonder tekst voor het jaarverslag; schrijf die met #jaarverslag TEKST "
                 + "of klachtd case REF report-text \"TEKST\""),
            line(list.lateOpen, "Nog zonder oordeel terwijl de termijn verstreken is; telt als te laat"),
            line(list.stillOpen.filter { !list.lateOpen.contains($0) }, "Nog in behandeling, binnen de termijn"),
        ].compactMap { $0 }
    }

    static func draftIntroduction(_ report: AnnualReport) -> String {
        "Dit is het concept van \(DutchWording.date(report.asOf)), voor de kwaliteitsmedewerkers: niet publiceren. "
            + (toDo(report).isEmpty ? "Er staat niets meer open; het verslag kan definitief worden gemaakt."
               : "Werk eerst deze zaken bij; het definitieve verslag (zonder --draft) noemt geen zaaknummers.")
    }
}
