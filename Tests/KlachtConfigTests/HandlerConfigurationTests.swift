import KlachtConfig
import XCTest

/// Issue 6: the reply-token secret and the Authentication-Results settings.
final class HandlerConfigurationTests: XCTestCase {
    func testSecretFileAndAuthenticationAreRead() throws {
        let text = ConfigurationLoaderTests.valid.replacingOccurrences(of: "[organisation]\n", with: "[organisation]\nsecret_file = /etc/klachtd/reply.secret\n")
            + "\n[authentication]\nauthserv_id = mx.example.test\nrequire_dkim_or_spf = no\nrequire_dmarc_pass = yes\n"
        let configuration = try ConfigurationLoader.parse(text, file: "test.conf")
        XCTAssertEqual(configuration.organisation.secretFile, "/etc/klachtd/reply.secret")
        XCTAssertEqual(configuration.authentication, AuthenticationSettings(authservID: "mx.example.test", requireDKIMOrSPF: false, requireDMARCPass: true))
    }

    func testWithoutThemNoSecretAndNoAuthenticationCheck() throws {
        let configuration = try ConfigurationLoader.parse(ConfigurationLoaderTests.valid, file: "test.conf")
        XCTAssertNil(configuration.organisation.secretFile)
        XCTAssertNil(configuration.authentication.authservID)
    }

    /// Issue 17: relaxed alignment only within the organisational domains named here.
    func testOrganisationalDomainsAreReadLowerCased() throws {
        let configuration = try ConfigurationLoader.parse(ConfigurationLoaderTests.valid
            + "\n[authentication]\nauthserv_id = mx.example.test\norganisational_domains = Example.test, kinderopvang.example\n", file: "t.conf")
        XCTAssertEqual(configuration.authentication.organisationalDomains, ["example.test", "kinderopvang.example"])
        XCTAssertEqual(try ConfigurationLoader.parse(ConfigurationLoaderTests.valid, file: "t.conf").authentication.organisationalDomains, [])
    }

    func testABadYesNoIsAnErrorWithItsLine() {
        XCTAssertThrowsError(try ConfigurationLoader.parse(ConfigurationLoaderTests.valid + "\n[authentication]\nrequire_dmarc_pass = misschien\n", file: "t.conf"))
    }
}
