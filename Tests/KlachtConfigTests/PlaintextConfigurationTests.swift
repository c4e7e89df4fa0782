import Foundation
import KlachtConfig
import XCTest

/// Issue 17 (13): `starttls = no` sends the login and every complaint in clear text; that is
/// accepted for a server on this machine only, elsewhere only with `allow_plaintext = yes`,
/// and then with a warning.
final class PlaintextConfigurationTests: XCTestCase {
    func configuration(smtp: String) -> String {
        ConfigurationLoaderTests.valid.replacingOccurrences(of: "[smtp]\n        url = smtp://127.0.0.1:10025", with: "[smtp]\n" + smtp)
            .replacingOccurrences(of: "[smtp]\nurl = smtp://127.0.0.1:10025", with: "[smtp]\n" + smtp)
    }

    func testPlaintextToAnotherHostIsAConfigurationError() throws {
        let text = configuration(smtp: "url = smtp://mail.example.nl:25\nstarttls = no")
        XCTAssertTrue(text.contains("mail.example.nl"), "the fixture was rewritten")
        XCTAssertThrowsError(try ConfigurationLoader.parse(text, file: "test.conf")) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("unencrypted") && message.contains("allow_plaintext = yes"), message)
        }
    }

    func testPlaintextWithTheOptInIsAcceptedWithAWarning() throws {
        let configuration = try ConfigurationLoader.parse(configuration(smtp: "url = smtp://relay.intern.example.nl:25\nstarttls = no\nallow_plaintext = yes"),
                                                          file: "test.conf")
        let warnings = PlaintextRule.warnings(configuration)
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings[0].contains("relay.intern.example.nl") && warnings[0].contains("unencrypted"), warnings[0])
    }

    func testPlaintextToThisMachineOrWithTLSNeedsNothing() throws {
        for smtp in ["url = smtp://127.0.0.1:10025\nstarttls = no", "url = smtp://localhost:25\nstarttls = no",
                     "url = smtp://[::1]:25\nstarttls = no", "url = smtps://mail.example.nl:465\nstarttls = no",
                     "url = smtp://mail.example.nl:587\nstarttls = required"] {
            let configuration = try ConfigurationLoader.parse(configuration(smtp: smtp), file: "test.conf")
            XCTAssertEqual(PlaintextRule.warnings(configuration), [], smtp)
        }
        XCTAssertFalse(PlaintextRule.isLoopback(url: "smtp://127.0.0.1.evil.example:25"))
        XCTAssertFalse(PlaintextRule.isLoopback(url: "smtp://localhost.evil.example:25"))
        XCTAssertEqual(PlaintextRule.host(of: "imap://user@mail.example.nl:143/INBOX"), "mail.example.nl")
    }
}
