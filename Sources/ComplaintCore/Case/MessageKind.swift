/// What a parent's message is; every kind is registered, only a complaint starts the statutory clock.
public enum MessageKind: String, Sendable, CaseIterable, Codable {
    case klacht, onvrede, verbeterpunt, vraag, suggestie, compliment

    /// Only complaints run the 6-week term (DOMAIN.md: "only complaints start the statutory clock").
    public var startsStatutoryClock: Bool { self == .klacht }

    /// The word a parent or report reads.
    public var dutchLabel: String { rawValue }
}
