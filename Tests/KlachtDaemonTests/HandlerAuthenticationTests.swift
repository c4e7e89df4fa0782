import KlachtConfig
import MailFormat
import MailParser
@testable import KlachtDaemon
import XCTest

/// Authentication-Results (RFC 8601) from the configured server decide whether a staff From is believed.
final class HandlerAuthenticationTests: XCTestCase {
    let settings = AuthenticationSettings(authservID: "mx.example.nl", requireDKIMOrSPF: true, requireDMARCPass: false)

    func testHeaderIsReadWithCommentsAndProperties() throws {
        let results = try XCTUnwrap(AuthenticationResults(
            "mx.example.nl 1; dkim=pass (2048-bit key) header.d=example.nl header.s=s1; spf=fail smtp.mailfrom=x@example.nl"))
        XCTAssertEqual(results.authservID, "mx.example.nl")
        XCTAssertEqual(results.results.map(\.method), ["dkim", "spf"])
        XCTAssertEqual(results.results.first?.properties["header.d"], "example.nl")
        XCTAssertEqual(results.results.last?.result, "fail")
    }

    func testDKIMPassForTheFromDomainIsEnough() {
        XCTAssertNil(SenderAuthentication.failure(headers: ["mx.example.nl; dkim=pass header.d=example.nl; spf=softfail smtp.mailfrom=example.nl"],
                                                  from: "behandelaar@example.nl", settings: settings))
    }

    func testSPFPassForTheFromDomainIsEnough() {
        XCTAssertNil(SenderAuthentication.failure(headers: ["mx.example.nl; spf=pass smtp.mailfrom=bounce@example.nl"],
                                                  from: "behandelaar@example.nl", settings: settings))
    }

    func testSubdomainPassAlignsOnlyWithinAConfiguredOrganisationalDomain() {
        let header = ["mx.example.nl; spf=pass smtp.mailfrom=bounce@mail.example.nl; dkim=pass header.d=mail.example.nl"]
        XCTAssertEqual(SenderAuthentication.failure(headers: header, from: "behandelaar@example.nl", settings: settings),
                       "DKIM en SPF slagen niet voor example.nl", "strict alignment without an organisational domain")
        var relaxed = settings
        relaxed.organisationalDomains = ["example.nl"]
        XCTAssertNil(SenderAuthentication.failure(headers: header, from: "behandelaar@example.nl", settings: relaxed))
        XCTAssertNil(SenderAuthentication.failure(headers: ["mx.example.nl; dkim=pass header.d=example.nl"],
                                                  from: "behandelaar@locatie.example.nl", settings: relaxed))
        XCTAssertNotNil(SenderAuthentication.failure(headers: ["mx.example.nl; dkim=pass header.d=example.nl.evil.test"],
                                                     from: "behandelaar@example.nl", settings: relaxed))
    }

    /// `header.d=test` is a parent of `example.test`, but nobody may sign for a whole top-level domain.
    func testPassForAParentDomainDoesNotAlign() {
        XCTAssertNotNil(SenderAuthentication.failure(headers: ["mx.example.test; dkim=pass header.d=test"],
                                                     from: "behandelaar1@example.test",
                                                     settings: AuthenticationSettings(authservID: "mx.example.test")))
        var relaxed = AuthenticationSettings(authservID: "mx.example.test")
        relaxed.organisationalDomains = ["example.test"]
        XCTAssertNotNil(SenderAuthentication.failure(headers: ["mx.example.test; dkim=pass header.d=test; spf=pass smtp.mailfrom=x@test"],
                                                     from: "behandelaar1@example.test", settings: relaxed))
    }

    /// The attack: the server wrote `dkim=fail` on top, the sender wrote `spf=pass` with the same id below.
    func testSendersOwnHeaderBelowTheServersVerdictIsIgnored() {
        let fields = Self.fields([
            ("Received", "from mail.example.nl by imap.example.nl with LMTP id 1; Mon, 16 Nov 2026 10:00:02 +0100"),
            ("Authentication-Results", "mx.example.nl; dkim=fail header.d=example.nl; spf=fail smtp.mailfrom=example.nl"),
            ("Received", "from evil.test (evil.test [192.0.2.7]) by mx.example.nl (Postfix) with ESMTP id 2"),
            ("Authentication-Results", "mx.example.nl; spf=pass smtp.mailfrom=behandelaar@example.nl"),
            ("From", "behandelaar@example.nl"),
        ])
        XCTAssertEqual(SenderAuthentication.failure(fields: fields, from: "behandelaar@example.nl", settings: settings),
                       "DKIM en SPF slagen niet voor example.nl")
        let verdict = SenderAuthentication.verdict(fields: fields, from: "behandelaar@example.nl", settings: settings)
        XCTAssertEqual(verdict?.bothFailed, true)
        XCTAssertEqual(verdict?.spfAligned, false)
        // The same two values handed over without the fields between them: still only the topmost counts.
        XCTAssertNotNil(SenderAuthentication.failure(headers: fields.filter { $0.name == "Authentication-Results" }.map(\.value),
                                                     from: "behandelaar@example.nl", settings: settings))
    }

    /// OpenDKIM, OpenDMARC and an SPF policy daemon each add their own header, next to each other.
    func testTheServersAdjacentHeadersAreReadTogether() throws {
        let fields = Self.fields([
            ("Authentication-Results", "mx.example.nl; dmarc=pass (p=quarantine dis=none) header.from=example.nl"),
            ("X-Spam-Status", "No, score=-0.1"),
            ("Authentication-Results", "mx.example.nl; spf=pass smtp.mailfrom=behandelaar@example.nl"),
            ("Authentication-Results", "mx.example.nl; dkim=fail reason=\"signature verification failed\" header.d=example.nl"),
            ("Received", "from mail.example.nl (mail.example.nl [192.0.2.1]) by mx.example.nl (Postfix) with ESMTPS id 3"),
        ])
        let verdict = try XCTUnwrap(SenderAuthentication.verdict(fields: fields, from: "Behandelaar@Example.NL", settings: settings))
        XCTAssertEqual(verdict, SenderVerdict(fromDomain: "example.nl", serverResultsFound: true, dkimAligned: false,
                                              spfAligned: true, dmarcPassed: true))
        XCTAssertFalse(verdict.bothFailed)
    }

    /// Exchange Online writes its verdict among the message's own fields, below its Received headers.
    func testExchangeOnlineVerdictAmongTheMessageFieldsIsRead() throws {
        let exchange = AuthenticationSettings(authservID: "spf.protection.outlook.com")
        let fields = Self.fields([
            ("Received", "from AM0PR07MB1234.eurprd07.prod.outlook.com by AM0PR07MB5678.eurprd07.prod.outlook.com with HTTPS"),
            ("From", "Sophie Laurent <behandelaar@example.nl>"), ("Subject", "RE: Nieuwe klacht [KL-2026-0042]"),
            ("Message-ID", "<AM0PR07MB1234@AM0PR07MB1234.eurprd07.prod.outlook.com>"),
            ("Authentication-Results", "spf.protection.outlook.com; spf=pass (sender IP is 192.0.2.1) smtp.mailfrom=example.nl; dkim=pass (signature was verified) header.d=example.nl;dmarc=pass action=none header.from=example.nl;compauth=pass reason=100"),
            ("X-MS-Exchange-Organization-AuthAs", "Anonymous"),
        ])
        let verdict = try XCTUnwrap(SenderAuthentication.verdict(fields: fields, from: "behandelaar@example.nl", settings: exchange))
        XCTAssertTrue(verdict.dkimAligned && verdict.spfAligned && verdict.dmarcPassed, "\(verdict)")
    }

    /// Without the server's own verdict nothing is known: not a pass, and not "both failed" either.
    func testNoServerVerdictIsNeitherPassNorBothFailed() throws {
        let fields = Self.fields([("Received", "from x by mx.example.nl"), ("Authentication-Results", "other.test; spf=fail")])
        let verdict = try XCTUnwrap(SenderAuthentication.verdict(fields: fields, from: "ouder@example.nl", settings: settings))
        XCTAssertFalse(verdict.serverResultsFound)
        XCTAssertFalse(verdict.bothFailed)
        XCTAssertNil(SenderAuthentication.verdict(fields: fields, from: "ouder@example.nl", settings: AuthenticationSettings()))
        let failed = Self.fields([("Authentication-Results", "mx.example.nl; spf=fail smtp.mailfrom=evil.test; dkim=none")])
        XCTAssertEqual(SenderAuthentication.verdict(fields: failed, from: "ouder@example.nl", settings: settings)?.bothFailed, true)
    }

    private static func fields(_ pairs: [(String, String)]) -> [HeaderField] {
        pairs.map { HeaderField(name: $0.0, value: $0.1, rawValue: Array($0.1.utf8)) }
    }

    func testPassForAnotherDomainFails() {
        XCTAssertNotNil(SenderAuthentication.failure(headers: ["mx.example.nl; dkim=pass header.d=evil.test; spf=pass smtp.mailfrom=evil.test"],
                                                     from: "behandelaar@example.nl", settings: settings))
    }

    func testHeadersFromAnotherServerAreIgnored() {
        let failure = SenderAuthentication.failure(headers: ["forged.test; dkim=pass header.d=example.nl"],
                                                   from: "behandelaar@example.nl", settings: settings)
        XCTAssertEqual(failure, "geen Authentication-Results van mx.example.nl")
    }

    func testDMARCIsRequiredWhenConfigured() {
        var strict = settings
        strict.requireDMARCPass = true
        let header = "mx.example.nl; dkim=pass header.d=example.nl; dmarc=fail header.from=example.nl"
        XCTAssertNotNil(SenderAuthentication.failure(headers: [header], from: "behandelaar@example.nl", settings: strict))
        XCTAssertNil(SenderAuthentication.failure(headers: [header.replacingOccurrences(of: "dmarc=fail", with: "dmarc=pass")],
                                                  from: "behandelaar@example.nl", settings: strict))
    }

    func testNoAuthservIDMeansNoCheck() {
        XCTAssertNil(SenderAuthentication.failure(headers: [], from: "behandelaar@example.nl", settings: AuthenticationSettings()))
    }
}
