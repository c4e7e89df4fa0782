import CaseStore
import Foundation
import JSONText
import KlachtDaemon
import MailParser

struct StatusCommand: Command {
    let summary = "show whether klachtd is healthy: last poll, queues, open and overdue cases, bounces"
    let usage = """
        Usage: klachtd status [--json] [--config FILE] [--now ISO8601]

        Exit 0 when the last cycle is recent (within 3 poll intervals plus 5 minutes),
        nothing is quarantined or failed, no letter is held for a person to decide on (see
        `klachtd case REF send-held`), sending works, and (with OAuth2) logins work; 1 otherwise, so it
        can be used as a check. With OAuth2 it also shows the access token's age and expiry
        and when the refresh token was last renewed. It also counts the mail held by the limit
        on new addresses and lists the messages of the last 7 days answered to nobody (robots,
        mailing lists, bounces) with their reason, and the judgements waiting for the
        second reader's #akkoord (review_judgements); none of these makes it exit 1.
        """

    func run(_ arguments: Arguments) throws -> Int32 {
        let runtime = try runtime(arguments)
        let store = try runtime.openStore()
        let now = runtime.clock.now()
        let status = try ServiceStatus.read(store, today: runtime.civil.localDate(of: now), now: now)
        let pending = try RetentionPurge(store: store, settings: runtime.configuration.retention).dueCount(now: now)
        // Between workers no cycle runs; one is started at least every `[service] wake_interval`.
        let quietLimit = 3 * runtime.configuration.imap.pollIntervalSeconds + runtime.configuration.service.wakeIntervalSeconds + 300
        let stale = status.lastCycleAt.map { now.timeIntervalSince($0) > Double(quietLimit) } ?? true
        // With OAuth2, the token facts the daemon keeps beside the database (never the token itself).
        let token = runtime.configuration.oauth.map { TokenStatus.load(path: $0.statusFile) }
        let loginsFailing = token?.failingSince != nil
        // Messages answered to nobody this week: listed, not a fault (`klachtd quarantine` names them).
        let ignoredWeek = try store.ignoredMessages(since: now.addingTimeInterval(-7 * 86_400))
        let healthy = !stale && !loginsFailing && (status.rawMessages[.quarantined] ?? 0) == 0 && (status.outbox[.failed] ?? 0) == 0
            && status.heldCases.isEmpty && status.smtpFailingSince == nil
        func time(_ date: Date?) -> String { date.map(Timestamp.string) ?? "never" }
        if arguments.has("--json") {
            func counts(_ map: [String: Int]) -> JSONValue { .object(map.sorted { $0.key < $1.key }.map { ($0.key, .int(Int64($0.value))) }) }
            Output.out(JSONValue.object([
                ("healthy", .bool(healthy)), ("last_cycle_at", status.lastCycleAt.map { .string(Timestamp.string($0)) } ?? .null),
                ("last_successful_poll_at", status.lastPollOKAt.map { .string(Timestamp.string($0)) } ?? .null),
                ("last_poll_error", status.lastPollError.map(JSONValue.string) ?? .null),
                ("last_purge_at", status.lastPurgeAt.map { .string(Timestamp.string($0)) } ?? .null),
                ("outbox", counts(Dictionary(uniqueKeysWithValues: status.outbox.map { ($0.key.rawValue, $0.value) }))), ("raw_messages", counts(Dictionary(uniqueKeysWithValues: status.rawMessages.map { ($0.key.rawValue, $0.value) }))), ("cases", counts(status.casesByState)),
                ("open", .int(Int64(status.openCases))), ("overdue_decisions", .int(Int64(status.overdueDecisions))),
                ("overdue_measures", .int(Int64(status.overdueMeasures))), ("quarantined", .int(Int64(status.rawMessages[.quarantined] ?? 0))),
                ("ignored_last_7_days", .array(ignoredWeek.map { .object([("id", .int($0.id)), ("reason", $0.note.map(JSONValue.string) ?? .null)]) })),
                ("held_mail", .int(Int64(status.outbox[.held] ?? 0))),
                ("held_letters", .array(status.heldCases.map(JSONValue.string))),
                ("judgements_in_review", .array(status.judgementsInReview.map {
                    .object([("reference", .string($0.reference)), ("since", .string(Timestamp.string($0.since)))])
                })),
                ("sending_fails_since", status.smtpFailingSince.map { .string(Timestamp.string($0)) } ?? .null),
                ("sending_error", status.smtpLastError.map { .string(AddressMask.masking($0)) } ?? .null),
                ("bouncing_addresses", .array(status.bouncingAddresses.map { .string(AddressMask.mask($0)) })), ("bouncing_address_count", .int(Int64(status.bouncingAddresses.count))), ("retention_purge_pending", .int(Int64(pending))),
                ("oauth", token.map { facts in
                    func date(_ value: Date?) -> JSONValue { value.map { .string(Timestamp.string($0)) } ?? .null }
                    return .object([("provider", facts.provider.map(JSONValue.string) ?? .null), ("token_issued_at", date(facts.tokenIssuedAt)),
                                    ("token_expires_at", date(facts.tokenExpiresAt)), ("refresh_token_renewed_at", date(facts.refreshTokenRenewedAt)),
                                    ("client_secret_expires", facts.clientSecretExpires.map(JSONValue.string) ?? .null),
                                    ("failing_since", date(facts.failingSince))])
                } ?? .null),
            ]).serialized())
        } else {
            // The ten newest, each with its reason; `klachtd quarantine` has them all.
            let ignoredLines = ignoredWeek.prefix(10).map { "\n    \($0.id)  \(CaseText.localTime($0.receivedAt, runtime))  \($0.note ?? "")" }.joined()
            Output.out("""
                klachtd \(healthy ? "ok" : "NEEDS ATTENTION")
                  last cycle:            \(time(status.lastCycleAt))\(stale ? " (stale: is the daemon running?)" : "")
                  last successful poll:  \(time(status.lastPollOKAt))
                  last poll error:       \(status.lastPollError ?? "-")
                  last retention purge:  \(time(status.lastPurgeAt)) (\(pending) case(s) due)
                  incoming:              \(status.rawMessages[.pending] ?? 0) pending, \(status.rawMessages[.quarantined] ?? 0) quarantined
                  outbox:                \(status.outbox[.queued] ?? 0) queued, \(status.outbox[.sending] ?? 0) sending, \(status.outbox[.failed] ?? 0) failed, \(status.outbox[.held] ?? 0) held
                  not answered (7 days): \(ignoredWeek.count)\(ignoredWeek.isEmpty ? "" : " (see klachtd quarantine)")\(ignoredLines)
                  held letters:          \(status.heldCases.isEmpty ? "none" : status.heldCases.joined(separator: ", "))
                  awaiting #akkoord:     \(status.judgementsInReview.isEmpty ? "none" : status.judgementsInReview.map { "\($0.reference) (since \(CaseText.localTime($0.since, runtime)))" }.joined(separator: ", "))
                  sending:               \(status.smtpFailingSince.map { "FAILS since \(time($0)): \(AddressMask.masking(status.smtpLastError ?? "?"))" } ?? "ok")
                  cases:                 \(status.openCases) open, \(status.overdueDecisions) past the decision date, \(status.overdueMeasures) past the measures' term
                  bouncing addresses:    \(status.bouncingAddresses.isEmpty ? "none" : status.bouncingAddresses.map(AddressMask.mask).joined(separator: ", "))
                """)
            if let token { Output.out(TokenStatusText.lines(token, now: now).map { "  " + $0 }.joined(separator: "\n")) }
        }
        return healthy ? 0 : 1
    }
}
