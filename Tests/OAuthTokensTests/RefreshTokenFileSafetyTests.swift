import Foundation
import Glibc
import OAuthTokens
import XCTest

/// Issue 17 (13): the rotated refresh token goes into a new file of klachtd's own, never
/// through a file or symbolic link someone planted at the temporary name.
final class RefreshTokenFileSafetyTests: XCTestCase {
    var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "oauth-safety-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    func testAPlantedSymbolicLinkAtTheTemporaryNameDoesNotReceiveTheToken() throws {
        let victim = directory + "/elders.txt"
        try "niet overschrijven\n".write(toFile: victim, atomically: true, encoding: .utf8)
        let path = directory + "/refresh"
        // The name the old code used, predictable from the process id.
        XCTAssertEqual(symlink(victim, path + ".tmp-\(getpid())"), 0)
        let old = umask(0)
        defer { umask(old) }
        try RefreshTokenFile(path: path).write("rt-geheim")
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "niet overschrijven\n", "the link was not followed")
        XCTAssertEqual(try RefreshTokenFile(path: path).read(), "rt-geheim")
        var status = stat()
        XCTAssertEqual(lstat(path, &status), 0)
        XCTAssertEqual(status.st_mode & 0o777, 0o600, "0600 even with umask 0")
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFREG, "the token file is a regular file, not the planted link")
    }
}
