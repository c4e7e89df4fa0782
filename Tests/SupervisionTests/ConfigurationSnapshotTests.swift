import CProcessControl
import Glibc
@testable import Supervision
import XCTest

/// Issue 22: the configuration a worker hands the supervisor reaches later workers whole,
/// whatever its size, and what cannot be passed on whole is an error, never a cut text.
final class ConfigurationSnapshotTests: XCTestCase {
    private func socketPair() throws -> (worker: Int32, supervisor: Int32) {
        var pair: [Int32] = [0, 0]
        XCTAssertEqual(socketpair(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0, &pair), 0)
        return (pair[1], pair[0])
    }

    private func receiveOne(_ socket: Int32) -> ReceivedDatagram? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var descriptor: Int32 = -1
        var truncated: Int32 = 0
        let count = buffer.withUnsafeMutableBytes { klachtd_receive_with_descriptor(socket, $0.baseAddress, $0.count, &descriptor, &truncated) }
        guard count >= 0 else { return nil }
        return ReceivedDatagram(text: String(decoding: buffer[..<count], as: UTF8.self), descriptor: descriptor >= 0 ? descriptor : nil,
                                truncated: truncated != 0)
    }

    func testAMegabyteConfigurationArrivesWhole() throws {
        let (worker, supervisor) = try socketPair()
        defer { close(worker); close(supervisor) }
        let text = (0..<9000).map { "[location \"Kindcentrum Vestiging \($0)\"]\nhandler = behandelaar@example.test\naliases = vestiging \($0), kindcentrum ü \($0)\n\n" }.joined()
        XCTAssertGreaterThan(text.utf8.count, 1_000_000)
        try ConfigurationSnapshot.send(text, socket: worker)
        let datagram = try XCTUnwrap(receiveOne(supervisor))
        XCTAssertTrue(ConfigurationSnapshot.isAnnouncement(datagram.text))
        let snapshot = try ConfigurationSnapshot.received(datagram).get()
        XCTAssertEqual(snapshot.bytes, text.utf8.count)
        XCTAssertGreaterThanOrEqual(snapshot.descriptor, 100)
        // As a later worker reads it: from its own copy of the descriptor.
        let copy = dup(snapshot.descriptor)
        XCTAssertEqual(try ConfigurationSnapshot.read(descriptor: copy, bytes: snapshot.bytes).get(), text)
        // Sealed: nobody can change the text after it was sent.
        XCTAssertEqual(text.withCString { pwrite(snapshot.descriptor, $0, 4, 0) }, -1)
    }

    func testAnAnnouncementWithoutItsFileOrOfAnotherSizeIsAnError() throws {
        let (worker, supervisor) = try socketPair()
        defer { close(worker); close(supervisor) }
        // The old protocol's datagram (the text inline) is not taken as a configuration.
        let inline = "KLACHTD_CONFIG=1\n[organisation]\nname = De Vlinder\n"
        XCTAssertEqual(inline.withCString { send(worker, $0, strlen($0), 0) }, inline.utf8.count)
        let first = try XCTUnwrap(receiveOne(supervisor))
        XCTAssertThrowsError(try ConfigurationSnapshot.received(first).get())

        // A file whose size is not the one announced.
        let file = klachtd_sealed_memory_file("test", "abc", 3)
        XCTAssertGreaterThanOrEqual(file, 0)
        let wrong = Array("KLACHTD_CONFIG=1\nBYTES=4\n".utf8)
        XCTAssertEqual(wrong.withUnsafeBytes { klachtd_send_with_descriptor(worker, $0.baseAddress, $0.count, file) }, wrong.count)
        close(file)
        let second = try XCTUnwrap(receiveOne(supervisor))
        XCTAssertNotNil(second.descriptor)
        XCTAssertThrowsError(try ConfigurationSnapshot.received(second).get())
    }

    func testAWorkerThatCannotReachTheSupervisorIsToldSo() throws {
        let (worker, supervisor) = try socketPair()
        close(supervisor)
        defer { close(worker) }
        XCTAssertThrowsError(try ConfigurationSnapshot.send("[organisation]\n", socket: worker))
    }
}
