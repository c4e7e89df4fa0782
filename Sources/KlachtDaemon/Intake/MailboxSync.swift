import CaseStore
import Digests
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
    /// With `[graph]`, the mailbox is read through Microsoft Graph instead (issue 21).
    private let graph: GraphMailboxSync?

    public init(runtime: Runtime, store: CaseStore, authentication: MailAuthentication? = nil) {
        self.runtime = runtime
        self.store = store
        let authentication = authentication ?? MailAuthentication(runtime: runtime)
        self.authentication = authentication
        graph = runtime.configuration.graph.map {
            GraphMailboxSync(runtime: runtime, store: store, authentication: authentication, settings: $0)
        }
    }

    var mailbox: String { runtime.configuration.imap.mailbox }

    /// Fetches and stores every message above the last UID seen; returns how many were new.
    @discardableResult
    public func fetchNew() throws -> Int {
        if let graph { return try graph.fetchNew() }
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
        // Planned from the sizes the server reports, so memory holds a bounded number of
        // bytes however large the backlog: a fetch ends at 200 messages or `fetchBytes`
        // (past its first message), and a message over max_message_bytes is never fetched
        // whole: it is streamed into the store unread and set aside.
        var batch: [UInt32] = []
        var batchBytes = 0
        func flush() throws {
            guard !batch.isEmpty else { return }
            stored += try fetchAndStore(batch, imap: imap, uidValidity: current.uidValidity, lastUID: lastUID)
            batch = []
            batchBytes = 0
        }
        for size in try imap.sizes(uids: uids) {
            if size.octets > runtime.configuration.maxMessageBytes {
                try flush()
                if try storeUnread(size, imap: imap, uidValidity: current.uidValidity, lastUID: lastUID) { stored += 1 }
                continue
            }
            if !batch.isEmpty, batch.count >= Self.fetchCount || batchBytes + size.octets > Self.fetchBytes { try flush() }
            batch.append(size.uid)
            batchBytes += size.octets
        }
        try flush()
        if uids.isEmpty, try store.mailboxState(mailbox) == nil || (try store.mailboxState(mailbox))?.uidValidity != current.uidValidity {
            try store.setMailboxState(mailbox, uidValidity: current.uidValidity, lastUID: lastUID)
        }
        return stored
    }

    static let fetchCount = 200
    static let fetchBytes = 16 << 20

    /// Fetches these messages and stores them in one transaction; returns how many were new.
    private func fetchAndStore(_ uids: [UInt32], imap: IMAPConnection, uidValidity: UInt32, lastUID: UInt32) throws -> Int {
        let messages = try imap.fetch(uids: uids)
        var stored = 0
        try store.transaction {
            for message in messages {
                let result = try store.storeRaw(message.bytes, origin: .imap(mailbox: mailbox, uidValidity: uidValidity, uid: message.uid),
                                                messageID: nil, sha256: SHA256.hexDigest(message.bytes),
                                                receivedAt: message.internalDateSeconds.map { Date(timeIntervalSince1970: Double($0)) } ?? runtime.clock.now(), now: runtime.clock.now())
                if result.isNew { stored += 1 }
            }
            if let highest = messages.map(\.uid).max() {
                try store.setMailboxState(mailbox, uidValidity: uidValidity, lastUID: max(highest, lastUID))
            }
        }
        return stored
    }

    /// A message over max_message_bytes: copied a megabyte at a time through a spool file into
    /// the store, already quarantined, and flagged on the server at once (its row is stored as
    /// marked: rewriting it later would make SQLite hold it whole). Returns whether it was new.
    private func storeUnread(_ size: MessageSize, imap: IMAPConnection, uidValidity: UInt32, lastUID: UInt32) throws -> Bool {
        let spool = try MessageSpool(directory: (runtime.configuration.databasePath as NSString).deletingLastPathComponent)
        while spool.size < size.octets {
            let piece = try imap.fetchPart(uid: size.uid, offset: spool.size, length: 1 << 20)
            if piece.isEmpty { break }
            try spool.append(piece)
        }
        let limit = runtime.configuration.maxMessageBytes
        let reason = MessageSpool.reason(size: spool.size, limit: limit)
        let now = runtime.clock.now()
        let receivedAt = size.internalDateSeconds.map { Date(timeIntervalSince1970: Double($0)) } ?? now
        let id = try store.transaction { () throws -> Int64? in
            let id = try store.storeQuarantinedRaw(spool.spooled, origin: .imap(mailbox: mailbox, uidValidity: uidValidity, uid: size.uid),
                                                   note: reason, receivedAt: receivedAt, now: now)
            if let id {
                try IntakeProcessor(runtime: runtime, store: store).announceQuarantine(id: id, receivedAt: receivedAt, size: spool.size,
                                                                                       reason: reason, now: now)
            }
            try store.setMailboxState(mailbox, uidValidity: uidValidity, lastUID: max(size.uid, lastUID))
            return id
        }
        if id != nil { try mark([size.uid]) }
        return id != nil
    }

    private func mark(_ uids: [UInt32]) throws {
        guard let imap = connection else { return }
        try imap.addFlags(["\\Seen", runtime.configuration.imap.processedKeyword], uids: uids)
        if let folder = runtime.configuration.imap.moveTo {
            try imap.create(mailbox: folder)
            try imap.move(uids: uids, to: folder)
        }
    }

    /// Flags (or moves) the messages whose decision is committed.
    public func markDecided() throws {
        if let graph { return try graph.markDecided() }
        guard connection != nil, let status else { return }
        let pending = try store.unmarkedIMAPMessages(mailbox: mailbox, uidValidity: status.uidValidity)
        guard !pending.isEmpty else { return }
        try mark(pending.map(\.uid))
        try store.markIMAPDone(ids: pending.map(\.id))
    }

    /// Waits in IDLE on the watcher connection until the mailbox changes, `seconds` pass
    /// (the transport re-issues IDLE before 29 minutes) or `wake` becomes readable.
    /// Returns false when the server has no IDLE: the caller polls instead.
    public func waitForChange(seconds: Int, wake: Int32) throws -> Bool {
        // Graph has no IDLE: the daemon polls the delta link every poll_interval.
        guard !serverLacksIdle, graph == nil else { return false }
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
