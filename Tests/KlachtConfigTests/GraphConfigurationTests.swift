import KlachtConfig
import XCTest

/// `[graph]` in place of `[imap]` and `[smtp]` (issue 21).
final class GraphConfigurationTests: XCTestCase {
    func configuration(_ graph: String, extra: String = "") -> String {
        """
        [organisation]
        name = Test
        address = klachten@contoso.nl
        quality = kwaliteit@contoso.nl
        safeguarding = aandacht@contoso.nl
        [storage]
        database = /var/lib/klachtd/klachtd.sqlite
        \(graph)
        \(extra)
        """
    }

    static let minimal = """
        [graph]
        tenant = contoso.onmicrosoft.com
        client_id = 00000000-0000-0000-0000-000000000000
        client_secret_file = /etc/klachtd/graph.secret
        mailbox = klachten@contoso.nl
        """

    func problem(_ text: String) -> String {
        do {
            _ = try ConfigurationLoader.parse(text, file: "klachtd.conf")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testGraphAloneGetsTheDocumentedDefaultsAndATokenForGraph() throws {
        let config = try ConfigurationLoader.parse(configuration(Self.minimal + "\nclient_secret_expires = 2027-03-01"), file: "f")
        let graph = try XCTUnwrap(config.graph)
        XCTAssertEqual(graph.folder, "Inbox")
        XCTAssertEqual(graph.pollIntervalSeconds, 15)
        XCTAssertEqual(graph.endpoint, "https://graph.microsoft.com/v1.0")
        XCTAssertEqual(graph.tokenURL, "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token")
        XCTAssertEqual(graph.scope, "https://graph.microsoft.com/.default")
        XCTAssertEqual(config.imap.mailbox, "graph:klachten@contoso.nl/Inbox", "raw messages and the delta link are kept under this key")
        XCTAssertEqual(config.imap.pollIntervalSeconds, 15)
        let oauth = try XCTUnwrap(config.oauth, "the token cache and its warnings work as for [oauth]")
        XCTAssertEqual(oauth.provider, .microsoft)
        XCTAssertEqual(oauth.tokenURL, graph.tokenURL)
        XCTAssertEqual(oauth.scope, "https://graph.microsoft.com/.default")
        XCTAssertEqual(oauth.clientSecretExpires, "2027-03-01")
    }

    func testNationalCloudEndpointsGiveTheirOwnScopeAndTokenURL() throws {
        let config = try ConfigurationLoader.parse(configuration(Self.minimal + """

            authority = https://login.microsoftonline.us/
            endpoint = https://graph.microsoft.us/v1.0
            """), file: "f")
        XCTAssertEqual(config.graph?.tokenURL, "https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token")
        XCTAssertEqual(config.graph?.scope, "https://graph.microsoft.us/.default")
    }

    func testGraphWithImapSmtpOrOAuthIsRefused() {
        XCTAssertTrue(problem(configuration(Self.minimal, extra: "[imap]\nurl = imaps://outlook.office365.com/INBOX")).contains("[graph] and [imap] are both present"))
        XCTAssertTrue(problem(configuration(Self.minimal, extra: "[smtp]\nurl = smtp://smtp.office365.com:587")).contains("[graph] and [smtp] are both present"))
        XCTAssertTrue(problem(configuration(Self.minimal, extra: "[oauth]\nprovider = microsoft")).contains("Remove [oauth]"))
    }

    func testACredentialIsRequiredAndOnlyOne() {
        let none = Self.minimal.replacingOccurrences(of: "client_secret_file = /etc/klachtd/graph.secret\n", with: "")
        XCTAssertTrue(problem(configuration(none)).contains("no client_secret_file, client_secret_env or certificate_file"), problem(configuration(none)))
        XCTAssertTrue(problem(configuration(Self.minimal + "\ncertificate_file = /etc/klachtd/graph.pem")).contains("both a client secret and certificate_file"))
        let certificate = try? ConfigurationLoader.parse(configuration(none + "\ncertificate_file = /etc/klachtd/graph.pem"), file: "f")
        XCTAssertEqual(certificate?.oauth?.certificateFile, "/etc/klachtd/graph.pem")
    }

    func testPlainHTTPEndpointAndUnknownKeyAreRefused() {
        XCTAssertTrue(problem(configuration(Self.minimal + "\nendpoint = http://graph.example/v1.0")).contains("is not an https:// URL"))
        XCTAssertTrue(problem(configuration(Self.minimal + "\nmove_too = Verwerkt")).contains("Did you mean 'move_to'?"), problem(configuration(Self.minimal + "\nmove_too = Verwerkt")))
    }
}
