import CaseStore
import ComplaintCore
import Foundation

/// At most a few notices a day about unverified desk commands per claimed sender.
///
/// Anyone can write `From: kwaliteit@…` with `#zaken` in it; each is kept (the raw message and
/// an event), but a flood of forgeries must not become a flood of mail to the quality staff.
/// The first notices of the day go out: they carry the officer's own desk address as Reply-To,
/// so an officer who wrote without it can reply to one of them.
struct DeskForgeryLimit {
    static let noticesPerDay = 3

    let store: CaseStore
    let civil: CivilTime
    let now: Date

    /// True when the quality staff are to be told of this kept message.
    func admits(_ message: InboundMessage, reason: String, rawID: Int64) throws -> Bool {
        guard reason == StaffDeskRouting.unverifiedReason else { return true }
        let sender = message.from?.address ?? "(geen afzender)"
        try store.appendEvent(caseID: nil, actor: sender, action: "unverified desk command kept", from: nil, to: nil,
                              reason: "neither a desk token for this sender nor the mail server vouches for it", rawMessageID: rawID, now: now)
        let day = civil.localDate(of: now).iso
        for number in 1...Self.noticesPerDay where try store.claimScheduled(caseID: nil, key: "desk-unverified:\(sender):\(day):\(number)", now: now) {
            return true
        }
        return false
    }
}
