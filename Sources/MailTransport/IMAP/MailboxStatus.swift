/// What SELECT reports about a mailbox: UIDs are only meaningful together with `uidValidity`.
public struct MailboxStatus: Sendable, Equatable {
    /// Changes when the server renumbers the mailbox; every UID kept from before is then void.
    public var uidValidity: UInt32
    /// The UID the next arriving message will at least get.
    public var uidNext: UInt32
    /// The number of messages in the mailbox.
    public var exists: Int

    /// Creates a status.
    public init(uidValidity: UInt32, uidNext: UInt32, exists: Int) {
        self.uidValidity = uidValidity
        self.uidNext = uidNext
        self.exists = exists
    }

    /// Reads `* n EXISTS` and `* OK [UIDVALIDITY n]` / `[UIDNEXT n]` from SELECT's untagged responses.
    init(selectResponses: [UntaggedResponse]) throws(TransportFailure) {
        var uidValidity: UInt32?
        var uidNext: UInt32 = 0
        var exists = 0
        for response in selectResponses {
            if response.keyword == "EXISTS", let count = response.number {
                exists = Int(count)
            } else if let status = response.statusText, status.isOK {
                switch status.codeName {
                case "UIDVALIDITY": uidValidity = status.codeNumber
                case "UIDNEXT": uidNext = status.codeNumber ?? 0
                default: break
                }
            }
        }
        guard let uidValidity else { throw .protocolError("SELECT did not report UIDVALIDITY") }
        self.init(uidValidity: uidValidity, uidNext: uidNext, exists: exists)
    }
}
