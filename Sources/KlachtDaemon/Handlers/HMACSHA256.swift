import MailParser

/// HMAC-SHA256 (RFC 2104) on the project's own SHA-256: Foundation on Linux has no CryptoKit.
public enum HMACSHA256 {
    private static let blockSize = 64

    /// The 32-byte MAC of `message` under `key`.
    public static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var block = key.count > blockSize ? digest(key) : key
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        let inner = digest(block.map { $0 ^ 0x36 } + message)
        return digest(block.map { $0 ^ 0x5c } + inner)
    }

    /// The MAC as lowercase hex.
    public static func hexMAC(key: [UInt8], message: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(mac(key: key, message: message).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0f)]] })
    }

    /// SHA-256 as bytes: the shared implementation speaks hex, so read its 64 digits back.
    private static func digest(_ data: [UInt8]) -> [UInt8] {
        let hex = Array(SHA256.hexDigest(data).utf8)
        return stride(from: 0, to: hex.count, by: 2).map { nibble(hex[$0]) << 4 | nibble(hex[$0 + 1]) }
    }

    private static func nibble(_ digit: UInt8) -> UInt8 {
        digit >= UInt8(ascii: "a") ? digit - UInt8(ascii: "a") + 10 : digit - UInt8(ascii: "0")
    }
}
