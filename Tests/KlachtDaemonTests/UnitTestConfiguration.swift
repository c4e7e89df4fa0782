import Foundation
import KlachtConfig

/// The configuration daemon-side unit tests start from: the organisation, servers that are
/// never contacted (or an SMTP server of the test's own, given as the `[smtp]` lines), and the
/// database in `directory`; `sections` (the locations, and whatever else a test needs) comes after.
func unitTestConfiguration(directory: String, smtp: String = "url = smtp://127.0.0.1:1",
                           sections: String) throws -> Configuration {
    try ConfigurationLoader.parse("""
        [organisation]
        name = Kinderopvang De Vlinder
        address = klachten@example.test
        quality = kwaliteit@example.test
        management = directie@example.test
        safeguarding = aandacht@example.test
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
