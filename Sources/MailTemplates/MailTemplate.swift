/// A mail text: a `Subject:` line, a blank line, then the plain-text body.
public struct MailTemplate: Sendable {
    /// The template's name, e.g. "acknowledgement" (the file name without `.txt`).
    public var name: String
    /// The subject line; rendered with `.header` escaping.
    public var subject: Template
    /// The body.
    public var body: Template

    /// Parses a template file; `name` is the template name and is used in error messages.
    public init(fileContents: String, name: String) throws(TemplateError) {
        try self.init(fileContents: fileContents, name: name, file: name)
    }

    /// Parses a template file, naming it `file` (e.g. "nl/acknowledgement.txt") in error messages.
    init(fileContents: String, name: String, file: String) throws(TemplateError) {
        self.name = name
        var text = fileContents.replacingLineEndings()
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard let blank = text.firstRange(of: "\n\n") else {
            throw TemplateError(file: file, line: 1, problem: "the file has no blank line after its header",
                                fix: "Start with \"Subject: …\", then one blank line, then the body.")
        }
        var subjectSource: (text: String, line: Int)?
        for (offset, headerLine) in text[..<blank.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = offset + 1
            guard let colon = headerLine.firstIndex(of: ":"),
                  headerLine[..<colon].lowercased() == "subject" else {
                throw TemplateError(file: file, line: line, problem: "\"\(headerLine)\" is not a header this template can set",
                                    fix: "Only \"Subject: …\" is allowed above the blank line; the body comes after it.")
            }
            guard subjectSource == nil else {
                throw TemplateError(file: file, line: line, problem: "a second Subject line",
                                    fix: "Keep one Subject line.")
            }
            subjectSource = (String(headerLine[headerLine.index(after: colon)...].trimmingSpaces), line)
        }
        guard let subjectSource, !subjectSource.text.isEmpty else {
            throw TemplateError(file: file, line: 1, problem: "the subject is missing or empty",
                                fix: "Start the file with \"Subject: …\".")
        }
        let headerLineCount = text[..<blank.lowerBound].count(of: "\n") + 1
        self.subject = try Template(source: subjectSource.text, name: file, firstLine: subjectSource.line)
        self.body = try Template(source: String(text[blank.upperBound...]), name: file, firstLine: headerLineCount + 2)
    }

    /// The dotted paths used in the subject and the body.
    public var referencedPaths: Set<String> { subject.referencedPaths.union(body.referencedPaths) }

    /// The subject (header-escaped) and the body (escaped with `bodyEscaping`) filled in from `context`.
    /// With `requireValues`, an empty value is an error instead of a blank (see `Template.render`).
    public func render(_ context: [String: TemplateValue], bodyEscaping: TemplateEscaping = .plain,
                       requireValues: Bool = false) throws(TemplateError) -> RenderedMail {
        RenderedMail(subject: try subject.render(context, escaping: .header, requireValues: requireValues),
                     body: try body.render(context, escaping: bodyEscaping, requireValues: requireValues))
    }
}

/// A filled-in mail text, ready to be put in a message.
public struct RenderedMail: Sendable, Equatable {
    /// The subject, free of line breaks and control characters.
    public var subject: String
    /// The body text, lines separated by LF.
    public var body: String

    /// Creates a rendered mail.
    public init(subject: String, body: String) {
        self.subject = subject
        self.body = body
    }
}

extension String {
    /// The text with CRLF and lone CR turned into LF.
    func replacingLineEndings() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                result.unicodeScalars.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
