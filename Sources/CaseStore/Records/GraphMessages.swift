import Foundation

/// Messages read through Microsoft Graph: stored raw first, keyed by (mailbox key, immutable id),
/// as IMAP messages are by (mailbox, UIDVALIDITY, UID); and the folder's delta link.
extension RawMessageOrigin {
    /// A message read through Microsoft Graph from the mailbox key `graph:ADDRESS/FOLDER`; its
    /// immutable id is kept in `graph_id` (see `storeGraphRaw`).
    public static func graph(mailbox: String) -> RawMessageOrigin {
        RawMessageOrigin(source: "graph", mailbox: mailbox, uidValidity: nil, uid: nil)
    }
}

extension CaseStore {
    /// Whether the message with this immutable id was stored before (in any state).
    public func hasGraphMessage(mailbox: String, graphID: String) throws -> Bool {
        try db.queryOne("SELECT id FROM raw_messages WHERE mailbox = ? AND graph_id = ?", [.text(mailbox), .text(graphID)]) != nil
    }

    /// Stores a message's bytes under its immutable id before anything else is done with it;
    /// a known id is not stored twice. Returns the row id and whether it is new.
    public func storeGraphRaw(_ bytes: [UInt8], mailbox: String, graphID: String, sha256: String,
                              receivedAt: Date, now: Date) throws -> (id: Int64, isNew: Bool) {
        if let row = try db.queryOne("SELECT id FROM raw_messages WHERE mailbox = ? AND graph_id = ?", [.text(mailbox), .text(graphID)]),
           let id = row.int("id") {
            return (id, false)
        }
        return try db.savepoint {
            let stored = try storeRaw(bytes, origin: .graph(mailbox: mailbox),
                                      messageID: nil, sha256: sha256, receivedAt: receivedAt, now: now)
            try db.query("UPDATE raw_messages SET graph_id = ? WHERE id = ?", [.text(graphID), .integer(stored.id)])
            return stored
        }
    }

    /// Records the immutable id of a row stored another way (a message over the size limit).
    public func setGraphID(id: Int64, graphID: String) throws {
        try db.query("UPDATE raw_messages SET graph_id = ? WHERE id = ?", [.text(graphID), .integer(id)])
    }

    /// Graph messages decided on but not yet marked processed in the mailbox.
    public func unmarkedGraphMessages(mailbox: String) throws -> [(id: Int64, graphID: String)] {
        try db.query("""
            SELECT id, graph_id FROM raw_messages INDEXED BY raw_messages_graph_unmarked
            WHERE source = 'graph' AND mailbox = ? AND imap_marked = 0 AND status != 'pending' ORDER BY id
            """, [.text(mailbox)]).compactMap { row in
            guard let id = row.int("id"), let graphID = row.string("graph_id") else { return nil }
            return (id, graphID)
        }
    }

    /// The folder's last delta link; nil before the first full sync (or after it expired).
    public func graphDeltaLink(mailbox: String) throws -> String? {
        try db.queryOne("SELECT delta_link FROM graph_state WHERE mailbox = ?", [.text(mailbox)])?.string("delta_link")
    }

    /// Stores the delta link; nil forgets it, so the next sync starts from the beginning.
    public func setGraphDeltaLink(mailbox: String, _ link: String?, now: Date) throws {
        guard let link else {
            try db.query("DELETE FROM graph_state WHERE mailbox = ?", [.text(mailbox)])
            return
        }
        try db.query("""
            INSERT INTO graph_state (mailbox, delta_link, updated_at) VALUES (?, ?, ?)
            ON CONFLICT(mailbox) DO UPDATE SET delta_link = excluded.delta_link, updated_at = excluded.updated_at
            """, [.text(mailbox), .text(link), .text(Timestamp.string(now))])
    }
}
