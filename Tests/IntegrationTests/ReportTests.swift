import CaseStore
import Foundation
import XCTest
import TestMailSupport

/// Issue 8: the annual report from two years of cases, checked against counts the test makes itself.
final class ReportTests: XCTestCase {
    nonisolated(unsafe) static var shared: ReportDataset?
    nonisolated(unsafe) static var fillSeconds: Double = 0

    /// The dataset is built once for the class: 216 deliveries take a while.
    func dataset() throws -> ReportDataset {
        if let shared = Self.shared { return shared }
        let started = Date()
        let dataset = try ReportDataset()
        try dataset.fill()
        Self.fillSeconds = Date().timeIntervalSince(started)
        Self.shared = dataset
        return dataset
    }

    func report(_ dataset: ReportDataset, year: Int, format: String) throws -> String {
        let result = try dataset.fixture.klachtd(["report", "--year", "\(year)", "--format", format])
        XCTAssertEqual(result.status, 0, result.error)
        return result.output
    }

    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Label → count from a JSON list of {label, count}, leaving out zeros (labels kept for the comparison).
    func counts(_ value: Any?) -> [String: Int] {
        var out: [String: Int] = [:]
        for item in value as? [[String: Any]] ?? [] {
            if let label = item["label"] as? String, let count = item["count"] as? Int, count > 0 { out[label] = count }
        }
        return out
    }

    func testReportCountsPerLocationCategoryAndOutcomeEqualIndependentCounts() throws {
        let dataset = try dataset()
        XCTAssertGreaterThanOrEqual(dataset.truth.count, 200)
        XCTAssertGreaterThan(Set(dataset.truth.map(\.location)).count, 4)
        for year in [2025, 2026] {
            let figures = try json(try report(dataset, year: year, format: "json"))
            let expectedLocations = dataset.expectedCounts(year: year) { $0.location }
            XCTAssertEqual(figures["complaints"] as? Int, expectedLocations.values.reduce(0, +), "complaints in \(year)")
            XCTAssertEqual(counts(figures["per_location"]), expectedLocations, "per location in \(year)")
            XCTAssertEqual(counts(figures["per_category"]), dataset.expectedCounts(year: year) { $0.category }, "per category in \(year)")
            XCTAssertEqual(counts(figures["per_outcome"]), dataset.expectedCounts(year: year) { $0.outcome }, "per outcome in \(year)")
            for location in figures["locations"] as? [[String: Any]] ?? [] {
                let name = try XCTUnwrap(location["name"] as? String)
                XCTAssertEqual(counts(location["per_category"]), dataset.expectedCounts(year: year) { $0.location == name ? $0.category : "-" }
                    .filter { $0.key != "-" }, "categories at \(name) in \(year)")
                XCTAssertEqual(counts(location["per_outcome"]), dataset.expectedCounts(year: year) { $0.location == name ? $0.outcome : "-" }
                    .filter { $0.key != "-" }, "outcomes at \(name) in \(year)")
            }
            let csv = try report(dataset, year: year, format: "csv")
            for (location, count) in expectedLocations {
                XCTAssertTrue(csv.contains("locatie,\(location),,\(count),"), "CSV line for \(location) in \(year)")
            }
            let markdown = try report(dataset, year: year, format: "md")
            XCTAssertTrue(markdown.contains("In \(year) zijn \(expectedLocations.values.reduce(0, +)) klachten ontvangen"), markdown)
        }
        let previous = try json(try report(dataset, year: 2026, format: "json"))["previous_year"] as? [String: Any]
        XCTAssertEqual(previous?["complaints"] as? Int, dataset.expectedCounts(year: 2025) { _ in "x" }["x"])
        print("report dataset: \(dataset.truth.count) cases delivered and shaped in \(Int(Self.fillSeconds)) s")
    }

    func testJudgementsMeasuresSummariesAndDisputesAppearPerLocation() throws {
        let dataset = try dataset()
        let markdown = try report(dataset, year: 2025, format: "md")
        // Issue 18: the measure's own text was written for the parent; the report gives its term once, in Dutch.
        XCTAssertFalse(markdown.contains("De overdracht bij het ophalen is opnieuw afgesproken"), markdown)
        XCTAssertTrue(markdown.contains("Maatregelen afgesproken, uiterlijk klaar op "), markdown)
        XCTAssertNil(markdown.range(of: #"\(termijn:? \d"#, options: .regularExpression), "no term in ISO form or twice")
        XCTAssertTrue(markdown.contains("het team werkt met een overdrachtsformulier"))
        XCTAssertTrue(markdown.contains("### Morel ("))
        XCTAssertTrue(markdown.contains("voorgelegd aan de Geschillencommissie Kinderopvang"))
        XCTAssertTrue(markdown.contains("verklaard"))
        XCTAssertTrue(markdown.contains("mediane doorlooptijd"))
        XCTAssertTrue(markdown.contains("## De klachtenregeling in het kort"))
        XCTAssertTrue(markdown.contains("informatieboekje"), "the organisation's text on how parents were told")
    }

    func testHTMLIsWellFormedPrintableAndHoldsItsCharts() throws {
        let dataset = try dataset()
        let path = dataset.fixture.directory + "/jaarverslag-2026.html"
        let result = try dataset.fixture.klachtd(["report", "--year", "2026", "--format", "html", "--out", path])
        XCTAssertEqual(result.status, 0, result.error)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(html.contains("@page { size: A4"))
        let check = try Subprocess.run(["python3", "-c", """
            import sys, xml.etree.ElementTree as ET
            from html.parser import HTMLParser
            HTMLParser().feed(open(sys.argv[1], encoding='utf-8').read())
            root = ET.parse(sys.argv[1]).getroot()
            svg = '{http://www.w3.org/2000/svg}'
            charts = root.findall('.//' + svg + 'svg')
            bars = [len(c.findall('.//' + svg + 'rect')) for c in charts]
            print(len(charts), min(bars) if bars else 0)
            """, path])
        XCTAssertEqual(check.status, 0, check.error)
        let numbers = check.output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        XCTAssertEqual(numbers.first, 3, "charts per month, per category and per location: \(check.output)")
        XCTAssertGreaterThan(numbers.last ?? 0, 0, "every chart has bars")
    }

    func testNoNameOrAddressAppearsInAnyFormat() throws {
        let dataset = try dataset()
        for year in [2025, 2026] {
            for format in ["md", "html", "csv", "json"] {
                let text = try report(dataset, year: year, format: format)
                for personal in ReportDataset.personalStrings {
                    XCTAssertFalse(text.contains(personal), "'\(personal)' in the \(format) report of \(year)")
                }
                XCTAssertFalse(ReportDataset.containsAddress(text), "an address in the \(format) report of \(year)")
            }
        }
        let overview = try dataset.fixture.klachtd(["overview", "--quarter", "2026Q1"])
        for personal in ReportDataset.personalStrings { XCTAssertFalse(overview.output.contains(personal), "'\(personal)' in the overview") }
    }

    func testAYearWithoutComplaintsSaysSo() throws {
        let dataset = try dataset()
        let markdown = try report(dataset, year: 2023, format: "md")
        XCTAssertTrue(markdown.contains("In 2023 zijn bij Kinderopvang De Vlinder geen klachten ingediend"), markdown)
        XCTAssertEqual(try json(try report(dataset, year: 2023, format: "json"))["no_complaints"] as? Bool, true)
    }

    func testQuarterlyOverviewCountsTheQuarterAndTheOneBefore() throws {
        let dataset = try dataset()
        let result = try dataset.fixture.klachtd(["overview", "--quarter", "2025Q2", "--now", "2026-11-01T12:00:00Z"])
        XCTAssertEqual(result.status, 0, result.error)
        func count(_ months: ClosedRange<Int>) -> Int { quarterCount(dataset, months: months) }
        XCTAssertTrue(result.output.contains("Klachten ontvangen: \(count(4...6)) (2025Q1: \(count(1...3))"), result.output)
        XCTAssertTrue(result.output.contains("waarvan over de termijn"))
    }

    private func quarterCount(_ dataset: ReportDataset, months: ClosedRange<Int>) -> Int {
        let cases = (try? dataset.fixture.cases()) ?? []
        return cases.filter { item in
            guard item["kind"] as? String == "klacht", let received = item["received_at"] as? String,
                  received.hasPrefix("2025-"), let month = Int(received.dropFirst(5).prefix(2)) else { return false }
            return months.contains(month)
        }.count
    }
}
