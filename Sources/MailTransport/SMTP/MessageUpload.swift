import CCurl

/// The bytes of one message being uploaded by libcurl's read callback, and the server's last reply line.
final class MessageUpload {
    private let bytes: [UInt8]
    var size: Int { bytes.count }
    private var offset = 0
    /// The last 4xx or 5xx line the server sent (e.g. `550 5.1.1 <x@example.test>: User unknown`), for error texts.
    var lastServerLine = ""

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Copies the next bytes into libcurl's buffer; returns how many (0 at the end).
    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    /// The C read callback: `userdata` is an unretained `MessageUpload`.
    static let readCallback: ccurl_data_callback = { buffer, size, count, userdata in
        guard let buffer, let userdata else { return ccurl_readfunc_abort() }
        let upload = Unmanaged<MessageUpload>.fromOpaque(userdata).takeUnretainedValue()
        return upload.read(into: buffer, capacity: size * count)
    }

    /// The C debug callback: keeps the server's last refusal line; what the client sent is never looked at.
    static let debugCallback: curl_debug_callback = { _, type, data, size, userdata in
        guard type == CURLINFO_HEADER_IN, let data, let userdata, size > 0 else { return 0 }
        // libcurl sends QUIT after a refusal; its `221 Bye` must not hide the refusal.
        guard data[0] == CChar(UInt8(ascii: "4")) || data[0] == CChar(UInt8(ascii: "5")) else { return 0 }
        let upload = Unmanaged<MessageUpload>.fromOpaque(userdata).takeUnretainedValue()
        let line = UnsafeRawBufferPointer(start: data, count: min(size, 512))
        var end = line.count
        while end > 0, [0x20, 0x09, 0x0D, 0x0A].contains(line[end - 1]) { end -= 1 }
        upload.lastServerLine = String(decoding: line[..<end], as: UTF8.self)
        return 0
    }
}

/// Converts bare LF line endings to CRLF, as SMTP requires; CRLF already present is kept.
func crlfNormalized(_ message: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(message.count + message.count / 40)
    var previous: UInt8 = 0
    for byte in message {
        if byte == 0x0A && previous != 0x0D { result.append(0x0D) }
        result.append(byte)
        previous = byte
    }
    return result
}
