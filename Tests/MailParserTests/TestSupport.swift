import Foundation
@testable import MailParser

/// Builds raw message bytes from readable text, with the line ending a test asks for.
func mail(_ text: String, lineEnding: String = "\r\n") -> [UInt8] {
    Array(text.replacingOccurrences(of: "\n", with: lineEnding).utf8)
}

/// Parses readable message text with CRLF line endings.
func parse(_ text: String, lineEnding: String = "\r\n") -> ParsedMessage {
    MessageParser.parse(mail(text, lineEnding: lineEnding))
}

/// Joins byte pieces; for messages that carry bytes no Swift string literal can.
func bytes(_ pieces: [UInt8]...) -> [UInt8] { pieces.flatMap { $0 } }

/// The package root, derived from this file's location.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The shared public mail corpora, or nil when they are not on this machine.
func corporaDirectory() -> URL? {
    let path = ProcessInfo.processInfo.environment["KLACHTD_CORPORA"]
        ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora").path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
    return URL(fileURLWithPath: path)
}
