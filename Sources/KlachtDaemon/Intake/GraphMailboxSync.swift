import CaseStore
import Foundation
import GraphTransport
import KlachtConfig
import Digests
import MailTransport

/// `MailboxSync` for `[graph]`: a delta query on the folder instead of UIDs above the last.
///
/// The same discipline as IMAP. Each new message's MIME is stored raw first, keyed by its
/// immutable id; the delta link is stored only after every message of the round is, so a
/// crash anywhere lists the same messages again and the ids make that a no-op. A message is
/// marked processed (read, plus the category; moved when `move_to` is set), never deleted, and
/// only after its case is committed. An expired delta link (410 `syncStateNotFound`) starts a
/// full sync, which skips every id already stored: nothing is created twice.
final class GraphMailboxSync {
    let runtime: Runtime
    let store: CaseStore
    let authentication: MailAuthentication
    let settings: GraphSettings

    init(runtime: Runtime, store: CaseStore, authentication: MailAuthentication, settings: GraphSettings) {
        self.runtime = runtime
        self.store = store
        self.authentication = authentication
        self.settings = settings
    }

    /// The key raw messages and the delta link are stored under (`graph:ADDRESS/FOLDER`).
    var mailboxKey: String { runtime.configuration.imap.mailbox }

    var endpoint: GraphEndpoint {
        GraphEndpoint(base: settings.endpoint, mailbox: settings.mailbox, caFile: settings.caFile, timeoutSeconds: settings.timeoutSeconds)
    }

    /// Runs `work` with a client holding a current token; a refused token is renewed once.
    func withClient<Result>(_ work: (GraphClient) throws -> Result) throws -> Result {
        try authentication.login(.imap, store: store) { server in
            try work(GraphClient(endpoint: endpoint, token: server.bearerToken ?? ""))
        }
    }

    /// Stores every message the delta query lists that is not stored yet; returns how many were new.
    func fetchNew() throws -> Int {
        let initial = GraphClient(endpoint: endpoint, token: "").initialDeltaURL(folder: settings.folder)
        let start = try store.graphDeltaLink(mailbox: mailboxKey) ?? initial
        let round: GraphDeltaRound
        do {
            round = try withClient { try $0.delta(from: start) }
        } catch let failure as TransportFailure where GraphRefusal.isExpiredDelta(failure) {
            runtime.logger.warning("Graph: the delta link of \(mailboxKey) expired (410 syncStateNotFound); reading the whole folder again, messages already stored are recognised by their id")
            try store.setGraphDeltaLink(mailbox: mailboxKey, nil, now: runtime.clock.now())
            round = try withClient { try $0.delta(from: initial) }
        }
        var stored = 0
        for entry in round.entries where !entry.removed {
            if try store.hasGraphMessage(mailbox: mailboxKey, graphID: entry.id) { continue }
            let bytes: [UInt8]
            do {
                bytes = try withClient { try $0.mime(id: entry.id, limit: runtime.configuration.maxMessageBytes) }
            } catch let failure as TransportFailure where failure.detail.contains("the reply is larger than") {
                if try storeUnread(entry) { stored += 1 }
                continue
            }
            let now = runtime.clock.now()
            let result = try store.storeGraphRaw(bytes, mailbox: mailboxKey, graphID: entry.id, sha256: SHA256.hexDigest(bytes),
                                                 receivedAt: entry.receivedAt ?? now, now: now)
            if result.isNew { stored += 1 }
        }
        try store.setGraphDeltaLink(mailbox: mailboxKey, round.deltaLink, now: runtime.clock.now())
        return stored
    }

    /// A message over max_message_bytes, as for IMAP: copied through a spool file into the
    /// store (never whole in memory), quarantined, the quality staff told; marked processed in
    /// the mailbox by `markDecided`. Returns whether it was new.
    private func storeUnread(_ entry: GraphMessageEntry) throws -> Bool {
        let spool = try MessageSpool(directory: (runtime.configuration.databasePath as NSString).deletingLastPathComponent)
        var writeError: Error?
        try withClient { client in
            try client.mime(id: entry.id) { piece in
                do { try spool.append(piece); return true } catch { writeError = error; return false }
            }
        }
        if let writeError { throw writeError }
        let limit = runtime.configuration.maxMessageBytes
        let reason = MessageSpool.reason(size: spool.size, limit: limit)
        let now = runtime.clock.now()
        let receivedAt = entry.receivedAt ?? now
        return try store.transaction { () throws -> Bool in
            guard try !store.hasGraphMessage(mailbox: mailboxKey, graphID: entry.id),
                  let id = try store.storeQuarantinedRaw(spool.spooled, origin: .graph(mailbox: mailboxKey),
                                                         note: reason, receivedAt: receivedAt, now: now) else { return false }
            try store.setGraphID(id: id, graphID: entry.id)
            try IntakeProcessor(runtime: runtime, store: store).announceQuarantine(id: id, receivedAt: receivedAt, size: spool.size,
                                                                                   reason: reason, now: now)
            return true
        }
    }

    /// Marks the messages whose decision is committed: read plus the category, moved when configured.
    func markDecided() throws {
        for pending in try store.unmarkedGraphMessages(mailbox: mailboxKey) {
            do {
                try withClient { client in
                    try client.markProcessed(id: pending.graphID, category: settings.category)
                    if let folder = settings.moveTo { try client.move(id: pending.graphID, toFolderNamed: folder) }
                }
            } catch let failure as TransportFailure {
                // Deleted or moved away by a person before klachtd marked it: nothing left to mark.
                guard case .mailbox(let detail) = failure, detail.contains("HTTP 404") else { throw failure }
                runtime.logger.notice("Graph: message \(pending.id) is no longer in the mailbox; not marked")
            }
            try store.markIMAPDone(ids: [pending.id])
        }
    }
}
