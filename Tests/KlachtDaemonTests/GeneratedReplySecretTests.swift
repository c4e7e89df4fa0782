import Foundation
@testable import KlachtDaemon
import XCTest

/// Issue 16: without `[organisation] secret_file`, one secret is made and kept beside the database.
final class GeneratedReplySecretTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "klachtd-secret-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testTheSecretIsMadeOnceAndReadAfterwards() throws {
        let database = directory + "/klachtd.sqlite"
        let first = try XCTUnwrap(GeneratedReplySecret.loadOrCreate(databasePath: database))
        XCTAssertEqual(first.count, 64)
        XCTAssertEqual(GeneratedReplySecret.loadOrCreate(databasePath: database), first)
        let mode = try FileManager.default.attributesOfItem(atPath: database + ".reply-secret")[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory), ["klachtd.sqlite.reply-secret"],
                       "no temporary file is left behind")
    }

    func testProcessesStartingTogetherAgreeOnOneSecret() throws {
        let database = directory + "/klachtd.sqlite"
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            results.add(GeneratedReplySecret.loadOrCreate(databasePath: database))
        }
        let secrets = results.all
        XCTAssertEqual(secrets.count, 8)
        XCTAssertFalse(secrets.contains { $0 == nil }, "nobody was left without a secret")
        XCTAssertEqual(Set(secrets.compactMap { $0 }).count, 1, "every caller got the same secret")
    }

    func testAnUnwritableDirectoryLeavesCommandsOffWithoutFailing() {
        XCTAssertNil(GeneratedReplySecret.loadOrCreate(databasePath: directory + "/missing/klachtd.sqlite"))
    }
}

/// Collects results from concurrent callers.
private final class Results: @unchecked Sendable {
    // Safe: every access holds `lock`.
    private let lock = NSLock()
    private var values: [[UInt8]?] = []

    func add(_ value: [UInt8]?) { lock.lock(); values.append(value); lock.unlock() }

    var all: [[UInt8]?] { lock.lock(); defer { lock.unlock() }; return values }
}
