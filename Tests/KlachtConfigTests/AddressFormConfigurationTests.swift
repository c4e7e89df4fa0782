import ComplaintCore
import KlachtConfig
import XCTest

/// Issue 18: `address_form = u | je` in [organisation] and per [location]; u when nobody says.
final class AddressFormConfigurationTests: XCTestCase {
    private func parse(_ text: String) throws -> Configuration {
        try ConfigurationLoader.parse(text, file: "klachtd.conf")
    }

    func testDefaultIsUAndEachLocationMayChoose() throws {
        let plain = try parse(ConfigurationLoaderTests.valid)
        XCTAssertEqual(plain.organisation.addressForm, .u)
        XCTAssertEqual(plain.locations.map(\.addressForm), [nil, nil])

        let text = ConfigurationLoaderTests.valid
            .replacingOccurrences(of: "language = nl\n", with: "language = nl\naddress_form = je\n")
            .replacingOccurrences(of: "regime = wkkgz", with: "regime = wkkgz\naddress_form = U")
        let configured = try parse(text)
        XCTAssertEqual(configured.organisation.addressForm, .je)
        XCTAssertEqual(configured.locations.map(\.addressForm), [nil, .u])
    }

    func testAnUnknownFormIsAnErrorNamingTheAllowedValues() {
        let text = ConfigurationLoaderTests.valid.replacingOccurrences(of: "regime = wkkgz", with: "regime = wkkgz\naddress_form = jij")
        XCTAssertThrowsError(try parse(text)) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.hasPrefix("klachtd.conf:26:"), message)
            XCTAssertTrue(message.contains("address_form = jij") && message.contains("address_form = u")
                          && message.contains("address_form = je"), message)
        }
        let organisation = ConfigurationLoaderTests.valid.replacingOccurrences(of: "language = nl\n", with: "language = nl\naddress_form = formal\n")
        XCTAssertThrowsError(try parse(organisation)) { error in
            XCTAssertTrue(String(describing: error).hasPrefix("klachtd.conf:10:"), String(describing: error))
        }
    }
}
