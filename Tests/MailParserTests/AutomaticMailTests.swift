import XCTest
@testable import MailParser

final class AutomaticMailTests: XCTestCase {
    private func reason(_ headers: String) -> String? {
        parse(headers + "\n\nTekst").automaticReason
    }

    func testAutoSubmittedOtherThanNo() {
        XCTAssertEqual(reason("From: a@example.nl\nAuto-Submitted: auto-replied"), "Auto-Submitted: auto-replied")
        XCTAssertNil(reason("From: a@example.nl\nAuto-Submitted: no"))
        XCTAssertNil(reason("From: a@example.nl\nAuto-Submitted: No (handmatig verstuurd)"))
        XCTAssertEqual(reason("From: a@example.nl\nAuto-Submitted: auto-replied; owner-email=\"a@example.nl\""),
                       "Auto-Submitted: auto-replied; owner-email=\"a@example.nl\"")
    }

    /// Issue 17: a location mailbox's forwarding rule marks a parent's mail auto-forwarded; it is a person's mail.
    func testAutoForwardedIsAPersonsMailUnlessSomethingElseSaysRobot() {
        XCTAssertNil(reason("From: a@example.nl\nAuto-Submitted: auto-forwarded"))
        XCTAssertEqual(reason("From: a@example.nl\nAuto-Submitted: auto-forwarded\nX-Autoreply: yes"), "X-Autoreply: yes")
        XCTAssertNotNil(reason("From: a@example.nl\nAuto-Submitted: auto-forwarded\nSubject: Automatisch antwoord: klacht"))
    }

    func testPrecedenceBulkJunkListAutoReply() {
        for value in ["bulk", "junk", "list", "auto_reply"] {
            XCTAssertEqual(reason("From: a@example.nl\nPrecedence: \(value)"), "Precedence: \(value)")
        }
        XCTAssertNil(reason("From: a@example.nl\nPrecedence: first-class"))
    }

    func testListHeaders() {
        XCTAssertNotNil(reason("From: a@example.nl\nList-Id: <nieuws.example.nl>"))
        XCTAssertNotNil(reason("From: a@example.nl\nList-Unsubscribe: <mailto:u@example.nl>"))
    }

    func testAutoreplyHeaders() {
        XCTAssertEqual(reason("From: a@example.nl\nX-Autoreply: yes"), "X-Autoreply: yes")
        XCTAssertEqual(reason("From: a@example.nl\nX-Autorespond: vacation"), "X-Autorespond: vacation")
    }

    func testExchangeRuleAndSuppressHeadersAloneAreNotAnAutoReply() {
        // An inbox rule that forwards a parent's complaint sets these too.
        XCTAssertNil(reason("""
            From: a@example.nl
            X-Auto-Response-Suppress: All
            X-MS-Exchange-Inbox-Rules-Loop: a@example.nl
            X-MS-Exchange-Generated-Message-Source: Mailbox Rules Agent
            """))
    }

    func testSubjectPrefixes() {
        for subject in ["Automatisch antwoord: Uw klacht", "Afwezig: tot maandag", "Out of Office: x", "Auto: Re: x",
                        "Autoreply: x", "Automatic reply: x"] {
            XCTAssertNotNil(reason("From: a@example.nl\nSubject: \(subject)"), subject)
        }
        XCTAssertNil(reason("From: a@example.nl\nSubject: Re: Autostoeltje vergeten"))
    }

    func testDaemonAndNoReplySenders() {
        XCTAssertEqual(reason("From: MAILER-DAEMON@example.nl"), "sender mailer-daemon")
        XCTAssertEqual(reason("From: postmaster@example.nl"), "sender postmaster")
        XCTAssertEqual(reason("From: Nieuwsbrief <no-reply@example.nl>"), "sender no-reply")
        XCTAssertEqual(reason("From: noreply@example.nl"), "sender noreply")
        XCTAssertEqual(reason("From: donotreply@example.nl"), "sender donotreply")
        XCTAssertNil(reason("From: Ouder <ouder@example.nl>"))
    }

    func testNullReturnPath() {
        XCTAssertEqual(reason("Return-Path: <>\nFrom: a@example.nl"), "null Return-Path")
    }

    func testOrdinaryMessageIsNotAutomatic() {
        let message = parse("From: Ouder <ouder@example.nl>\nSubject: Klacht\n\nTekst")
        XCTAssertFalse(message.isAutoSubmitted)
        XCTAssertNil(message.automaticReason)
    }
}
