import CaseStore
import Foundation
import MailParser

/// `klachtd deliver`: one message from the mail server's pipe, stored and decided at once.
public enum Delivery {
    /// Exit codes the mail server understands (sysexits): 0 stored, 75 try again later.
    public static let stored: Int32 = 0
    public static let tryAgainLater: Int32 = 75

    public static func deliver(_ bytes: [UInt8], runtime: Runtime) -> Int32 {
        let store: CaseStore
        let rawID: Int64
        do {
            store = try runtime.openStore()
            rawID = try store.storeRaw(bytes, origin: .deliver, messageID: nil, sha256: SHA256.hexDigest(bytes),
                                       receivedAt: runtime.clock.now(), now: runtime.clock.now()).id
        } catch {
            runtime.logger.error("deliver: could not store the message, the mail server should retry: \(error)")
            return tryAgainLater
        }
        // From here the message is safe: a failure below is the daemon's to finish, not the mail server's.
        do {
            try IntakeProcessor(runtime: runtime, store: store).processPending()
            try OutboxSender(runtime: runtime, store: store).sendDue()
        } catch {
            runtime.logger.warning("deliver: stored as message \(rawID); the rest is left to the daemon: \(error)")
        }
        return stored
    }
}
