import Digests
import XCTest

/// The incremental SHA-256 (a spooled message's digest) is libcrypto's context behind a value
/// type: pieces give the whole's digest, a copy goes its own way, and reading the digest
/// does not end the hashing.
final class SHA256HasherTests: XCTestCase {
    func testPiecesOfAnySizeGiveTheDigestOfTheWhole() {
        let whole = (0..<200_003).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        for pieceSize in [1, 55, 64, 65, 4_096, 100_003] {
            var hasher = SHA256.Hasher()
            for start in stride(from: 0, to: whole.count, by: pieceSize) {
                hasher.update(Array(whole[start..<min(start + pieceSize, whole.count)]))
            }
            XCTAssertEqual(hasher.hexDigest(), SHA256.hexDigest(whole), "pieces of \(pieceSize)")
        }
        XCTAssertEqual(SHA256.Hasher().hexDigest(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testACopyIsIndependentAndTheDigestCanBeReadMidway() {
        var first = SHA256.Hasher()
        first.update(Array("abc".utf8))
        XCTAssertEqual(first.hexDigest(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        var second = first
        second.update(Array("def".utf8))
        first.update(Array("xyz".utf8))
        XCTAssertEqual(second.hexDigest(), SHA256.hexDigest(Array("abcdef".utf8)))
        XCTAssertEqual(first.hexDigest(), SHA256.hexDigest(Array("abcxyz".utf8)))
        XCTAssertEqual(first.hexDigest(), SHA256.hexDigest(Array("abcxyz".utf8)), "reading the digest twice gives it twice")
    }
}
