import CaseStore
import ComplaintCore
import Foundation
import KlachtConfig
@testable import KlachtDaemon
import MailTemplates
import XCTest

/// Issue 15: every template, rendered by the daemon's own renderer for every kind × regime ×
/// state (Dutch and English, with and without a handler's name), has no empty slot and no
/// weekend or holiday where a working day is meant. A template that lacks a value for a case
/// must refuse to render (the daemon then holds the mail), never leave a blank.
final class LetterTableTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-letters-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func runtime() throws -> Runtime {
        let configuration = try unitTestConfiguration(directory: directory, sections: """
            [location "Morel"]
            handler = leiding.morel@example.test
            handler_name = Anna de Wit
            handler_role = locatiemanager
            handler_phone = 040-1234567
            regime = wko
            [location "Zorgboerderij"]
            handler = zorg@example.test
            regime = wkkgz
            [location "Jeugdhuis"]
            handler = jeugd@example.test
            handler_name = Karim Bouzid
            regime = jeugdwet
            [location "Kids Club"]
            handler = kidsclub@example.test
            regime = wko
            language = en
            [location "Youth House"]
            handler = youth@example.test
            regime = jeugdwet
            language = en
            [location "Care Farm"]
            handler = care@example.test
            handler_name = Sam Jones
            handler_role = care manager
            regime = wkkgz
            language = en
            [location "Vlinder"]
            handler = vlinder@example.test
            handler_name = Noor Visser
            handler_role = vestigingsmanager
            regime = wko
            address_form = je
            [location "Zorghoeve"]
            handler = zorghoeve@example.test
            regime = wkkgz
            address_form = je
            [location "Jeugdpunt"]
            handler = jeugdpunt@example.test
            handler_name = Lotte Bakker
            regime = jeugdwet
            address_form = je
            [location "Care Home"]
            handler = carehome@example.test
            regime = wkkgz
            language = en
            address_form = je
            """)
        return try Runtime(configuration: configuration, clock: Clock(fixed: try Date("2027-01-05T10:00:00+01:00", strategy: .iso8601)))
    }

    /// Templates only a complaint (or onvrede) can fill: a non-complaint has none of their terms.
    private static let complaintOnly: Set<String> = [
        "acknowledgement", "handler-assignment", "handler-reminder", "overdue-escalation", "progress-update",
        "progress-update-notice", "satisfaction-question", "satisfaction-reminder", "escalation-information",
        "dissatisfaction-notice", "extension-notice", "judgement-letter", "closing-letter", "management-assignment",
        "kind-review", "serious-alert", "release-acknowledgement", "withdrawal-confirmation", "suspension-notice",
        "resumption-notice", "resolution-letter", "judgement-review", "judgement-held", "judgement-returned",
    ]

    /// Received on Saturday 9 May 2026 (six weeks end on a Saturday), Sunday 6 December 2026
    /// (on Sunday 17 January 2027), Tuesday 16 March 2027 (on Koningsdag).
    static let receivedMoments = ["2026-05-09T10:00:00+02:00", "2026-12-06T21:00:00+01:00", "2027-03-16T08:30:00+01:00"]

    private static let states: [CaseState] = [.received, .acknowledged, .assigned, .judgementSent, .measuresPending,
                                              .suspended, .notAComplaint, .closed, .withdrawn, .referredGeschillencommissie]

    func testEveryTemplateForEveryKindRegimeAndStateHasNoEmptySlotAndNoWeekendDate() throws {
        let runtime = try runtime()
        let store = try runtime.openStore()
        let renderer = MailRenderer(runtime: runtime, store: store)
        // The weekly overview (and its HTML version), the annual report's round, the desk's replies and klachtd's
        // own notices are about no case; TemplateFolderTests and ServiceNoticeTests render them.
        let names = MailTemplateCatalog.names.filter {
            !["system-notice", "weekly-digest", "weekly-digest-html", "report-cycle"].contains($0) && !$0.hasPrefix("desk-")
                && !MailTemplateCatalog.serviceNotices.contains($0)
        }
        let locations = ["Morel", "Zorgboerderij", "Jeugdhuis", "Kids Club", "Youth House", "Care Farm", "Vlinder", "Zorghoeve",
                         "Jeugdpunt", "Care Home"]
        var rendered = 0
        var refused = 0
        for moment in Self.receivedMoments {
            let received = try Date(moment, strategy: .iso8601)
            for location in locations {
                let profile = try XCTUnwrap(runtime.configuration.locations.first { $0.name == location })
                for kind in MessageKind.allCases {
                    for state in Self.states {
                        let record = try insert(kind: kind, state: state, location: profile, received: received,
                                                named: rendered % 2 == 0, runtime: runtime, store: store)
                        for name in names {
                            let audience = Self.audience(of: name)
                            let label = "\(name) \(kind.rawValue) \(profile.regime.rawValue) \(state.rawValue) \(location) \(moment)"
                            do {
                                // Each outcome of a judgement, and each reason for the escalation letter, in turn.
                                let mail = try renderer.render(TemplateName(rawValue: name), to: audience, caseRecord: record, recipient: "x@example.test",
                                                               extra: extras(english: profile.language == "en", runtime: runtime,
                                                                             variant: rendered))
                                rendered += 1
                                check(mail, label: label, record: record, runtime: runtime)
                                checkWording(mail, label: label, toParent: audience == .complainant,
                                             english: profile.language == "en", informal: runtime.addressForm(forLocation: location) == .je,
                                             named: record.complainantName != nil, quotesParentLetter: name == "judgement-review")
                            } catch let error as TemplateError {
                                refused += 1
                                XCTAssertFalse(kind.startsStatutoryClock || !Self.complaintOnly.contains(name),
                                               "\(label): refused although it applies: \(error)")
                            }
                        }
                    }
                }
            }
        }
        XCTAssertGreaterThan(rendered, 10_000)
        XCTAssertGreaterThan(refused, 0, "complaint letters for a compliment must refuse, not fill in blanks")
    }

    /// A non-complaint's own receipt never speaks of a judgement or of legal terms.
    func testNonComplaintReceiptsCarryNoLegalTerms() throws {
        let runtime = try runtime()
        let store = try runtime.openStore()
        let renderer = MailRenderer(runtime: runtime, store: store)
        let received = try Date(Self.receivedMoments[0], strategy: .iso8601)
        for kind in [MessageKind.vraag, .verbeterpunt, .suggestie, .compliment] {
            for location in ["Morel", "Kids Club"] {
                let profile = try XCTUnwrap(runtime.configuration.locations.first { $0.name == location })
                let record = try insert(kind: kind, state: .assigned, location: profile, received: received, named: true,
                                        runtime: runtime, store: store)
                let receipt = try renderer.render(kind.receiptTemplate, to: .complainant, caseRecord: record, recipient: nil, extra: [:])
                let notice = try renderer.render(kind.staffNoticeTemplate, to: .handler, caseRecord: record, recipient: "h@example.test",
                                                 extra: ["case": ["text": "Dank voor de fijne zomer!"]])
                for text in [receipt.subject, receipt.body, notice.subject] {
                    for word in ["oordeel", "Geschillencommissie", "judgement", "klacht [", "complaint ["] {
                        XCTAssertFalse(text.contains(word), "\(kind) \(location): \(word) in \(text)")
                    }
                }
                XCTAssertFalse(receipt.subject.lowercased().contains("klacht"), receipt.subject)
            }
        }
    }

    /// The acknowledgement names the handler, and each regime's where-else-to-go block.
    func testAcknowledgementNamesTheHandlerAndTheRegimesBodies() throws {
        let runtime = try runtime()
        let store = try runtime.openStore()
        let renderer = MailRenderer(runtime: runtime, store: store)
        let received = try Date(Self.receivedMoments[1], strategy: .iso8601)
        func acknowledgement(_ location: String) throws -> String {
            let profile = try XCTUnwrap(runtime.configuration.locations.first { $0.name == location })
            let record = try insert(kind: .klacht, state: .assigned, location: profile, received: received, named: true,
                                    runtime: runtime, store: store)
            return try renderer.render("acknowledgement", to: .complainant, caseRecord: record, recipient: nil, extra: [:]).body
        }
        let childcare = try acknowledgement("Morel")
        XCTAssertTrue(childcare.contains("Anna de Wit, locatiemanager van Morel"), childcare)
        XCTAssertTrue(childcare.contains("040-1234567"))
        XCTAssertTrue(childcare.contains("Klachtenloket Kinderopvang"))
        XCTAssertTrue(childcare.contains("Uiterlijk vrijdag 15 januari 2027 krijgt u ons oordeel"), childcare)
        XCTAssertTrue(childcare.contains("het klachtengeld") && childcare.contains("letsel"), "seed 001: the fee and the injury exclusion")
        let care = try acknowledgement("Zorgboerderij")
        XCTAssertTrue(care.contains("zorg@example.test"), "no name configured: the address")
        XCTAssertTrue(care.contains("klachtenfunctionaris"))
        XCTAssertTrue(care.contains("geschilleninstantie"))
        XCTAssertTrue(care.contains("ten hoogste vier weken"))
        XCTAssertFalse(care.contains("Kinderopvang,") || care.contains("Geschillencommissie Kinderopvang"), care)
        let youth = try acknowledgement("Jeugdhuis")
        XCTAssertTrue(youth.contains("Karim Bouzid"))
        XCTAssertTrue(youth.contains("www.akj.nl, info@akj.nl, telefoon 088-5551011"))
        XCTAssertTrue(youth.contains("klachtencommissie"))
        XCTAssertFalse(youth.contains("Klachtenloket Kinderopvang") || youth.contains("Geschillencommissie Kinderopvang"), youth)
        let english = try acknowledgement("Care Farm")
        XCTAssertTrue(english.contains("Sam Jones, care manager at Care Farm"), english)
        XCTAssertTrue(english.contains("by Friday 15 January 2027"), english)
    }

    /// A handler reminder under the Wkkgz does not say the term cannot be extended; under the Wet kinderopvang it does.
    func testHandlerReminderStatesEachRegimesTermRule() throws {
        let runtime = try runtime()
        let store = try runtime.openStore()
        let renderer = MailRenderer(runtime: runtime, store: store)
        let received = try Date(Self.receivedMoments[0], strategy: .iso8601)
        func reminder(_ location: String) throws -> String {
            let profile = try XCTUnwrap(runtime.configuration.locations.first { $0.name == location })
            let record = try insert(kind: .klacht, state: .assigned, location: profile, received: received, named: true,
                                    runtime: runtime, store: store)
            return try renderer.render("handler-reminder", to: .handler, caseRecord: record, recipient: profile.handler,
                                       extra: ["reminder": ["description": "De termijn loopt af.", "in_review": false]]).body
        }
        XCTAssertTrue(try reminder("Morel").contains("kan niet worden verlengd"))
        let care = try reminder("Zorgboerderij")
        XCTAssertFalse(care.contains("kan niet worden verlengd"), care)
        XCTAssertTrue(care.contains("#verlengen"))
        XCTAssertFalse(try reminder("Jeugdhuis").contains("Geschillencommissie Kinderopvang"))
    }

    // MARK: Checks

    func check(_ mail: RenderedMail, label: String, record: Case, runtime: Runtime) {
        let text = mail.subject + "\n" + mail.body
        for hole in ["uiterlijk  ", "uiterlijk .", "uiterlijk ,", " by .", "by  ", "()", "{{", "}}", " .\n", " ,", "Nieuwe  ",
                     "van  ", "op  "] {
            XCTAssertFalse(text.contains(hole), "\(label): '\(hole)' in\n\(text)")
        }
        XCTAssertFalse(mail.subject.isEmpty, label)
        let english = runtime.language(forLocation: record.location) == "en"
        let window = record.gckWindowEnd.map { DateWording.format($0, english: english) }
        for date in Self.dates(in: text, english: english) where date.words != window {
            // The received date may be any day; every other date in a letter is a term or a due date.
            let receivedWords = DateWording.format(runtime.civil.localDate(of: record.receivedAt), english: english)
            guard date.words != receivedWords else { continue }
            XCTAssertTrue(runtime.workingDays.isWorkingDay(date.date), "\(label): \(date.words) is not a working day")
        }
    }

    /// Every "weekday day month year" in the text.
    private static func dates(in text: String, english: Bool) -> [(words: String, date: LocalDate)] {
        let weekdays = english ? ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
                               : ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
        let months = english ? ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                "October", "November", "December"]
                             : ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                                "oktober", "november", "december"]
        var found: [(String, LocalDate)] = []
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "," || $0 == "." || $0 == ")" || $0 == ":" })
            .map(String.init)
        for index in words.indices.dropLast(3) where weekdays.contains(words[index]) {
            guard let day = Int(words[index + 1]), let month = months.firstIndex(of: words[index + 2]),
                  let year = Int(words[index + 3]) else { continue }
            found.append(("\(words[index]) \(day) \(months[month]) \(year)", LocalDate(year: year, month: month + 1, day: day)))
        }
        return found
    }

    private static func audience(of template: String) -> Audience {
        let parent: Set<String> = ["acknowledgement", "neutral-receipt", "compliment-thanks", "question-receipt", "improvement-receipt",
                                   "suggestion-receipt", "progress-update", "satisfaction-question", "satisfaction-reminder",
                                   "escalation-information", "extension-notice", "judgement-letter", "closing-letter",
                                   "handler-message", "release-acknowledgement", "withdrawal-confirmation", "suspension-notice",
                                   "resumption-notice", "resolution-letter"]
        if parent.contains(template) { return .complainant }
        if template == "serious-alert" || template == "management-assignment" { return .management }
        if template == "safeguarding-alert" || template == "safeguarding-reminder" { return .safeguarding }
        return .handler
    }

    // MARK: Fixtures

    func insert(kind: MessageKind, state: CaseState, location: LocationProfile, received: Date, named: Bool,
                        runtime: Runtime, store: CaseStore) throws -> Case {
        let terms = runtime.terms(received: received, regime: location.regime)
        let clock = kind.startsStatutoryClock
        let reference = try store.nextReference(year: terms.receivedDate.year)
        let id = try store.insertCase(NewCaseRecord(
            state: state, kind: kind, regime: location.regime, receivedAt: received,
            complainantName: named ? "Sanne de Vries" : nil, complainantAddress: "ouder@example.test",
            complainantMessageID: "m-\(UUID().uuidString)@example.test", location: location.name, handler: location.handler,
            subject: named ? "Ophalen" : nil, flags: [],
            acknowledgementDue: terms.acknowledgementDue, firstContactDue: clock ? terms.firstContactDue : nil,
            solutionTargetDue: clock ? terms.solutionTargetDue : nil, decisionDue: clock ? terms.decisionDue : nil,
            gckWindowEnd: clock ? terms.gckWindowEnd : nil), reference: reference, now: received)
        return try XCTUnwrap(try store.caseRecord(id: id))
    }

    /// The values the daemon adds for each kind of mail, as its code paths build them.
    func extras(english: Bool, runtime: Runtime, variant: Int = 0) -> MailRenderer.Extra {
        let outcome = JudgementOutcome.allCases[variant % JudgementOutcome.allCases.count]
        func date(_ iso: String) -> TemplateValue { .string(DateWording.format(LocalDate(iso: iso)!, english: english)) }
        return [
            "case": ["text": "Mijn dochter stond om 18:15 nog alleen bij de deur."],
            "judgement": ["outcome": .string(outcome.label(english: english)), "reasons": "Uit het gesprek met het team blijkt ...",
                          "measures": [["text": "Dagelijks de ophaallijst controleren.", "due": date("2027-02-01")]],
                          "upheld": .bool(outcome == .upheld), "partly_upheld": .bool(outcome == .partlyUpheld),
                          "not_upheld": .bool(outcome == .unfounded)],
            "reminder": ["description": english ? "The term ends soon." : "De termijn loopt binnenkort af.", "in_review": false],
            "update": ["text": ""],
            "extension": ["weeks": "4", "reason": "Wij wachten op een verslag.", "original_due": date("2027-01-15")],
            "closing": ["reason": "De maatregelen zijn uitgevoerd."],
            "satisfaction": ["answer": english ? "not satisfied" : "niet tevreden", "asked_date": date("2027-01-22"), "text": "",
                             "not_satisfied": .bool(variant % 2 == 0), "no_answer": .bool(variant % 2 == 1)],
            "follow_up": ["text": "Nog een aanvulling.", "sender": "s.devries.prive@example.test"],
            "staff": ["text": "De moeder vertelde dat hij is meegesleurd.", "sender": "behandelaar@example.test", "role": "behandelaar"],
            "message": ["text": "Ik bel deze week even."],
            "unverified": ["sender": "iemand@example.test", "received": date("2027-01-05"), "reason": "geen toegangscode"],
            "screening": ["hits": ["ziekenhuis"]],
            "command": ["errors": ["Onbekende opdracht #antwoorden."], "help": "#antwoord  tekst aan de ouder", "mail_problems": []],
            "resolution": ["text": "De mentor vangt de dochter voortaan op bij het ophalen."],
            "suspension": ["review_date": date("2027-02-01")],
            "alert": ["description": english ? "This is reminder 2." : "Dit is herinnering 2."],
            "review": ["author": "leiding.morel@example.test", "reviewer": "kwaliteit@example.test",
                       "outcome": english ? "partly upheld" : "deels gegrond",
                       "letter_subject": english ? "Our judgement on your complaint" : "Ons oordeel over uw klacht",
                       "letter": english ? "Dear parent,\n\nWe find your complaint partly upheld." : "Beste ouder,\n\nWij vinden uw klacht deels gegrond.",
                       "remark": english ? "Also say what the team changes." : "Noem ook wat het team verandert.",
                       "reasons": "Uit het gesprek met het team blijkt ...", "parent_has_address": true],
        ]
    }
}
