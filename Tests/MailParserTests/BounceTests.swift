import XCTest
@testable import MailParser

final class BounceTests: XCTestCase {
    func testDeliveryStatusWithSeveralRecipientsAndNoBlankLineQuirks() {
        let message = parse("""
            From: Mail Delivery Subsystem <mailer-daemon@example.nl>
            Subject: Delivery Status Notification (Failure)
            Content-Type: multipart/report; report-type=delivery-status; boundary=r

            --r
            Content-Type: text/plain

            Delivery failed.
            --r
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.nl


            Final-Recipient: rfc822; een@example.org
            Action: failed
            Status: 5.2.2 (mailbox full)
            Diagnostic-Code: smtp; 552 5.2.2 Mailbox full

            Final-Recipient: rfc822; <twee@example.org>
            Action: delayed
            Status: 4.4.1
            --r
            Content-Type: message/rfc822

            Message-ID: <origineel@zonnebloem.example>
            Subject: x

            body
            --r--
            """)
        let bounce = message.bounce
        XCTAssertEqual(bounce?.recipients, [
            BounceRecipient(address: "een@example.org", action: "failed", status: "5.2.2", diagnostic: "552 5.2.2 Mailbox full"),
            BounceRecipient(address: "twee@example.org", action: "delayed", status: "4.4.1", diagnostic: nil),
        ])
        XCTAssertEqual(bounce?.originalMessageID, "origineel@zonnebloem.example")
        XCTAssertTrue(message.isAutoSubmitted)
    }

    func testQmailStyleBounceWithoutDeliveryStatus() {
        let message = parse("""
            From: MAILER-DAEMON@mail.example.org
            To: klachten@zonnebloem.example
            Subject: failure notice

            Hi. This is the qmail-send program at mail.example.org.
            I'm afraid I wasn't able to deliver your message to the following addresses.
            This is a permanent error; I've given up. Sorry it didn't work out.

            <niemand@example.org>:
            Sorry, no mailbox here by that name. (#5.1.1)

            --- Below this line is a copy of the message.

            Return-Path: <klachten@zonnebloem.example>
            Message-ID: <k-1@zonnebloem.example>
            """)
        let bounce = message.bounce
        XCTAssertEqual(bounce?.recipients.map(\.address), ["niemand@example.org"])
        XCTAssertEqual(bounce?.recipients.first?.status, "5.1.1")
        XCTAssertEqual(bounce?.originalMessageID, "k-1@zonnebloem.example")
        XCTAssertTrue(message.isAutoSubmitted)
    }

    func testExchangeUndeliverableInDutch() {
        let message = parse("""
            From: Microsoft Outlook <postmaster@contoso.example>
            To: klachten@zonnebloem.example
            Subject: Onbestelbaar: Uw klacht [K-2026-0070]

            Kan niet worden bezorgd bij deze ontvangers of groepen:

            ouder@fabrikam.example
            Het e-mailadres dat u hebt ingevoerd, is niet gevonden.

            Diagnostische gegevens voor beheerders:
            Externe server heeft '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found' geretourneerd
            """)
        XCTAssertEqual(message.bounce?.recipients.map(\.address), ["ouder@fabrikam.example"])
        XCTAssertEqual(message.bounce?.recipients.first?.status, "5.1.10")
    }

    func testStatusCodeScanner() {
        XCTAssertEqual(NonStandardBounce.statusCode(in: "said: 550 5.7.1 denied"), "5.7.1")
        XCTAssertEqual(NonStandardBounce.statusCode(in: "(#4.4.7)"), "4.4.7")
        XCTAssertNil(NonStandardBounce.statusCode(in: "version 15.5.1.2 and 550"))
        XCTAssertNil(NonStandardBounce.statusCode(in: "price 5.50"))
    }

    func testOrdinaryMailMentioningDeliveryIsNoBounce() {
        let message = parse("From: Ouder <ouder@example.nl>\nSubject: Delivery failure of my child's lunch\n\nHoi, status 5.1.1 ha.")
        XCTAssertNil(message.bounce)
    }

    func testWordingGivesStatusWhenNoCodeIsPresent() {
        let delayed = parse("""
            From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
            Subject: Delivery Status Notification (Delay)

            Delivery to the following recipient has been delayed:

                 ouder@example.nl

            Message will be retried for 2 more day(s)
            """)
        XCTAssertEqual(delayed.bounce?.recipients, [
            BounceRecipient(address: "ouder@example.nl", action: "delayed", status: "4.0.0",
                            diagnostic: "ouder@example.nl Message will be retried for 2 more day(s)"),
        ])
        let unknown = parse("""
            From: postmaster@example.org
            Subject: Undeliverable: Klacht

            did not reach the following recipient(s):

            ouder@example.org on Thu, 29 Apr 2010 00:00:00 -0000
                The recipient name is not recognized
            """)
        XCTAssertEqual(unknown.bounce?.recipients.first?.status, "5.1.1")
    }
}
