import Foundation
import Glibc
import XCTest
import TestMailSupport

/// Issue 7, service behaviour: systemd hears readiness once, watchdog pings all the time
/// (from the worker while it runs, from the supervisor while it watches), and a stop; never
/// the hand-over between the two, which holds the password.
final class SystemdNotifyTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    /// A datagram socket standing in for systemd's NOTIFY_SOCKET.
    private final class NotifySocket {
        let path = NSTemporaryDirectory() + "klachtd-notify-\(UUID().uuidString.prefix(8)).sock"
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        private(set) var received: [(at: Date, text: String)] = []

        init() throws {
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                for (i, byte) in path.utf8.enumerated() { raw[i] = byte }
            }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            guard fd >= 0, bound == 0 else { throw XCTSkip("cannot bind \(path)") }
        }

        deinit {
            close(fd)
            unlink(path)
        }

        /// Collects datagrams for `seconds`.
        func collect(for seconds: TimeInterval) {
            let end = Date().addingTimeInterval(seconds)
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while Date() < end {
                var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&descriptor, 1, Int32(max(1, end.timeIntervalSinceNow * 1000))) > 0 else { continue }
                let count = recv(fd, &buffer, buffer.count, 0)
                if count > 0 { received.append((Date(), String(decoding: buffer[..<count], as: UTF8.self))) }
            }
        }

        func lines(_ line: String) -> [Date] {
            received.filter { $0.text.split(separator: "\n").contains(Substring(line)) }.map(\.at)
        }
    }

    func testReadyOnceWatchdogThroughoutStoppingAtTheEndAndNoSecrets() throws {
        let systemd = try NotifySocket()
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[service]\nworker_linger = 1\n")
        try daemon.start(environment: ["NOTIFY_SOCKET": systemd.path, "WATCHDOG_USEC": "4000000"])
        defer { daemon.stop() }
        systemd.collect(for: 4)
        try daemon.waitUntil("the worker hands over") { daemon.log().contains("the supervisor watches the mailbox") }
        systemd.collect(for: 8)   // watching only: the supervisor pings by itself
        try server.send(from: "ouder6@example.test", to: ["klachten@example.test"], complaintMail(
            from: "ouder6@example.test", name: "Ouder 6", subject: "Klacht", body: "Over BSO Morel."))
        _ = try server.waitForInbox("ouder6", count: 1, timeout: 20)
        systemd.collect(for: 3)
        XCTAssertEqual(daemon.stop(), 0)
        systemd.collect(for: 0.5)

        XCTAssertEqual(systemd.lines("READY=1").count, 1, "readiness once, however many workers start")
        XCTAssertEqual(systemd.lines("STOPPING=1").count, 1)
        let pings = systemd.lines("WATCHDOG=1")
        XCTAssertGreaterThan(pings.count, 5)
        let gaps = zip(pings.dropFirst(), pings).map { $0.timeIntervalSince($1) }
        XCTAssertLessThan(gaps.max() ?? 99, 4, "a ping within every watchdog interval (4 s), across hand-overs")
        for (_, text) in systemd.received {
            XCTAssertFalse(text.contains("PASSWORD") || text.contains("KLACHTD_") || text.contains(server.password + "\n"), text)
        }
    }
}
