/// The UIDs of a `* SEARCH 2 5 9` response (RFC 3501 §7.2.5).
enum SearchResponse {
    /// The numbers in one SEARCH response; a trailing `(MODSEQ n)` is skipped.
    static func uids(_ response: UntaggedResponse) throws(TransportFailure) -> [UInt32] {
        var tokens = response.payload
        var uids: [UInt32] = []
        while let token = try tokens.next() {
            if case .atom(let digits) = token, let uid = ASCII.uint32(digits) {
                uids.append(uid)
            } else {
                try tokens.skipValue(token)
            }
        }
        return uids
    }
}
