extension CaseTerms {
    /// These terms (counted from receipt) with the decision date the case records.
    ///
    /// Only a Wkkgz extension moves that date past the one counted from receipt, and it is set
    /// by a command (`setByCommand`); a release from the meldcode sets the date too, but to the
    /// one counted from receipt. Both dates may sit on the working day before the statutory
    /// one, so the extension's weeks are rounded up.
    public func recording(decisionDue due: LocalDate, setByCommand: Bool) -> CaseTerms {
        var terms = self
        if due > decisionDue, setByCommand {
            terms.extensionWeeks = max(1, (decisionTermEnd.days(until: due) + 6) / 7)
            terms.decisionTermEnd = decisionTermEnd.adding(weeks: terms.extensionWeeks)
        }
        terms.decisionDue = due
        return terms
    }
}
