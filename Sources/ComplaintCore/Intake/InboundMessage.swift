import Foundation

/// A person or mailbox on a message.
public struct Party: Sendable, Equatable {
    public var name: String?
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address.lowercased()
    }
}

/// A message forwarded inside another: its sender, its date and its own text.
public struct ForwardedOriginal: Sendable, Equatable {
    public var from: Party?
    public var date: Date?
    public var subject: String?
    public var text: String
    /// What the forwarder wrote above it.
    public var note: String

    public init(from: Party?, date: Date?, subject: String?, text: String, note: String) {
        self.from = from
        self.date = date
        self.subject = subject
        self.text = text
        self.note = note
    }
}

/// The facts of a website form notification that matter to a case.
public struct FormSubmission: Sendable, Equatable {
    public var plugin: String
    public var fields: [(label: String, value: String)]
    public var name, email, phone, child, location, kind, description: String?

    public init(plugin: String, fields: [(label: String, value: String)], name: String? = nil, email: String? = nil,
                phone: String? = nil, child: String? = nil, location: String? = nil, kind: String? = nil, description: String? = nil) {
        self.plugin = plugin
        self.fields = fields
        self.name = name
        self.email = email
        self.phone = phone
        self.child = child
        self.location = location
        self.kind = kind
        self.description = description
    }

    public static func == (a: FormSubmission, b: FormSubmission) -> Bool {
        a.plugin == b.plugin && a.fields.map(\.label) == b.fields.map(\.label) && a.fields.map(\.value) == b.fields.map(\.value)
            && a.email == b.email && a.name == b.name && a.location == b.location && a.kind == b.kind
    }
}

/// A message as the domain sees it: parsed, decoded, and stripped of what the decision ignores.
public struct InboundMessage: Sendable, Equatable {
    public var messageID: String?
    public var from: Party?
    public var replyTo: [Party]
    public var recipients: [String]
    public var subject: String?
    public var text: String?
    public var replyText: String?
    /// In-Reply-To then References, without angle brackets: how replies find their case.
    public var threadIDs: [String]
    /// Why the message is automatic (auto-reply, list, bounce, robot sender); nil for a person.
    public var automaticReason: String?
    public var isBounce: Bool
    /// True when the message carries our own loop header: it is our own mail come back.
    public var carriesOurLoopHeader: Bool
    public var form: FormSubmission?
    /// When it reached the mailbox: terms run from here.
    public var receivedAt: Date
    /// A message forwarded in the text ("Van: … Verzonden: …"), if there is one.
    public var forwarded: ForwardedOriginal? = nil

    public init(messageID: String? = nil, from: Party? = nil, replyTo: [Party] = [], recipients: [String] = [],
                subject: String? = nil, text: String? = nil, replyText: String? = nil, threadIDs: [String] = [],
                automaticReason: String? = nil, isBounce: Bool = false, carriesOurLoopHeader: Bool = false,
                form: FormSubmission? = nil, receivedAt: Date) {
        self.messageID = messageID
        self.from = from
        self.replyTo = replyTo
        self.recipients = recipients
        self.subject = subject
        self.text = text
        self.replyText = replyText
        self.threadIDs = threadIDs
        self.automaticReason = automaticReason
        self.isBounce = isBounce
        self.carriesOurLoopHeader = carriesOurLoopHeader
        self.form = form
        self.receivedAt = receivedAt
    }
}
