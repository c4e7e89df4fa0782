import Foundation
import TestMailSupport

extension TestMailServer {
    /// A small RFC 5322 message with LF line endings (SMTPConnection must make them CRLF).
    func message(from: String, to: String, subject: String, body: String) -> [UInt8] {
        Array("""
            From: <\(from)>
            To: <\(to)>
            Subject: \(subject)
            Message-ID: <\(UUID().uuidString)@\(domain)>
            Date: Sat, 21 Nov 2026 07:00:00 +0000

            \(body)

            """.utf8)
    }
}

/// Seconds since `start`, on the monotonic clock.
func secondsSince(_ start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}
