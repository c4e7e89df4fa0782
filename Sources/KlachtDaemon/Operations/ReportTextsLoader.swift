import Foundation
import Reporting

/// The report's editable texts: `report-regeling.md`, `report-communicatie.md` and
/// `report-analyse.md` (the year's analysis and improvements) in the templates folder.
public enum ReportTextsLoader {
    public static func load(runtime: Runtime) -> ReportTexts {
        let directory = runtime.configuration.templatesDirectory ?? Runtime.shippedTemplatesDirectory()
        let language = runtime.configuration.organisation.language
        func text(_ name: String, fallback: String) -> String {
            for folder in [language, "nl"] {
                let path = "\(directory)/\(folder)/\(name)"
                if let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) {
                    return text.trimmingCharacters(in: .whitespacesAndNewlines)
                }
            }
            return fallback
        }
        return ReportTexts(
            regulation: text("report-regeling.md", fallback: "(Beschrijf de klachtenregeling in Templates/nl/report-regeling.md.)"),
            communication: text("report-communicatie.md", fallback: "(Beschrijf in Templates/nl/report-communicatie.md hoe ouders zijn geïnformeerd.)"),
            analysis: text("report-analyse.md", fallback: "(Beschrijf in Templates/nl/report-analyse.md wat de klachten van dit jaar leren en wat er is verbeterd.)"))
    }
}
