/// The sentences the report formats share, so Markdown and HTML say the same.
enum ReportSentences {
    static func title(_ report: AnnualReport) -> String { "Klachtenjaarverslag \(report.year)" }

    static func introduction(_ report: AnnualReport) -> String {
        "Dit verslag beschrijft de klachten die ouders in \(report.year) bij \(report.organisation) hebben ingediend, "
            + "per locatie, met de strekking van de oordelen en de aard van de maatregelen, zoals artikel 1.57b van de "
            + "Wet kinderopvang vraagt. Het gaat voor 1 juni \(report.year + 1) naar de GGD en tegelijk naar de ouders "
            + "en de oudercommissies. Niets in dit verslag is tot een persoon te herleiden."
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
                + "behandeld; die worden hier niet beschreven."
        }
        return text
    }

    /// The plural of a kind of customer reaction ("onvrede" has none).
    static func plural(_ kind: String) -> String {
        ["klacht": "klachten", "verbeterpunt": "verbeterpunten", "vraag": "vragen", "suggestie": "suggesties",
         "compliment": "complimenten"][kind] ?? kind
    }

    static func handling(_ times: HandlingTimes, year: Int) -> String {
        guard times.judged > 0 else { return "Over de klachten van \(year) is nog geen oordeel gegeven." }
        return "Over \(DutchWording.count(times.judged, "klacht", "klachten")) van \(year) is een schriftelijk oordeel gegeven. "
            + "De mediane doorlooptijd van ontvangst tot oordeel was \(DutchWording.days(times.medianDays)); "
            + "\(times.withinSixWeeks) van de \(times.judged) (\(DutchWording.percent(times.shareWithinSixWeeks))) "
            + "binnen de wettelijke termijn van zes weken (een termijn die op een zaterdag, zondag of feestdag eindigt, "
            + "loopt volgens de Algemene termijnenwet door tot de eerstvolgende werkdag)."
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
        let direction = change == 0 ? "evenveel klachten als" : change > 0 ? "\(change) meer klachten dan" : "\(-change) minder klachten dan"
        return "In \(report.year) kwamen \(direction) in \(previous.year). "
            + "Binnen zes weken beoordeeld: \(DutchWording.percent(report.handling.shareWithinSixWeeks)) "
            + "(\(previous.year): \(DutchWording.percent(previous.handling.shareWithinSixWeeks))); mediane doorlooptijd "
            + "\(DutchWording.days(report.handling.medianDays)) (\(previous.year): \(DutchWording.days(previous.handling.medianDays)))."
    }

    /// One judgement in one line: category, outcome, measures with their term, and the handler's summary.
    static func judgement(_ entry: JudgementEntry) -> (head: String, detail: String) {
        var detail = entry.outcome == .pending ? "Nog in behandeling." : "Oordeel: \(entry.outcome.label)."
        if let measures = entry.measures, !measures.isEmpty {
            detail += " Maatregel: \(measures)" + (entry.measuresDue.map { " (termijn: \(DutchWording.date($0)))" } ?? "") + "."
        } else if let due = entry.measuresDue {
            detail += " Maatregelen gerealiseerd uiterlijk \(DutchWording.date(due))."
        }
        if let summary = entry.summary, !summary.isEmpty { detail += " " + summary }
        return (entry.category.label, detail)
    }
}
