import CaseStore
import ComplaintCore
import Foundation
import KlachtConfig
@testable import KlachtDaemon
import MailTemplates
import XCTest

/// Issue 18: what the letters say, pinned beside the table that renders them all: the plain
/// meaning of each outcome, who signs, the two escalation letters, the form of address per
/// location, and the kinds as grammatical nouns.
extension LetterTableTests {
    /// Issue 18: one salutation in every letter to a parent, one form of address per letter
    /// (u or je, as the location says; je to colleagues), gender-neutral, and kinds as grammatical nouns.
    func checkWording(_ mail: RenderedMail, label: String, toParent: Bool, english: Bool, informal: Bool, named: Bool,
                      quotesParentLetter: Bool = false) {
        let text = mail.subject + "\n" + mail.body
        for wrong in ["Geachte", "heer/mevrouw", "ouder/verzorger", "Sir or Madam", "gaf zij", "heeft zij", "zij heeft", "hem of haar",
                      "een nieuwe compliment", "een nieuwe verbeterpunt", "Nieuwe compliment", "Nieuwe verbeterpunt", "deze compliment",
                      "deze verbeterpunt", "de compliment", "de verbeterpunt", "het klacht", "het vraag", "het suggestie", "dit klacht",
                      "dit vraag", "dit suggestie", "de onvrede", "een nieuwe onvrede", "deze onvrede", "Nieuwe onvrede", "uw onvrede",
                      "je onvrede", "Gerealiseerd uiterlijk", "Wij wijzen u er nogmaals op", "neemt de zaak verder op"] {
            XCTAssertFalse(Self.containsWords(text, wrong), "\(label): '\(wrong)' in\n\(text)")
        }
        if toParent {
            let salutation = english ? (named ? "Dear Sanne de Vries," : "Dear parent or carer,")
                                     : (named ? "Beste Sanne de Vries," : "Beste ouder of verzorger,")
            XCTAssertEqual(mail.body.split(separator: "\n").first.map(String.init), salutation, "\(label): the salutation")
        }
        // The second reader's mail shows the parent's letter as it is: in the parent's form of address.
        guard !english, !quotesParentLetter else { return }
        let words = Set(text.split(whereSeparator: { !$0.isLetter }).map { $0.lowercased() })
        // A colleague and a parent of a je-location are addressed with je; any other parent with u.
        let polite = toParent && !informal
        let stray = polite ? words.intersection(["je", "jij", "jou", "jouw", "heb", "kun", "wil"])
                           : words.intersection(["u", "uw"])
        XCTAssertTrue(stray.isEmpty, "\(label): \(polite ? "u" : "je") form, but \(stray.sorted()) in\n\(text)")
    }

    /// Whether `phrase` is in `text` as whole words ("het klacht", not "het klachtengeld").
    private static func containsWords(_ text: String, _ phrase: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: phrase) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            if !(before?.isLetter ?? false), !(after?.isLetter ?? false) { return true }
            rest = text[range.upperBound...]
        }
        return false
    }

    private func letter(_ name: String, location: String, kind: MessageKind = .klacht, named: Bool = true,
                        extra: MailRenderer.Extra, runtime: Runtime) throws -> RenderedMail {
        let store = try runtime.openStore()
        let profile = try XCTUnwrap(runtime.configuration.locations.first { $0.name == location })
        let record = try insert(kind: kind, state: .judgementSent, location: profile,
                                received: try Date(Self.receivedMoments[1], strategy: .iso8601), named: named, runtime: runtime, store: store)
        let audience: Audience = MailTemplateCatalog.parentLetters.contains(name) ? .complainant : .handler
        return try MailRenderer(runtime: runtime, store: store).render(TemplateName(rawValue: name), to: audience, caseRecord: record, recipient: profile.handler,
                                                                       extra: extra)
    }

    private func judgement(_ outcome: JudgementOutcome, english: Bool) -> MailRenderer.Extra {
        ["judgement": ["outcome": .string(outcome.label(english: english)), "reasons": "Uit het gesprek met het team blijkt ...",
                       "measures": [], "upheld": .bool(outcome == .upheld), "partly_upheld": .bool(outcome == .partlyUpheld),
                       "not_upheld": .bool(outcome == .unfounded)]]
    }

    func testJudgementLetterSaysWhatEachOutcomeMeansAndTheHandlerSignsIt() throws {
        let runtime = try runtime()
        let meanings: [(String, JudgementOutcome, String, Bool)] = [
            ("Morel", .upheld, "Dat betekent: u hebt gelijk.", true),
            ("Morel", .partlyUpheld, "Dat betekent: u hebt voor een deel gelijk.", true),
            ("Morel", .unfounded, "Dat betekent: wij vinden niet dat wij het verkeerd hebben gedaan.", false),
            ("Vlinder", .upheld, "Dat betekent: je hebt gelijk.", true),
            ("Vlinder", .unfounded, "Wij begrijpen dat je dat misschien anders ziet.", false),
            ("Kids Club", .upheld, "This means: you are right.", true),
            ("Kids Club", .unfounded, "This means: we do not think we did anything wrong.", false),
        ]
        for (location, outcome, meaning, apology) in meanings {
            let body = try letter("judgement-letter", location: location, extra: judgement(outcome, english: location == "Kids Club"),
                                  runtime: runtime).body
            XCTAssertTrue(body.contains(meaning), "\(location) \(outcome): \(body)")
            XCTAssertEqual(body.contains("excuses") || body.contains("apologise"), apology, "\(location) \(outcome): \(body)")
            // First an invitation to reply, then where else to go; the fee and the exclusion for injury damage (seed 001).
            let reply = try XCTUnwrap(body.range(of: location == "Kids Club" ? "Please tell us first" : "Laat het ons dan eerst weten"))
            let loket = try XCTUnwrap(body.range(of: "Klachtenloket Kinderopvang"))
            XCTAssertLessThan(reply.lowerBound, loket.lowerBound, body)
            XCTAssertTrue(body.contains("klachtengeld") && (body.contains("letsel") || body.contains("bodily injury")), body)
            XCTAssertFalse(body.contains("Gerealiseerd"), body)
        }
        let signed = try letter("judgement-letter", location: "Morel", extra: judgement(.upheld, english: false), runtime: runtime).body
        XCTAssertTrue(signed.hasSuffix("Met vriendelijke groet,\n\nAnna de Wit\nlocatiemanager, Morel\nKinderopvang De Vlinder\nklachten@example.test\n"), signed)
        let unnamed = try letter("judgement-letter", location: "Zorgboerderij", extra: judgement(.upheld, english: false), runtime: runtime).body
        XCTAssertTrue(unnamed.contains("De behandelaar van uw klacht (zorg@example.test)\nKinderopvang De Vlinder"), unnamed)
        XCTAssertFalse(unnamed.contains("Klachtenloket"), "the Wkkgz names its own bodies")
    }

    func testEscalationInformationSaysWhetherTheParentWasNotSatisfiedOrDidNotAnswer() throws {
        let runtime = try runtime()
        func escalation(_ location: String, notSatisfied: Bool) throws -> String {
            try letter("escalation-information", location: location, extra: ["satisfaction": [
                "not_satisfied": .bool(notSatisfied), "no_answer": .bool(!notSatisfied)]], runtime: runtime).body
        }
        let unhappy = try escalation("Morel", notSatisfied: true)
        XCTAssertTrue(unhappy.contains("U liet ons weten dat u niet tevreden bent"), unhappy)
        XCTAssertFalse(unhappy.contains("nog niets van u gehoord"), unhappy)
        let silent = try escalation("Morel", notSatisfied: false)
        XCTAssertTrue(silent.contains("Wij hebben nog niets van u gehoord."), silent)
        XCTAssertFalse(silent.contains("niet tevreden bent over"), "a parent who did not answer is not told they are dissatisfied")
        XCTAssertTrue(try escalation("Vlinder", notSatisfied: true).contains("Je liet ons weten dat je niet tevreden bent"))
        XCTAssertTrue(try escalation("Kids Club", notSatisfied: false).contains("We have not heard from you yet."))
        let notice = try letter("dissatisfaction-notice", location: "Morel", extra: ["reminder": ["description": "Geen antwoord."],
            "satisfaction": ["answer": "geen antwoord", "asked_date": "maandag 4 januari 2027", "text": "", "not_satisfied": false,
                             "no_answer": true]], runtime: runtime).body
        XCTAssertTrue(notice.contains("jij beslist"), notice)
        XCTAssertFalse(notice.contains(" zij "), "gender-neutral: \(notice)")
    }

    func testAddressFormFollowsTheLocationElseTheOrganisationAndColleaguesGetJe() throws {
        let runtime = try runtime()
        let polite = try letter("acknowledgement", location: "Morel", extra: [:], runtime: runtime)
        XCTAssertTrue(polite.body.contains("Dank u wel voor uw bericht"), polite.body)
        XCTAssertEqual(polite.subject.prefix(30), "Wij hebben uw klacht ontvangen")
        let familiar = try letter("acknowledgement", location: "Vlinder", extra: [:], runtime: runtime)
        XCTAssertTrue(familiar.body.contains("Dank je wel voor je bericht"), familiar.body)
        XCTAssertTrue(familiar.body.contains("Noor Visser, vestigingsmanager van Vlinder, behandelt je klacht."), familiar.body)
        for location in ["Morel", "Vlinder"] {
            let staff = try letter("handler-assignment", location: location, extra: ["case": ["text": "Tekst."]], runtime: runtime)
            XCTAssertTrue(staff.subject.hasPrefix("Nieuwe klacht voor jou in behandeling"), staff.subject)
        }
        // The organisation's form applies where the location says nothing; a location may still choose u.
        let configuration = try unitTestConfiguration(directory: directory, sections: """
            [location "Morel"]
            handler = leiding.morel@example.test
            [location "Eik"]
            handler = eik@example.test
            address_form = u
            """)
        var organisation = configuration
        organisation.organisation.addressForm = .je
        let informal = try Runtime(configuration: organisation, clock: Clock(fixed: try Date("2027-01-05T10:00:00+01:00", strategy: .iso8601)))
        XCTAssertTrue(try letter("progress-update", location: "Morel", extra: ["update": ["text": ""]], runtime: informal).body
            .contains("Wij laten je graag weten hoe het staat met je klacht"))
        XCTAssertTrue(try letter("progress-update", location: "Eik", extra: ["update": ["text": ""]], runtime: informal).body
            .contains("Wij laten u graag weten hoe het staat met uw klacht"))
    }

    func testKindsAreNamedAsGrammaticalNouns() throws {
        let runtime = try runtime()
        let expected: [(MessageKind, String, String, String)] = [
            (.klacht, "Nieuwe klacht voor jou", "een nieuwe klacht", "Bij deze klacht"),
            (.onvrede, "Nieuwe klacht voor jou", "een nieuwe klacht", "Bij deze klacht"),
            (.vraag, "Nieuwe vraag voor jou", "een nieuwe vraag", "Bij deze vraag"),
            (.suggestie, "Nieuwe suggestie voor jou", "een nieuwe suggestie", "Bij deze suggestie"),
            (.compliment, "Nieuw compliment voor jou", "een nieuw compliment", "Bij dit compliment"),
            (.verbeterpunt, "Nieuw verbeterpunt voor jou", "een nieuw verbeterpunt", "Bij dit verbeterpunt"),
        ]
        for (kind, subject, phrase, unassigned) in expected {
            let forms = KindWording.forms(kind, english: false)
            func text(_ value: TemplateValue?) -> String? { if case .string(let text)? = value { text } else { nil } }
            XCTAssertEqual(text(forms["new_capitalised"]).map { "\($0) voor jou" }, subject, "\(kind)")
            XCTAssertEqual(text(forms["a_new"]), phrase, "\(kind)")
            if kind.startsStatutoryClock {
                // Only a complaint goes to handler-assignment; the other kinds have their own notices.
                let mail = try letter("handler-assignment", location: "Morel", kind: kind, extra: ["case": ["text": "Tekst."]], runtime: runtime)
                XCTAssertTrue(mail.subject.hasPrefix(subject), "\(kind): \(mail.subject)")
                XCTAssertTrue(mail.body.contains(phrase), "\(kind): \(mail.body)")
            }
            let quality = try letter("quality-unassigned", location: "Morel", kind: kind, extra: ["case": ["text": "Tekst."]], runtime: runtime)
            XCTAssertTrue(quality.body.contains(unassigned), "\(kind): \(quality.body)")
        }
        XCTAssertEqual(KindWording.forms(.verbeterpunt, english: false)["the"], "het verbeterpunt")
        XCTAssertEqual(KindWording.forms(.onvrede, english: false)["this"], "deze klacht")
        XCTAssertEqual(KindWording.forms(.verbeterpunt, english: true)["a_new"], "a new point for improvement")
        let english = try letter("handler-message", location: "Kids Club", kind: .compliment, extra: ["message": ["text": "Thank you!"]],
                                 runtime: runtime)
        XCTAssertEqual(english.subject.prefix(32), "A message about your compliment ")
    }

    func testEveryParentLetterHasItsJeTextAndTheShippedTemplatesHaveNoProblem() throws {
        let runtime = try runtime()
        XCTAssertEqual(MailTemplateCatalog.parentLetters.count, 19)
        for name in MailTemplateCatalog.parentLetters {
            XCTAssertFalse(runtime.templatesInformal.fallbackNames.contains(name), "nl-je/\(name).txt is missing")
        }
        XCTAssertEqual(ConfigurationCheck.templateProblems(runtime), [])
    }

    /// A templates folder without the je text of a letter is a check-config problem once a location uses je.
    func testCheckConfigNamesAJeLetterThatIsMissing() throws {
        let folder = directory + "/Templates"
        try FileManager.default.copyItem(atPath: Runtime.shippedTemplatesDirectory(), toPath: folder)
        try FileManager.default.removeItem(atPath: folder + "/nl-je/judgement-letter.txt")
        var configuration = try runtime().configuration
        configuration.templatesDirectory = folder
        let problems = ConfigurationCheck.templateProblems(try Runtime(configuration: configuration))
        XCTAssertEqual(problems.count, 1, "\(problems)")
        XCTAssertTrue(problems.first?.hasPrefix("nl-je/judgement-letter.txt is missing") ?? false, "\(problems)")
        configuration.locations = configuration.locations.map { var location = $0; location.addressForm = nil; return location }
        XCTAssertEqual(ConfigurationCheck.templateProblems(try Runtime(configuration: configuration)), [], "nobody is addressed with je")
    }

    /// The acknowledgement and the judgement letter as a parent receives them (u form), from the
    /// daemon's own renderer; with KLACHTD_SAMPLE_LETTERS=FILE they are written there for the README.
    func testSampleLettersForTheReadme() throws {
        let runtime = try runtime()
        let english = false
        let acknowledgement = try letter("acknowledgement", location: "Morel", extra: [:], runtime: runtime)
        func date(_ iso: String) -> TemplateValue { .string(DateWording.format(LocalDate(iso: iso)!, english: english)) }
        let judgement = try letter("judgement-letter", location: "Morel", extra: ["judgement": [
            "outcome": "gegrond", "upheld": true, "partly_upheld": false, "not_upheld": false,
            "reasons": """
                Wij hebben met u gesproken, en met het team van Morel. Op dinsdag 1 december stond uw dochter om 18.15 uur \
                nog bij de deur, terwijl de BSO om 18.00 uur sluit. De medewerker die haar aan u had moeten overdragen, \
                was toen al weg. Dat had niet mogen gebeuren.
                """,
            "measures": [
                ["text": "De laatste medewerker controleert bij het sluiten de ophaallijst en blijft tot elk kind is opgehaald.",
                 "due": date("2027-01-11")],
                ["text": "Het team bespreekt het sluitprotocol in het teamoverleg.", "due": date("2027-01-25")],
            ],
        ]], runtime: runtime)
        for mail in [acknowledgement, judgement] {
            XCTAssertTrue(mail.body.hasPrefix("Beste Sanne de Vries,\n\n"), mail.body)
            XCTAssertFalse(mail.body.contains("{{"), mail.body)
        }
        XCTAssertTrue(judgement.body.contains("Wij bieden u daarvoor onze excuses aan."), judgement.body)
        guard let file = ProcessInfo.processInfo.environment["KLACHTD_SAMPLE_LETTERS"] else { return }
        let text = [acknowledgement, judgement].map { "Subject: \($0.subject)\n\n\($0.body)" }.joined(separator: "\n-----\n\n")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }
}
