import MailTransport
import XCTest

/// Issue 17 finding 8: which SMTP failures blame the session (retry, mark nobody), the size
/// (shrink), or the message and its recipients (the refusal stands). Reply texts as real servers
/// (Postfix, Exim, Microsoft 365, Gmail) write them.
final class SMTPFailureScopeTests: XCTestCase {
    func testSessionRefusalsAreNotAboutTheMail() {
        let session: [(Int, String)] = [
            (530, "5.7.0 Must issue a STARTTLS command first"),                          // Postfix, smtpd_tls_security_level=encrypt
            (530, "5.7.0 Authentication Required. Learn more at https://support.google.com/mail/?p=WantAuthError"), // Gmail
            (535, "5.7.8 Error: authentication failed: authentication failure"),         // Postfix + Dovecot SASL
            (535, "5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."), // Microsoft 365
            (421, "4.7.0 mail.example.test Error: too many errors"),
            (454, "4.7.0 TLS not available due to local problem"),
            (554, "5.7.1 <ouder@elders.test>: Relay access denied"),                     // Postfix without a login
            (550, "5.7.60 SMTP; Client does not have permissions to send as this sender"), // Microsoft 365
            (550, "5.7.57 Client not authenticated to send mail"),
            (554, "5.7.1 <unknown[192.0.2.10]>: Client host rejected: Access denied"),
        ]
        for (code, text) in session {
            let failure: TransportFailure = code >= 500 ? .permanentRefusal(code: code, text: text) : .transientRefusal(code: code, text: text)
            XCTAssertEqual(failure.smtpScope, .session, "\(code) \(text)")
        }
        for failure in [TransportFailure.authentication("login as klachten@example.test refused"), .connect("refused"),
                        .tls("STARTTLS refused"), .certificate("unknown CA"), .timeout("30 s"), .connectionLost("reset")] {
            XCTAssertEqual(failure.smtpScope, .session, failure.description)
        }
    }

    func testSizeRefusalsCanBeCuredBySendingLess() {
        XCTAssertEqual(TransportFailure.permanentRefusal(code: 552, text: "5.3.4 Message size exceeds fixed limit").smtpScope, .size)
        XCTAssertEqual(TransportFailure.permanentRefusal(code: 552, text: "Message size exceeds maximum permitted").smtpScope, .size)
        XCTAssertEqual(TransportFailure.permanentRefusal(code: 554, text: "5.3.4 Message too big for system").smtpScope, .size)
    }

    func testRefusalsOfOneMessageStand() {
        let message: [(Int, String)] = [
            (550, "5.1.1 <ouder9@example.test>: Recipient address rejected: User unknown in virtual mailbox table"),
            (552, "5.2.2 <ouder9@example.test>: Mailbox full"),
            (450, "4.2.0 <ouder9@example.test>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/"),
            (550, "5.7.1 Message rejected as spam by Content Filtering"),
            (554, "5.6.0 Message contains invalid header"),
        ]
        for (code, text) in message {
            let failure: TransportFailure = code >= 500 ? .permanentRefusal(code: code, text: text) : .transientRefusal(code: code, text: text)
            XCTAssertEqual(failure.smtpScope, .message, "\(code) \(text)")
        }
    }
}
