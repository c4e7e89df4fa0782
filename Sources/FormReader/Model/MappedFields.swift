/// The normalised values of a form's "kind of message" field.
public enum MessageKindWord: String, Sendable {
    case klacht, compliment, vraag, suggestie, verbeterpunt, onvrede
}

/// The fields the daemon understands, by the names the configuration uses for them.
public enum MappedFieldName: String, Sendable, CaseIterable {
    case name, email, phone, child, location, kind, description
    case eventDate = "event_date"
    case wantsCall = "wants_call"
}

/// The values of the understood fields; nil where the form had no such field or left it blank.
public struct MappedFields: Sendable, Equatable {
    /// The parent's name.
    public var name: String?
    /// The parent's email address; only set when the value looks like an address.
    public var email: String?
    /// The parent's phone number as typed.
    public var phone: String?
    /// The child's name.
    public var child: String?
    /// The location (vestiging) the message is about.
    public var location: String?
    /// The kind of message, as a `MessageKindWord` raw value; nil when not recognisable.
    public var kind: String?
    /// The message itself.
    public var description: String?
    /// When it happened, as typed.
    public var eventDate: String?
    /// Whether the parent asked to be called back.
    public var wantsCall: Bool?

    /// Creates mapped fields; every value defaults to nil.
    public init(name: String? = nil, email: String? = nil, phone: String? = nil, child: String? = nil,
                location: String? = nil, kind: String? = nil, description: String? = nil,
                eventDate: String? = nil, wantsCall: Bool? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
        self.child = child
        self.location = location
        self.kind = kind
        self.description = description
        self.eventDate = eventDate
        self.wantsCall = wantsCall
    }
}
