import Foundation
import KlachtConfig
import XCTest

/// Issue 20, report content: `[organisation] type = kinderopvang | gastouderbureau` and the LRK
/// numbers (`lrk`, nine digits) of the organisation and of each location.
final class ReportConfigurationTests: XCTestCase {
    func configuration(organisation: String = "", location: String = "") throws -> Configuration {
        let text = ConfigurationLoaderTests.valid
            .replacingOccurrences(of: "language = nl\n", with: "language = nl\n" + organisation)
            .replacingOccurrences(of: "regime = wko\n", with: "regime = wko\n" + location)
        return try ConfigurationLoader.parse(text, file: "test.conf")
    }

    func testTheDefaultIsAChildcareOrganisationWithoutNumbers() throws {
        let configuration = try configuration()
        XCTAssertFalse(configuration.organisation.gastouderbureau)
        XCTAssertNil(configuration.organisation.lrk)
        XCTAssertEqual(configuration.locations.map(\.lrk), [nil, nil])
    }

    func testAGastouderbureauWithItsNumberAndALocationNumber() throws {
        let configuration = try configuration(organisation: "type = gastouderbureau\nlrk = 987654321\n", location: "lrk = 123456789\n")
        XCTAssertTrue(configuration.organisation.gastouderbureau)
        XCTAssertEqual(configuration.organisation.lrk, "987654321")
        XCTAssertEqual(configuration.locations.first { $0.name == "Morel" }?.lrk, "123456789")
    }

    func testAWrongTypeOrNumberIsAnErrorThatSaysWhatToWrite() {
        XCTAssertThrowsError(try configuration(organisation: "type = bso\n")) { error in
            XCTAssertTrue("\(error)".contains("kinderopvang (the default) or gastouderbureau"), "\(error)")
        }
        XCTAssertThrowsError(try configuration(location: "lrk = 12345\n")) { error in
            XCTAssertTrue("\(error)".contains("nine digits"), "\(error)")
        }
    }
}
