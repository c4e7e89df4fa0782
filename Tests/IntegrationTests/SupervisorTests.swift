import Foundation
import Glibc
import XCTest
import TestMailSupport

/// Issue 7, idle memory: `klachtd run` becomes the small supervisor, which starts a worker
/// when there is work and watches the mailbox itself in between. Against the real servers.
final class SupervisorTests: XCTestCase {
    var server: TestMailServer!

    override func setUpWithError() throws {
        server = try TestMailServer.require()
        try server.emptyAllMailboxes()
    }

    private func complaint(_ n: Int) -> String {
        complaintMail(from: "ouder\(n)@example.test", name: "Ouder \(n)", subject: "Klacht \(n)", body: "Over BSO Morel, nummer \(n).")
    }

    private func handOvers(_ daemon: DaemonFixture) -> Int {
        daemon.log().components(separatedBy: "the supervisor watches the mailbox").count - 1
    }

    func testTheIdleWorkerHandsOverAndNewMailOrTheTimerStartsAnother() throws {
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[service]\nworker_linger = 1\nwake_interval = 8\n")
        try daemon.start()
        defer { daemon.stop() }
        let supervisor = try XCTUnwrap(daemon.pidIfRunning)
        try daemon.waitUntil("the first worker hands over", timeout: 30) { handOvers(daemon) >= 1 }
        try daemon.waitUntil("the worker has exited") { daemon.workerPIDs.isEmpty }
        let maps = DaemonFixture.procFile("/proc/\(supervisor)/maps")
        XCTAssertFalse(maps.contains("libFoundation"), "the resident process must not load Foundation")
        XCTAssertTrue(maps.contains("libcurl"), "it is the supervisor, watching over IMAP")

        // New mail wakes the supervisor's IDLE, and a worker acknowledges it.
        let before = handOvers(daemon)
        try server.send(from: "ouder1@example.test", to: ["klachten@example.test"], complaint(1))
        _ = try server.waitForInbox("ouder1", count: 1, timeout: 20)
        XCTAssertTrue(daemon.log().contains("klachtd started (worker, mail)"), daemon.log())
        try daemon.waitUntil("that worker hands over too") { handOvers(daemon) > before }

        // Without mail, the wake interval starts one for the scheduler and the outbox.
        try daemon.waitUntil("a worker started by the timer", timeout: 30) { daemon.log().contains("klachtd started (worker, timer)") }

        // SIGHUP while watching starts a worker at once, which reads the configuration anew.
        try daemon.waitUntil("watching again") { daemon.workerPIDs.isEmpty }
        kill(supervisor, SIGHUP)
        try daemon.waitUntil("a worker started for the reload") { daemon.log().contains("klachtd started (worker, reload)") }

        try server.send(from: "ouder2@example.test", to: ["klachten@example.test"], complaint(2))
        _ = try server.waitForInbox("ouder2", count: 1, timeout: 20)
        XCTAssertEqual(try daemon.cases().count, 2)
        XCTAssertEqual(try server.inbox("ouder1").count, 1, "one acknowledgement, however many workers came and went")
        try daemon.waitUntil("only the supervisor runs") { daemon.workerPIDs.isEmpty && handOvers(daemon) >= 4 }
        XCTAssertEqual(daemon.stop(), 0, "SIGTERM while watching stops the supervisor at once")
        XCTAssertTrue(daemon.log().contains("klachtd supervisor stopped"), daemon.log())
    }

    func testAKilledWorkerIsReplacedAndAKilledSupervisorTakesItsWorkerAlong() throws {
        let daemon = try DaemonFixture(server: server)
        try daemon.start()
        defer { daemon.stop() }
        let first = try XCTUnwrap(daemon.workerPIDs.first, "a worker runs after the start (it lingers 60 s)")
        kill(first, SIGKILL)
        try daemon.waitUntil("the supervisor notices and starts another") {
            daemon.log().contains("was killed by signal 9") && !daemon.workerPIDs.isEmpty && daemon.workerPIDs != [first]
        }
        try server.send(from: "ouder3@example.test", to: ["klachten@example.test"], complaint(3))
        _ = try server.waitForInbox("ouder3", count: 1, timeout: 20)

        let second = try XCTUnwrap(daemon.workerPIDs.first)
        daemon.crash()
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, DaemonFixture.runningParent(of: second) != nil { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertNil(DaemonFixture.runningParent(of: second), "the worker dies with its supervisor (PR_SET_PDEATHSIG), leaving no orphan on the database")
    }

    func testAConfigurationBrokenOnDiskDoesNotStopIntakeAndAReloadKeepsTheRunningOne() throws {
        let daemon = try DaemonFixture(server: server, extraConfiguration: "[service]\nworker_linger = 1\n")
        try daemon.start()
        defer { daemon.stop() }
        let good = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
        try daemon.waitUntil("the first worker hands over", timeout: 30) { handOvers(daemon) >= 1 && daemon.workerPIDs.isEmpty }

        // Saved broken, not reloaded: workers started for new mail use the text the start loaded.
        try (good + "\n[location \"Zuid\"]\nregime = wet\n").write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        try server.send(from: "ouder4@example.test", to: ["klachten@example.test"], complaint(4))
        _ = try server.waitForInbox("ouder4", count: 1, timeout: 20)

        // A reload reads the file, refuses it, and keeps the running configuration.
        try daemon.waitUntil("watching again") { daemon.workerPIDs.isEmpty && handOvers(daemon) >= 2 }
        kill(try XCTUnwrap(daemon.pidIfRunning), SIGHUP)
        try daemon.waitUntil("the reload is refused") { daemon.log().contains("reload refused, keeping the running configuration") }
        try server.send(from: "ouder5@example.test", to: ["klachten@example.test"], complaint(5))
        _ = try server.waitForInbox("ouder5", count: 1, timeout: 20)
        XCTAssertFalse(daemon.log().contains("exited with status 78"), "no worker failed on the broken file:\n\(daemon.log())")
        try good.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)   // the command line reads the file
        XCTAssertEqual(try daemon.cases().count, 2)
    }

    func testAFirstWorkerThatCannotStartStopsTheServiceWithItsExitCode() throws {
        let daemon = try DaemonFixture(server: server)
        // Valid configuration, but a database no worker can open: the supervisor must not retry forever.
        let text = try String(contentsOfFile: daemon.configPath, encoding: .utf8)
            .replacingOccurrences(of: daemon.databasePath, with: "/proc/klachtd-cannot-live-here.sqlite")
        try text.write(toFile: daemon.configPath, atomically: true, encoding: .utf8)
        let run = try daemon.klachtd(["run"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.error.contains("the first worker exited with status"), run.error)
        XCTAssertTrue(run.error.contains("klachtd does not start"), run.error)
    }

}
