import Digests
import Foundation
import JSONText
import MailFormat
import XCTest
@testable import MailParser

/// Runs every message of the shared public corpora through the parser, and checks the
/// expectations upstream suites publish for a selection of them.
final class CorpusTests: XCTestCase {
    private func corpora() throws -> URL {
        guard let directory = corporaDirectory() else {
            print("CorpusTests: no corpora at ../shared/corpora or $KLACHTD_CORPORA, skipping")
            throw XCTSkip("shared corpora not present")
        }
        return directory
    }

    private func load(_ root: URL, _ relativePath: String) throws -> [UInt8] {
        let path = root.appendingPathComponent(relativePath).path
        return Array(try XCTUnwrap(FileManager.default.contents(atPath: path), "cannot read \(relativePath)"))
    }

    private func parse(_ root: URL, _ relativePath: String) throws -> ParsedMessage {
        MessageParser.parse(try load(root, relativePath))
    }

    func testEveryCorpusMessageParsesWithoutCrashOrHang() throws {
        let root = try corpora()
        let index = String(decoding: try load(root, "INDEX.tsv"), as: UTF8.self)
        var messages: [(String, [UInt8])] = []
        for line in index.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 5 else { continue }
            let path = "\(columns[0])/\(columns[1])"
            switch columns[4] {
            case "message": messages.append((path, try load(root, path)))
            case "mbox", "mbox-edgecase":
                for (number, message) in MboxSplitter.messages(in: try load(root, path)).enumerated() {
                    messages.append(("\(path)#\(number)", message))
                }
            default: continue
            }
        }
        XCTAssertGreaterThan(messages.count, 1600, "the corpora list more than 1600 messages")
        let start = Date()
        var slowest = (name: "", seconds: 0.0)
        var withText = 0
        for (name, bytes) in messages {
            let messageStart = Date()
            let parsed = MessageParser.parse(bytes)
            let json = JSONValue.object(parsed.jsonObject(file: name)).serialized()
            XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(json.utf8)), "invalid JSON for \(name)")
            if parsed.text != nil { withText += 1 }
            let seconds = Date().timeIntervalSince(messageStart)
            if seconds > slowest.seconds { slowest = (name, seconds) }
        }
        let total = Date().timeIntervalSince(start)
        print("CorpusTests: parsed \(messages.count) messages in \(String(format: "%.2f", total)) s; "
              + "\(withText) with text; slowest \(slowest.name) \(String(format: "%.3f", slowest.seconds)) s")
        XCTAssertLessThan(slowest.seconds, 5, "no single message may take seconds: \(slowest.name)")
        XCTAssertLessThan(total, 120)
        XCTAssertGreaterThan(withText, messages.count * 9 / 10)
    }

    /// MimeKit UnitTests/Tnef/TnefTests.cs: `<name>/` holds the files extracted from `<name>.tnef`.
    func testMimeKitTNEFExtractionsMatchExpectedFiles() throws {
        let root = try corpora()
        let directory = root.appendingPathComponent("MimeKit/UnitTests/TestData/tnef")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".tnef") }.map { String($0.dropLast(5)) }
        var compared = 0
        for name in names.sorted() {
            let expectedDirectory = directory.appendingPathComponent(name)
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: expectedDirectory.path) else { continue }
            let expectedFiles = files.filter { !$0.hasPrefix("message.") }
            let extracted = TNEFReader.attachments(in: try load(directory, "\(name).tnef"))
            // Upstream's checkout stores text files with LF endings; compare both sides that way.
            let expectedDigests = try expectedFiles.map { SHA256.hexDigest(lfOnly(try load(expectedDirectory, $0))) }.sorted()
            let actualDigests = extracted.map { SHA256.hexDigest(lfOnly($0.data)) }.sorted()
            XCTAssertEqual(actualDigests, expectedDigests, "TNEF \(name): extracted contents")
            // Duplicate names get ".1", ".2" suffixes on disk; the attachment itself carries the plain name.
            let expectedNames = expectedFiles.map { file -> String in
                guard let dot = file.lastIndex(of: "."), Int(file[file.index(after: dot)...]) != nil else { return file }
                return String(file[..<dot])
            }.sorted()
            XCTAssertEqual(extracted.compactMap(\.filename).sorted(), expectedNames, "TNEF \(name): names")
            compared += 1
        }
        XCTAssertGreaterThanOrEqual(compared, 15)
        // These streams have empty expected lists upstream: no attachments to extract.
        for name in ["garbage-at-end", "multi-name-property"] {
            XCTAssertTrue(TNEFReader.attachments(in: try load(directory, "\(name).tnef")).isEmpty, name)
        }
    }

    /// MimeKit's `<name>/message.rtf` is the decompressed RTF body of `<name>.tnef`.
    func testCompressedRTFBodiesMatchMimeKitExpectations() throws {
        let directory = try corpora().appendingPathComponent("MimeKit/UnitTests/TestData/tnef")
        var compared = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".tnef") {
            let base = String(name.dropLast(5))
            guard let expected = FileManager.default.contents(atPath: directory.appendingPathComponent("\(base)/message.rtf").path)
            else { continue }
            let rtf = TNEFReader.contents(of: try load(directory, name)).bodyRTF
            XCTAssertEqual(rtf.map(lfOnly), lfOnly(Array(expected)), base)
            compared += 1
        }
        XCTAssertGreaterThanOrEqual(compared, 10)
    }

    /// A winmail.dat inside a MIME message is replaced by the files it carries.
    func testWinmailDatAttachmentIsOpenedInsideAMessage() throws {
        let root = try corpora()
        let tnef = try load(root, "MimeKit/UnitTests/TestData/tnef/two-files.tnef")
        let encoded = Data(tnef).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn])
        let raw = mail("""
            Subject: Klacht met bijlagen
            Content-Type: multipart/mixed; boundary=w

            --w
            Content-Type: text/plain

            Zie bijlagen.
            --w
            Content-Type: application/ms-tnef; name="winmail.dat"
            Content-Transfer-Encoding: base64


            """) + Array(encoded.utf8) + mail("\n--w--\n")
        let message = MessageParser.parse(raw)
        XCTAssertEqual(message.attachments.map(\.filename), ["AUTHORS", "README"])
        XCTAssertEqual(message.text, "Zie bijlagen.")
    }

    /// MimeKit's ukr.eml has no MIME text part; its body sits in the TNEF container.
    func testBodyInsideTNEFBecomesTheText() throws {
        let message = try parse(try corpora(), "MimeKit/UnitTests/TestData/tnef/ukr.eml")
        XCTAssertTrue(message.text?.hasPrefix("шостий") ?? false, message.text ?? "nil")
        XCTAssertTrue(message.attachments.isEmpty)
    }

    private func lfOnly(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() where !(byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
            result.append(byte)
        }
        return result
    }

    /// php-mime-mail-parser tests/ParserTest.php provideData: subject, attachment names and sizes.
    /// m0021 is left out: upstream expects a space inside a word split across encoded words,
    /// which RFC 2047 §6.2 says to join, and a subject prefix the stored file lacks.
    func testPhpMimeMailParserExpectations() throws {
        let root = try corpora()
        let expectations: [(String, String, [(String?, Int)])] = [
            ("m0001", "Mail avec fichier attaché de 1ko", [("attach01", 2)]),
            ("m0002", "Mail avec fichier attaché de 3ko", [("attach02", 2229)]),
            ("m0003", "Mail de 14 Ko", [("attach03", 13369)]),
            ("m0004", "Mail de 800ko", [("attach04", 817_938)]),
            ("m0005", "Mail de 1500 Ko", [("attach05", 1_635_877)]),
            ("m0007", "Mail avec fichier attaché de 3ko", [("attach02", 2229)]),
            ("m0010", "Mail de 800ko without filename", [(nil, 817_938)]),
            ("m0011", "Hello World !", [("file.txt", 29)]),
            ("m0013", "50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf",
             [("50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829.pdf", 10)]),
            ("m0018", "[Korea] Name", [("사진.JPG", 174), ("ATT00001.txt", 25)]),
            ("m0019", "Re: Maya Ethnobotanicals - Emails", []),
            ("m0022", "[PRJ-OTH] asdf  árvíztűrő tükörfúrógép", []),
            ("m0023", "If you can read this you understand the example.", []),
        ]
        for (file, subject, attachments) in expectations {
            let message = try parse(root, "php-mime-mail-parser/tests/mails/\(file)")
            XCTAssertEqual(message.subject, subject, file)
            XCTAssertEqual(message.attachments.map(\.filename), attachments.map(\.0), file)
            XCTAssertEqual(message.attachments.map(\.size), attachments.map(\.1), file)
        }
        // Upstream lists m0014's only part, a named inline text, as attachment and as text; our
        // contract makes the chosen body no attachment, so only the text expectation applies.
        let m0014 = try parse(root, "php-mime-mail-parser/tests/mails/m0014")
        XCTAssertEqual(m0014.subject, "Test message from Netscape Communicator 4.7")
        XCTAssertEqual(m0014.text?.components(separatedBy: "Die Hasen und die").count, 2)
        XCTAssertTrue(m0014.attachments.isEmpty)
        let m0009 = try parse(root, "php-mime-mail-parser/tests/mails/m0009")
        XCTAssertEqual(m0009.from, [MailAddress(name: "Ogone", address: "noreply@ogone.com")])
        XCTAssertTrue(m0009.text?.contains("951597484") ?? false)
        let m0023 = try parse(root, "php-mime-mail-parser/tests/mails/m0023")
        XCTAssertEqual(m0023.to.first?.name, "Keld Jørn Simonsen")
        XCTAssertEqual(m0023.from, [MailAddress(name: "Keith Moore", address: "moore@cs.utk.edu")])
    }

    /// bounce_email tests/test_bounce_email.py: status codes, non-bounces and returned Message-IDs.
    func testBounceEmailExpectations() throws {
        let root = try corpora()
        let codes = ["01": "5.1.2", "02": "5.1.2", "03": "5.0.0", "04": "5.0.0", "05": "5.0.0", "06": "5.7.1",
                     "07": "5.0.0", "10": "4.0.0"]
        for (number, code) in codes {
            let message = try parse(root, "bounce_email/tests/bounces/tt_bounce_\(number).txt")
            XCTAssertEqual(message.bounce?.recipients.first?.status, code, "tt_bounce_\(number)")
            XCTAssertTrue(message.isAutoSubmitted, "tt_bounce_\(number)")
        }
        XCTAssertEqual(try parse(root, "bounce_email/tests/bounces/malformed_bounce_01.txt").bounce?.recipients.first?.status,
                       "5.1.1")
        for file in ["non_bounces/tt_1234210666.txt", "non_bounces/tt_1234211024.txt", "non_bounces/tt_1234241664.txt",
                     "fixtures/no_subject.txt"] {
            XCTAssertNil(try parse(root, "bounce_email/tests/\(file)").bounce, file)
        }
        for number in ["06", "08", "09", "12_soft", "14", "17", "18", "19", "20", "21", "22", "25"] {
            XCTAssertNotNil(try parse(root, "bounce_email/tests/bounces/tt_bounce_\(number).txt").bounce?.originalMessageID,
                            "tt_bounce_\(number)")
        }
        XCTAssertNotNil(try parse(root, "bounce_email/tests/bounces/undeliverable_gmail.txt").bounce?.originalMessageID)
    }
}

/// Splits an mbox file at its "From " separator lines (RFC 4155).
enum MboxSplitter {
    static func messages(in bytes: [UInt8]) -> [[UInt8]] {
        var starts: [Int] = []
        var lineStart = 0
        let separator = Array("From ".utf8)
        while lineStart < bytes.count {
            if bytes[lineStart...].starts(with: separator) && (lineStart == 0 || bytes[lineStart - 1] == 0x0A) {
                starts.append(lineStart)
            }
            guard let newline = bytes[lineStart...].firstIndex(of: 0x0A) else { break }
            lineStart = newline + 1
        }
        if starts.isEmpty { return bytes.isEmpty ? [] : [bytes] }
        return starts.enumerated().map { index, start in
            Array(bytes[start..<(index + 1 < starts.count ? starts[index + 1] : bytes.count)])
        }
    }
}
