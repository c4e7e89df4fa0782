// swift-tools-version:6.0
// klachtd: a mail-driven complaint intake daemon for Dutch childcare organisations.
// No package dependencies: Foundation, Glibc, libcurl, libsqlite3 and iconv only.
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "klachtd",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "klachtd", targets: ["klachtd"]),
        .executable(name: "klachtd-supervisor", targets: ["klachtd-supervisor"]),
    ],
    targets: [
        // C edges: typed wrappers for libcurl's variadic calls, and sqlite3's macros.
        .target(name: "CCurl", linkerSettings: [.linkedLibrary("curl")]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3"),
        // SHA-256 and HMAC from OpenSSL's libcrypto (libcurl loads it already).
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto"),

        // Pure modules: no I/O, tested without servers. CivilDays, HexDigits, Digests and JSONText are leaves.
        .target(name: "CivilDays", swiftSettings: strict),
        // The one hex writer and digit reader: digests, the parser's escapes, the transport's %XX.
        .target(name: "HexDigits", swiftSettings: strict),
        // SHA-256 and HMAC-SHA256 over libcrypto, bytes in and out: the parser's attachment
        // digests, the store's message digests, reply tokens and OAuth's PKCE challenge.
        .target(name: "Digests", dependencies: ["CCrypto", "HexDigits"], swiftSettings: strict),
        .target(name: "MailParser", dependencies: ["CivilDays", "Digests", "HexDigits"], swiftSettings: strict),
        // Ordered JSON text for the command line's --json output and the reports.
        .target(name: "JSONText", swiftSettings: strict),
        .target(name: "ComplaintCore", dependencies: ["CivilDays"], swiftSettings: strict),
        .target(name: "FormReader", dependencies: ["MailParser"], swiftSettings: strict),
        .target(name: "Reporting", dependencies: ["ComplaintCore", "MailTemplates"], swiftSettings: strict),
        // Writing and reading mail formats beside the parser: composing what we send (RFC 5322,
        // 2045, 2047), Authentication-Results (RFC 8601), the reply address and its token, a parsed
        // message as JSON.
        .target(name: "MailFormat", dependencies: ["MailParser", "ComplaintCore", "Digests", "JSONText"], swiftSettings: strict),

        // Read from files at start and on reload, then plain values: the mail texts and the
        // configuration. Their parsing and rendering are pure and tested on strings.
        .target(name: "MailTemplates", dependencies: ["CivilDays"], swiftSettings: strict),
        .target(name: "KlachtConfig", dependencies: ["ComplaintCore"], swiftSettings: strict),

        // Edges: storage and mail transport.
        .target(name: "CaseStore", dependencies: ["CSQLite", "ComplaintCore", "CivilDays"], swiftSettings: strict),
        .target(name: "MailTransport", dependencies: ["CCurl", "CivilDays", "HexDigits"], swiftSettings: strict),
        // Process plumbing without Foundation: log lines, signals, systemd notifications.
        .target(name: "DaemonSupport", swiftSettings: strict),
        .target(name: "CProcessControl"),
        // The supervisor's logic and its protocol with the worker; Foundation-free like its dependencies.
        .target(name: "Supervision", dependencies: ["DaemonSupport", "MailTransport", "CProcessControl"], swiftSettings: strict),
        .target(name: "OAuthTokens", dependencies: ["MailTransport", "Digests", "HexDigits", "CCrypto"], swiftSettings: strict),
        // Microsoft Graph's mailbox calls (issue 21), over MailTransport's HTTPS.
        .target(name: "GraphTransport", dependencies: ["MailTransport"], swiftSettings: strict),

        // The daemon wires the core to the edges; the executable is the command line.
        .target(name: "KlachtDaemon",
                dependencies: ["MailParser", "FormReader", "ComplaintCore", "MailTemplates", "KlachtConfig",
                               "CaseStore", "MailTransport", "Reporting", "OAuthTokens", "DaemonSupport", "Supervision", "Digests",
                               "MailFormat", "JSONText", "GraphTransport", "HexDigits"],
                exclude: ["Scheduling/README.md"],
                swiftSettings: strict),
        .executableTarget(name: "klachtd", dependencies: ["KlachtDaemon", "DaemonSupport", "KlachtConfig", "CaseStore", "ComplaintCore", "MailParser", "FormReader", "Reporting", "OAuthTokens", "JSONText", "MailFormat"], swiftSettings: strict),

        // The small resident process: no Foundation, the Swift runtime linked in statically.
        .executableTarget(name: "klachtd-supervisor", dependencies: ["Supervision", "DaemonSupport"], swiftSettings: strict,
                          linkerSettings: [.unsafeFlags(["-static-stdlib"])]),

        .testTarget(name: "CivilDaysTests", dependencies: ["CivilDays"], swiftSettings: strict),
        .testTarget(name: "HexDigitsTests", dependencies: ["HexDigits"], swiftSettings: strict),
        .testTarget(name: "DigestsTests", dependencies: ["Digests"], swiftSettings: strict),
        .testTarget(name: "JSONTextTests", dependencies: ["JSONText"], swiftSettings: strict),
        .testTarget(name: "MailParserTests", dependencies: ["MailParser", "Digests", "HexDigits", "JSONText", "MailFormat"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "MailFormatTests", dependencies: ["MailFormat", "MailParser", "ComplaintCore", "JSONText"], swiftSettings: strict),
        .testTarget(name: "FormReaderTests", dependencies: ["FormReader"], swiftSettings: strict),
        .testTarget(name: "ComplaintCoreTests", dependencies: ["ComplaintCore"], swiftSettings: strict),
        .testTarget(name: "MailTemplatesTests", dependencies: ["MailTemplates"], swiftSettings: strict),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "ComplaintCore"], swiftSettings: strict),
        .testTarget(name: "KlachtConfigTests", dependencies: ["KlachtConfig"], swiftSettings: strict),
        .testTarget(name: "CaseStoreTests", dependencies: ["CaseStore", "MailParser", "Digests"], swiftSettings: strict),
        // The private test mail server, shared by the transport and the integration tests.
        .target(name: "TestMailSupport", dependencies: ["MailTransport", "MailParser"], path: "Tests/TestMailSupport",
                swiftSettings: strict),
        .testTarget(name: "MailTransportTests", dependencies: ["MailTransport", "TestMailSupport"], swiftSettings: strict),
        .testTarget(name: "SupervisionTests", dependencies: ["Supervision", "MailTransport", "TestMailSupport"], swiftSettings: strict),
        .testTarget(name: "OAuthTokensTests", dependencies: ["OAuthTokens"], swiftSettings: strict),
        .testTarget(name: "GraphTransportTests", dependencies: ["GraphTransport", "MailTransport"], swiftSettings: strict),
        .testTarget(name: "KlachtDaemonTests", dependencies: ["KlachtDaemon", "DaemonSupport"], swiftSettings: strict),
        .testTarget(name: "IntegrationTests", dependencies: ["TestMailSupport", "KlachtDaemon", "MailTransport", "MailParser", "CaseStore", "ComplaintCore", "Digests"], swiftSettings: strict),
    ]
)
