import ComplaintCore
import Foundation

/// The `flags` column: the flags' raw texts joined by commas, in the order they were set.
/// Flags klachtd does not know (set by hand, or by another version) are kept as they are.
extension CaseStore {
    /// The flags in a stored `flags` cell; empty for NULL or ''.
    package static func flags(stored text: String?) -> [CaseFlag] {
        (text ?? "").split(separator: ",").map { CaseFlag(rawValue: String($0)) }
    }

    /// The stored form of `flags`.
    static func storedFlags(_ flags: [CaseFlag]) -> String {
        flags.map(\.rawValue).joined(separator: ",")
    }

    /// Replaces a case's flags (all of them, unknown ones included) and records it, as `updateCase` does.
    public func setFlags(caseID: Int64, _ flags: [CaseFlag], actor: String, reason: String?, rawMessageID: Int64?, now: Date) throws {
        try updateCase(caseID: caseID, column: .flags, value: Self.storedFlags(flags), actor: actor, reason: reason,
                       rawMessageID: rawMessageID, now: now)
    }
}
