import Foundation
import TestMailSupport

extension TestMailServer {
    /// The klachtd configuration for this server; `extra` is appended (more sections or keys).
    func configuration(database: String, secretFile: String, extra: String = "") -> String {
        """
        [organisation]
        name = Kinderopvang De Vlinder
        address = klachten@example.test
        quality = kwaliteit@example.test
        management = directie@example.test
        safeguarding = aandacht@example.test
        timezone = Europe/Amsterdam
        language = nl
        [imap]
        url = imap://127.0.0.1:\(imapPort)/INBOX
        username = klachten@example.test
        password_file = \(secretFile)
        starttls = required
        ca_file = \(caFile)
        poll_interval = 2
        [smtp]
        url = smtp://127.0.0.1:\(smtpPort)
        starttls = no
        [storage]
        database = \(database)
        [location "Morel"]
        handler = behandelaar1@example.test
        aliases = morel, bso morel
        regime = wko
        [location "De Boomgaard"]
        handler = behandelaar2@example.test
        aliases = boomgaard, kdv de boomgaard
        regime = wkkgz
        \(extra)
        """
    }
}
