/// What one tagged command produced: its untagged data and its final status.
struct CommandResult {
    var untagged: [UntaggedResponse]
    var completion: ResponseText
}

/// Sends tagged commands and reads responses until their completion (RFC 3501 §2.2).
final class CommandExchange {
    private let stream: CurlStream
    private let timeoutSeconds: Int
    private var reader = ResponseReader()
    private var tagCounter = 0
    /// The text of an untagged BYE, to explain a connection the server then closes.
    private var farewell: String?

    init(stream: CurlStream, timeoutSeconds: Int) {
        self.stream = stream
        self.timeoutSeconds = timeoutSeconds
    }

    /// A fresh tag; `K` keeps ours apart from the tags libcurl used during login.
    func nextTag() -> String {
        tagCounter += 1
        return "K\(tagCounter)"
    }

    /// Runs `command` (without tag and CRLF) with an optional trailing `literal`: sent at once as `{N+}` when
    /// `literalPlus` (RFC 7888), else when the server asks for it.
    func run(_ command: String, literal: [UInt8]? = nil, literalPlus: Bool = false,
             onUntagged: (UntaggedResponse) throws(TransportFailure) -> Void = { _ in }) throws(TransportFailure) -> CommandResult {
        let tag = nextTag()
        var line = Array("\(tag) \(command)".utf8)
        if let literal { line += Array(" {\(literal.count)\(literalPlus ? "+" : "")}".utf8) }
        line += [ASCII.carriageReturn, ASCII.lineFeed]
        var literalSent = literal == nil
        if let literal, literalPlus {
            line += literal + [ASCII.carriageReturn, ASCII.lineFeed]
            literalSent = true
        }
        try stream.send(line, timeoutSeconds: timeoutSeconds)
        var untagged: [UntaggedResponse] = []
        while true {
            switch try readResponse() {
            case .continuation where !literalSent:
                try stream.send((literal ?? []) + [ASCII.carriageReturn, ASCII.lineFeed], timeoutSeconds: timeoutSeconds)
                literalSent = true
            case .continuation:
                throw .protocolError("unexpected continuation request during \(commandName(command))")
            case .untagged(let response):
                try onUntagged(response)
                untagged.append(response)
            case .tagged(let completedTag, let completion):
                guard completedTag == tag else {
                    throw .protocolError("completion for unknown tag \(completedTag) during \(commandName(command))")
                }
                return CommandResult(untagged: untagged, completion: completion)
            }
        }
    }

    /// Sends a raw line (IDLE's DONE).
    func sendLine(_ line: String) throws(TransportFailure) {
        try stream.send(Array("\(line)\r\n".utf8), timeoutSeconds: timeoutSeconds)
    }

    /// The next whole response, waiting at most the endpoint's timeout for each piece.
    func readResponse() throws(TransportFailure) -> Response {
        while true {
            if let response = try nextBufferedResponse() { return response }
            guard try receive() else {
                guard try stream.waitReadable(timeoutMilliseconds: timeoutSeconds * 1000, wake: nil) == .readable else {
                    throw .timeout("\(stream.handle.endpoint.serverURL): no answer within \(timeoutSeconds) s")
                }
                continue
            }
        }
    }

    /// A response already received and framed, without touching the socket.
    func nextBufferedResponse() throws(TransportFailure) -> Response? {
        guard let bytes = reader.nextResponse() else { return nil }
        let response = try Response(bytes)
        if case .untagged(let untagged) = response, untagged.keyword == "BYE" {
            farewell = untagged.statusText?.text
        }
        return response
    }

    /// Reads what the server has sent so far; false when nothing was there.
    func receive() throws(TransportFailure) -> Bool {
        do {
            return try stream.receiveAvailable(into: &reader)
        } catch .connectionLost(let detail) {
            throw .connectionLost(farewell.map { "\(detail) after BYE: \($0)" } ?? detail)
        }
    }

    /// Waits for the server or the wake descriptor.
    func wait(milliseconds: Int, wake: Int32?) throws(TransportFailure) -> StreamWait {
        try stream.waitReadable(timeoutMilliseconds: milliseconds, wake: wake)
    }

    private func commandName(_ command: String) -> String {
        String(command.split(separator: " ", maxSplits: 2).prefix(command.hasPrefix("UID ") ? 2 : 1).joined(separator: " "))
    }
}
