import CaseStore
import ComplaintCore
import DaemonSupport
import Foundation
import KlachtConfig
@testable import KlachtDaemon
import MailFormat
import MailParser
import XCTest

/// A temporary database and runtime with two locations and a reply secret, for the daemon's
/// side of handler replies without mail servers; the test classes of that side inherit it.
class HandlerIntakeTestCase: XCTestCase {
    var directory: String!
    var runtime: Runtime!
    var store: CaseStore!
    let now = Date(timeIntervalSince1970: 1_779_000_000) // Sunday 17 May 2026

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-handler-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "unit-test-secret-0123456789abcdef\n".write(toFile: directory + "/reply.secret", atomically: true, encoding: .utf8)
        let configuration = try ConfigurationLoader.parse("""
            [organisation]
            name = Kinderopvang De Vlinder
            address = klachten@example.test
            quality = kwaliteit@example.test, kwaliteit2@example.test
            safeguarding = aandacht@example.test
            secret_file = \(directory!)/reply.secret
            [imap]
            url = imap://127.0.0.1:1/INBOX
            [smtp]
            url = smtp://127.0.0.1:1
            [storage]
            database = \(directory!)/klachtd.sqlite
            [location "Morel"]
            handler = behandelaar1@example.test
            aliases = bso morel
            [location "De Boomgaard"]
            handler = behandelaar2@example.test
            aliases = boomgaard
            regime = wkkgz
            """, file: directory + "/klachtd.conf")
        runtime = try Runtime(configuration: configuration, clock: Clock(fixed: now), logger: Logger())
        store = try runtime.openStore()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func deliver(_ raw: String) throws {
        try deliverForTest(raw, runtime: runtime, store: store, at: now)
    }

    func openCase(subject: String = "Klacht BSO Morel") throws -> Case {
        try deliver("From: Ouder <ouder1@example.test>\nTo: klachten@example.test\nSubject: \(subject)\nMessage-ID: <\(UUID())@ouder.test>\n\nBij BSO Morel ging het mis.\n")
        return try XCTUnwrap(store.allCases().first)
    }

    func reply(from: String, to: String, body: String) -> String {
        "From: \(from)\nTo: \(to)\nSubject: Re: zaak\nMessage-ID: <\(UUID())@staff.test>\n\n\(body)\n"
    }

    func tokenAddress(_ record: Case, for recipient: String) throws -> String {
        let signer = try XCTUnwrap(runtime.replySigner)
        return PlusAddress.make(mailbox: "klachten@example.test", reference: record.reference, token: signer.token(for: record.reference, recipient: recipient))
    }
}
