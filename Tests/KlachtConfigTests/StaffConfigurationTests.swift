import ComplaintCore
import Foundation
import KlachtConfig
import XCTest

/// `[organisation] staff` and the safeguarding words that add to the vocabulary.
final class StaffConfigurationTests: XCTestCase {
    func config(_ organisationExtra: String, triage: String = "") -> String {
        ConfigurationLoaderTests.valid.replacingOccurrences(of: "language = nl\n", with: "language = nl\n\(organisationExtra)\n") + triage
    }

    func testStaffAddressesAndWholeDomainsAreRead() throws {
        let configuration = try ConfigurationLoader.parse(config("staff = M.Jansen@DeVlinder.example.test, @devlinder.example.test"), file: "t.conf")
        XCTAssertEqual(configuration.organisation.staff, ["m.jansen@devlinder.example.test", "@devlinder.example.test"])
    }

    func testAStaffEntryThatIsNeitherAnAddressNorADomainNamesTheLine() {
        XCTAssertThrowsError(try ConfigurationLoader.parse(config("staff = Marieke Jansen"), file: "t.conf")) { error in
            XCTAssertTrue("\(error)".contains("staff"), "\(error)")
        }
    }

    func testSafeguardingWordsAddToTheVocabularyInsteadOfReplacingIt() throws {
        let configuration = try ConfigurationLoader.parse(config("", triage: "\n[triage]\nsafeguarding_words = vastgepakt\n"), file: "t.conf")
        XCTAssertEqual(configuration.safeguardingWords, ["vastgepakt"])
        let screen = SafeguardingScreen(extraWords: configuration.safeguardingWords)
        XCTAssertFalse(screen.hits(in: "Hij is geslagen.").isEmpty, "the built-in vocabulary still applies")
        XCTAssertFalse(screen.hits(in: "Hij werd vastgepakt.").isEmpty)
    }
}
