/// What the intake decision needs to know of an existing case.
///
/// A projection of `Case` kept because the decision truly needs less: who the case is with
/// (addresses compared lowercased, as made here once) and where it stands, never its terms,
/// text or flags; intake's tests build one from these few fields.
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

extension Case {
    /// The case as the intake decision sees it.
    public var snapshot: CaseSnapshot {
        CaseSnapshot(id: id, reference: reference, state: state, complainantAddress: complainantAddress,
                     handler: handler, location: location, complainantName: complainantName)
    }
}
