import GraphTransport
import KlachtConfig

/// `[graph]`'s sending: `sendMail` from the configured mailbox, saved to Sent Items.
enum GraphSending {
    static func send(_ bytes: [UInt8], settings: GraphSettings, token: String) throws {
        let endpoint = GraphEndpoint(base: settings.endpoint, mailbox: settings.mailbox, caFile: settings.caFile,
                                     timeoutSeconds: settings.timeoutSeconds)
        try GraphClient(endpoint: endpoint, token: token).sendMail(bytes)
    }
}

extension Runtime {
    /// How the mailbox is read, for log lines: `IMAP`, or `Graph` with `[graph]`.
    public var mailboxProtocol: String { configuration.graph == nil ? "IMAP" : "Graph" }
}
