import CaseStore
import ComplaintCore
import Foundation
import MailTemplates

/// Shows the quality staff a mail that opened no case: a colleague's, or one from our own address.
///
/// Nobody else is answered, so a staff mail with the complaints address in Cc never becomes
/// a complaint from ourselves; the quality staff read it and register a case if one is needed.
struct KeptMailNotice {
    let renderer: MailRenderer

    func send(_ message: InboundMessage, reason: String, rawID: Int64) throws {
        let sender = message.from.map { [$0.name, "<\($0.address)>"].compactMap { $0 }.joined(separator: " ") } ?? ""
        try renderer.enqueueNotice(.keptMailNotice, values: ["kept": [
            "sender": .string(sender), "recipients": .string(message.recipients.joined(separator: ", ")),
            "subject": .string(message.subject ?? ""), "received": .string(Timestamp.string(message.receivedAt)),
            "id": .string(String(rawID)), "text": .string(message.text ?? ""),
            // Why no case was opened; the template says it in words.
            "own_address": .bool(reason == Self.ownAddress), "staff_copy": .bool(reason == Self.staffCopy),
            "unverified_command": .bool(reason == StaffDeskRouting.unverifiedReason),
        ]])
    }

    /// The reasons intake gives (`IntakeDecision`), as the template tells them apart.
    static let ownAddress = "a mail from our own address"
    static let staffCopy = "a staff mail with our address in To or Cc"
}
