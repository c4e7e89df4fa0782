// libFuzzer entry point for the message parser; built by deploy/fuzz/run.sh together with the
// MailParser sources into one module, so internal readers (TNEF, HTML) are reachable too.

/// Feeds arbitrary bytes to every entry point that takes untrusted input; any trap,
/// sanitizer report or hang is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func parserFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let message = MessageParser.parse(bytes)
    _ = JSONValue.object(message.jsonObject(file: "fuzz")).serialized()
    _ = TNEFReader.contents(of: bytes)
    _ = CompressedRTF.decompress(bytes)
    _ = RTFText.body(from: bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    _ = ReplyExtractor.newText(of: text)
    _ = HTMLText.text(from: text)
    _ = AddressListParser.parse(text)
    _ = DateTimeParser.parse(text)
    _ = EncodedWordDecoder.decode(text)
    return 0
}
