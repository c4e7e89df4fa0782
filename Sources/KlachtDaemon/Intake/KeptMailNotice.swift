import CaseStore
import ComplaintCore
import Foundation

/// Shows the quality staff a mail that opened no case: a colleague's, or one from our own address.
///
/// Nobody else is answered, so a staff mail with the complaints address in Cc never becomes
/// a complaint from ourselves; the quality staff read it and register a case if one is needed.
struct KeptMailNotice {
    let renderer: MailRenderer

    func send(_ message: InboundMessage, reason: String, rawID: Int64) throws {
        let sender = message.from.map { [$0.name, "<\($0.address)>"].compactMap { $0 }.joined(separator: " ") } ?? "(onbekend)"
        try renderer.enqueueSystemNotice(
            subject: "Bericht zonder dossier: \(message.subject ?? "(geen onderwerp)")",
            text: """
                Dit bericht kwam binnen in de klachtenmailbox en is niet als klacht geregistreerd, omdat het \(Self.dutch(reason)) is.
                Niemand heeft een antwoord gekregen. Is het toch een klacht, registreer die dan zelf.

                Van:        \(sender)
                Aan/Cc:     \(message.recipients.joined(separator: ", "))
                Onderwerp:  \(message.subject ?? "")
                Ontvangen:  \(Timestamp.string(message.receivedAt))
                Bericht:    \(rawID)

                ------------------------------------------------------------
                \(message.text ?? "")
                ------------------------------------------------------------
                """)
    }

    private static func dutch(_ reason: String) -> String {
        switch reason {
        case "a mail from our own address": "verstuurd is vanaf het klachtenadres zelf"
        case "a staff mail with our address in To or Cc": "een bericht van een collega is met het klachtenadres in Aan of Cc"
        default: "een bericht van een collega"
        }
    }
}
