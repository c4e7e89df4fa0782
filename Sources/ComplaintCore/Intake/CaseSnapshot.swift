/// What the intake decision needs to know of an existing case.
public struct CaseSnapshot: Sendable, Equatable {
    public var id: Int64
    public var reference: CaseReference
    public var state: CaseState
    public var complainantAddress: String?
    public var handler: String?
    public var location: String?
    /// The complainant's name as recorded: a reply from another address with this name may be theirs.
    public var complainantName: String?

    public init(id: Int64, reference: CaseReference, state: CaseState, complainantAddress: String?, handler: String?, location: String?,
                complainantName: String? = nil) {
        self.id = id
        self.reference = reference
        self.state = state
        self.complainantAddress = complainantAddress?.lowercased()
        self.handler = handler?.lowercased()
        self.location = location
        self.complainantName = complainantName
    }
}
