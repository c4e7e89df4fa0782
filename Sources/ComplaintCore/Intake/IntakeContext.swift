/// The settings and the lookups a decision needs; built by the daemon, read by `IntakeDecider`.
public struct IntakeContext: Sendable {
    public var organisation: OrganisationAddresses
    public var locations: [LocationProfile]
    public var defaultRegime: Regime
    public var safeguardingScreen: SafeguardingScreen
    public var seriousScreen: WordScreen
    /// The case whose messages the new one replies to (In-Reply-To/References), if any.
    public var threadCase: CaseSnapshot?
    /// Cases named by `[KL-YYYY-NNNN]` tags in the subject.
    public var taggedCases: [CaseSnapshot]
    /// The case named by the plus address the message was sent to (`klachten+REF.token@`), if any.
    public var addressedCase: CaseSnapshot?
    /// What the daemon verified of the sender: the token and the mail server's authentication.
    public var senderEvidence: SenderEvidence
    /// What the daemon verified of a mail to the desk (`klachten+staff.<token>@`, the server's verdict).
    public var deskEvidence = DeskEvidence()

    public init(organisation: OrganisationAddresses, locations: [LocationProfile], defaultRegime: Regime = .wko,
                safeguardingScreen: SafeguardingScreen = .standard,
                seriousScreen: WordScreen = WordScreen(entries: WordScreen.defaultSerious),
                threadCase: CaseSnapshot? = nil, taggedCases: [CaseSnapshot] = [], addressedCase: CaseSnapshot? = nil,
                senderEvidence: SenderEvidence = SenderEvidence()) {
        self.organisation = organisation
        self.locations = locations
        self.defaultRegime = defaultRegime
        self.safeguardingScreen = safeguardingScreen
        self.seriousScreen = seriousScreen
        self.threadCase = threadCase
        self.taggedCases = taggedCases
        self.addressedCase = addressedCase
        self.senderEvidence = senderEvidence
    }

    /// Every address that belongs to a configured handler.
    public var handlerAddresses: Set<String> {
        Set(locations.compactMap { $0.handler?.lowercased() })
    }
}
