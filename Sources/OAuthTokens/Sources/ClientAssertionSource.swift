import CCrypto
import Foundation

/// The client-credentials grant with a certificate instead of a secret: the client signs a
/// short-lived JWT (RS256) naming the token endpoint, and Entra ID checks it against the
/// certificate uploaded to the app registration, found by its SHA-256 thumbprint (`x5t#S256`).
/// No shared secret is stored or sent; the key stays in `certificateFile`.
public final class ClientAssertionSource: TokenSource {
    public let kind = "microsoft"
    let endpoint: TokenEndpoint
    let clientID: String
    let scope: String
    let certificateFile: String

    public init(endpoint: TokenEndpoint, clientID: String, scope: String, certificateFile: String) {
        self.endpoint = endpoint
        self.clientID = clientID
        self.scope = scope
        self.certificateFile = certificateFile
    }

    public func fetch(now: Date) throws(TokenFailure) -> AccessToken {
        // Read at each use, so a renewed certificate file takes effect without a restart.
        guard let pem = FileManager.default.contents(atPath: certificateFile) else {
            throw .credential("[graph] certificate_file \(certificateFile) cannot be read; make it readable by the klachtd user (mode 0640)")
        }
        let assertion = try ClientAssertion.make(pem: Array(pem), clientID: clientID, audience: endpoint.url, now: now)
        return try endpoint.request([("grant_type", "client_credentials"), ("client_id", clientID), ("scope", scope),
                                     ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                                     ("client_assertion", assertion)], now: now).accessToken
    }
}

/// A JWT client assertion (RFC 7523), signed with OpenSSL's libcrypto.
enum ClientAssertion {
    static func make(pem: [UInt8], clientID: String, audience: String, now: Date) throws(TokenFailure) -> String {
        let material = try KeyMaterial(pem: pem)
        let issued = Int(now.timeIntervalSince1970)
        let header: [String: Any] = ["alg": "RS256", "typ": "JWT", "x5t#S256": base64URL(material.certificateSHA256)]
        let claims: [String: Any] = ["aud": audience, "iss": clientID, "sub": clientID, "jti": UUID().uuidString,
                                     "nbf": issued - 60, "iat": issued, "exp": issued + 600]
        let signingInput = try json(header) + "." + json(claims)
        return signingInput + "." + base64URL(try material.sign(Array(signingInput.utf8)))
    }

    static func json(_ object: [String: Any]) throws(TokenFailure) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            throw .credential("the client assertion could not be encoded")
        }
        return base64URL(Array(data))
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// The private key and the certificate's DER thumbprint from one PEM file.
private final class KeyMaterial {
    let key: OpaquePointer
    let certificateSHA256: [UInt8]

    init(pem: [UInt8]) throws(TokenFailure) {
        func read<T>(_ reader: (OpaquePointer?) -> T?) -> T? {
            pem.withUnsafeBytes { buffer -> T? in
                guard let bio = BIO_new_mem_buf(buffer.baseAddress, Int32(buffer.count)) else { return nil }
                defer { BIO_free(bio) }
                return reader(bio)
            }
        }
        guard let key = read({ PEM_read_bio_PrivateKey($0, nil, nil, nil) }) else {
            throw .credential("[graph] certificate_file holds no readable private key (an unencrypted PEM key is needed beside the certificate)")
        }
        guard let certificate = read({ PEM_read_bio_X509($0, nil, nil, nil) }) else {
            EVP_PKEY_free(key)
            throw .credential("[graph] certificate_file holds no certificate (put the PEM certificate you uploaded to Entra ID beside the key)")
        }
        defer { X509_free(certificate) }
        let length = i2d_X509(certificate, nil)
        var der = [UInt8](repeating: 0, count: Int(max(0, length)))
        der.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            _ = i2d_X509(certificate, &cursor)
        }
        var digest = [UInt8](repeating: 0, count: 32)
        var size: UInt32 = 32
        _ = EVP_Digest(der, der.count, &digest, &size, EVP_sha256(), nil)
        self.key = key
        certificateSHA256 = digest
    }

    deinit { EVP_PKEY_free(key) }

    /// RSASSA-PKCS1-v1_5 with SHA-256 (RS256).
    func sign(_ data: [UInt8]) throws(TokenFailure) -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw .credential("libcrypto could not make a signing context") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, key) == 1 else {
            throw .credential("the key in certificate_file cannot sign with RS256 (an RSA key is needed)")
        }
        var length = 0
        guard EVP_DigestSign(context, nil, &length, data, data.count) == 1 else { throw .credential("signing the client assertion failed") }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, data, data.count) == 1 else { throw .credential("signing the client assertion failed") }
        return Array(signature.prefix(length))
    }
}
