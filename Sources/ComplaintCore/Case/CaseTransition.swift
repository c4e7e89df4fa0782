/// Something that moves a case from one state to another.
public enum CaseAction: String, Sendable, CaseIterable {
    case acknowledge, assign, sendJudgement, awaitMeasures, close, withdraw, suspend, resume
    case classifyNotAComplaint, restrictForSafeguarding, releaseFromSafeguarding, closeUnderMeldcode
    case referToKlachtenloket, referToGeschillencommissie
}

/// Why a transition was refused, in words a handler can act on.
public struct TransitionRefused: Error, Sendable, Equatable, CustomStringConvertible {
    public let from: CaseState
    public let action: CaseAction
    public let allowed: [CaseAction]

    public var description: String {
        let options = allowed.map(\.rawValue).joined(separator: ", ")
        return "a case that is '\(from.dutchLabel)' cannot \(action.rawValue); possible now: \(options.isEmpty ? "nothing" : options)"
    }
}

/// The case state machine: the only place that says which change is allowed when.
public enum CaseStateMachine {
    /// The state an action leads to, or a refusal with what is possible instead.
    public static func next(from state: CaseState, on action: CaseAction) -> Result<CaseState, TransitionRefused> {
        if let target = table[state]?[action] { return .success(target) }
        let allowed = CaseAction.allCases.filter { table[state]?[$0] != nil }
        return .failure(TransitionRefused(from: state, action: action, allowed: allowed))
    }

    /// A side exit that any open, unrestricted case before closing may take.
    private static let sideExits: [CaseAction: CaseState] = [
        .withdraw: .withdrawn,
        .suspend: .suspended,
        .classifyNotAComplaint: .notAComplaint,
        .restrictForSafeguarding: .safeguarding,
        .referToKlachtenloket: .referredKlachtenloket,
        .referToGeschillencommissie: .referredGeschillencommissie,
    ]

    private static let table: [CaseState: [CaseAction: CaseState]] = [
        .received: sideExits.merging([.acknowledge: .acknowledged, .assign: .assigned]) { a, _ in a },
        .acknowledged: sideExits.merging([.assign: .assigned, .sendJudgement: .judgementSent, .close: .closed]) { a, _ in a },
        .assigned: sideExits.merging([.assign: .assigned, .sendJudgement: .judgementSent, .close: .closed]) { a, _ in a },
        // A safeguarding signal can come at any time while a case is open (a parent's later mail), so every open state may be restricted.
        .judgementSent: [.awaitMeasures: .measuresPending, .close: .closed, .withdraw: .withdrawn,
                         .referToKlachtenloket: .referredKlachtenloket, .referToGeschillencommissie: .referredGeschillencommissie,
                         .restrictForSafeguarding: .safeguarding],
        .measuresPending: [.close: .closed, .referToKlachtenloket: .referredKlachtenloket,
                           .referToGeschillencommissie: .referredGeschillencommissie, .restrictForSafeguarding: .safeguarding],
        .suspended: [.resume: .assigned, .withdraw: .withdrawn, .close: .closed,
                     .referToGeschillencommissie: .referredGeschillencommissie, .restrictForSafeguarding: .safeguarding],
        .safeguarding: [.releaseFromSafeguarding: .acknowledged, .closeUnderMeldcode: .closed],
        // `#soort klacht` on a message set aside as no complaint: the procedure starts after all.
        .notAComplaint: [.close: .closed, .acknowledge: .acknowledged],
        .referredKlachtenloket: [.close: .closed, .referToGeschillencommissie: .referredGeschillencommissie],
        .referredGeschillencommissie: [.close: .closed],
        // The parent may still go to the Geschillencommissie within 12 months after closing.
        .closed: [.referToGeschillencommissie: .referredGeschillencommissie],
        .withdrawn: [:],
    ]
}
