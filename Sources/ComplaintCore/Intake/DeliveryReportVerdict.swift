/// What a delivery report (RFC 3464) about one of our mails counts for.
///
/// Anyone can write a delivery report, so it counts only for addresses the mail it names was
/// really sent to: a report naming other parents or a handler in `Final-Recipient`
/// suppresses nobody and marks nothing.
public struct DeliveryReportVerdict: Sendable, Equatable {
    /// One recipient as the report gives it.
    public struct Recipient: Sendable, Equatable {
        public var address: String
        public var action: String?
        public var status: String?

        public init(address: String, action: String?, status: String?) {
            self.address = address
            self.action = action
            self.status = status
        }
    }

    /// The positions in the report of the counted recipients that failed for good: action
    /// `failed` (or none given) or a permanent status (5.x.x).
    public var failed: [Int]
    /// The positions of the recipients the mail was not sent to; they are not counted.
    public var strangers: [Int]
    /// Whether the mail is marked undeliverable: a counted recipient failed, or the report names nobody.
    public var marksMail: Bool

    public init(_ recipients: [Recipient], sentTo: [String]) {
        let sentTo = Set(sentTo.map { $0.lowercased() })
        let counted = recipients.indices.filter { sentTo.contains(recipients[$0].address.lowercased()) }
        failed = counted.filter {
            (recipients[$0].action ?? "failed").lowercased() == "failed" || (recipients[$0].status ?? "").hasPrefix("5")
        }
        strangers = recipients.indices.filter { !sentTo.contains(recipients[$0].address.lowercased()) }
        marksMail = !failed.isEmpty || recipients.isEmpty
    }
}
