import CaseStore
import ComplaintCore
import Foundation

/// A parent's file for an access request (AVG art. 15): a readable HTML page and their raw messages.
///
/// Included: the case's facts, the parent's own messages and the mails sent to them (text and
/// `.eml`), and the history with staff shown by role. Third parties are redacted: staff
/// addresses become their role, and internal notes are listed by date and role without
/// their text (the quality staff add what may be shared by hand).
public struct CaseExport {
    let store: CaseStore
    let civil: CivilTime

    public init(store: CaseStore, civil: CivilTime) {
        self.store = store
        self.civil = civil
    }

    /// Writes `dossier.html` and `berichten/*.eml` into `directory` (created; must be empty or new).
    /// Returns the files written, relative to `directory`.
    public func write(reference: CaseReference, to directory: String, actor: String, now: Date) throws -> [String] {
        guard let record = try store.caseRecord(reference: reference) else { throw OperationsError("no case \(reference)") }
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: directory), !existing.isEmpty {
            throw OperationsError("\(directory) is not empty; name a new folder")
        }
        // The parent's personal data: folders 0700 and files 0600, whatever the umask.
        try PrivateFile.createFolder(directory + "/berichten")
        var written: [String] = []
        var rows: [String] = []
        let parent = record.complainantAddress?.lowercased()
        for (index, message) in try store.caseMessages(caseID: record.id).enumerated() {
            let own = message.role == .complainant
            var file: String?
            if own, let rawID = message.rawMessageID, let raw = try store.rawMessage(id: rawID), !raw.bytes.isEmpty {
                file = String(format: "berichten/%03d-ontvangen.eml", index + 1)
                try PrivateFile.write(raw.bytes, to: directory + "/" + file!)
                written.append(file!)
            }
            rows.append(messageRow(at: message.at, direction: message.direction == .incoming ? "van u ontvangen" : "verzonden",
                                   role: message.role.rawValue, subject: own ? message.subject : nil,
                                   text: own ? message.text : nil, file: file))
        }
        for (index, mail) in try store.outbox(caseID: record.id).enumerated()
        where parent != nil && mail.recipients.map({ $0.lowercased() }).contains(parent!) && !mail.bytes.isEmpty {
            let file = String(format: "berichten/%03d-aan-u-verzonden.eml", index + 1)
            try PrivateFile.write(mail.bytes, to: directory + "/" + file)
            written.append(file)
            rows.append(messageRow(at: mail.sentAt ?? mail.createdAt, direction: "aan u verzonden", role: "organisatie",
                                   subject: mail.subject, text: nil, file: file))
        }
        let events = try store.events(caseID: record.id).map { event -> String in
            let who = event.actor == "klachtd" ? "klachtd (automatisch)" : event.actor.lowercased() == parent ? "u" : "medewerker"
            return "<tr><td>\(e(local(event.at)))</td><td>\(e(who))</td><td>\(e(event.action))</td><td>\(e(event.toState.flatMap(CaseState.init(rawValue:))?.dutchLabel ?? ""))</td></tr>"
        }
        let html = page(record, fields: try store.formFields(caseID: record.id), messages: rows, events: events)
        try PrivateFile.write(Array(html.utf8), to: directory + "/dossier.html")
        written.insert("dossier.html", at: 0)
        try store.transaction {
            try store.appendEvent(caseID: record.id, actor: actor, action: "export for an access request", from: nil, to: nil,
                                  reason: "\(written.count) file(s)", rawMessageID: nil, now: now)
        }
        return written
    }

    private func messageRow(at: Date, direction: String, role: String, subject: String?, text: String?, file: String?) -> String {
        let body = text.map { "<pre>\(e($0))</pre>" } ?? (role == "complainant" || role == "organisatie" ? "" : "<p><em>Interne notitie van een medewerker; de tekst is niet opgenomen.</em></p>")
        let link = file.map { " <a href=\"\(e($0))\">\(e($0))</a>" } ?? ""
        return "<section><h3>\(e(local(at))) · \(e(direction))\(subject.map { " · " + e($0) } ?? "")</h3>\(body)\(link.isEmpty ? "" : "<p>Origineel:\(link)</p>")</section>"
    }

    private func page(_ record: Case, fields: [(label: String, value: String)], messages: [String], events: [String]) -> String {
        let facts: [(String, String?)] = [
            ("Referentie", record.reference.description), ("Status", record.state.dutchLabel), ("Soort", record.kind.dutchLabel),
            ("Ontvangen", local(record.receivedAt)), ("Naam", record.complainantName), ("E-mailadres", record.complainantAddress),
            ("Locatie", record.location), ("Onderwerp", record.subject), ("Categorie", record.category), ("Oordeel", record.outcome),
            ("Oordeel uiterlijk", record.decisionDue?.iso), ("Maatregelen uiterlijk", record.measuresDue?.iso),
            ("Geschillencommissie tot", record.gckWindowEnd?.iso),
        ]
        let factRows = facts.compactMap { label, value in value.map { "<tr><th>\(e(label))</th><td>\(e($0))</td></tr>" } }
        let fieldRows = fields.map { "<tr><th>\(e($0.label))</th><td>\(e($0.value))</td></tr>" }
        return """
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8" /><title>Uw klachtdossier \(e(record.reference.description))</title>
            <style>body{font-family:Arial,sans-serif;max-width:48em;margin:2em auto;line-height:1.4}th{text-align:left;padding-right:1em}pre{white-space:pre-wrap;background:#f4f4f4;padding:.5em}</style>
            </head><body>
            <h1>Uw klachtdossier \(e(record.reference.description))</h1>
            <p>Dit is een kopie van de gegevens die wij over uw klacht bewaren. Gegevens van anderen (medewerkers, andere kinderen) zijn weggelaten.</p>
            <h2>Gegevens</h2><table>\(factRows.joined())</table>
            \(fieldRows.isEmpty ? "" : "<h2>Formulier</h2><table>\(fieldRows.joined())</table>")
            <h2>Berichten</h2>\(messages.joined(separator: "\n"))
            <h2>Verloop</h2><table><tr><th>Wanneer</th><th>Wie</th><th>Wat</th><th>Nieuwe status</th></tr>\(events.joined())</table>
            </body></html>

            """
    }

    private func local(_ date: Date) -> String {
        let day = civil.localDate(of: date)
        let seconds = Int(date.timeIntervalSince1970) + civil.timeZone.secondsFromGMT(for: date)
        let minutes = ((seconds % 86_400) + 86_400) % 86_400 / 60
        return day.iso + String(format: " %02d:%02d", minutes / 60, minutes % 60)
    }

    private func e(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
