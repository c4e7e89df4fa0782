internal import CCrypto
import HexDigits

extension SHA256 {
    /// The digest of bytes that come in pieces (a message streamed into the store, never
    /// whole in memory); the same answer as `hexDigest` of the pieces joined.
    ///
    /// libcrypto's incremental digest (an `EVP_MD_CTX`) behind a value type: a copy of a
    /// hasher is independent of the original (the context is copied before a shared one is
    /// changed), and `hexDigest()` finishes a copy, so more pieces may follow.
    public struct Hasher: Sendable {
        private var context = Context()

        public init() {}

        public mutating func update(_ bytes: [UInt8]) {
            if !isKnownUniquelyReferenced(&context) { context = context.copy() }
            let ok = bytes.withUnsafeBytes { EVP_DigestUpdate(context.pointer, $0.baseAddress, $0.count) }
            // EVP_DigestUpdate on an initialised SHA-256 context fails only on a broken library.
            precondition(ok == 1, "libcrypto's SHA-256 update failed")
        }

        public func hexDigest() -> String {
            let finished = context.copy()
            var output = [UInt8](repeating: 0, count: 32)
            var length: UInt32 = 0
            let ok = output.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(finished.pointer, $0.baseAddress, &length) }
            precondition(ok == 1 && length == 32, "libcrypto's SHA-256 final failed")
            return Hex.encode(output)
        }
    }

    /// One `EVP_MD_CTX`, owned and freed by this object.
    ///
    /// `@unchecked Sendable`, proof: `Hasher` changes a context only through `update`, and
    /// only when its reference is the sole one (`isKnownUniquelyReferenced`, else it copies
    /// first), so a context reachable from more than one value, and thus perhaps from more
    /// than one thread, is never written. Shared contexts are only read, by
    /// `EVP_MD_CTX_copy_ex`, which reads its source and takes an atomic reference on the
    /// digest, so concurrent copies are safe.
    final class Context: @unchecked Sendable {
        let pointer: OpaquePointer

        init() {
            // Allocation failure is the only way these fail; nothing sensible can follow.
            guard let made = EVP_MD_CTX_new() else { preconditionFailure("libcrypto could not allocate a digest context") }
            precondition(EVP_DigestInit_ex(made, EVP_sha256(), nil) == 1, "libcrypto's SHA-256 init failed")
            pointer = made
        }

        private init(copying source: OpaquePointer) {
            guard let made = EVP_MD_CTX_new() else { preconditionFailure("libcrypto could not allocate a digest context") }
            precondition(EVP_MD_CTX_copy_ex(made, source) == 1, "libcrypto could not copy a digest context")
            pointer = made
        }

        func copy() -> Context { Context(copying: pointer) }

        deinit { EVP_MD_CTX_free(pointer) }
    }
}
