import ComplaintCore
import XCTest

/// Issue 17: only a name that looks like a person's prints after "Beste".
final class SalutationNameTests: XCTestCase {
    func testPersonsNamesPrint() {
        for name in ["Sanne de Vries", "Anne-Marie O'Neill", "J.P. van den Berg", "Ayşe Çelik", "Zoë d’Hondt", "Müller"] {
            XCTAssertEqual(SalutationName.printable(name), name)
        }
        XCTAssertEqual(SalutationName.printable("  Sanne   de Vries "), "Sanne de Vries")
    }

    func testAnythingElseGivesTheNeutralSalutation() {
        let hostile = [
            nil, "", "   ", "Klik op https://winnen.example/claim", "www.winnen.nl", "Bezoek winnen.nl nu", "jan.devries",
            "Jan 0612345678", "Ouder1", "jan@example.test", "Jan\u{1B}[31m de Vries", "Jan\u{202E}seirV", "Vries, Jan de",
            String(repeating: "a", count: 61), "'-.",
        ]
        for name in hostile { XCTAssertNil(SalutationName.printable(name), name ?? "nil") }
        XCTAssertNotNil(SalutationName.printable(String(repeating: "a", count: 60)))
    }
}
