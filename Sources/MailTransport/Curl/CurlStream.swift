import CCurl
import Glibc

/// What ended a wait for the server.
enum StreamWait {
    case readable
    case woken
    case timedOut
}

/// The byte stream of a CONNECT_ONLY handle: `curl_easy_send`/`curl_easy_recv` plus `poll()` on its socket.
struct CurlStream {
    let handle: CurlHandle
    let socket: Int32

    /// Sends every byte, waiting for the socket when libcurl says it would block.
    func send(_ bytes: [UInt8], timeoutSeconds: Int) throws(TransportFailure) {
        var offset = 0
        while offset < bytes.count {
            var sent = 0
            let code = bytes.withUnsafeBytes { buffer in
                curl_easy_send(handle.raw, buffer.baseAddress! + offset, buffer.count - offset, &sent)
            }
            switch code {
            case CURLE_OK:
                offset += sent
            case CURLE_AGAIN:
                guard try wait(for: Int16(POLLOUT), timeoutMilliseconds: timeoutSeconds * 1000, wake: nil) == .readable else {
                    throw .timeout("\(handle.endpoint.serverURL): could not send within \(timeoutSeconds) s")
                }
            default:
                throw lost(code, while: "sending")
            }
        }
    }

    /// Reads everything libcurl has now (TLS may hold bytes the socket does not show) until it would block.
    /// Returns whether any bytes arrived.
    func receiveAvailable(into reader: inout ResponseReader) throws(TransportFailure) -> Bool {
        var received = false
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            var count = 0
            let code = chunk.withUnsafeMutableBytes { buffer in
                curl_easy_recv(handle.raw, buffer.baseAddress!, buffer.count, &count)
            }
            switch code {
            case CURLE_OK where count == 0:
                throw .connectionLost("\(handle.endpoint.serverURL) closed the connection")
            case CURLE_OK:
                reader.append(chunk[0..<count])
                received = true
            case CURLE_AGAIN:
                return received
            default:
                throw lost(code, while: "receiving")
            }
        }
    }

    /// Waits until the socket is readable, `wake` is readable, or the time is up.
    func waitReadable(timeoutMilliseconds: Int, wake: Int32?) throws(TransportFailure) -> StreamWait {
        try wait(for: Int16(POLLIN), timeoutMilliseconds: timeoutMilliseconds, wake: wake)
    }

    private func wait(for events: Int16, timeoutMilliseconds: Int, wake: Int32?) throws(TransportFailure) -> StreamWait {
        var fds = [pollfd(fd: socket, events: events, revents: 0)]
        if let wake { fds.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0)) }
        let deadline = Monotonic.milliseconds() + timeoutMilliseconds
        while true {
            let remaining = max(0, deadline - Monotonic.milliseconds())
            let result = poll(&fds, nfds_t(fds.count), Int32(clamping: remaining))
            if result < 0 {
                if errno == EINTR { continue }
                throw .connectionLost("poll failed: \(String(cString: strerror(errno)))")
            }
            if result == 0 { return .timedOut }
            // Socket first: data or a hang-up must be read before a wake-up is honoured.
            if fds[0].revents != 0 { return .readable }
            return .woken
        }
    }

    private func lost(_ code: CURLcode, while activity: String) -> TransportFailure {
        let text = handle.errorText(code)
        return .connectionLost("\(handle.endpoint.serverURL): \(activity) failed: \(text) [curl \(code.rawValue)]")
    }
}

/// Milliseconds on the monotonic clock, for deadlines that wall-clock changes must not move.
public enum Monotonic {
    public static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
    }
}
