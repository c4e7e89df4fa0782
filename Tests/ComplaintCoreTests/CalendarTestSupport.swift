import Foundation
@testable import ComplaintCore

/// Shorthand for a date literal in tests: `day("2026-05-04")`.
func day(_ iso: String) -> LocalDate {
    guard let date = LocalDate(iso: iso) else {
        preconditionFailure("bad test date \(iso)")
    }
    return date
}

/// An instant given in UTC: `utc("2026-03-29", 1, 30)`.
func utc(_ iso: String, _ hour: Int, _ minute: Int, _ second: Int = 0) -> Date {
    let seconds = day(iso).dayNumber * 86_400 + hour * 3600 + minute * 60 + second
    return Date(timeIntervalSince1970: TimeInterval(seconds))
}
