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
                Niemand heeft een antwoord gekregen. \(Self.advice(reason))

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

    private static func advice(_ reason: String) -> String {
        reason == StaffDeskRouting.unverifiedReason
            ? "Stuurde u dit zelf? Beantwoord dan dit bericht met de opdracht bovenaan: het antwoordadres bevestigt dat u het bent."
            : "Is het toch een klacht, registreer die dan zelf."
    }

    private static func dutch(_ reason: String) -> String {
        switch reason {
        case "a mail from our own address": "verstuurd is vanaf het klachtenadres zelf"
        case "a staff mail with our address in To or Cc": "een bericht van een collega is met het klachtenadres in Aan of Cc"
        case StaffDeskRouting.unverifiedReason:
            "een opdracht van een adres van Kwaliteit of de directie is die niet kon worden bevestigd (geen geldige "
                + "toegangscode in het adres, en de mailserver bevestigt de afzender niet); er is niets uitgevoerd"
        default: "een bericht van een collega"
        }
    }
}
