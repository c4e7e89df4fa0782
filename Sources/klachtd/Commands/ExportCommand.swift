import ComplaintCore
import Foundation
import KlachtDaemon

struct ExportCommand: Command {
    let summary = "write a parent's case file for an access request (readable HTML and their raw messages)"
    let usage = """
        Usage: klachtd export KL-YYYY-NNNN --out DIR [--config FILE]

        Writes DIR/dossier.html and DIR/berichten/*.eml: the case's facts, the parent's
        own messages and the mails sent to them. Staff appear by role; internal notes are
        listed without their text. Check the folder before sending it. The export is
        recorded in the case's history.
        """
    var valuedOptions: Set<String> { ["--config", "--now", "--out"] }

    func run(_ arguments: Arguments) throws -> Int32 {
        guard let word = arguments.positional.first, let reference = CaseReference(word) else {
            throw UsageError("name the case, e.g. klachtd export KL-2026-0001 --out /tmp/dossier")
        }
        guard let directory = arguments["--out"] else { throw UsageError("--out DIR is required") }
        let runtime = try runtime(arguments)
        let files = try CaseExport(store: try runtime.openStore(), civil: runtime.civil)
            .write(reference: reference, to: directory, actor: CommandOutput.actor, now: runtime.clock.now())
        Output.out("wrote \(files.count) file(s) to \(directory):")
        for file in files { Output.out("  \(file)") }
        return 0
    }
}
