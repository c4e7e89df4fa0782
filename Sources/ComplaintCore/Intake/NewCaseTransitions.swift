extension NewCasePlan {
    /// The steps a new case takes at once, after its mails are queued, as a `CommandPlan`
    /// carries a command's: a compliment is registered and thanked; any other case is
    /// acknowledged when the complainant gets a mail, and assigned when the location has a
    /// handler. Only a case that starts as received moves; each step is taken when the state
    /// machine allows it.
    public var transitions: [CaseChange] {
        guard initialState == .received else { return [] }
        if kind == .compliment { return [.transition(.classifyNotAComplaint, reason: "a compliment: registered and thanked")] }
        var steps: [CaseChange] = []
        if mails.contains(where: { $0.audience == .complainant }) {
            steps.append(.transition(.acknowledge, reason: "acknowledgement queued"))
        }
        if let handler {
            steps.append(.transition(.assign, reason: "assigned to the handler of \(location?.name ?? "the location"): \(handler)"))
        }
        return steps
    }
}
