import MailParser
import TestMailSupport
import XCTest

extension TestMailServer {
    /// A parent's ordinary complaint about BSO Morel, sent and handled: waits for the parent's
    /// acknowledgement and the handler's assignment, and gives the case's reference and that
    /// assignment (whose tokened Reply-To the handler answers).
    func openComplaintAboutMorel(parent: String, name: String? = nil, subject: String = "Klacht over BSO Morel")
        throws -> (reference: String, assignment: ParsedMessage) {
        try send(from: address(parent), to: ["klachten@example.test"], complaintMail(
            from: address(parent), name: name ?? "Ouder \(parent)", subject: subject,
            body: "Mijn dochter stond om 18:15 nog alleen bij de deur van BSO Morel."))
        try waitForInbox(parent, count: 1)
        let assignment = try XCTUnwrap(waitForInbox("behandelaar1", count: 1).last)
        return (try ProcedureFixture.reference(of: assignment), assignment)
    }
}
