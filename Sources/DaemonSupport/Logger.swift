import Glibc

/// Log lines on standard error with syslog priority prefixes (`<6>`), which journald reads.
///
/// Info lines carry references and counts, never names, addresses or message text: personal
/// data stays in the database, where retention applies to it.
public struct Logger: Sendable {
    public enum Level: Int, Sendable, Comparable {
        case error = 3, warning = 4, notice = 5, info = 6, debug = 7
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    public var threshold: Level

    public init(threshold: Level = .info) {
        self.threshold = threshold
    }

    public func log(_ level: Level, _ message: String) {
        guard level <= threshold else { return }
        // One line per entry: newlines inside the message become spaces (bytes, not Foundation).
        var line = Array("<\(level.rawValue)>".utf8)
        line.reserveCapacity(line.count + message.utf8.count + 1)
        for byte in message.utf8 { line.append(byte == UInt8(ascii: "\n") ? UInt8(ascii: " ") : byte) }
        line.append(UInt8(ascii: "\n"))
        line.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(2, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }

    public func error(_ message: String) { log(.error, message) }
    public func warning(_ message: String) { log(.warning, message) }
    public func notice(_ message: String) { log(.notice, message) }
    public func info(_ message: String) { log(.info, message) }
    public func debug(_ message: String) { log(.debug, message) }
}
