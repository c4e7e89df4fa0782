import Glibc

/// Writing to standard output and error through file descriptors (Swift 6 rejects the C globals).
enum Output {
    static func out(_ text: String) { write(fd: 1, text + "\n") }
    static func err(_ text: String) { write(fd: 2, text + "\n") }

    /// Writes bytes as they are (a JSON line from `JSONValue.serializedLine()`).
    static func out(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(1, base + offset, buffer.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }

    static func write(fd: Int32, _ text: String) {
        var copy = text
        copy.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, base + offset, buffer.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }

    /// Reads all of standard input as bytes.
    static func readStandardInput() -> [UInt8] { readAll(fd: 0) ?? [] }

    /// What `readFile(_:refusingOver:)` found.
    enum FileContents {
        case bytes([UInt8])
        /// A regular file larger than the limit, left unread: its size.
        case tooLarge(Int)
        case unreadable
    }

    /// The bytes of a file, read straight into one array (a message of 50 MB should cost
    /// 50 MB, not a Data and a copy of it), or its size when it is a regular file over `limit`
    /// bytes (then it is opened but not read). One path lookup and one `fstat` per readable
    /// file: `klachtd parse` over many files looked each path up twice (`stat`, then `open`).
    static func readFile(_ path: String, refusingOver limit: Int) -> FileContents {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            // Not openable (no permission): still refused by its size when that is over the limit.
            var status = stat()
            if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) > limit {
                return .tooLarge(Int(status.st_size))
            }
            return .unreadable
        }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else { return .unreadable }
        if (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) > limit { return .tooLarge(Int(status.st_size)) }
        return readAll(fd: fd, expected: Int(status.st_size)).map(FileContents.bytes) ?? .unreadable
    }

    /// Reads to the end of `fd`: first straight into an array of the expected size and one
    /// byte more (the read that finds the end needs no room, one that finds more fills it),
    /// then, when the file turned out longer, in chunks appended to it.
    private static func readAll(fd: Int32, expected: Int = 0) -> [UInt8]? {
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            while count < buffer.count {
                let n = read(fd, base + count, buffer.count - count)
                if n < 0 { if errno == EINTR { continue }; failed = true; return }
                if n == 0 { return }
                count += n
            }
        }
        if failed { return nil }
        if bytes.count <= expected { return bytes }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(fd, &chunk, chunk.count)
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }
}
