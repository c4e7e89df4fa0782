import Foundation
import Glibc

/// A small SMTP server on 127.0.0.1 with a message size limit, as Postfix's `message_size_limit`
/// enforces it: it announces `SIZE n` and answers `552 5.3.4 Message size exceeds fixed limit`
/// to a `MAIL FROM ... SIZE=` above it, or to DATA that turns out larger. The test Postfix has one
/// limit (50 MB) for every test, so the size refusal is played here, against the real libcurl.
///
/// Safe to share across threads (hence `@unchecked Sendable`): `accepted` and `refusals` are only
/// touched under `lock`; the socket descriptor is immutable and owned by the one serving thread.
final class ScriptedSMTPServer: @unchecked Sendable {
    let port: Int
    let sizeLimit: Int
    private let listener: Int32
    private let lock = NSLock()
    private var acceptedMessages: [[UInt8]] = []
    private var refusalCount = 0

    var accepted: [[UInt8]] { lock.withLock { acceptedMessages } }
    var refusals: Int { lock.withLock { refusalCount } }

    init(sizeLimit: Int) {
        self.sizeLimit = sizeLimit
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                _ = bind(descriptor, generic, length)
                _ = listen(descriptor, 8)
                _ = getsockname(descriptor, generic, &length)
            }
        }
        listener = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    deinit { shutdown(listener, Int32(SHUT_RDWR)); close(listener) }

    private func serve() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            session(client)
            close(client)
        }
    }

    private func session(_ client: Int32) {
        var buffer: [UInt8] = []
        func write(_ line: String) { _ = Array((line + "\r\n").utf8).withUnsafeBytes { send(client, $0.baseAddress, $0.count, 0) } }
        func readLine() -> String? {
            while true {
                if let end = buffer.firstIndex(of: 10) {
                    var line = String(decoding: buffer[..<end], as: UTF8.self)
                    if line.hasSuffix("\r") { line.removeLast() }
                    buffer.removeSubrange(...end)
                    return line
                }
                var chunk = [UInt8](repeating: 0, count: 65_536)
                let count = recv(client, &chunk, chunk.count, 0)
                guard count > 0 else { return nil }
                buffer += chunk[..<count]
            }
        }
        write("220 scripted.example.test ESMTP")
        while let line = readLine() {
            let upper = line.trimmingCharacters(in: .whitespaces).uppercased()
            if upper.hasPrefix("EHLO") {
                write("250-scripted.example.test"); write("250-SIZE \(sizeLimit)"); write("250 8BITMIME")
            } else if upper.hasPrefix("MAIL FROM") {
                let declared = upper.components(separatedBy: "SIZE=").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) } ?? 0
                if declared > sizeLimit {
                    lock.withLock { refusalCount += 1 }
                    write("552 5.3.4 Message size exceeds fixed limit")
                } else {
                    write("250 2.1.0 Ok")
                }
            } else if upper.hasPrefix("RCPT TO") || upper.hasPrefix("RSET") || upper.hasPrefix("NOOP") {
                write("250 2.0.0 Ok")
            } else if upper == "DATA" {
                write("354 End data with <CR><LF>.<CR><LF>")
                var message: [UInt8] = []
                while let dataLine = readLine(), dataLine != "." { message += Array((dataLine + "\r\n").utf8) }
                if message.count > sizeLimit {
                    lock.withLock { refusalCount += 1 }
                    write("552 5.3.4 Message size exceeds fixed limit")
                } else {
                    lock.withLock { acceptedMessages.append(message) }
                    write("250 2.0.0 Ok: queued")
                }
            } else if upper == "QUIT" {
                write("221 2.0.0 Bye")
                return
            } else {
                write("502 5.5.2 Error: command not recognized")
            }
        }
    }
}
