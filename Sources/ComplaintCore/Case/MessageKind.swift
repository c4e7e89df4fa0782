/// What a parent's message is; every kind is registered, only a complaint starts the statutory clock.
public enum MessageKind: String, Sendable, CaseIterable, Codable {
    case klacht, onvrede, verbeterpunt, vraag, suggestie, compliment

    /// Only complaints run the 6-week term (DOMAIN.md: "only complaints start the statutory clock");
    /// onvrede is a complaint under the law (cases stored as onvrede by earlier versions run it too).
    public var startsStatutoryClock: Bool { self == .klacht || self == .onvrede }

    /// The word a parent or report reads.
    public var dutchLabel: String { rawValue }
}
