internal import CCrypto
import HexDigits

/// SHA-256 (FIPS 180-4) from OpenSSL's libcrypto.
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
        Hex.encode(digest(data))
    }
}
