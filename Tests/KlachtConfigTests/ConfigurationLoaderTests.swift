import ComplaintCore
import Foundation
import KlachtConfig
import XCTest

final class ConfigurationLoaderTests: XCTestCase {
    static let valid = """
        # klachtd test configuration
        [organisation]
        name = Kinderopvang De Vlinder
        address = klachten@example.test       # the complaints mailbox
        quality = kwaliteit@example.test
        management = directie@example.test
        safeguarding = aandacht@example.test
        timezone = Europe/Amsterdam
        language = nl
        [imap]
        url = imap://127.0.0.1:10143/INBOX
        username = klachten@example.test
        password_file = /etc/klachtd/imap.secret
        starttls = required
        [smtp]
        url = smtp://127.0.0.1:10025
        [storage]
        database = /var/lib/klachtd/klachtd.sqlite
        [location "Morel"]
        handler = behandelaar1@example.test
        aliases = morel, bso morel
        regime = wko
        [location "De Boomgaard"]
        handler = behandelaar2@example.test
        regime = wkkgz
        """

    func testTheIssueExampleIsReadWithEveryKey() throws {
        let configuration = try ConfigurationLoader.parse(Self.valid, file: "test.conf")
        XCTAssertEqual(configuration.organisation.name, "Kinderopvang De Vlinder")
        XCTAssertEqual(configuration.organisation.address, "klachten@example.test")
        XCTAssertEqual(configuration.imap.mailbox, "INBOX")
        XCTAssertEqual(configuration.imap.server.password, .file("/etc/klachtd/imap.secret"))
        XCTAssertTrue(configuration.imap.server.requireStartTLS)
        XCTAssertEqual(configuration.locations.map(\.name), ["Morel", "De Boomgaard"])
        XCTAssertEqual(configuration.locations[0].aliases, ["morel", "bso morel"])
        XCTAssertEqual(configuration.locations[1].regime, .wkkgz)
        XCTAssertEqual(configuration.maxMessageBytes, 25 * 1024 * 1024)
    }

    func testServiceSettingsHaveDefaultsAndBounds() throws {
        XCTAssertEqual(try ConfigurationLoader.parse(Self.valid, file: "f").service, ServiceSettings(workerLingerSeconds: 60, wakeIntervalSeconds: 300))
        let tuned = try ConfigurationLoader.parse(Self.valid + "\n[service]\nworker_linger = 0\nwake_interval = 900\n", file: "f")
        XCTAssertEqual(tuned.service, ServiceSettings(workerLingerSeconds: 0, wakeIntervalSeconds: 900))
        XCTAssertThrowsError(try ConfigurationLoader.parse(Self.valid + "\n[service]\nwake_interval = 7200\n", file: "f")) { error in
            XCTAssertTrue(String(describing: error).contains("5 to 3600"), String(describing: error))
        }
    }

    func testErrorsNameTheFileTheLineAndTheFix() {
        let broken = Self.valid.replacingOccurrences(of: "regime = wkkgz", with: "regime = wkkgz2")
        XCTAssertThrowsError(try ConfigurationLoader.parse(broken, file: "klachtd.conf")) { error in
            let text = String(describing: error)
            XCTAssertTrue(text.hasPrefix("klachtd.conf:25:"), text)
            XCTAssertTrue(text.contains("wko"), text)
        }
    }

    func testALineThatIsNotKeyValueIsRefused() {
        XCTAssertThrowsError(try ConfigurationLoader.parse("[organisation]\nname Kinderopvang\n", file: "f")) { error in
            XCTAssertEqual((error as? ConfigError)?.line, 2)
        }
    }

    func testMissingSectionSaysWhichOne() {
        let withoutSMTP = Self.valid.replacingOccurrences(of: "[smtp]\nurl = smtp://127.0.0.1:10025\n", with: "")
        XCTAssertThrowsError(try ConfigurationLoader.parse(withoutSMTP, file: "f")) { error in
            XCTAssertTrue(String(describing: error).contains("[smtp]"))
        }
    }

    func testUsernameWithoutPasswordIsAnError() {
        let text = Self.valid.replacingOccurrences(of: "password_file = /etc/klachtd/imap.secret\n", with: "")
        XCTAssertThrowsError(try ConfigurationLoader.parse(text, file: "f")) { error in
            XCTAssertTrue(String(describing: error).contains("password_file"))
        }
    }

    func testSecretFileContentNeverAppearsInErrors() throws {
        let path = NSTemporaryDirectory() + "klachtd-empty-secret-\(getpid())"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertThrowsError(try SecretReader.read(.file(path), section: "imap", configFile: "f")) { error in
            XCTAssertTrue(String(describing: error).contains("empty"))
        }
        XCTAssertThrowsError(try SecretReader.read(.environment("KLACHTD_NO_SUCH_VARIABLE"), section: "imap", configFile: "f"))
        XCTAssertEqual(try SecretReader.read(.environment("X"), section: "imap", configFile: "f", environment: ["X": "geheim"]), "geheim")
    }

    func testCommentsAfterValuesAreDroppedButHashesInsideValuesStay() throws {
        let sections = try ConfigFileParser.parse("[forms]\nsenders = a@b.nl # the site\nlabel.kind = \"soort # melding\"\n", file: "f")
        XCTAssertEqual(sections[0].value("senders"), "a@b.nl")
        XCTAssertEqual(sections[0].value("label.kind"), "soort # melding")
    }
}
