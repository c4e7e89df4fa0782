internal import CCrypto
import HexDigits

/// HMAC-SHA256 (RFC 2104) from OpenSSL's libcrypto: the reply tokens' MAC.
public enum HMACSHA256 {
    /// The 32-byte MAC of `message` under `key`.
    public static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
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
        // HMAC fails only when the library cannot allocate; nothing sensible can follow.
        precondition(result != nil && length == 32, "libcrypto's HMAC-SHA256 failed")
        return output
    }

    /// The MAC as lowercase hex.
    public static func hexMAC(key: [UInt8], message: [UInt8]) -> String {
        Hex.encode(mac(key: key, message: message))
    }
}
