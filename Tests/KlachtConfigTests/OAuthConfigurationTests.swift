import KlachtConfig
import XCTest

/// `[imap]/[smtp] auth` and `[oauth]` (issue 9).
final class OAuthConfigurationTests: XCTestCase {
    func configuration(_ imapAuth: String, oauth: String) -> String {
        """
        [organisation]
        name = Test
        address = klachten@example.nl
        quality = kwaliteit@example.nl
        safeguarding = aandacht@example.nl
        [imap]
        url = imaps://outlook.office365.com:993/INBOX
        username = klachten@example.nl
        auth = \(imapAuth)
        [smtp]
        url = smtp://smtp.office365.com:587
        username = klachten@example.nl
        auth = xoauth2
        [storage]
        database = /var/lib/klachtd/klachtd.sqlite
        \(oauth)
        """
    }

    func testMicrosoftClientCredentialsGetsTheDocumentedDefaults() throws {
        let config = try ConfigurationLoader.parse(configuration("xoauth2", oauth: """
            [oauth]
            provider = microsoft
            tenant = contoso.onmicrosoft.com
            client_id = 11111111-2222-3333-4444-555555555555
            client_secret_file = /etc/klachtd/oauth-client.secret
            client_secret_expires = 2027-05-01
            """), file: "test.conf")
        XCTAssertEqual(config.imap.server.authentication, .xoauth2)
        XCTAssertEqual(config.smtp.authentication.saslMechanism, "XOAUTH2")
        XCTAssertEqual(config.imap.server.password, .none)
        let oauth = try XCTUnwrap(config.oauth)
        XCTAssertEqual(oauth.tokenURL, "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token")
        XCTAssertEqual(oauth.scope, "https://outlook.office365.com/.default")
        XCTAssertEqual(oauth.warnLoginFailureSeconds, 30 * 60)
        XCTAssertEqual(oauth.statusFile, "/var/lib/klachtd/klachtd.sqlite.oauth-status.json")
    }

    func testOAuthLoginWithoutOAuthSectionIsRefused() {
        XCTAssertThrowsError(try ConfigurationLoader.parse(configuration("oauthbearer", oauth: ""), file: "test.conf")) { error in
            XCTAssertTrue("\(error)".contains("needs an [oauth] section"), "\(error)")
        }
    }

    func testUnknownAuthAndMissingSecretFileAreExplained() {
        XCTAssertThrowsError(try ConfigurationLoader.parse(configuration("kerberos", oauth: ""), file: "test.conf")) { error in
            XCTAssertTrue("\(error)".contains("Use auth = password, xoauth2 or oauthbearer"), "\(error)")
        }
        XCTAssertThrowsError(try ConfigurationLoader.parse(configuration("xoauth2", oauth: "[oauth]\nprovider = microsoft\ntenant = t\nclient_id = c"),
                                                           file: "test.conf")) { error in
            XCTAssertTrue("\(error)".contains("client_secret_file"), "\(error)")
        }
    }

    func testRefreshTokenProviderNeedsItsFile() {
        XCTAssertThrowsError(try ConfigurationLoader.parse(configuration("xoauth2", oauth: "[oauth]\nprovider = refresh_token\ntenant = t\nclient_id = c"),
                                                           file: "test.conf")) { error in
            XCTAssertTrue("\(error)".contains("refresh_token_file"), "\(error)")
        }
    }
}
