import CaseStore
import Foundation
import KlachtConfig
import OAuthTokens

/// Tells the log and the quality staff, once each, that OAuth2 logins fail or are about to,
/// and again when they work. `scheduled_sent` keys make each mail happen once:
/// `oauth:login-failing:<since>`, `oauth:login-restored:<since>`, `oauth:refresh-token-old:<renewed>`,
/// `oauth:refresh-token-renewed:<renewed>`, `oauth:client-secret-expires:<date>`.
struct CredentialWarnings {
    let runtime: Runtime

    /// A failing login: warn when the identity provider refused us outright, or when it has lasted too long.
    func failing(_ oauth: OAuthSettings?, status: inout TokenStatus, urgent: Bool, store: CaseStore?) {
        guard let oauth, let since = status.failingSince, status.failureWarned != true, let store else { return }
        let lasted = runtime.clock.now().timeIntervalSince(since)
        guard urgent || lasted >= Double(oauth.warnLoginFailureSeconds) else { return }
        let reason = status.lastError ?? "onbekend"
        runtime.logger.error("OAuth2 logins have failed since \(Timestamp.string(since)); telling the quality staff: \(reason)")
        send(store, key: "oauth:login-failing:\(Timestamp.string(since))",
             subject: "klachtd kan niet meer inloggen op de mailserver",
             body: """
                klachtd kan sinds \(Timestamp.string(since)) (UTC) niet inloggen op de mailserver met OAuth2.
                Zolang dit zo blijft, worden klachten niet opgehaald en blijven uitgaande mails in de wachtrij.

                Foutmelding: \(reason)

                Wat te doen: laat de beheerder de app-registratie controleren (clientgeheim verlopen of
                ingetrokken? toestemming IMAP.AccessAsApp / SMTP.SendAsApp nog aanwezig?) en daarna
                `klachtd check-config --connect` uitvoeren. U krijgt bericht zodra het weer werkt.
                """)
        status.failureWarned = true
    }

    /// The login works again after a failure the staff were told about.
    func restored(status: inout TokenStatus, store: CaseStore?) {
        guard status.failureWarned == true, let since = status.failingSince, let store else { return }
        send(store, key: "oauth:login-restored:\(Timestamp.string(since))",
             subject: "klachtd kan weer inloggen op de mailserver",
             body: """
                De storing sinds \(Timestamp.string(since)) (UTC) is voorbij: klachtd logt weer in op de mailserver.
                Klachten die in de tussentijd zijn binnengekomen worden nu verwerkt; mails in de wachtrij worden verstuurd.
                """)
    }

    /// The refresh token's age and the client secret's expiry date.
    func review(_ oauth: OAuthSettings, status: inout TokenStatus, store: CaseStore) {
        let now = runtime.clock.now()
        if oauth.provider == .refreshToken, let path = oauth.refreshTokenFile, let renewed = RefreshTokenFile(path: path).renewedAt() {
            status.refreshTokenRenewedAt = renewed
            if let warned = status.refreshAgeWarnedFor, warned != renewed {
                runtime.logger.notice("OAuth: the refresh token was renewed")
                send(store, key: "oauth:refresh-token-renewed:\(Timestamp.string(warned))",
                     subject: "klachtd: OAuth-toegang is vernieuwd",
                     body: "Het refresh token van klachtd is vernieuwd op \(Timestamp.string(renewed)) (UTC). Er hoeft niets meer te gebeuren.")
                status.refreshAgeWarnedFor = nil
            }
            let age = now.timeIntervalSince(renewed)
            if age >= Double(oauth.warnRefreshTokenAgeSeconds), status.refreshAgeWarnedFor == nil {
                runtime.logger.warning("OAuth: the refresh token has not been renewed for \(Int(age / 86_400)) days; run klachtd oauth login")
                send(store, key: "oauth:refresh-token-old:\(Timestamp.string(renewed))",
                     subject: "klachtd: OAuth-toegang verloopt binnenkort",
                     body: """
                        Het refresh token van klachtd is sinds \(Timestamp.string(renewed)) (UTC) niet vernieuwd (\(Int(age / 86_400)) dagen).
                        De identiteitsprovider kan het binnenkort weigeren; daarna haalt klachtd geen klachten meer op.

                        Wat te doen: laat de beheerder `klachtd oauth login` uitvoeren.
                        """)
                status.refreshAgeWarnedFor = renewed
            }
        }
        if let expires = oauth.clientSecretExpires, let date = Timestamp.date(expires + "T00:00:00Z"),
           now >= date.addingTimeInterval(-Double(oauth.warnClientSecretSeconds)) {
            let days = Int(date.timeIntervalSince(now) / 86_400)
            let claimed = send(store, key: "oauth:client-secret-expires:\(expires)",
                               subject: "klachtd: het clientgeheim verloopt op \(expires)",
                               body: """
                                  Het clientgeheim waarmee klachtd inlogt op de mailserver verloopt op \(expires)\(days > 0 ? " (over \(days) dagen)" : "").
                                  Daarna haalt klachtd geen klachten meer op en verstuurt het geen mail.

                                  Wat te doen: laat de beheerder in Microsoft Entra ID een nieuw clientgeheim maken, de waarde in
                                  client_secret_file zetten en client_secret_expires aanpassen.
                                  """)
            if claimed { runtime.logger.warning("OAuth: the client secret expires on \(expires); create a new one") }
        }
    }

    /// Queues one mail to the quality staff, unless `key` was used before; true when queued.
    @discardableResult
    private func send(_ store: CaseStore, key: String, subject: String, body: String) -> Bool {
        let now = runtime.clock.now()
        do {
            return try store.transaction {
                guard try store.claimScheduled(caseID: nil, key: key, now: now) else { return false }
                try MailRenderer(runtime: runtime, store: store).enqueueSystemNotice(subject: subject, text: body, kind: .oauthWarning)
                return true
            }
        } catch {
            runtime.logger.error("OAuth: cannot queue the warning '\(subject)': \(error)")
            return false
        }
    }
}
