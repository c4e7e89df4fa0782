import CaseStore
import ComplaintCore
import DaemonSupport
import Foundation
import KlachtConfig
import MailFormat
import MailTemplates

/// The clock the daemon reads; `--now` replaces it for replays and tests.
public struct Clock: Sendable {
    private let fixed: Date?
    public init(fixed: Date? = nil) { self.fixed = fixed }
    public func now() -> Date { fixed ?? Date() }
}

/// Everything the daemon's stages share: configuration turned into policies, templates, clock, log.
public struct Runtime: Sendable {
    public var configuration: Configuration
    public var templates: TemplateSet
    public var templatesEnglish: TemplateSet
    /// The Dutch letters to parents in the *je* form (`Templates/nl-je/`, each missing text taken from `nl/`).
    public var templatesInformal: TemplateSet
    public var clock: Clock
    public var logger: Logger
    public var civil: CivilTime
    public var workingDays: WorkingDayCalendar
    public var termPolicy: TermPolicy
    public var composer: MessageComposer
    /// Signs the tokens in staff reply addresses; nil when `[organisation] secret_file` is not set.
    public var replySigner: ReplyTokenSigner?

    public init(configuration: Configuration, clock: Clock = Clock(), logger: Logger = Logger()) throws {
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
        let directory = configuration.templatesDirectory ?? Runtime.shippedTemplatesDirectory()
        do {
            templates = try TemplateSet.load(directory: directory, language: configuration.organisation.language)
            templatesEnglish = try TemplateSet.load(directory: directory, language: "en")
            templatesInformal = try TemplateSet.load(directory: directory, language: AddressForm.je.dutchFolder)
        } catch {
            throw ConfigError(file: configuration.file, line: nil, problem: "templates in \(directory): \(error)",
                              fix: "Fix the template, or set [templates] directory to the shipped Templates/ folder.")
        }
        civil = CivilTime(timeZoneIdentifier: configuration.organisation.timezone)
        let settings = configuration.terms
        let closing = settings.closingDays.compactMap { LocalDate(iso: $0) }.map { Holiday(date: $0, name: "Sluitingsdag") }
        workingDays = WorkingDayCalendar(holidays: DutchHolidays(settings: HolidaySettings(
            observeGoodFriday: settings.observeGoodFriday, liberationDayEveryYear: settings.liberationDayEveryYear, closingDays: closing)))
        var policy = TermPolicy()
        policy.acknowledgementWorkingDays = settings.acknowledgementWorkingDays
        policy.firstContactWorkingDays = settings.firstContactWorkingDays
        policy.solutionTargetWorkingDays = settings.solutionTargetWorkingDays
        policy.jeugdwetDecisionWeeks = settings.jeugdwetDecisionWeeks
        policy.reminderWeeks = settings.reminderWeeks
        policy.reminderWorkingDaysBeforeDecision = settings.reminderWorkingDaysBeforeDecision
        termPolicy = policy
        composer = MessageComposer(fromName: configuration.organisation.name, fromAddress: configuration.organisation.address,
                                   messageIDDomain: configuration.organisation.messageIDDomain)
        replySigner = try ReplyTokenSigner.load(configuration)
    }

    /// The runtime for a configuration file's text, as read at a start or a reload.
    public init(text: String, file: String, clock: Clock = Clock(), logger: Logger = Logger()) throws {
        try self.init(configuration: try ConfigurationLoader.parse(text, file: file), clock: clock, logger: logger)
    }

    /// The shipped `Templates/`: beside the executable's package (development), or installed.
    public static func shippedTemplatesDirectory() -> String {
        let candidates: [String?] = [
            ProcessInfo.processInfo.environment["KLACHTD_TEMPLATES"],
            URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
                .deletingLastPathComponent().appendingPathComponent("../../../Templates").standardized.path,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../Templates").standardized.path,
            "/usr/share/klachtd/Templates",
        ]
        for case let candidate? in candidates where FileManager.default.fileExists(atPath: candidate + "/nl") {
            return candidate
        }
        return "/usr/share/klachtd/Templates"
    }

    /// The terms of a case received at `instant` under `regime`.
    public func terms(received instant: Date, regime: Regime) -> CaseTerms {
        TermCalculator.terms(received: instant, regime: regime, policy: termPolicy, calendar: workingDays, civil: civil)
    }

    public func openStore() throws -> CaseStore {
        try CaseStore(path: configuration.databasePath)
    }

    /// The language of mail about a location: the location's own setting, else the organisation's.
    public func templates(forLocation name: String?) -> TemplateSet {
        language(forLocation: name) == "en" ? templatesEnglish : templates
    }

    /// The texts of a letter to a parent: English for an English-speaking parent (or location),
    /// else Dutch in the location's address form. Staff mail is always `templates(forLocation:)`.
    public func parentTemplates(forLocation name: String?, parentLanguage: String?) -> TemplateSet {
        let set = parentLanguage == "en" ? templatesEnglish : templates(forLocation: name)
        return set.language == "nl" && addressForm(forLocation: name) == .je ? templatesInformal : set
    }

    /// How Dutch letters about a location address the parent: the location's setting, else the organisation's.
    public func addressForm(forLocation name: String?) -> AddressForm {
        configuration.locations.first { $0.name == name }?.addressForm ?? configuration.organisation.addressForm
    }

    public func language(forLocation name: String?) -> String {
        configuration.locations.first { $0.name == name }?.language ?? configuration.organisation.language
    }
}
