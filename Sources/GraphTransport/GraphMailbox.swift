import Foundation
import MailTransport

/// One message the delta query listed.
public struct GraphMessageEntry: Sendable, Equatable {
    /// The immutable id (`Prefer: IdType="ImmutableId"`): it survives a move within the mailbox.
    public var id: String
    /// `@removed`: the message left the folder (moved or deleted).
    public var removed: Bool
    public var receivedAt: Date?
    public var isRead: Bool
    public var categories: [String]
}

/// One round of a delta query: what changed, and the link that continues from here.
public struct GraphDeltaRound: Sendable {
    public var entries: [GraphMessageEntry]
    /// `@odata.deltaLink`: the next round asks only for what changed after this one.
    public var deltaLink: String
}

/// The mailbox operations klachtd needs: a delta query on the folder, a message's MIME, the
/// processed mark, a move, and sending.
extension GraphClient {
    static let immutableIDs = "Prefer: IdType=\"ImmutableId\""

    /// The first delta URL of `folder`, asking only for the fields the intake reads.
    public func initialDeltaURL(folder: String) -> String {
        endpoint.url("/mailFolders/\(GraphPath.escape(folder))/messages/delta")
            + "?$select=receivedDateTime,isRead,categories,internetMessageId"
    }

    /// Follows `@odata.nextLink` pages from `url` (an initial URL or the stored delta link) to
    /// the `@odata.deltaLink`. A 410 (the link expired) throws a failure `GraphRefusal.isExpiredDelta` names.
    public func delta(from url: String) throws(TransportFailure) -> GraphDeltaRound {
        var entries: [GraphMessageEntry] = []
        var next = url
        for _ in 0..<10_000 {
            let page = try json("GET", next, headers: [Self.immutableIDs])
            for item in page["value"] as? [[String: Any]] ?? [] {
                guard let id = item["id"] as? String else { continue }
                entries.append(GraphMessageEntry(
                    id: id, removed: item["@removed"] != nil,
                    receivedAt: (item["receivedDateTime"] as? String).flatMap { ISO8601DateFormatter().date(from: $0) },
                    isRead: item["isRead"] as? Bool ?? false, categories: item["categories"] as? [String] ?? []))
            }
            if let link = page["@odata.deltaLink"] as? String { return GraphDeltaRound(entries: entries, deltaLink: link) }
            guard let link = page["@odata.nextLink"] as? String else {
                throw .protocolError("\(HTTPExchange.withoutQuery(next)): a delta page has neither @odata.nextLink nor @odata.deltaLink")
            }
            next = link
        }
        throw .protocolError("\(HTTPExchange.withoutQuery(url)): the delta query did not end after 10000 pages")
    }

    /// A message's MIME bytes (`$value`), at most `limit` bytes (a longer one throws).
    public func mime(id: String, limit: Int) throws(TransportFailure) -> [UInt8] {
        try send("GET", endpoint.url("/messages/\(GraphPath.escape(id))/$value"), headers: [Self.immutableIDs], responseLimit: limit).body
    }

    /// A message's MIME bytes handed to `chunk` piece by piece (a message over the size limit,
    /// copied to a spool file, never whole in memory). Refusals throw as for every request.
    public func mime(id: String, chunk: @escaping ([UInt8]) -> Bool) throws(TransportFailure) {
        let url = endpoint.url("/messages/\(GraphPath.escape(id))/$value")
        let request = HTTPRequest(method: "GET", url: url, headers: ["Authorization: Bearer \(token)", Self.immutableIDs],
                                  caFile: endpoint.caFile, timeoutSeconds: endpoint.timeoutSeconds)
        try Throttle.shared.waitUntilAllowed(longest: Self.longestInlineWait)
        let response = try Throttle.shared.limitingConcurrency { () throws(TransportFailure) in try HTTPExchange.perform(request, chunks: chunk) }
        guard (200..<300).contains(response.status) else {
            if response.status == 429 || response.status == 503 { Throttle.shared.holdOff(seconds: GraphRefusal.retryAfter(response) ?? 10) }
            throw GraphRefusal.failure(response, url: url)
        }
    }

    /// Marks a message processed: read, with `category` added to the categories it has.
    public func markProcessed(id: String, category: String) throws(TransportFailure) {
        let url = endpoint.url("/messages/\(GraphPath.escape(id))")
        let current = try json("GET", url + "?$select=categories", headers: [Self.immutableIDs])
        var categories = current["categories"] as? [String] ?? []
        if !categories.contains(category) { categories.append(category) }
        _ = try json("PATCH", url, headers: [Self.immutableIDs], body: ["isRead": true, "categories": categories])
    }

    /// Moves a message to the folder named `displayName` under the mailbox's top, made when missing.
    /// The immutable id stays the same.
    public func move(id: String, toFolderNamed displayName: String) throws(TransportFailure) {
        let folderID = try folderID(named: displayName)
        _ = try json("POST", endpoint.url("/messages/\(GraphPath.escape(id))/move"), headers: [Self.immutableIDs],
                     body: ["destinationId": folderID])
    }

    func folderID(named displayName: String) throws(TransportFailure) -> String {
        let quoted = displayName.replacingOccurrences(of: "'", with: "''")
        let filter = "displayName eq '\(quoted)'".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let found = try json("GET", endpoint.url("/mailFolders?$filter=\(filter)"))
        if let first = (found["value"] as? [[String: Any]])?.first, let id = first["id"] as? String { return id }
        let made = try json("POST", endpoint.url("/mailFolders"), body: ["displayName": displayName])
        guard let id = made["id"] as? String else { throw .protocolError("creating the folder \(displayName) returned no id") }
        return id
    }

    /// The folder's display name and message count: what `check-config --connect` reads.
    public func folderSummary(_ folder: String) throws(TransportFailure) -> (name: String, total: Int) {
        let object = try json("GET", endpoint.url("/mailFolders/\(GraphPath.escape(folder))"))
        return (object["displayName"] as? String ?? folder, (object["totalItemCount"] as? NSNumber)?.intValue ?? 0)
    }

    /// The largest MIME message sent in one `sendMail` request: Graph takes 4 MB per request,
    /// and base64 makes the MIME a third larger.
    public static let sendLimitBytes = 4_000_000

    /// Sends `mime` as it is (our Message-ID, threading headers, Auto-Submitted): `sendMail`
    /// with the base64 MIME as `text/plain`, saved to Sent Items. 202 means accepted.
    public func sendMail(_ mime: [UInt8]) throws(TransportFailure) {
        let encoded = Array(Data(mime).base64EncodedString().utf8)
        guard encoded.count <= Self.sendLimitBytes else {
            // A size refusal (5.3.4): the outbox sends a smaller version, as after SMTP's 552.
            throw .permanentRefusal(code: 552, text: "5.3.4 the message is too large for Microsoft Graph's sendMail: "
                + "\(mime.count) bytes, \(encoded.count) as base64, the limit is \(Self.sendLimitBytes) bytes per request")
        }
        let response = try send("POST", endpoint.url("/sendMail"), headers: ["Content-Type: text/plain"], body: encoded)
        guard response.status == 202 || response.status == 200 else {
            throw .protocolError("sendMail answered HTTP \(response.status) instead of 202 Accepted")
        }
    }
}
