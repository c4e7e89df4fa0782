import Foundation
@testable import KlachtConfig
import XCTest

/// Issue 16: a key the configuration does not know is an error naming the nearest known key.
final class UnknownKeyTests: XCTestCase {
    private func error(_ text: String) -> ConfigError? {
        do {
            _ = try ConfigurationLoader.parse(text, file: "klachtd.conf")
            return nil
        } catch {
            return error
        }
    }

    func testMisspelledLocationKeyNamesTheNearestKnownKey() throws {
        let text = ConfigurationLoaderTests.valid + "\n[location \"De Eik\"]\nhandelr = behandelaar3@example.test\n"
        let problem = try XCTUnwrap(error(text))
        XCTAssertTrue(problem.problem.contains("'handelr' is not a setting of [location]"), problem.description)
        XCTAssertTrue(problem.fix.contains("Did you mean 'handler'?"), problem.description)
        XCTAssertEqual(problem.line, text.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
    }

    func testMisspelledOrganisationAndImapKeys() throws {
        let organisation = ConfigurationLoaderTests.valid.replacingOccurrences(of: "timezone =", with: "timezonee =")
        XCTAssertEqual(try XCTUnwrap(error(organisation)).fix.contains("'timezone'"), true)
        let imap = ConfigurationLoaderTests.valid.replacingOccurrences(of: "starttls = required", with: "starttls = required\npoll_intervall = 30")
        XCTAssertEqual(try XCTUnwrap(error(imap)).fix.contains("Did you mean 'poll_interval'?"), true)
    }

    func testKeyOfAnotherSectionListsTheSectionsKeys() throws {
        let text = ConfigurationLoaderTests.valid.replacingOccurrences(of: "[smtp]\n", with: "[smtp]\ndatabase = /tmp/x.sqlite\n")
        let problem = try XCTUnwrap(error(text))
        XCTAssertTrue(problem.problem.contains("'database' is not a setting of [smtp]"), problem.description)
        XCTAssertTrue(problem.fix.contains("Known keys of [smtp]:") && problem.fix.contains("url"), problem.description)
    }

    func testFormLabelFamilyAndBothSecretSourcesAreKnown() throws {
        let text = ConfigurationLoaderTests.valid
            .replacingOccurrences(of: "password_file = /etc/klachtd/imap.secret", with: "password_file = /etc/klachtd/imap.secret\npassword_env = X")
            + "\n[forms]\nsenders = wordpress@example.test\nlabel.location = welke opvang\n"
        XCTAssertNil(error(text))
    }

    func testAnEarlierCopyOfASectionGivenTwiceIsShadowedNotUnknown() {
        let text = ConfigurationLoaderTests.valid + "\n[imap]\nurl = imap://127.0.0.1:10143/INBOX\nusername = klachten@example.test\npassword_file = /tmp/x\nstarttls = required\n"
        XCTAssertNil(error(text))
    }

    /// Every key the shipped example names, commented out or not, is one klachtd knows: taking
    /// the `# ` off one key line of a section that is itself active never gives "not a setting".
    func testEveryKeyTheExampleNamesIsKnown() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("deploy/klachtd.conf.example")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        var checked = 0
        var sectionIsActive = false
        for (index, line) in lines.enumerated() {
            if line.hasPrefix("[") { sectionIsActive = true; continue }
            if line.hasPrefix("# [") { sectionIsActive = false; continue }
            guard sectionIsActive, line.hasPrefix("# "), let equals = line.firstIndex(of: "=") else { continue }
            let key = line.dropFirst(2)[..<equals].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLowercase || $0 == "_" || $0 == "." }) else { continue }
            var edited = lines
            edited[index] = String(line.dropFirst(2).prefix { $0 != "(" })
            let problem = error(edited.joined(separator: "\n"))
            XCTAssertFalse(problem?.problem.contains("is not a setting") ?? false, "\(key): \(problem!.description)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 10)
    }
}
