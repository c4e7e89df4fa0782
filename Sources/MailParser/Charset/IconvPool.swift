import Glibc
import Synchronization

/// Open iconv descriptors to UTF-8, kept per charset between calls.
///
/// Why: glibc loads a charset's converter (a gconv module) with `dlopen` on `iconv_open` and
/// unloads it again soon after the last `iconv_close`, so opening and closing a descriptor for
/// every part made module loading and unloading about 6 % of `klachtd parse` over the corpora.
/// A descriptor kept here keeps its module loaded and is reused.
///
/// Thread safety: a descriptor is taken out of the pool for the whole of one conversion and
/// put back afterwards, in its initial shift state, so no two threads ever use one descriptor;
/// the pool itself is behind a `Mutex`. At most `keptPerCharset` descriptors stay open per
/// charset name (more only while that many threads convert at once); the number of charset
/// names is bounded by the charsets glibc knows, since a name it refuses is never stored.
enum IconvPool {
    /// A raw descriptor in a box that may cross threads: it is only ever held by one thread,
    /// between `take` and `give` (see the type's comment), so sending it is safe.
    struct Descriptor: @unchecked Sendable {
        let raw: iconv_t
    }

    private static let keptPerCharset = 2
    private static let pool = Mutex<[String: [Descriptor]]>([:])

    /// A descriptor converting from `charset` to UTF-8, or nil when iconv does not know it.
    static func take(_ charset: String) -> Descriptor? {
        if let kept = pool.withLock({ $0[charset]?.popLast() }) { return kept }
        guard let raw = iconv_open("UTF-8", charset), Int(bitPattern: raw) != -1 else { return nil }
        return Descriptor(raw: raw)
    }

    /// Returns a descriptor from `take`, reset to its initial state; closed when enough are kept.
    static func give(_ descriptor: Descriptor, charset: String) {
        iconv(descriptor.raw, nil, nil, nil, nil)
        let kept = pool.withLock { pool -> Bool in
            guard pool[charset, default: []].count < keptPerCharset else { return false }
            pool[charset, default: []].append(descriptor)
            return true
        }
        if !kept { iconv_close(descriptor.raw) }
    }
}
