/// One mail the scheduler says is due now, with the key that makes it go out only once.
public struct ScheduledMail: Sendable, Equatable {
    /// The case it is about; nil for the weekly digest.
    public var caseID: Int64?
    /// The case's reference, for the log and `klachtd tick`'s output; nil for the digest.
    public var reference: CaseReference?
    /// Unique per case (or globally for the digest): `reminder:week-2`, `escalation:decision:2026-06-16`, `digest:2026-W21`.
    public var key: String
    /// The template to render: `handler-reminder`, `overdue-escalation` or `weekly-digest`.
    public var template: TemplateName
    /// Who receives it; each audience gets its own copy.
    public var audiences: [Audience]
    /// What it is about.
    public var topic: ScheduleTopic
    /// Whether its text is English (the case's location says so); the digest follows the organisation's templates.
    public var english: Bool
    /// Other mails that go out under the same key (the handler's notice of a progress update).
    public var also: [MailIntent]

    /// Creates a due mail.
    public init(caseID: Int64?, reference: CaseReference?, key: String, template: TemplateName, audiences: [Audience],
                topic: ScheduleTopic, english: Bool = false, also: [MailIntent] = []) {
        self.caseID = caseID
        self.reference = reference
        self.key = key
        self.template = template
        self.audiences = audiences
        self.topic = topic
        self.english = english
        self.also = also
    }

    /// The `reminder.description` sentence in the mail's language; `date` writes a date out in words.
    public func description(date: (LocalDate) -> String) -> String {
        topic.description(english: english, date: date)
    }
}

/// What a scheduled mail is about.
public enum ScheduleTopic: Sendable, Equatable {
    /// A term ends soon: the handler is reminded.
    case termEnding(WatchedTerm, due: LocalDate)
    /// A number of weeks has passed since receipt; the judgement is due on `decisionDue`.
    case weeksElapsed(Int, decisionDue: LocalDate)
    /// A term has passed: the quality staff and management are told (`earlier` counts earlier escalations).
    case termPassed(WatchedTerm, due: LocalDate, earlier: Int)
    /// The quality staff's weekly overview.
    case digest(WeeklyDigest)
    /// The parent heard nothing since `since`: they get a progress update, the handler is told.
    case progressUpdate(since: LocalDate, decisionDue: LocalDate)
    /// The parent is asked whether the complaint was handled to their satisfaction.
    case satisfactionQuestion
    /// The one reminder of that question.
    case satisfactionReminder
    /// The parent is not satisfied, or (nil) did not answer after the reminder: the quality staff decide.
    case dissatisfied(SatisfactionAnswer?)
    /// A meldcode alert nobody acted on since `since`; round 2 also goes to the deputy.
    case safeguardingUnanswered(round: Int, since: LocalDate)
    /// A suspended case reached its review date: the handler decides whether it goes on.
    case suspensionReview(due: LocalDate)
    /// Management has not yet appointed the handler of a complaint received on `since`.
    case awaitingAssignment(since: LocalDate)
    /// The handler's judgement waits for the quality staff's `#akkoord`; it is due by `decisionDue`.
    case judgementInReview(decisionDue: LocalDate)

    /// The `reminder.description` sentence, in Dutch or English; `date` writes a date out in words.
    public func description(english: Bool, date: (LocalDate) -> String) -> String {
        switch self {
        case .termEnding(let term, let due):
            let what = term.label(english: english)
            switch (term, english) {
            case (.firstContact, false):
                return "Neem uiterlijk \(date(due)) contact op met de ouder: in het dossier staat nog geen contact."
            case (.firstContact, true):
                return "Please contact the parent by \(date(due)): the case file shows no contact yet."
            case (_, false): return "De termijn voor \(what) loopt af op \(date(due))."
            case (_, true): return "The term for \(what) ends on \(date(due))."
            }
        case .weeksElapsed(let weeks, let decisionDue):
            return english
                ? "This complaint was received \(weeks) weeks ago; the written judgement is due by \(date(decisionDue))."
                : "Deze klacht is \(weeks) weken geleden ontvangen; het schriftelijk oordeel moet uiterlijk \(date(decisionDue)) bij de ouder zijn."
        case .termPassed(let term, let due, let earlier):
            let what = term.label(english: english)
            let again = earlier > 0 ? (english ? " This is notice \(earlier + 1)." : " Dit is melding \(earlier + 1).") : ""
            return english
                ? "The term for \(what) ended on \(date(due)) and has not been met.\(again)"
                : "De termijn voor \(what) is verstreken op \(date(due)) en is niet gehaald.\(again)"
        case .digest(let digest):
            return english
                ? "Weekly overview \(date(digest.periodStart)) to \(date(digest.periodEnd))."
                : "Weekoverzicht \(date(digest.periodStart)) t/m \(date(digest.periodEnd))."
        case .progressUpdate(let since, let decisionDue):
            return english
                ? "The parent had no mail from us since \(date(since)); klachtd sent them a progress update naming \(date(decisionDue)) as the date of the judgement."
                : "De ouder heeft sinds \(date(since)) geen bericht van ons gehad; klachtd heeft een voortgangsbericht gestuurd met \(date(decisionDue)) als datum van het oordeel."
        case .satisfactionQuestion:
            return english ? "The parent is asked whether they are satisfied." : "De ouder wordt gevraagd of zij tevreden is."
        case .satisfactionReminder:
            return english ? "The parent is reminded of the satisfaction question." : "De ouder krijgt een herinnering aan de tevredenheidsvraag."
        case .dissatisfied(let answer?):
            return english
                ? "The parent's answer to the satisfaction question: \(answer.label(english: true))."
                : "Het antwoord van de ouder op de tevredenheidsvraag: \(answer.label(english: false))."
        case .safeguardingUnanswered(let round, let since):
            let deputy = round > 1
            return english
                ? "This is reminder \(round): the alert of \(date(since)) has not been acted on."
                    + (deputy ? " The deputy safeguarding officer receives this reminder too." : "")
                : "Dit is herinnering \(round): op de melding van \(date(since)) is nog niet gereageerd."
                    + (deputy ? " Ook de plaatsvervangend aandachtsfunctionaris krijgt deze herinnering." : "")
        case .suspensionReview(let due):
            return english
                ? "The handling of this complaint was suspended until \(date(due)). Resume it with #hervatten, or suspend it again with a new date (#geschorst DATE REASON)."
                : "De behandeling van deze klacht is geschorst tot \(date(due)). Hervat haar met #hervatten, of schors opnieuw met een nieuwe datum (#geschorst DATUM REDEN)."
        case .awaitingAssignment(let since):
            return english
                ? "This complaint of \(date(since)) still has no handler: please appoint one with #toewijzen."
                : "Deze klacht van \(date(since)) heeft nog geen behandelaar: wijs er een aan met #toewijzen."
        case .judgementInReview(let decisionDue):
            return english
                ? "The handler's judgement is waiting for your #akkoord (or #terug with a remark). It must reach the parent by \(date(decisionDue))."
                : "Het oordeel van de behandelaar wacht op jouw #akkoord (of #terug met een opmerking). Het moet uiterlijk \(date(decisionDue)) bij de ouder zijn."
        case .dissatisfied(nil):
            return english
                ? "The parent did not answer the satisfaction question, not even after a reminder."
                : "De ouder heeft de tevredenheidsvraag ook na een herinnering niet beantwoord."
        }
    }
}
