import Foundation
import XCTest
import TestMailSupport

/// Issue 18 (the annual report) and the report content of issue 20: one year of complaints as
/// parents send them (Gmail, iPhone, Outlook, Samsung), handled through `klachtd case`, and the
/// report of that year made on 12 January of the next, as the draft and as the final text, in
/// Markdown and HTML, from a real SQLite store.
///
/// The year: a complaint judged in time with a measure that is never carried out, one the
/// parent withdrew, one without a location judged too late, one still open long past its term,
/// one still open within it, and one taken under the meldcode; the year before has one complaint.
final class AnnualReportYearTests: XCTestCase {
    nonisolated(unsafe) static var shared: Year?

    struct Year {
        let fixture: DaemonFixture
        /// Reference per role in the story: judged, withdrawn, noLocation, lateOpen, open, meldcode, previous.
        let references: [String: String]
    }

    /// What the handlers wrote for the parent or the file, naming a staff member: never in the report.
    static let staffWords = ["Anna", "juf", "Bram"]
    static let judgedText = "Een ouder kreeg bij het ophalen geen overdracht over de dag. De klacht is gegrond; het team spreekt de overdracht opnieuw af."
    static let withdrawnText = "Een ouder vroeg om een andere ruildag; na een gesprek heeft de ouder de klacht ingetrokken."

    func year() throws -> Year {
        if let shared = Self.shared { return shared }
        // The base configuration ends in the section of De Boomgaard: this line gives it its LRK number.
        let fixture = try DaemonFixture(server: .offline, extraConfiguration: "lrk = 234567891\n")
        var references: [String: String] = [:]
        func deliver(_ role: String, _ message: String, at moment: String) throws {
            let before = Set(try fixture.cases().compactMap { $0["reference"] as? String })
            try fixture.deliver(message, at: moment)
            let after = Set(try fixture.cases().compactMap { $0["reference"] as? String })
            references[role] = try XCTUnwrap(after.subtracting(before).first, "a case for \(role)")
        }
        func run(_ role: String, _ arguments: [String], at moment: String) throws {
            let reference = try XCTUnwrap(references[role])
            let result = try fixture.klachtd(["case", reference] + arguments + ["--now", moment])
            XCTAssertEqual(result.status, 0, "\(role) \(arguments): \(result.error) \(result.output)")
        }
        try deliver("previous", Self.gmail(from: "Lieke Smit <lieke.smit@gmail.com>", subject: "Klacht over BSO Morel",
                                           body: "Beste,\n\nOnze dochter werd bij BSO Morel niet opgehaald van school.\n\nLieke Smit"),
                    at: "2025-11-10T08:30:00Z")
        try run("previous", ["judge", "ongegrond", "--reasons", "Wij hebben de lijsten nagekeken."], at: "2025-11-28T10:00:00Z")

        try deliver("judged", Self.gmail(from: "Sanne de Vries <sanne.devries@gmail.com>", subject: "Klacht over de overdracht bij BSO Morel",
                                         body: "Beste,\n\nGisteren kreeg ik bij BSO Morel geen enkele overdracht van juf Anna.\n\nSanne"),
                    at: "2026-02-02T08:12:00Z")
        try run("judged", ["category", "communicatie"], at: "2026-02-03T09:00:00Z")
        try run("judged", ["judge", "gegrond", "--reasons", "Juf Anna heeft de overdracht overgeslagen.",
                           "--measure", "Juf Anna bespreekt de overdracht met Bram, de locatiemanager", "--term", "2026-03-31"],
                at: "2026-02-20T10:00:00Z")
        try run("judged", ["report-text", Self.judgedText], at: "2026-02-20T10:05:00Z")

        try deliver("withdrawn", Self.iPhone(from: "Pieter van Dijk <p.vandijk@icloud.com>", subject: "Klacht ruildag bso morel",
                                             body: "Hoi,\n\nDe ruildag bij bso morel is weer niet verwerkt. Ik wil hier een klacht over indienen.\n\nPieter"),
                    at: "2026-03-02T07:45:00Z")
        try run("withdrawn", ["category", "planning"], at: "2026-03-03T09:00:00Z")
        try run("withdrawn", ["withdraw", "--reason", "Uitgesproken met juf Anna op de groep"], at: "2026-03-10T09:00:00Z")
        try run("withdrawn", ["report-text", Self.withdrawnText], at: "2026-03-10T09:05:00Z")

        try deliver("noLocation", Self.samsung(from: "Fatma Yilmaz <fatma.yilmaz@hotmail.com>", subject: "Klacht factuur",
                                               body: "Goedemiddag,\n\nDe factuur van april is te hoog, ik betaal twee dagen te veel. Ik wil daar een klacht over indienen.\n\nFatma Yilmaz"),
                    at: "2026-05-04T11:20:00Z")
        try run("noLocation", ["category", "financien"], at: "2026-05-05T09:00:00Z")
        try run("noLocation", ["judge", "ongegrond", "--reasons", "De factuur klopt; Bram heeft het nagerekend."], at: "2026-07-01T10:00:00Z")

        try deliver("meldcode", Self.gmail(from: "Kees Mulder <kees.mulder@gmail.com>", subject: "Klacht over BSO Morel",
                                           body: "Beste,\n\nIk maak me zorgen over wat mijn zoon over BSO Morel vertelt.\n\nKees"),
                    at: "2026-06-09T08:00:00Z")
        try run("meldcode", ["meldcode", "--reason", "Signaal volgens de meldcode"], at: "2026-06-09T09:00:00Z")

        try deliver("lateOpen", Self.outlook(from: "Ilse Vermeulen <ilse.vermeulen@outlook.com>", subject: "Klacht over kdv De Boomgaard",
                                             body: "Geachte heer, mevrouw,\n\nBij kdv De Boomgaard is de slaapkamer al weken te warm. Ik dien hierbij een klacht in.\n\nMet vriendelijke groet,\nIlse Vermeulen"),
                    at: "2026-10-01T09:00:00Z")

        try deliver("open", Self.gmail(from: "Emma Bos <emma.bos@gmail.com>", subject: "Klacht over BSO Morel",
                                       body: "Beste,\n\nDe kerstviering bij BSO Morel was slecht georganiseerd, ik wil een klacht indienen.\n\nEmma"),
                    at: "2026-12-20T10:00:00Z")
        let year = Year(fixture: fixture, references: references)
        Self.shared = year
        return year
    }

    func report(_ year: Year, _ arguments: [String]) throws -> (output: String, error: String) {
        let result = try year.fixture.klachtd(["report", "--year", "2026", "--now", "2027-01-12T09:00:00Z"] + arguments)
        XCTAssertEqual(result.status, 0, result.error)
        return (result.output, result.error)
    }

    func testTheFinalReportSaysWhatHappenedWithoutRawTextOrReferences() throws {
        let year = try year()
        let (markdown, warning) = try report(year, [])
        // A withdrawal is no judgement.
        XCTAssertTrue(markdown.contains("**Planning, opvangtijden en ruildagen**: De ouder heeft de klacht ingetrokken. " + Self.withdrawnText), markdown)
        XCTAssertFalse(markdown.contains("Oordeel: ingetrokken"), markdown)
        // The measure's term once, in Dutch; its text (written for the parent, naming staff) not at all.
        XCTAssertTrue(markdown.contains("**Communicatie en bejegening**: Oordeel: gegrond. " + Self.judgedText
                                        + " 1 maatregel afgesproken, uiterlijk klaar op 31 maart 2026."), markdown)
        XCTAssertFalse(markdown.contains("2026-03-31"), markdown)
        for word in Self.staffWords { XCTAssertFalse(markdown.contains(word), "'\(word)' from a handler's text in the report") }
        // One judged in time, one judged late, one still open long past its term: 1 of 3.
        XCTAssertTrue(markdown.contains("Bij het opstellen van dit verslag, op 12 januari 2027, wachtte nog 1 klacht op een oordeel "
                                        + "terwijl de termijn al verstreken was; die telt als te laat."), markdown)
        XCTAssertTrue(markdown.contains("Van deze 3 klachten is er 1 (33%) binnen de wettelijke termijn"), markdown)
        // Singular and plural.
        XCTAssertTrue(markdown.contains("1 melding is volgens de meldcode behandeld; die wordt hier niet beschreven."), markdown)
        XCTAssertTrue(markdown.contains("In 2026 kwamen 4 klachten meer binnen dan in 2025."), markdown)
        // The rows without a category or a location are explained, and no case is named.
        XCTAssertTrue(markdown.contains("Niet gecategoriseerd: klachten die bij het opstellen van dit verslag nog niet in een categorie waren ingedeeld."), markdown)
        XCTAssertTrue(markdown.contains("Algemeen (geen locatie): een klacht die niet over één locatie gaat"), markdown)
        XCTAssertNil(markdown.range(of: "KL-20"), "no case reference in the final report")
        XCTAssertFalse(markdown.contains("Nog te doen"))
        // LRK number of the location that has one; the organisation's analysis section.
        XCTAssertTrue(markdown.contains("### De Boomgaard (1 klacht)\n\nLRK-nummer 234567891\n"), markdown)
        XCTAssertTrue(markdown.contains("## Analyse en verbeteringen"), markdown)
        // The operator is told that the final report still has open points.
        XCTAssertTrue(warning.contains("2 without a category, 1 without a location, 3 without a report text, 2 still open"), warning)
    }

    func testTheDraftListsTheCasesToDealWithFirst() throws {
        let year = try year()
        let refs = year.references
        let (markdown, _) = try report(year, ["--draft"])
        func line(_ start: String, _ roles: [String]) -> String {
            "\(start) (\(roles.count)): " + roles.compactMap { refs[$0] }.joined(separator: ", ")
        }
        XCTAssertTrue(markdown.hasPrefix("# Concept: Klachtenjaarverslag 2026"), markdown)
        XCTAssertTrue(markdown.contains(line("- Eerst indelen in een categorie, nu geteld als \"Niet gecategoriseerd\"", ["lateOpen", "open"])), markdown)
        XCTAssertTrue(markdown.contains(line("- Zonder locatie, nu geteld als \"Algemeen (geen locatie)\"; geef een locatie, of laat het zo "
                                             + "als de klacht niet over één locatie gaat", ["noLocation"])), markdown)
        XCTAssertTrue(markdown.contains(line("- Zonder tekst voor het jaarverslag; schrijf die met #jaarverslag TEKST of klachtd case REF "
                                             + "report-text \"TEKST\"", ["noLocation", "lateOpen", "open"])), markdown)
        XCTAssertTrue(markdown.contains(line("- Nog zonder oordeel terwijl de termijn verstreken is; telt als te laat", ["lateOpen"])), markdown)
        XCTAssertTrue(markdown.contains(line("- Nog in behandeling, binnen de termijn", ["open"])), markdown)
        XCTAssertTrue(markdown.contains("- Eigen tekst nog niet geschreven (in de map met sjablonen): report-analyse.md\n"),
                      "the shipped analysis text is still to be written: \(markdown)")
        for word in Self.staffWords { XCTAssertFalse(markdown.contains(word), "'\(word)' in the draft") }
    }

    func testTheHTMLReportIsWellFormedAndRendersInABrowser() throws {
        let year = try year()
        for draft in [false, true] {
            let path = year.fixture.directory + "/jaarverslag-2026\(draft ? "-concept" : "").html"
            _ = try report(year, ["--format", "html", "--out", path] + (draft ? ["--draft"] : []))
            let html = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertTrue(html.contains("De ouder heeft de klacht ingetrokken."))
            XCTAssertTrue(html.contains("1 maatregel afgesproken, uiterlijk klaar op 31 maart 2026."))
            XCTAssertTrue(html.contains("<p class=\"lrk\">LRK-nummer 234567891</p>"))
            XCTAssertEqual(html.contains("KL-2026-"), draft, "references only in the draft")
            for word in Self.staffWords { XCTAssertFalse(html.contains(word), "'\(word)' in the HTML report") }
            let check = try Subprocess.run(["python3", "-c", "import sys, xml.etree.ElementTree as ET; ET.parse(sys.argv[1]); print('ok')", path])
            XCTAssertEqual(check.output.trimmingCharacters(in: .whitespacesAndNewlines), "ok", check.error)
            try screenshot(path)
        }
    }

    /// The quarterly overview of the next quarter shows the measure that was due on 31 March 2026 and never carried out.
    func testTheQuarterlyOverviewShowsAMeasureAYearLate() throws {
        let year = try year()
        let result = try year.fixture.klachtd(["overview", "--quarter", "2027Q1", "--now", "2027-01-12T09:00:00Z"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.contains("- Maatregelen over hun termijn en niet uitgevoerd op 12 januari 2027: 1 (bij 1 klacht)"), result.output)
        let done = try year.fixture.klachtd(["case", try XCTUnwrap(year.references["judged"]), "measure-done", "1", "--now", "2027-01-13T09:00:00Z"])
        XCTAssertEqual(done.status, 0, done.error)
        let after = try year.fixture.klachtd(["overview", "--quarter", "2027Q1", "--now", "2027-01-14T09:00:00Z"])
        XCTAssertTrue(after.output.contains("- Maatregelen over hun termijn en niet uitgevoerd op 14 januari 2027: 0"), after.output)
        let before = try year.fixture.klachtd(["overview", "--quarter", "2026Q2", "--now", "2027-01-14T09:00:00Z"])
        XCTAssertTrue(before.output.contains("- Maatregelen over hun termijn en niet uitgevoerd op 30 juni 2026: 1 (bij 1 klacht)"),
                      "done in 2027, so still late at the end of 2026Q2: \(before.output)")
        Self.shared = nil  // the measure is done now: the next test builds the year again
    }

    /// A report text is published: one with the parent's name, an e-mail address or a phone number is refused, and the old text stays.
    func testAReportTextWithANameAddressOrNumberIsRefused() throws {
        let year = try year()
        let reference = try XCTUnwrap(year.references["judged"])
        for (text, problem) in [("Sanne vond de overdracht te kort.", "noemt 'sanne' (de naam van de ouder)"),
                                ("De ouder (s.devries@gmail.com) miste de overdracht.", "bevat een e-mailadres"),
                                ("De ouder is teruggebeld op 06-12345678.", "bevat een telefoonnummer")] {
            let result = try year.fixture.klachtd(["case", reference, "report-text", text, "--now", "2027-01-12T10:00:00Z"])
            XCTAssertEqual(result.status, 1, result.output)
            XCTAssertTrue(result.error.contains("#jaarverslag: de tekst \(problem)"), result.error)
        }
        XCTAssertTrue(try report(year, []).output.contains(Self.judgedText), "the text written before stays")
        XCTAssertEqual(try year.fixture.caseDetail(reference)["report_text"] as? String, Self.judgedText)
        let open = try year.fixture.klachtd(["case", try XCTUnwrap(year.references["open"])])
        XCTAssertTrue(open.output.contains("  jaarverslag:       (nog geen tekst: #jaarverslag TEKST"), open.output)
    }

    /// Headless Chromium renders the page; the screenshot is kept for a person to look at
    /// ($KLACHTD_REPORT_SCREENSHOTS names the folder) and must not be blank.
    private func screenshot(_ path: String) throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("no Chromium installed")
        }
        let folder = ProcessInfo.processInfo.environment["KLACHTD_REPORT_SCREENSHOTS"] ?? NSTemporaryDirectory()
        let png = folder + "/" + URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + ".png"
        try? FileManager.default.removeItem(atPath: png)
        let result = try Subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                         "--user-data-dir=" + NSTemporaryDirectory() + "klachtd-chromium-\(UUID().uuidString.prefix(8))",
                                         "--screenshot=" + png, "--window-size=1200,3000", "file://" + path])
        XCTAssertEqual(result.status, 0, result.error)
        let size = (try? FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
        XCTAssertGreaterThan(size, 50_000, "a rendered page, not a blank one: \(png)")
    }

    // MARK: messages as the clients send them

    static func gmail(from: String, subject: String, body: String) -> String {
        let boundary = "000000000000\(UUID().uuidString.prefix(12).lowercased())"
        let text = body.replacingOccurrences(of: "\n", with: "\r\n")
        return """
            MIME-Version: 1.0\r
            Date: Mon, 2 Feb 2026 09:12:00 +0100\r
            Message-ID: <CA+\(UUID().uuidString)@mail.gmail.com>\r
            Subject: \(subject)\r
            From: \(from)\r
            To: klachten@example.test\r
            Content-Type: multipart/alternative; boundary="\(boundary)"\r
            \r
            --\(boundary)\r
            Content-Type: text/plain; charset="UTF-8"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(Data(text.utf8).base64EncodedString(options: .lineLength76Characters))\r
            --\(boundary)\r
            Content-Type: text/html; charset="UTF-8"\r
            \r
            <div dir="ltr">\(text.replacingOccurrences(of: "\r\n", with: "<br>"))</div>\r
            --\(boundary)--\r

            """
    }

    static func iPhone(from: String, subject: String, body: String) -> String {
        """
        From: \(from)\r
        Content-Type: text/plain; charset=utf-8\r
        Content-Transfer-Encoding: quoted-printable\r
        Mime-Version: 1.0 (1.0)\r
        Date: Mon, 2 Mar 2026 08:45:00 +0100\r
        Subject: \(subject)\r
        Message-Id: <\(UUID().uuidString)@icloud.com>\r
        To: klachten@example.test\r
        X-Mailer: iPhone Mail (21F90)\r
        \r
        \(body.replacingOccurrences(of: "\n", with: "\r\n"))\r
        \r
        Verstuurd vanaf mijn iPhone\r

        """
    }

    static func outlook(from: String, subject: String, body: String) -> String {
        let qp = body.replacingOccurrences(of: "\n", with: "\r\n").replacingOccurrences(of: "=", with: "=3D")
        return """
            From: \(from)\r
            To: "klachten@example.test" <klachten@example.test>\r
            Subject: \(subject)\r
            Thread-Topic: \(subject)\r
            Date: Thu, 1 Oct 2026 09:00:00 +0000\r
            Message-ID: <AM0PR07MB\(UUID().uuidString.prefix(8))@AM0PR07MB.eurprd07.prod.outlook.com>\r
            Accept-Language: nl-NL, en-US\r
            Content-Language: nl-NL\r
            X-MS-Has-Attach:\r
            Content-Type: text/plain; charset="iso-8859-1"\r
            Content-Transfer-Encoding: quoted-printable\r
            MIME-Version: 1.0\r
            \r
            \(qp)\r

            """
    }

    static func samsung(from: String, subject: String, body: String) -> String {
        """
        Date: Mon, 04 May 2026 13:20:00 +0200\r
        Subject: \(subject)\r
        Message-ID: <\(UUID().uuidString)@email.android.com>\r
        X-Android-Message-ID: <\(UUID().uuidString)@email.android.com>\r
        From: \(from)\r
        To: klachten@example.test\r
        MIME-Version: 1.0\r
        Content-Type: text/plain; charset=utf-8\r
        Content-Transfer-Encoding: 8bit\r
        \r
        \(body.replacingOccurrences(of: "\n", with: "\r\n"))\r
        \r
        Verzonden vanaf mijn Galaxy\r

        """
    }
}
