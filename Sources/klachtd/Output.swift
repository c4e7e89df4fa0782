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

    /// The bytes of a regular file, read straight into one array (a message of 50 MB
    /// should cost 50 MB, not a Data and a copy of it); nil when it cannot be read.
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else { return nil }
        return readAll(fd: fd, expected: Int(status.st_size))
    }

    private static func readAll(fd: Int32, expected: Int = 0) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected + 1)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = read(fd, &chunk, chunk.count)
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }
}
