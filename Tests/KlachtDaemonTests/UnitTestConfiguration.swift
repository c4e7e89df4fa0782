import Foundation
import KlachtConfig

/// The configuration daemon-side unit tests start from: the organisation, servers that are
/// never contacted (or an SMTP server of the test's own, given as the `[smtp]` lines), and the
/// database in `directory`; `organisation` adds lines to that section (`language = en`), and
/// `sections` (the locations, and whatever else a test needs) comes after.
func unitTestConfiguration(directory: String, smtp: String = "url = smtp://127.0.0.1:1", organisation: String = "",
                           sections: String) throws -> Configuration {
    try ConfigurationLoader.parse("""
        [organisation]
        name = Kinderopvang De Vlinder
        address = klachten@example.test
        quality = kwaliteit@example.test
        management = directie@example.test
        safeguarding = aandacht@example.test
        \(organisation)
        [imap]
        url = imap://127.0.0.1:1/INBOX
        username = klachten@example.test
        password_file = \(directory)/imap.secret
        [smtp]
        \(smtp)
        [storage]
        database = \(directory)/klachtd.sqlite

        """ + sections, file: directory + "/klachtd.conf")
}
