/// The settings and the lookups a decision needs; built by the daemon, read by `IntakeDecider`.
public struct IntakeContext: Sendable {
    public var organisation: OrganisationAddresses
    public var locations: [LocationProfile]
    public var defaultRegime: Regime
    public var safeguardingScreen: WordScreen
    public var seriousScreen: WordScreen
    /// The case whose messages the new one replies to (In-Reply-To/References), if any.
    public var threadCase: CaseSnapshot?
    /// Cases named by `[KL-YYYY-NNNN]` tags in the subject.
    public var taggedCases: [CaseSnapshot]

    public init(organisation: OrganisationAddresses, locations: [LocationProfile], defaultRegime: Regime = .wko,
                safeguardingScreen: WordScreen = WordScreen(entries: WordScreen.defaultSafeguarding),
                seriousScreen: WordScreen = WordScreen(entries: WordScreen.defaultSerious),
                threadCase: CaseSnapshot? = nil, taggedCases: [CaseSnapshot] = []) {
        self.organisation = organisation
        self.locations = locations
        self.defaultRegime = defaultRegime
        self.safeguardingScreen = safeguardingScreen
        self.seriousScreen = seriousScreen
        self.threadCase = threadCase
        self.taggedCases = taggedCases
    }

    /// Every address that belongs to a configured handler.
    public var handlerAddresses: Set<String> {
        Set(locations.compactMap { $0.handler?.lowercased() })
    }
}
