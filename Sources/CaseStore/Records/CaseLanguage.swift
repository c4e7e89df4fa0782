import Foundation

extension CaseStore {
    /// Records the language the parent wrote in (`en`, `nl`); letters to the parent follow it.
    public func setCaseLanguage(caseID: Int64, language: String) throws {
        try db.query("UPDATE cases SET language = ? WHERE id = ?", [.text(language), .integer(caseID)])
    }

    /// The parent's language, when one was recorded; nil means the location's.
    public func caseLanguage(caseID: Int64) throws -> String? {
        try db.queryOne("SELECT language FROM cases WHERE id = ?", [.integer(caseID)])?.string("language")
    }
}
