import CaseStore
import ComplaintCore
import Foundation
import KlachtDaemon
import XCTest
import TestMailSupport

/// Two years of complaints for the report tests: 216 messages in 30 shapes at five locations
/// (one of them unnamed), delivered through `klachtd deliver --now`, then judged, closed,
/// withdrawn or referred through the store, as handlers and quality staff would.
final class ReportDataset {
    let fixture: DaemonFixture
    /// What the test itself decided for every complaint, to count independently of the report.
    private(set) var truth: [Expected] = []
    static let parentNames = ["Sanne de Vries", "Mohammed El Amrani", "Anouk Bakker", "Pieter van Dijk", "Fatma Yilmaz",
                              "Joris Hendriks", "Lieke Smit", "Kees Mulder", "Ilse Vermeulen", "Ravi Ramdin", "Emma Bos", "Thijs Kok"]
    static let childNames = ["Daantje", "Noortje", "Liampje", "Saartje", "Finnie", "Yaraatje", "Semmie", "Lottie"]
    static let handlerAddresses = ["behandelaar1@example.test", "behandelaar2@example.test", "behandelaar3@example.test"]
    static let locations: [(name: String?, alias: String)] = [
        ("Morel", "BSO Morel"), ("De Boomgaard", "kdv De Boomgaard"), ("Het Speelhuis", "het Speelhuis"),
        ("Zonnestraal", "Zonnestraal"), (nil, "de opvang"),
    ]
    /// Stored category words and the label the report must print for them.
    static let categories: [(stored: String?, label: String)] = [
        ("communicatie", "Communicatie en bejegening"), ("pedagogisch", "Pedagogisch handelen en kwaliteit van de opvang"),
        ("veiligheid", "Veiligheid en gezondheid"), ("financien", "Financiën, facturatie en toeslag"),
        ("contract", "Contract en plaatsing"), ("planning", "Planning, opvangtijden en ruildagen"),
        ("personeel", "Personeel en bezetting"), ("accommodatie", "Accommodatie, voeding en materiaal"),
        ("oudercommissie", "Oudercommissie en adviesrecht"), ("overig", "Overig"), (nil, "Niet gecategoriseerd"),
        ("iets heel anders", "Overig"),
    ]
    static let extraLocations = """
        [location "Het Speelhuis"]
        handler = behandelaar3@example.test
        aliases = speelhuis, het speelhuis
        [location "Zonnestraal"]
        handler = behandelaar3@example.test
        aliases = zonnestraal
        """

    struct Expected {
        var reference: String
        var year: Int
        var location: String
        var category: String
        var outcome: String
        var isComplaint: Bool
        var closed: Bool
    }

    /// A configuration whose mail servers do not exist: intake works, mail waits in the outbox.
    init(extraConfiguration: String = "") throws {
        fixture = try DaemonFixture(server: .offline, extraConfiguration: Self.extraLocations + "\n" + extraConfiguration)
    }

    func fill(count: Int = 216) throws {
        let start = LocalDate(year: 2025, month: 1, day: 3)
        for i in 0..<count {
            let day = start.adding(days: i * 3)
            let result = try fixture.klachtd(["deliver", "--now", "\(day.iso)T10:00:00Z"], input: Array(Self.message(i).utf8))
            XCTAssertEqual(result.status, 0, result.error)
        }
        try shape()
    }

    /// Message `i`: one of 6 subjects × 5 bodies, three transfer encodings, a parent and a child named.
    static func message(_ i: Int) -> String {
        let parent = parentNames[i % parentNames.count], child = childNames[i % childNames.count]
        let location = locations[i % locations.count].alias
        let address = i % 2 == 0 ? "ouder\(i % 9 + 1)@example.test"
            : parent.lowercased().replacingOccurrences(of: " ", with: ".") + "@ouders.example.test"
        let subjects = ["Klacht over \(location)", "Klacht: ophalen van \(child)", "Ontevreden over \(location)",
                        "Probleem met de ruildagen", "Onvrede over de planning", i % 12 == 5 ? "Compliment voor het team" : "Factuur klopt niet"]
        let bodies = [
            "Beste,\n\n\(child) werd gisteren bij \(location) te laat overgedragen.\nGraag een reactie.\n\n\(parent)",
            "Goedemiddag,\n\nDe factuur van deze maand voor \(location) is te hoog. Wij betalen voor twee dagen te veel.\n\nMet vriendelijke groet,\n\(parent)\n06-12345678",
            "Hallo,\n\nIk ben niet tevreden over de communicatie van \(location). Niemand vertelde ons dat de groep was samengevoegd.\n\(parent)",
            "Geachte heer, mevrouw,\n\nOp \(location) was de ruildag van \(child) niet verwerkt. Dit is de tweede keer.\n\nHoogachtend,\n\(parent)",
            "Wij willen een klacht indienen over \(location): het eten voor \(child) was koud en er was te weinig personeel.",
        ]
        let subject = subjects[(i / 5) % subjects.count]
        let body = bodies[(i / 3) % bodies.count].replacingOccurrences(of: "\n", with: "\r\n")
        var headers = ["From: \(parent) <\(address)>", "To: klachten@example.test", "Subject: \(subject)",
                       "Date: Mon, 16 Nov 2026 09:12:00 +0100", "Message-ID: <report-\(i)-\(UUID().uuidString)@ouders.example.test>",
                       "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8"]
        let encoded: String
        switch i % 3 {
        case 0: headers.append("Content-Transfer-Encoding: 8bit"); encoded = body
        case 1: headers.append("Content-Transfer-Encoding: base64"); encoded = Data(body.utf8).base64EncodedString(options: .lineLength76Characters)
        default: headers.append("Content-Transfer-Encoding: quoted-printable"); encoded = body
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + encoded + "\r\n"
    }

    /// Sets category, outcome, judgement and closing on every case, and remembers what it set.
    private func shape() throws {
        let store = try CaseStore(path: fixture.databasePath)
        let cases = try fixture.cases().sorted { ($0["received_at"] as? String ?? "") < ($1["received_at"] as? String ?? "") }
        for (j, item) in cases.enumerated() {
            guard let referenceText = item["reference"] as? String, let reference = CaseReference(referenceText),
                  let record = try store.caseRecord(reference: reference) else { continue }
            let received = record.receivedAt
            let year = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: received).year ?? 0
            let category = Self.categories[j % Self.categories.count]
            let judged = received.addingTimeInterval(Double(10 + (j * 7) % 45) * 86_400)
            let closing = judged.addingTimeInterval(20 * 86_400)
            var expected = Expected(reference: referenceText, year: year, location: record.location ?? "Algemeen (geen locatie)",
                                    category: category.label, outcome: "nog in behandeling", isComplaint: record.kind == .klacht, closed: false)
            try store.transaction {
                try store.updateCase(caseID: record.id, column: .category, value: category.stored, actor: "kwaliteit@example.test",
                                     reason: nil, rawMessageID: nil, now: received)
                var state = record.state
                func move(_ to: CaseState, _ at: Date) throws {
                    try store.changeState(caseID: record.id, from: state, to: to, actor: "behandelaar1@example.test", action: "test",
                                          reason: "door behandelaar1@example.test", rawMessageID: nil, now: at)
                    state = to
                }
                guard record.kind == .klacht else { return }
                switch j % 7 {
                case 0, 1, 2, 6:
                    let outcome = ["gegrond", "deels gegrond", "ongegrond"][j % 7 % 3]
                    try store.updateCase(caseID: record.id, column: .outcome, value: outcome, actor: "behandelaar1@example.test",
                                         reason: nil, rawMessageID: nil, now: judged)
                    try move(.judgementSent, judged)
                    if j % 7 == 0 {
                        try store.setReportNote(caseID: record.id, .measures, "De overdracht bij het ophalen is opnieuw afgesproken",
                                                actor: "behandelaar1@example.test", now: judged)
                        try store.setReportNote(caseID: record.id, .annualSummary, "Ouder miste informatie bij de overdracht; het team werkt met een overdrachtsformulier.",
                                                actor: "behandelaar1@example.test", now: judged)
                        try store.updateCase(caseID: record.id, column: .measuresDue, value: CivilTime().localDate(of: closing).iso,
                                             actor: "behandelaar1@example.test", reason: nil, rawMessageID: nil, now: judged)
                    }
                    if j % 7 == 6 {
                        try move(.referredGeschillencommissie, closing)
                        try store.setReportNote(caseID: record.id, .disputeOutcome, j % 2 == 0 ? "ongegrond verklaard" : "gegrond verklaard",
                                                actor: "kwaliteit@example.test", now: closing)
                    } else {
                        try move(.closed, closing)
                        expected.closed = true
                    }
                    expected.outcome = outcome
                case 3:
                    try store.updateCase(caseID: record.id, column: .outcome, value: "ingetrokken", actor: "kwaliteit@example.test",
                                         reason: nil, rawMessageID: nil, now: judged)
                    try move(.withdrawn, judged)
                    expected.outcome = "ingetrokken"
                    expected.closed = true
                case 4:
                    try store.updateCase(caseID: record.id, column: .outcome, value: "informeel opgelost", actor: "kwaliteit@example.test",
                                         reason: nil, rawMessageID: nil, now: judged)
                    try move(.closed, closing)
                    expected.outcome = "informeel opgelost"
                    expected.closed = true
                default:
                    break
                }
            }
            truth.append(expected)
        }
    }

    /// Complaints of `year` counted by `key`, computed from what the test set.
    func expectedCounts(year: Int, _ key: (Expected) -> String) -> [String: Int] {
        var counts: [String: Int] = [:]
        for item in truth where item.year == year && item.isComplaint { counts[key(item), default: 0] += 1 }
        return counts
    }

    /// Every name and address in the data: none may appear in a report.
    static var personalStrings: [String] {
        var strings = parentNames + childNames + handlerAddresses + (1...9).map { "ouder\($0)@example.test" }
        strings += parentNames.map { $0.lowercased().replacingOccurrences(of: " ", with: ".") + "@ouders.example.test" }
        strings += ["kwaliteit@example.test", "06-12345678"]
        return strings
    }

    /// Whether `text` holds anything shaped like an email address.
    static func containsAddress(_ text: String) -> Bool {
        text.range(of: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+"#, options: .regularExpression) != nil
    }
}
