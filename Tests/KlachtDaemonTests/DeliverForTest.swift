import CaseStore
import Digests
import Foundation
@testable import KlachtDaemon

/// Puts `mail` in the store as `klachtd deliver` does, received at the runtime's clock (or
/// `moment`), and runs the real intake on it: how the unit tests let a message arrive without a
/// mail server. Line ends become CRLF whatever the test wrote.
func deliverForTest(_ mail: String, runtime: Runtime, store: CaseStore, at moment: Date? = nil) throws {
    let received = moment ?? runtime.clock.now()
    let bytes = Array(mail.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
    _ = try store.storeRaw(bytes, origin: .deliver, messageID: nil, sha256: SHA256.hexDigest(bytes), receivedAt: received, now: received)
    try IntakeProcessor(runtime: runtime, store: store).processPending()
}
