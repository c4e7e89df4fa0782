import MailParser

/// HMAC-SHA256 (RFC 2104), from OpenSSL's libcrypto through `SHA256.hmac`.
public enum HMACSHA256 {
    /// The 32-byte MAC of `message` under `key`.
    public static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        SHA256.hmac(key: key, message: message)
    }

    /// The MAC as lowercase hex.
    public static func hexMAC(key: [UInt8], message: [UInt8]) -> String {
        SHA256.hex(mac(key: key, message: message))
    }
}
