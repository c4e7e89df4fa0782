import CaseStore
import Foundation
import MailParser
import MailTransport

/// Brings new messages from the IMAP mailbox into the store, and marks decided ones on the server.
///
/// Stores first, marks last: a message is flagged `\Seen` plus our keyword (or moved) only
/// after its case is committed, so a crash at any point leaves it to be done again, and the
/// (mailbox, UIDVALIDITY, UID) key makes doing it again a no-op.
public final class MailboxSync {
    let runtime: Runtime
    let store: CaseStore
    private(set) var connection: IMAPConnection?
    /// A second connection that only waits in IDLE, so the first is always ready to sync.
    private var watcher: IMAPConnection?
    private var serverLacksIdle = false
    private var status: MailboxStatus?
    let authentication: MailAuthentication

    public init(runtime: Runtime, store: CaseStore, authentication: MailAuthentication? = nil) {
        self.runtime = runtime
        self.store = store
        self.authentication = authentication ?? MailAuthentication(runtime: runtime)
    }

    var mailbox: String { runtime.configuration.imap.mailbox }

    /// Fetches and stores every message above the last UID seen; returns how many were new.
    @discardableResult
    public func fetchNew() throws -> Int {
        let imap = try connected()
        let current = try imap.select(mailbox)
        status = current
        var lastUID: UInt32 = 0
        if let known = try store.mailboxState(mailbox) {
            if known.uidValidity == current.uidValidity {
                lastUID = known.lastUID
            } else {
                // Old UIDs are void: read everything again; copies are recognised by Message-ID and sha256.
                runtime.logger.warning("UIDVALIDITY of \(mailbox) changed (\(known.uidValidity) → \(current.uidValidity)); rescanning")
            }
        }
        let uids = try imap.uidsAbove(lastUID).sorted()
        var stored = 0
        for chunk in stride(from: 0, to: uids.count, by: 200).map({ Array(uids[$0..<min($0 + 200, uids.count)]) }) {
            let messages = try imap.fetch(uids: chunk)
            try store.transaction {
                for message in messages {
                    let result = try store.storeRaw(message.bytes, origin: .imap(mailbox: mailbox, uidValidity: current.uidValidity, uid: message.uid),
                                                    messageID: nil, sha256: SHA256.hexDigest(message.bytes),
                                                    receivedAt: message.internalDateSeconds.map { Date(timeIntervalSince1970: Double($0)) } ?? runtime.clock.now(), now: runtime.clock.now())
                    if result.isNew { stored += 1 }
                }
                if let highest = messages.map(\.uid).max() {
                    try store.setMailboxState(mailbox, uidValidity: current.uidValidity, lastUID: max(highest, lastUID))
                }
            }
        }
        if uids.isEmpty, try store.mailboxState(mailbox) == nil || (try store.mailboxState(mailbox))?.uidValidity != current.uidValidity {
            try store.setMailboxState(mailbox, uidValidity: current.uidValidity, lastUID: lastUID)
        }
        return stored
    }

    /// Flags (or moves) the messages whose decision is committed.
    public func markDecided() throws {
        guard let imap = connection, let status else { return }
        let pending = try store.unmarkedIMAPMessages(mailbox: mailbox, uidValidity: status.uidValidity)
        guard !pending.isEmpty else { return }
        let uids = pending.map(\.uid)
        try imap.addFlags(["\\Seen", runtime.configuration.imap.processedKeyword], uids: uids)
        if let folder = runtime.configuration.imap.moveTo {
            try imap.create(mailbox: folder)
            try imap.move(uids: uids, to: folder)
        }
        try store.markIMAPDone(ids: pending.map(\.id))
    }

    /// Waits in IDLE on the watcher connection until the mailbox changes, `seconds` pass
    /// (the transport re-issues IDLE before 29 minutes) or `wake` becomes readable.
    /// Returns false when the server has no IDLE: the caller polls instead.
    public func waitForChange(seconds: Int, wake: Int32) throws -> Bool {
        guard !serverLacksIdle else { return false }
        if watcher == nil {
            let made = try authentication.login(.imap, store: store) { endpoint in try IMAPConnection(endpoint: endpoint) }
            guard made.capabilities.contains("IDLE") else {
                serverLacksIdle = true
                made.logout()
                runtime.logger.notice("the IMAP server has no IDLE; polling every \(runtime.configuration.imap.pollIntervalSeconds) s")
                return false
            }
            let selected = try made.select(mailbox)
            watcher = made
            // A fresh SELECT already counts mail that came after the last fetch, and IDLE
            // reports only what comes later: look once, or such mail waits for the timeout.
            if let known = try store.mailboxState(mailbox) {
                if known.uidValidity != selected.uidValidity { return true }
                if try !made.uidsAbove(known.lastUID).isEmpty { return true }
            }
        }
        do {
            _ = try watcher?.idle(timeoutSeconds: seconds, wakeFileDescriptor: wake)
        } catch {
            watcher = nil
            throw error
        }
        return true
    }

    public func disconnect() {
        connection?.logout()
        connection = nil
        watcher?.logout()
        watcher = nil
        status = nil
    }

    private func connected() throws -> IMAPConnection {
        if let connection {
            return connection
        }
        let made = try authentication.login(.imap, store: store) { endpoint in try IMAPConnection(endpoint: endpoint) }
        connection = made
        return made
    }
}
