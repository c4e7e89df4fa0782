import ComplaintCore
import XCTest

/// Every entry of the safeguarding vocabulary with a sentence a parent might write that must
/// hit it, and a near miss that must hit nothing at all.
final class SafeguardingVocabularyTests: XCTestCase {
    let screen = SafeguardingScreen()

    /// signal name → (must hit this signal, must hit no signal)
    let examples: [String: (hit: String, miss: String)] = [
        "slaan": ("Ik zag door het raam dat de leidster hem sloeg.", "Dat slaat nergens op, de factuur is veel te hoog."),
        "klap": ("Hij vertelde dat hij een klap van de juf had gekregen.", "De kinderen klapten enthousiast bij de voorstelling."),
        "tik op het lichaam": ("De invalkracht gaf haar een tik op haar billen.", "Ze was een tikje moe na het zwemmen."),
        "knijpen": ("Mijn zoon zegt dat de juf hem in zijn been heeft geknepen.", "De juf knipte de nagels netjes."),
        "schoppen": ("Een medewerker heeft mijn dochter geschopt.", "De kinderen speelden met schepjes in de zandbak."),
        "stompen": ("Hij is door een begeleider gestompt.", "Het potlood was stomp, dus ze kreeg een nieuwe."),
        "duwen": ("Ze is door de pedagogisch medewerker weggeduwd.", "Ze drukte op de bel maar niemand deed open."),
        "door elkaar schudden": ("De leidster heeft haar flink door elkaar geschud.", "Ze schudde nee en wilde niet mee naar huis."),
        "sleuren": ("Mijn zoon werd ruw aan zijn arm meegesleurd naar de groep.", "We hebben samen de slee naar boven gebracht."),
        "trekken aan het lichaam": ("De juf heeft aan haar haren getrokken.", "Ze trok haar jas aan en ging naar buiten."),
        "trekken met kracht": ("De begeleider trok hem hard mee naar binnen.", "Hij trok een tekening uit de map."),
        "vastpakken aan het lichaam": ("Ze is bij haar nek gegrepen.", "De juf pakte de tas en liep naar de deur."),
        "vastpakken met kracht": ("Hij werd heel ruw vastgepakt.", "Ze pakte haar boek en ging lezen."),
        "hardhandig": ("De medewerker trad hardhandig op.", "De medewerker was hartelijk en hielp goed."),
        "vastbinden of vasthouden": ("Ze werd vastgebonden in de kinderstoel.", "Ze zat netjes in de kinderstoel."),
        "plek op het lichaam": ("Bij het ophalen zag ik een rode plek in haar nek.", "De plek van de BSO is prima bereikbaar."),
        "blauwe plek": ("Hij kwam thuis met een blauwe plek.", "Hij had een blauwe trui aan."),
        "pijn gedaan": ("De leidster heeft hem pijn gedaan.", "Hij had pijn aan zijn tand na het eten."),
        "opsluiten": ("Als straf werd hij in de gang opgesloten.", "De gang was netjes opgeruimd."),
        "sluit … op": ("De juf sloot hem in het washok op.", "De BSO sluit de deur op slot om 18:30."),
        "straf met afzondering": ("Als straf moest ze alleen in het kamertje zitten.", "Ze mocht in de gang even uitrusten."),
        "eten als straf": ("Ze kreeg geen eten als straf.", "Het eten was koud en de straat was onveilig."),
        "eten onthouden": ("Hem werd het toetje onthouden.", "Ik heb onthouden dat de lunch om 12 uur is."),
        "geweld": ("Er is geweld gebruikt tegen mijn kind.", "Het team is geweldig en de uitjes zijn echt geweldig!"),
        "mishandeling": ("Ik vermoed kindermishandeling door een medewerker.", "De handleiding van de app is onduidelijk."),
        "misbruik": ("Wij maken ons zorgen over seksueel misbruik.", "Ik gebruik de ouderapp dagelijks."),
        "seksueel": ("Er was sprake van seksuele opmerkingen.", "Ze zoekt een sekse-neutrale kapstok."),
        "grensoverschrijdend": ("Grensoverschrijdend gedrag van een invalkracht.", "Ze liep over de grens van het speelplein."),
        "aanranding": ("Ik doe melding van aanranding.", "Ik doe melding van een aanrijding bij de poort."),
        "betasten": ("Mijn dochter zegt dat ze is betast.", "Ze heeft de taart betaald."),
        "aanraking": ("Hij is op een vreemde manier aangeraakt.", "Hij is aangekomen op de groep."),
        "bloot": ("Er zijn naakte foto's gemaakt.", "De kinderen liepen op blote voeten in het gras."),
        "ontucht": ("Er wordt gesproken over ontucht.", "Er wordt gesproken over de ouderavond."),
        "verwaarlozing": ("Ik vind dit verwaarlozing van de kinderen.", "Ik vind de verwarming te laag staan."),
        "bedreiging": ("De medewerker heeft mijn zoon bedreigd.", "De medewerker heeft mijn zoon bedankt."),
        "vernedering": ("Hij werd voor de hele groep uitgescholden.", "Hij werd voor de hele groep toegezongen."),
        "onveilig": ("Mijn dochter heeft een onveilig gevoel bij die juf.", "Mijn dochter heeft een goed gevoel bij die juf."),
        "abuse": ("I am worried about abuse at the daycare.", "I am worried about the price of daycare."),
        "sexual": ("There were sexual remarks made to my daughter.", "There were several remarks made to my daughter."),
        "bruise": ("He came home with a bruise.", "He came home with a brush."),
        "assault": ("My son was assaulted by a staff member.", "My son was assisted by a staff member."),
        "neglect": ("This is neglect of the children.", "This is the select group of children."),
        "hitting": ("The teacher slapped him.", "The teacher clapped for him."),
        "pulled or grabbed": ("She grabbed his arm and pulled him inside.", "She grabbed her coat and went inside."),
        "dragged or shaken": ("He was dragged across the room.", "He was driven across town."),
        "mark on the body": ("There were red marks on her neck.", "There were red balloons at the party."),
        "locked in": ("She was locked in the bathroom.", "She was looking in the bathroom."),
        "food as punishment": ("He got no lunch as a punishment.", "He got a nice lunch at noon."),
    ]

    func testEveryEntryHasAPositiveAndANegativeExample() {
        XCTAssertEqual(Set(SafeguardingVocabulary.all.map(\.name)), Set(examples.keys))
    }

    func testEveryEntryHitsItsPositiveExample() {
        for signal in SafeguardingVocabulary.all {
            guard let example = examples[signal.name] else { continue }
            XCTAssertTrue(screen.matches(in: example.hit).contains { $0.signal == signal.name },
                          "'\(signal.name)' missed: \(example.hit) → \(screen.hits(in: example.hit))")
        }
    }

    func testNoEntryHitsANegativeExample() {
        for signal in SafeguardingVocabulary.all {
            guard let example = examples[signal.name] else { continue }
            XCTAssertEqual(screen.hits(in: example.miss), [], "the near miss for '\(signal.name)' hit: \(example.miss)")
        }
    }

    /// The descriptions the issue names: parents describe what they saw, not "mishandeling".
    func testOrdinaryDescriptionsOfRoughHandlingAllHit() {
        for text in [
            "Mijn zoon werd ruw aan zijn arm meegesleurd.", "Ze is door elkaar geschud.", "Ze hebben aan haar haren getrokken.",
            "Er zat een rode plek in haar nek.", "Hij werd in de gang opgesloten.", "Hij kreeg geen eten als straf.",
            "De leidster sloeg hem.", "Hij is geslagen.", "Ze slaat de kinderen.", "Ze kneep hem.", "Ze knijpt in zijn arm.",
            "Ze trok hem aan zijn oor.", "Ze trekken de kinderen aan hun armen mee.", "Ze werd aan haar arm omhooggetrokken.",
            "Hij heeft krassen op zijn arm.", "Er stonden striemen op zijn rug.", "Vingerafdrukken op haar bovenarm.",
            "DE JUF HEEFT HEM GESLAGEN", "ze is geduwd door de juf", "Hij is tegen de muur aan geduwd.",
        ] {
            XCTAssertFalse(screen.hits(in: text).isEmpty, "missed: \(text)")
        }
    }

    /// A compliment full of "geweldig" is no signal; a word inside another word never is.
    func testComplimentsAndWordsInsideOtherWordsDoNotHit() {
        for text in [
            "Wat een geweldige juffen! Mijn dochter heeft een geweldig jaar gehad, echt geweldig gedaan allemaal.",
            "Bedankt voor de fijne opvang, de kinderen hebben genoten van het uitje naar de kinderboerderij.",
            "De factuur van oktober klopt niet, er staan twee dagen te veel op.",
            "Dit slaat nergens op: we betalen voor dagen dat de BSO dicht is.",
            "De ophaaltijden zijn veranderd en niemand heeft het ons laten weten.",
        ] {
            XCTAssertEqual(screen.hits(in: text), [], text)
        }
    }

    func testInflectionsOfTheStrongVerbsAllHit() {
        for form in ["slaan", "slaat", "sloeg", "sloegen", "geslagen", "knijpen", "knijpt", "kneep", "knepen", "geknepen",
                     "getrokken aan zijn arm", "trok aan zijn arm", "trekken aan zijn arm", "trekt aan zijn arm"] {
            XCTAssertFalse(screen.hits(in: "De juf heeft hem \(form).").isEmpty, form)
        }
    }

    func testConfiguredWordsAreAddedAndMatchWholeWordsOrCompoundEnds() {
        let extended = SafeguardingScreen(extraWords: ["opgepakt aan de arm", "tape"])
        XCTAssertEqual(extended.matches(in: "Hij werd opgepakt aan de arm.").map(\.signal).contains("opgepakt aan de arm"), true)
        XCTAssertEqual(extended.matches(in: "Ze plakten schilderstape op zijn mond.").map(\.signal).contains("tape"), true)
        XCTAssertEqual(extended.matches(in: "We gingen naar de tapenade-proeverij.").map(\.signal), [])
    }
}
