import Foundation

/// Reading template files: the only I/O in this module.
extension TemplateSet {
    /// Reads `directory/language/*.txt`; a template missing there is taken from `directory/nl/`.
    public static func load(directory: String, language: String) throws(TemplateError) -> TemplateSet {
        guard !language.isEmpty, language.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "-") }) else {
            throw TemplateError(file: directory, line: 0, problem: "\"\(language)\" is not a language code",
                                fix: "Use a code such as nl or en.")
        }
        let own = try readFolder(directory: directory, language: language)
        let dutch = language == "nl" ? [:] : try readFolder(directory: directory, language: "nl")
        guard !own.isEmpty || !dutch.isEmpty else {
            throw TemplateError(file: "\(directory)/\(language)", line: 0, problem: "no template files (*.txt) found",
                                fix: "Point the templates setting at the folder that holds nl/ and en/.")
        }
        var templates: [MailTemplate] = []
        var fallbacks = Set<String>()
        for name in Set(own.keys).union(dutch.keys).sorted() {
            if let file = own[name] {
                templates.append(try MailTemplate(fileContents: file.contents, name: name, file: file.label))
            } else if let file = dutch[name] {
                templates.append(try MailTemplate(fileContents: file.contents, name: name, file: file.label))
                fallbacks.insert(name)
            }
        }
        return TemplateSet(language: language, templates: templates, fallbackNames: fallbacks)
    }

    /// The `.txt` files of one language folder by template name; an absent folder has none.
    private static func readFolder(directory: String, language: String) throws(TemplateError)
        -> [String: (label: String, contents: String)] {
        let folder = (directory as NSString).appendingPathComponent(language)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [:]
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw TemplateError(file: folder, line: 0, problem: "the folder cannot be read (\(error.localizedDescription))",
                                fix: "Check that the daemon's user may read it.")
        }
        var files: [String: (label: String, contents: String)] = [:]
        for entry in entries where entry.hasSuffix(".txt") && !entry.hasPrefix(".") {
            let label = "\(language)/\(entry)"
            guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(entry)) else {
                throw TemplateError(file: label, line: 0, problem: "the file cannot be read",
                                    fix: "Check that the daemon's user may read it.")
            }
            guard let contents = String(data: data, encoding: .utf8) else {
                throw TemplateError(file: label, line: 0, problem: "the file is not UTF-8 text",
                                    fix: "Save it as UTF-8.")
            }
            files[String(entry.dropLast(4))] = (label, contents)
        }
        return files
    }
}
