/// The annual report as one printable A4 HTML file with inline SVG charts, well-formed as XML.
public enum HTMLReport {
    /// The report; with `draft`, for the quality staff (see `MarkdownReport.render`).
    public static func render(_ report: AnnualReport, draft: Bool = false) -> String {
        var body: [String] = []
        let title = (draft ? "Concept: " : "") + ReportSentences.title(report)
        var header = "<header><p class=\"organisation\">\(e(report.organisation))</p><h1>\(e(title))</h1>"
        if let lrk = ReportSentences.organisationLRK(report) { header += "<p class=\"lrk\">\(e(lrk))</p>" }
        body.append(header + "</header>")
        if draft {
            let items = ReportSentences.toDo(report).map { "<li>\(e($0))</li>" }.joined(separator: "\n")
            body.append("<section class=\"draft\">\n<h2>Nog te doen voor dit verslag definitief is</h2>\n"
                        + paragraph(ReportSentences.draftIntroduction(report)) + (items.isEmpty ? "" : "\n<ul>\n\(items)\n</ul>") + "\n</section>")
        }
        body.append(paragraph(ReportSentences.introduction(report)))
        body.append(section(AnnualReport.submissionHeading, AnnualReport.submissionLines(report).map(paragraph).joined(separator: "\n")))
        body.append(section("De klachtenregeling in het kort", HTMLEscaping.paragraphs(report.texts.regulation)))
        body.append(section("Hoe ouders zijn geïnformeerd", HTMLEscaping.paragraphs(report.texts.communication)))
        if report.isEmpty {
            body.append(section("Klachten in \(report.year)", paragraph(ReportSentences.noComplaints(report))))
            body.append(section("Geschillen", paragraph(ReportSentences.disputes(report))))
            return document(report, body + closing(report), title: title)
        }
        let currentLabel = "\(report.year)", previousLabel = "\(report.previousYear.year)"
        var complaints = [
            paragraph(ReportSentences.totals(report)),
            figure("Klachten per maand", SVGChart.columns(title: "Klachten per maand in \(report.year)",
                                                          labels: DutchWording.shortMonths, values: report.perMonth)),
            "<h3>Per categorie</h3>",
            figure("Klachten per categorie", SVGChart.bars(title: "Klachten per categorie", rows: report.categoryComparison,
                                                           currentLabel: currentLabel, previousLabel: previousLabel)),
            comparisonTable("Categorie", report.categoryComparison, report),
        ]
        if !report.setting.gastouderbureau {
            complaints += [
                "<h3>Per locatie</h3>",
                figure("Klachten per locatie", SVGChart.bars(title: "Klachten per locatie", rows: report.locationComparison,
                                                             currentLabel: currentLabel, previousLabel: previousLabel)),
                comparisonTable("Locatie", report.locationComparison, report),
            ]
        }
        complaints += ReportSentences.rowNotes(report).map { "<p class=\"note\">\(e($0))</p>" }
        complaints += ["<h3>Uitkomst</h3>", table(["Uitkomst", "Klachten"], report.perOutcome.map { [$0.label, "\($0.count)"] })]
        body.append(section("Klachten in \(report.year)", complaints.joined(separator: "\n")))
        body.append(section("Afhandeling", [
            paragraph(ReportSentences.handling(report.handling, year: report.year, asOf: report.asOf)),
            "<h3>Tevredenheid</h3>", paragraph(report.satisfaction.sentence),
            table(["Tevredenheid", "Ouders"], MarkdownReport.satisfactionRows(report.satisfaction)),
        ].joined(separator: "\n")))
        body.append(section(ReportSentences.perLocationTitle(report), report.locations.map(location).joined(separator: "\n")))
        var disputes = paragraph(ReportSentences.disputes(report))
        if !report.disputes.isEmpty { disputes += table(["Aard", "Herkomst", "Uitkomst"], report.disputes.map { [$0.category.label, $0.origin.dutchLabel, $0.outcome] }) }
        body.append(section("Geschillen", disputes))
        body.append(section("Vergelijking met \(report.previousYear.year)", paragraph(ReportSentences.comparison(report))))
        return document(report, body + closing(report), title: title)
    }

    /// The organisation's analysis and improvements.
    private static func closing(_ report: AnnualReport) -> [String] {
        var parts: [String] = []
        if let analysis = report.texts.analysis { parts.append(section("Analyse en verbeteringen", HTMLEscaping.paragraphs(analysis))) }
        return parts
    }

    private static func location(_ location: LocationSection) -> String {
        var parts = ["<section class=\"location\"><h3>\(e(location.name)) <span class=\"count\">(\(e(DutchWording.count(location.count, "klacht", "klachten"))))</span></h3>"]
        if let lrk = ReportSentences.sectionLRK(location) { parts.append("<p class=\"lrk\">\(e(lrk))</p>") }
        parts.append(table(["Aard", "Klachten"], location.perCategory.map { [$0.label, "\($0.count)"] }))
        parts.append(paragraph("Uitkomst: " + location.perOutcome.map { "\($0.label) \($0.count)" }.joined(separator: "; ") + "."))
        parts.append("<ul class=\"judgements\">")
        for entry in location.judgements {
            let line = ReportSentences.judgement(entry)
            parts.append("<li><strong>\(e(line.head))</strong>: \(e(line.detail))</li>")
        }
        parts.append("</ul></section>")
        return parts.joined(separator: "\n")
    }

    private static func document(_ report: AnnualReport, _ body: [String], title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="nl" xmlns="http://www.w3.org/1999/xhtml">
        <head>
        <meta charset="utf-8" />
        <title>\(e(title)) – \(e(report.organisation))</title>
        <style>
        @page { size: A4; margin: 20mm 18mm 22mm 18mm; @bottom-center { content: counter(page); } }
        body { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #222; max-width: 174mm; margin: 0 auto; }
        h1 { font-size: 22pt; color: #2a6b4f; margin: 0 0 4mm 0; }
        h2 { font-size: 14pt; color: #2a6b4f; border-bottom: 1px solid #2a6b4f; margin-top: 8mm; page-break-after: avoid; }
        h3 { font-size: 11.5pt; margin-top: 5mm; page-break-after: avoid; }
        .organisation { text-transform: uppercase; letter-spacing: 0.08em; color: #666; margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm 0; page-break-inside: avoid; }
        th, td { border-bottom: 1px solid #ccc; padding: 1mm 2mm; text-align: left; }
        td.n, th.n { text-align: right; }
        figure { margin: 3mm 0; page-break-inside: avoid; }
        figcaption { font-size: 9pt; color: #666; }
        svg.chart { max-width: 100%; height: auto; }
        svg .bar { fill: #2a6b4f; } svg .bar.previous { fill: #a9c9b9; } svg .axis { stroke: #999; }
        svg text { font-size: 10px; fill: #333; }
        section.location { page-break-inside: avoid; }
        .lrk, .note { color: #555; font-size: 9.5pt; }
        section.draft { border: 2px solid #b5651d; background: #fff6ec; padding: 1mm 4mm 2mm 4mm; margin: 4mm 0; }
        section.draft h2 { color: #b5651d; border-bottom-color: #b5651d; margin-top: 2mm; }
        @media print { a { color: inherit; text-decoration: none; } }
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    private static func section(_ title: String, _ content: String) -> String {
        "<section>\n<h2>\(e(title))</h2>\n\(content)\n</section>"
    }

    private static func paragraph(_ text: String) -> String { "<p>\(e(text))</p>" }

    private static func figure(_ caption: String, _ svg: String) -> String {
        "<figure>\n\(svg)\n<figcaption>\(e(caption))</figcaption>\n</figure>"
    }

    private static func comparisonTable(_ title: String, _ rows: [Comparison], _ report: AnnualReport) -> String {
        table([title, "\(report.year)", "\(report.previousYear.year)", "Verschil"],
              rows.map { [$0.label, "\($0.current)", "\($0.previous)", DutchWording.change($0.change)] })
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        func cell(_ tag: String, _ value: String, _ column: Int) -> String {
            "<\(tag)\(column > 0 ? " class=\"n\"" : "")>\(e(value))</\(tag)>"
        }
        let head = "<tr>" + header.enumerated().map { cell("th", $0.element, $0.offset) }.joined() + "</tr>"
        let lines = rows.map { "<tr>" + $0.enumerated().map { cell("td", $0.element, $0.offset) }.joined() + "</tr>" }
        return "<table><thead>\(head)</thead><tbody>\n" + lines.joined(separator: "\n") + "\n</tbody></table>"
    }

    private static func e(_ text: String) -> String { HTMLEscaping.escape(text) }
}
