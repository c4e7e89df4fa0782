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
