import CaseStore
import ComplaintCore
import Foundation
import MailFormat

/// The organisation-wide limit on automatic mail to addresses klachtd never wrote to (issue 17).
///
/// A From line or a form's email field can name anyone, so without it a thousand forged
/// complaints made a thousand acknowledgements to strangers from the organisation's domain.
/// Above `[limits] new_address_mails_per_hour` / `_per_day` the case is still made and its
/// mail is rendered and kept in the outbox as `held` (shown in the case, counted by `klachtd
/// status`); held mail goes to the queue oldest first as soon as both windows have room again
/// (`releaseDue`, every scheduler pass), and the quality staff are told once an hour while
/// the limit holds mail back. Closing or withdrawing a case cancels its held mail: that is how
/// the quality staff stop a forged flood's acknowledgements. Addresses klachtd mailed before and staff addresses do not count.
struct FirstContactLimit {
    let runtime: Runtime
    let store: CaseStore
    let renderer: MailRenderer

    /// The outbox kind of the notice; at most one per hour.
    static let noticeKind = OutboxKind.newAddressLimitNotice

    /// Whether an automatic mail to `address` counts against the limit: a stranger, not staff.
    func isNewAddress(_ address: String, outboxID: Int64) throws -> Bool {
        let organisation = runtime.configuration.organisation
        let staff = Set(([organisation.address] + organisation.quality + organisation.management + organisation.safeguarding
            + runtime.configuration.locations.compactMap(\.handler)).map { $0.lowercased() })
        return try !staff.contains(address.lowercased()) && !store.wasMailedBefore(address, except: outboxID)
    }

    /// Why a mail to a new address must wait now; nil when both windows have room.
    func holdReason(now: Date) throws -> String? {
        let limits = runtime.configuration.floodLimits
        if try store.firstContactsReleased(since: now.addingTimeInterval(-3600)) >= limits.newAddressMailsPerHour {
            return "limit of \(limits.newAddressMailsPerHour) automatic mails per hour to new addresses reached"
        }
        if try store.firstContactsReleased(since: now.addingTimeInterval(-86_400)) >= limits.newAddressMailsPerDay {
            return "limit of \(limits.newAddressMailsPerDay) automatic mails per day to new addresses reached"
        }
        return nil
    }

    /// Counts a just-queued automatic mail, or holds it; in the caller's transaction.
    func admit(outboxID: Int64, address: String, caseID: Int64?, template: TemplateName) throws {
        let now = runtime.clock.now()
        guard try isNewAddress(address, outboxID: outboxID) else { return }
        guard let reason = try holdReason(now: now) else {
            try store.recordFirstContact(outboxID: outboxID, address: address, held: false, now: now)
            return
        }
        try store.recordFirstContact(outboxID: outboxID, address: address, held: true, now: now)
        try store.appendEvent(caseID: caseID, actor: "klachtd", action: "mail held", from: nil, to: nil,
                              reason: "\(template): \(reason); it goes out when the limit allows", rawMessageID: nil, now: now)
        runtime.logger.notice("outbox \(outboxID) (\(template)) held: \(reason)")
        try noticeOnce(reason: reason, now: now)
    }

    /// Queues held mail oldest first while both windows have room; returns how many went to the queue.
    @discardableResult
    func releaseDue() throws -> Int {
        try store.transaction {
            let now = runtime.clock.now()
            for cancelled in try store.cancelHeldOfClosedCases() {
                try store.appendEvent(caseID: cancelled.caseID, actor: "klachtd", action: "mail cancelled", from: nil, to: nil,
                                      reason: "\(cancelled.kind): held by the limit on new addresses, and the case is closed",
                                      rawMessageID: nil, now: now)
            }
            var released = 0
            for held in try store.heldMails(limit: 1_000) {
                guard try holdReason(now: now) == nil else { break }
                if try store.releaseHeld(outboxID: held.outboxID, now: now, rewrite: { Self.redated($0, now) }) {
                    try store.appendEvent(caseID: held.caseID, actor: "klachtd", action: "mail released", from: nil, to: nil,
                                          reason: "\(held.kind): the limit on mail to new addresses has room again",
                                          rawMessageID: nil, now: now)
                    released += 1
                }
            }
            if released > 0 { runtime.logger.info("\(released) held mail(s) released to the outbox") }
            return released
        }
    }

    /// The mail with its Date line set to `date`: a letter held for hours should not sort as old
    /// in the parent's inbox. Only the header's own `Date:` line changes; the bytes are otherwise kept.
    static func redated(_ bytes: [UInt8], _ date: Date) -> [UInt8] {
        let prefix = Array("\r\nDate: ".utf8)
        var index = 0
        while index + prefix.count <= bytes.count {
            if bytes[index] == 13, index + 3 < bytes.count, bytes[index + 1] == 10, bytes[index + 2] == 13, bytes[index + 3] == 10 {
                return bytes  // the end of the header: no Date line
            }
            if Array(bytes[index..<(index + prefix.count)]) == prefix {
                let start = index + prefix.count
                var end = start
                while end + 1 < bytes.count, !(bytes[end] == 13 && bytes[end + 1] == 10) { end += 1 }
                return Array(bytes[..<start]) + Array(RFC5322Date.string(date).utf8) + Array(bytes[end...])
            }
            index += 1
        }
        return bytes
    }

    /// Tells the quality staff that the limit holds mail back, at most once an hour.
    private func noticeOnce(reason: String, now: Date) throws {
        guard try !store.mailQueued(kind: Self.noticeKind, to: runtime.configuration.organisation.quality,
                                    since: now.addingTimeInterval(-3600)) else { return }
        let limits = runtime.configuration.floodLimits
        try renderer.enqueueNotice(.floodHoldNotice, values: ["flood": [
            "per_hour": .string(String(limits.newAddressMailsPerHour)), "per_day": .string(String(limits.newAddressMailsPerDay)),
            "reason": .string(reason),
        ]], kind: Self.noticeKind)
    }
}
