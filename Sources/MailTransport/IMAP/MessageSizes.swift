/// What the server says about a message before it is fetched: enough to plan a fetch that
/// holds a bounded number of bytes, and to leave a message too large to read whole aside.
public struct MessageSize: Sendable, Equatable {
    public var uid: UInt32
    /// RFC822.SIZE: the message's size in octets as the server stores it.
    public var octets: Int
    public var internalDateSeconds: Int?
}

extension IMAPConnection {
    /// The sizes and arrival times of these messages (missing ones are left out), in UID order.
    public func sizes(uids: [UInt32]) throws(TransportFailure) -> [MessageSize] {
        let sorted = Array(Set(uids)).sorted()
        var sizes: [UInt32: MessageSize] = [:]
        var start = 0
        while start < sorted.count {
            let chunk = Array(sorted[start..<min(start + 1000, sorted.count)])
            _ = try run("UID FETCH \(Command.sequenceSet(chunk)) (UID RFC822.SIZE INTERNALDATE)",
                        failure: TransportFailure.protocolError) { response throws(TransportFailure) in
                guard response.keyword == "FETCH" else { return }
                let fetched = try FetchResponse(response)
                guard let uid = fetched.uid, let octets = fetched.size else { return }
                sizes[uid] = MessageSize(uid: uid, octets: octets, internalDateSeconds: fetched.internalDateSeconds)
            }
            start += 1000
        }
        let wanted = Set(sorted)
        return sizes.keys.sorted().filter(wanted.contains).compactMap { sizes[$0] }
    }

    /// `length` octets of a message from `offset` on (`BODY.PEEK[]<offset.length>`, RFC 3501
    /// §6.4.5), without setting `\Seen`; fewer at its end, none past it or when it is gone.
    public func fetchPart(uid: UInt32, offset: Int, length: Int) throws(TransportFailure) -> [UInt8] {
        var part: [UInt8] = []
        _ = try run("UID FETCH \(uid) (UID BODY.PEEK[]<\(offset).\(length)>)",
                    failure: TransportFailure.protocolError) { response throws(TransportFailure) in
            guard response.keyword == "FETCH" else { return }
            let fetched = try FetchResponse(response)
            if fetched.uid == uid, let body = fetched.body { part = body }
        }
        return part
    }
}
