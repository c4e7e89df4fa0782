import CaseStore
import ComplaintCore
import Foundation
import MailParser
import MailTemplates

extension StaffDesk {
    /// `#nieuw`: a complaint received by phone, on paper or in person becomes a case as a mail would.
    ///
    /// The registration is read as a form the staff member filled in (name, e-mail, telephone,
    /// location, the text), so it takes intake's own path: the location's handler gets it, the
    /// parent gets the acknowledgement when an address is known (else the quality staff are told,
    /// as for any case without one), and the terms run from `Ontvangen:`. Files on the staff
    /// mail (a scanned letter) go to the handler as a parent's would.
    func register(_ registration: Registration, plan: StaffDeskPlan, message: InboundMessage, parsed: ParsedMessage,
                  rawID: Int64) throws -> Reply {
        var received = message.receivedAt
        if let day = registration.received {
            let minutes = registration.receivedMinutes ?? 12 * 60
            received = runtime.civil.date(day, hour: minutes / 60, minute: minutes % 60)
            guard received <= message.receivedAt else {
                throw DeskRefusal(text: words.receivedAfterMessage(dateText(day)))
            }
        }
        if let name = registration.location, LocationMatcher(locations: runtime.configuration.locations).match(field: name) == nil {
            let names = runtime.configuration.locations.map(\.name).joined(separator: ", ")
            throw DeskRefusal(text: words.registrationLocationUnknown(name, among: names))
        }
        var fields: [(label: String, value: String)] = []
        if let name = registration.name { fields.append(("Naam", name)) }
        if let email = registration.email { fields.append(("E-mail", email)) }
        if let phone = registration.phone { fields.append(("Telefoon", phone)) }
        if let location = registration.location { fields.append(("Locatie", location)) }
        fields.append(("Ontvangen", CivilText.time(received, runtime.civil)))
        fields.append(("Geregistreerd door", plan.sender))
        fields.append(("Klacht", registration.text))
        let form = FormSubmission(plugin: "klachtd-desk", fields: fields, name: registration.name, email: registration.email,
                                  phone: registration.phone, location: registration.location, description: registration.text)
        let subject = Self.registrationSubject(message.subject, text: registration.text)
        let inbound = InboundMessage(messageID: nil, from: nil, recipients: message.recipients, subject: subject,
                                     text: registration.text, form: form, receivedAt: received)
        let context = IntakeProcessor(runtime: runtime, store: store).settingsContext
        let newCase = IntakeDecider.newCasePlan(for: inbound, context: context)
        let caseID = try DecisionApplier(runtime: runtime, store: store, renderer: renderer, now: now)
            .apply(.newCase(newCase), message: inbound, parsed: parsed, rawID: rawID)
        if let caseID {
            // Without an e-mail address there is no Party to carry the name: the case gets it anyway.
            if newCase.complainant == nil, let name = registration.name {
                try store.updateCase(caseID: caseID, column: .complainantName, value: PersonName.natural(name), actor: plan.sender,
                                     reason: "the parent's name, from #nieuw", rawMessageID: rawID, now: now)
            }
            try store.appendEvent(caseID: caseID, actor: plan.sender, action: "registered by staff", from: nil, to: nil,
                                  reason: "a complaint received by phone, on paper or in person (#nieuw)", rawMessageID: rawID, now: now)
        }
        return try registered(caseID)
    }

    /// `#namens`: the forwarded mail below is the parent's complaint, as a colleague's forward is.
    func onBehalf(plan: StaffDeskPlan, message: InboundMessage, parsed: ParsedMessage, rawID: Int64) throws -> Reply {
        let context = IntakeProcessor(runtime: runtime, store: store).settingsContext
        let newCase = IntakeDecider.newCasePlan(for: message, context: context)
        guard newCase.forwardedBy != nil else {
            throw DeskRefusal(text: words.noForwardedMessage)
        }
        let caseID = try DecisionApplier(runtime: runtime, store: store, renderer: renderer, now: now)
            .apply(.newCase(newCase), message: message, parsed: parsed, rawID: rawID)
        return try registered(caseID)
    }

    /// The reply to `#nieuw` and `#namens`: the case as it now stands.
    private func registered(_ caseID: Int64?) throws -> Reply {
        guard let caseID, let record = try store.caseRecord(id: caseID) else {
            throw DeskRefusal(text: words.notRegistered)
        }
        let acknowledged = try store.outbox(caseID: caseID).contains { $0.state != .held && ScheduledCaseFacts.receipts.contains($0.kind) }
        var values: [String: TemplateValue] = [
            "reference": .string(record.reference.description), "state": .string(words.state(record.state)),
            "received": .string(CivilText.time(record.receivedAt, runtime.civil)),
            "complainant": .string(record.complainantName ?? words.nameUnknown),
            "address": .string(record.complainantAddress ?? ""), "acknowledged": .bool(acknowledged),
            "location": .string(record.location ?? ""), "handler": .string(record.handler ?? ""),
            "decision_due": .string(record.decisionDue.map(dateText) ?? ""),
        ]
        values["flags"] = .string(record.flags.map(\.rawValue).joined(separator: ", "))
        return Reply(template: .deskRegistered, values: ["desk": .object(values)], openedCase: caseID)
    }

    /// The staff mail's subject, unless it is only the command; else the complaint's first words.
    static func registrationSubject(_ subject: String?, text: String) -> String {
        let trimmed = (subject ?? "").trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, !trimmed.hasPrefix("#"), trimmed.lowercased() != "nieuw" { return trimmed }
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? "Klacht"
        return firstLine.count > 60 ? String(firstLine.prefix(57)) + "..." : firstLine
    }
}
