internal import CCrypto

/// SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104) from OpenSSL's libcrypto.
///
/// Foundation on Linux has no CryptoKit, and a hand-written SHA-256 took 11 % of the parse
/// time; libcrypto, which libcurl loads anyway, uses the CPU's SHA extensions or vector
/// units and hashes several times faster. Pure in effect: bytes in, digest out.
public enum SHA256 {
    /// The 32-byte digest of `data`.
    public static func digest(_ data: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let ok = data.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                EVP_Digest(input.baseAddress, input.count, out.baseAddress?.assumingMemoryBound(to: UInt8.self), &length, EVP_sha256(), nil)
            }
        }
        // EVP_Digest fails only when the library cannot allocate; nothing sensible can follow.
        precondition(ok == 1 && length == 32, "libcrypto's SHA-256 failed")
        return output
    }

    /// The digest of `data` as 64 lowercase hex digits.
    public static func hexDigest(_ data: [UInt8]) -> String {
        hex(digest(data))
    }

    /// HMAC-SHA256 of `message` under `key`: 32 bytes.
    public static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                output.withUnsafeMutableBytes { out in
                    HMAC(EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count),
                         messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), messageBytes.count,
                         out.baseAddress?.assumingMemoryBound(to: UInt8.self), &length)
                }
            }
        }
        precondition(result != nil && length == 32, "libcrypto's HMAC-SHA256 failed")
        return output
    }

    /// Lowercase hex of `bytes`.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
