import Foundation
import Glibc
import JSONText
import KlachtConfig
import KlachtDaemon
import MailFormat
import MailParser

struct ParseCommand: Command {
    let summary = "parse message files and print what klachtd reads in them, one JSON object per line"
    let usage = """
        Usage: klachtd parse [--json] [--form] [--form-sender ADDRESS] FILE...

        Prints one JSON object per file: message_id, subject, date_epoch, from, to, cc,
        reply_to, in_reply_to, references, text, text_source, reply_text, attachments,
        auto_submitted, bounce and defects. With --form (or --form-sender, the address
        the website's form mails come from) it adds "form": the website-form fields
        klachtd reads in the message, or null. A file that cannot be read prints
        {"file": ..., "ok": false, "error": ...} and the command exits 1 at the end.

        A file larger than --max-bytes N (default: [limits] max_message_bytes of the
        configuration, 25 MiB without one) is refused unread, as the daemon would quarantine it.
        """
    var valuedOptions: Set<String> { ["--form-sender", "--max-bytes", "--config"] }

    func run(_ arguments: Arguments) throws -> Int32 {
        guard !arguments.positional.isEmpty else { throw UsageError("name at least one message file") }
        let formSender = arguments["--form-sender"]
        // The form is opt-in: the parser's keys are a fixed contract (issue 3), and reading
        // a form is the intake's job, at a cost the plain parse should not pay.
        let interpreter = arguments.has("--form") || formSender != nil
            ? MessageInterpreter(formSenders: formSender.map { [$0] } ?? [], extraLabels: [:]) : nil
        let limit = try sizeLimit(arguments)
        // One process parses many files: freed buffers stay with malloc for the next message
        // instead of going back to the kernel and faulting in again (measured 4 % of the run).
        // Bodies over 32 MiB are still mapped on their own and returned when freed.
        _ = glibcMallopt(-3, 32 << 20)    // M_MMAP_THRESHOLD
        _ = glibcMallopt(-1, 128 << 20)   // M_TRIM_THRESHOLD
        var failed = false
        for file in arguments.positional {
            let bytes: [UInt8]
            switch Output.readFile(file, refusingOver: limit) {
            case .bytes(let read):
                bytes = read
            case .tooLarge(let size):
                failed = true
                Output.out(JSONValue.object([("file", .string(file)), ("ok", .bool(false)), ("size", .int(Int64(size))),
                                             ("error", .string("larger than max_message_bytes (\(size) bytes, limit \(limit)): not read"))]).serialized())
                continue
            case .unreadable:
                failed = true
                Output.out(JSONValue.object([("file", .string(file)), ("ok", .bool(false)),
                                             ("error", .string("cannot read the file"))]).serialized())
                continue
            }
            let parsed = MessageParser.parse(bytes)
            var object = parsed.jsonObject(file: file)
            if let interpreter { object.append(("form", FormJSON.value(interpreter.form(of: parsed)))) }
            Output.out(bytes: JSONValue.object(object).serializedLine())
        }
        return failed ? 1 : 0
    }

    /// `--max-bytes`, else the configuration's limit; without a configuration file the default.
    private func sizeLimit(_ arguments: Arguments) throws -> Int {
        if let text = arguments["--max-bytes"] {
            guard let value = Int(text), value > 0 else { throw UsageError("--max-bytes takes a number of bytes") }
            return value
        }
        let path = ConfigurationLoader.locate(explicit: arguments["--config"])
        if arguments["--config"] == nil, !FileManager.default.isReadableFile(atPath: path) { return Self.defaultLimit }
        return try ConfigurationLoader.load(path: path).maxMessageBytes
    }

    static let defaultLimit = 25 * 1024 * 1024
}

/// glibc's `mallopt(3)`, which the Glibc module does not export (malloc.h is not in its map).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
