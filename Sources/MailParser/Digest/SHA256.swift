/// SHA-256 (FIPS 180-4), implemented here because Foundation on Linux has no CryptoKit.
public enum SHA256 {
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The digest of `data` as 64 lowercase hex digits.
    public static func hexDigest(_ data: [UInt8]) -> String {
        var state = State()
        let fullBlocks = data.count / 64
        data.withUnsafeBytes { buffer in
            for block in 0..<fullBlocks { state.compress(buffer.baseAddress! + block * 64) }
        }
        var tail = Array(data[(fullBlocks * 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(data.count) &* 8
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBytes { buffer in
            for block in 0..<(buffer.count / 64) { state.compress(buffer.baseAddress! + block * 64) }
        }
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for word in [state.a, state.b, state.c, state.d, state.e, state.f, state.g, state.h] {
            for shift in stride(from: 28, through: 0, by: -4) { hex.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The eight working words, kept in registers rather than an array: with no bounds or
    /// uniqueness checks in the 64 rounds, attachments hash at several hundred MB/s.
    private struct State: Sendable {
        var a: UInt32 = 0x6a09e667, b: UInt32 = 0xbb67ae85, c: UInt32 = 0x3c6ef372, d: UInt32 = 0xa54ff53a
        var e: UInt32 = 0x510e527f, f: UInt32 = 0x9b05688c, g: UInt32 = 0x1f83d9ab, h: UInt32 = 0x5be0cd19

        /// One 64-byte block at `block`.
        mutating func compress(_ block: UnsafeRawPointer) {
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                roundConstants.withUnsafeBufferPointer { k in
                    for index in 0..<16 {
                        w[index] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
                    }
                    for index in 16..<64 {
                        let s0 = SHA256.rotate(w[index - 15], 7) ^ SHA256.rotate(w[index - 15], 18) ^ (w[index - 15] >> 3)
                        let s1 = SHA256.rotate(w[index - 2], 17) ^ SHA256.rotate(w[index - 2], 19) ^ (w[index - 2] >> 10)
                        w[index] = w[index - 16] &+ s0 &+ w[index - 7] &+ s1
                    }
                    var a = self.a, b = self.b, c = self.c, d = self.d
                    var e = self.e, f = self.f, g = self.g, h = self.h
                    for index in 0..<64 {
                        let s1 = SHA256.rotate(e, 6) ^ SHA256.rotate(e, 11) ^ SHA256.rotate(e, 25)
                        let choice = (e & f) ^ (~e & g)
                        let temp1 = h &+ s1 &+ choice &+ k[index] &+ w[index]
                        let s0 = SHA256.rotate(a, 2) ^ SHA256.rotate(a, 13) ^ SHA256.rotate(a, 22)
                        let majority = (a & b) ^ (a & c) ^ (b & c)
                        let temp2 = s0 &+ majority
                        h = g; g = f; f = e; e = d &+ temp1
                        d = c; c = b; b = a; a = temp1 &+ temp2
                    }
                    self.a &+= a; self.b &+= b; self.c &+= c; self.d &+= d
                    self.e &+= e; self.f &+= f; self.g &+= g; self.h &+= h
                }
            }
        }
    }

    /// The digest of bytes that come in pieces (a message streamed into the store, never
    /// whole in memory); the same answer as `hexDigest` of the pieces joined.
    public struct Hasher: Sendable {
        private var state = State()
        private var pending: [UInt8] = []
        private var count: UInt64 = 0

        public init() {}

        public mutating func update(_ bytes: [UInt8]) {
            count &+= UInt64(bytes.count)
            var start = 0
            if !pending.isEmpty {
                let take = min(64 - pending.count, bytes.count)
                pending += bytes[0..<take]
                start = take
                guard pending.count == 64 else { return }
                pending.withUnsafeBytes { state.compress($0.baseAddress!) }
                pending.removeAll(keepingCapacity: true)
            }
            let fullBlocks = (bytes.count - start) / 64
            bytes.withUnsafeBytes { buffer in
                for block in 0..<fullBlocks { state.compress(buffer.baseAddress! + start + block * 64) }
            }
            pending += bytes[(start + fullBlocks * 64)...]
        }

        public func hexDigest() -> String {
            var state = self.state
            var tail = pending
            tail.append(0x80)
            while tail.count % 64 != 56 { tail.append(0) }
            let bitLength = count &* 8
            for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
            tail.withUnsafeBytes { buffer in
                for block in 0..<(buffer.count / 64) { state.compress(buffer.baseAddress! + block * 64) }
            }
            let digits = Array("0123456789abcdef".utf8)
            var hex: [UInt8] = []
            for word in [state.a, state.b, state.c, state.d, state.e, state.f, state.g, state.h] {
                for shift in stride(from: 28, through: 0, by: -4) { hex.append(digits[Int((word >> UInt32(shift)) & 0xF)]) }
            }
            return String(decoding: hex, as: UTF8.self)
        }
    }

    @inline(__always) fileprivate static func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }
}
