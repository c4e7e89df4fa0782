/// The text parts of a MIME tree in the order a mail program shows them (RFC 2046 §5.1.3–5.1.4).
///
/// Every inline, unnamed text/plain leaf of a multipart/mixed (or related, signed, …) counts, in
/// document order: Apple Mail splits text around inline images, and gateways put a short notice
/// part before the real message. Of a multipart/alternative only one version counts: its plain
/// text, or, when it has none, its HTML, so a notice before an HTML-only message cannot hide it.
enum ReadingOrder {
    /// One readable part.
    enum Segment {
        case plain(MimeEntity)
        case html(MimeEntity)

        var entity: MimeEntity {
            switch self {
            case .plain(let entity), .html(let entity): entity
            }
        }

        var isPlain: Bool {
            if case .plain = self { return true }
            return false
        }
    }

    static func segments(of entity: MimeEntity) -> [Segment] {
        guard entity.contentType.isMultipart, !entity.children.isEmpty else {
            guard entity.isBodyCandidate else { return [] }
            return entity.contentType.mimeType == "text/plain" ? [.plain(entity)] : []
        }
        guard entity.contentType.mimeType == "multipart/alternative" else {
            return entity.children.flatMap(segments(of:))
        }
        let versions = entity.children.map(segments(of:))
        if let plain = versions.first(where: { $0.contains(where: \.isPlain) }) { return plain }
        let html = entity.children.first { $0.isBodyCandidate && $0.contentType.mimeType == "text/html" }
        return html.map { [.html($0)] } ?? []
    }
}
