/// A problem in a template file or in rendering it: where it is, what is wrong, and how to fix it.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template's file or name, e.g. "nl/acknowledgement.txt".
    public var file: String
    /// The 1-based line in that file, or 0 when the problem is not on one line.
    public var line: Int
    /// What is wrong.
    public var problem: String
    /// How to fix it.
    public var fix: String

    /// Creates an error.
    public init(file: String, line: Int, problem: String, fix: String) {
        self.file = file
        self.line = line
        self.problem = problem
        self.fix = fix
    }

    /// "nl/acknowledgement.txt:12: unknown variable {{case.referense}}. Use one of: …"
    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        return "\(place): \(problem). \(fix)"
    }
}
