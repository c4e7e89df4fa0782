import ComplaintCore
import XCTest

final class TriageTests: XCTestCase {
    let locations = [
        LocationProfile(name: "Morel", aliases: ["morel", "bso morel"], handler: "behandelaar1@example.test"),
        LocationProfile(name: "De Boomgaard", aliases: ["kdv boomgaard"], handler: "behandelaar2@example.test", regime: .wkkgz),
    ]

    func testLocationIsFoundThroughAnAliasWithAccentsAndCase() {
        let matcher = LocationMatcher(locations: locations)
        XCTAssertEqual(matcher.match(subject: nil, text: "Mijn dochter zit op BSO Morël sinds maart.")?.name, "Morel")
        XCTAssertEqual(matcher.match(field: "De boomgaard")?.name, "De Boomgaard")
    }

    func testLocationAliasMustBeAWholeWord() {
        let matcher = LocationMatcher(locations: locations)
        XCTAssertNil(matcher.match(subject: nil, text: "We aten morellen bij het ontbijt."))
    }

    func testTwoLocationsNamedEquallyIsLeftToTheQualityStaff() {
        let matcher = LocationMatcher(locations: [LocationProfile(name: "Noord"), LocationProfile(name: "Zuid")])
        XCTAssertNil(matcher.match(subject: nil, text: "Eerst zat hij op Noord, nu op Zuid."))
    }

    func testSafeguardingWordsAreFoundInInflectedAndAccentedForms() {
        let screen = SafeguardingScreen()
        XCTAssertFalse(screen.hits(in: "Mijn zoon is door een pedagogisch medewerker geslagen.").isEmpty)
        XCTAssertFalse(screen.hits(in: "Ze had een BLAUWE PLEK op haar arm").isEmpty)
        XCTAssertFalse(screen.hits(in: "Grensoverschrijdend gedrag van een invalkracht").isEmpty)
        XCTAssertFalse(screen.hits(in: "vermoeden van seksueel misbruik").isEmpty)
        XCTAssertTrue(screen.hits(in: "De factuur van oktober klopt niet, er staan twee dagen te veel op.").isEmpty)
    }

    func testKindComesFromTheFormFieldBeforeTheSubject() {
        XCTAssertEqual(KindClassifier.kind(formKind: "Compliment", subject: "Klacht"), .compliment)
        XCTAssertEqual(KindClassifier.kind(formKind: nil, subject: "Een compliment voor de juffen"), .compliment)
        XCTAssertEqual(KindClassifier.kind(formKind: nil, subject: "Vraag en klacht over de factuur"), .klacht)
        XCTAssertEqual(KindClassifier.kind(formKind: nil, subject: "Ophalen"), .klacht)
        XCTAssertEqual(KindClassifier.kind(formKind: "question", subject: nil), .vraag)
    }
}
