import CaseStore
import Digests
import Foundation
import Glibc
import MailParser

/// `klachtd deliver`: one message from the mail server's pipe, stored and decided at once.
public enum Delivery {
    /// Exit codes the mail server understands (sysexits): 0 stored, 75 try again later.
    public static let stored: Int32 = 0
    public static let tryAgainLater: Int32 = 75

    /// Reads the message from `fd` (standard input) and stores it. Up to `max_message_bytes`
    /// it is read into memory and decided at once; past that it goes to a spool file as it
    /// arrives, is stored from there unread and quarantined, so a huge message costs a
    /// megabyte of memory, not its size, and is still kept (never bounced, never dropped).
    public static func deliver(from fd: Int32, runtime: Runtime) -> Int32 {
        let limit = runtime.configuration.maxMessageBytes
        var bytes: [UInt8] = []
        var spool: MessageSpool?
        let store: CaseStore
        do {
            store = try runtime.openStore()
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw OperationsError("cannot read standard input: \(String(cString: strerror(errno)))")
                }
                if n == 0 { break }
                if let spool {
                    try spool.append(Array(chunk[0..<n]))
                    continue
                }
                bytes += chunk[0..<n]
                if bytes.count > limit {
                    let made = try MessageSpool(directory: (runtime.configuration.databasePath as NSString).deletingLastPathComponent)
                    try made.append(bytes)
                    bytes = []
                    spool = made
                }
            }
        } catch {
            runtime.logger.error("deliver: could not store the message, the mail server should retry: \(error)")
            return tryAgainLater
        }
        if let spool { return deliverUnread(spool, store: store, runtime: runtime) }
        guard !bytes.isEmpty else {
            runtime.logger.error("deliver: standard input is empty: pipe a message into klachtd deliver")
            return tryAgainLater
        }
        return deliver(bytes, store: store, runtime: runtime)
    }

    public static func deliver(_ bytes: [UInt8], runtime: Runtime) -> Int32 {
        do {
            return deliver(bytes, store: try runtime.openStore(), runtime: runtime)
        } catch {
            runtime.logger.error("deliver: could not store the message, the mail server should retry: \(error)")
            return tryAgainLater
        }
    }

    private static func deliver(_ bytes: [UInt8], store: CaseStore, runtime: Runtime) -> Int32 {
        let rawID: Int64
        do {
            rawID = try store.storeRaw(bytes, origin: .deliver, messageID: nil, sha256: SHA256.hexDigest(bytes),
                                       receivedAt: runtime.clock.now(), now: runtime.clock.now()).id
        } catch {
            runtime.logger.error("deliver: could not store the message, the mail server should retry: \(error)")
            return tryAgainLater
        }
        // From here the message is safe: a failure below is the daemon's to finish, not the mail server's.
        finish(rawID, store: store, runtime: runtime)
        return stored
    }

    /// A message over the limit: stored from its spool file, quarantined, the quality staff told.
    private static func deliverUnread(_ spool: MessageSpool, store: CaseStore, runtime: Runtime) -> Int32 {
        let now = runtime.clock.now()
        let reason = MessageSpool.reason(size: spool.size, limit: runtime.configuration.maxMessageBytes)
        let rawID: Int64
        do {
            rawID = try store.transaction { () throws -> Int64 in
                guard let id = try store.storeQuarantinedRaw(spool.spooled, origin: .deliver, note: reason, receivedAt: now, now: now) else {
                    throw OperationsError("the message was not stored")
                }
                try IntakeProcessor(runtime: runtime, store: store).announceQuarantine(id: id, receivedAt: now, size: spool.size,
                                                                                       reason: reason, now: now)
                return id
            }
        } catch {
            runtime.logger.error("deliver: could not store the message, the mail server should retry: \(error)")
            return tryAgainLater
        }
        finish(rawID, store: store, runtime: runtime)
        return stored
    }

    private static func finish(_ rawID: Int64, store: CaseStore, runtime: Runtime) {
        do {
            try IntakeProcessor(runtime: runtime, store: store).processPending()
            try OutboxSender(runtime: runtime, store: store).sendDue()
        } catch {
            runtime.logger.warning("deliver: stored as message \(rawID); the rest is left to the daemon: \(error)")
        }
    }
}
