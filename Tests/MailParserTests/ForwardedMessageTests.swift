import Foundation
import MailParser
import XCTest

/// Forwarded messages as Dutch mail clients write them in the text of a forward.
final class ForwardedMessageTests: XCTestCase {
    let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    func moment(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    func testOutlookDutchHeaderBlockUnderTheUnderscoreLine() throws {
        let text = """
            Hoi Kwaliteit,

            Zie onderstaande mail van een ouder van BSO Morel. Kunnen jullie dit oppakken?

            Groet,
            Marieke Jansen
            Locatiemanager BSO Morel

            ________________________________
            Van: Vries, Anouk de <anouk.devries@ouders.example.test>
            Verzonden: maandag 16 november 2026 09:12
            Aan: Marieke Jansen <m.jansen@devlinder.example.test>
            Onderwerp: Ophalen van Daan

            Beste Marieke,

            Vorige week stond Daan om 18:15 nog alleen bij de deur.

            Met vriendelijke groet,
            Anouk de Vries
            """
        let forwarded = try XCTUnwrap(ForwardedMessageReader.read(text, timeZone: amsterdam))
        XCTAssertEqual(forwarded.fromAddress, "anouk.devries@ouders.example.test")
        XCTAssertEqual(forwarded.fromName, "Vries, Anouk de")
        XCTAssertEqual(forwarded.subject, "Ophalen van Daan")
        XCTAssertEqual(forwarded.date, moment("2026-11-16T08:12:00Z"))
        XCTAssertTrue(forwarded.text.hasPrefix("Beste Marieke,"))
        XCTAssertTrue(forwarded.text.contains("18:15"))
        XCTAssertTrue(forwarded.note.contains("Kunnen jullie dit oppakken?"))
        XCTAssertFalse(forwarded.note.contains("Onderwerp"))
    }

    func testOlderOutlookOorspronkelijkBerichtWithMailto() throws {
        let text = """
            Ter info.

            -----Oorspronkelijk bericht-----
            Van: Pieter Bakker [mailto:pieter.bakker@ouders.example.test]
            Verzonden: dinsdag 3 november 2026 21:47
            Aan: info@devlinder.example.test
            Onderwerp: Klacht over de factuur

            De factuur van oktober klopt niet.
            """
        let forwarded = try XCTUnwrap(ForwardedMessageReader.read(text, timeZone: amsterdam))
        XCTAssertEqual(forwarded.fromAddress, "pieter.bakker@ouders.example.test")
        XCTAssertEqual(forwarded.fromName, "Pieter Bakker")
        XCTAssertEqual(forwarded.date, moment("2026-11-03T20:47:00Z"))
        XCTAssertEqual(forwarded.text, "De factuur van oktober klopt niet.")
    }

    func testGmailDutchForwardKeepsEnglishLabels() throws {
        let text = """
            Doorgestuurd voor de klachtencommissie.

            ---------- Doorgestuurd bericht ---------
            Van: *Fatima El Amrani* <fatima.elamrani@ouders.example.test>
            Date: ma 2 nov. 2026 om 19:05
            Subject: Wachtlijst KDV De Boomgaard
            To: <planning@devlinder.example.test>


            Al vier maanden sta ik op de wachtlijst.
            """
        let forwarded = try XCTUnwrap(ForwardedMessageReader.read(text, timeZone: amsterdam))
        XCTAssertEqual(forwarded.fromName, "Fatima El Amrani")
        XCTAssertEqual(forwarded.fromAddress, "fatima.elamrani@ouders.example.test")
        XCTAssertEqual(forwarded.date, moment("2026-11-02T18:05:00Z"))
        XCTAssertEqual(forwarded.subject, "Wachtlijst KDV De Boomgaard")
        XCTAssertEqual(forwarded.text, "Al vier maanden sta ik op de wachtlijst.")
    }

    func testGmailEnglishForward() throws {
        let text = """
            ---------- Forwarded message ---------
            From: Emma Clarke <emma.clarke@parents.example.test>
            Date: Mon, Nov 16, 2026 at 9:12 AM
            Subject: Pick-up
            To: <morel@devlinder.example.test>

            Our son was left alone at the door.
            """
        let forwarded = try XCTUnwrap(ForwardedMessageReader.read(text, timeZone: amsterdam))
        XCTAssertEqual(forwarded.date, moment("2026-11-16T08:12:00Z"))
        XCTAssertEqual(forwarded.fromAddress, "emma.clarke@parents.example.test")
    }

    func testIPhoneForwardIsQuotedWithAngleBrackets() throws {
        let text = """
            Zie hieronder, nog steeds geen reactie!

            Verstuurd vanaf mijn iPhone

            Begin doorgestuurd bericht:

            > Van: Sanne de Vries <sanne.devries@ouders.example.test>
            > Datum: 2 november 2026 om 20:14:31 CET
            > Aan: info@bsomorel.example.test
            > Onderwerp: Klacht over BSO Morel
            >
            > Beste team,
            >
            > Mijn dochter wordt steeds te laat opgehaald van school.
            """
        let forwarded = try XCTUnwrap(ForwardedMessageReader.read(text, timeZone: amsterdam))
        XCTAssertEqual(forwarded.fromAddress, "sanne.devries@ouders.example.test")
        XCTAssertEqual(forwarded.date, moment("2026-11-02T19:14:31Z"))
        XCTAssertEqual(forwarded.text, "Beste team,\n\nMijn dochter wordt steeds te laat opgehaald van school.")
        XCTAssertTrue(forwarded.note.hasPrefix("Zie hieronder"))
    }

    func testSamsungOorspronkelijkBerichtWithNumericDate() throws {
        let text = """
            Doorgestuurd.

            Verzonden vanaf mijn Galaxy

            -------- Oorspronkelijk bericht --------
            Van: Joyce Pinas <joyce.pinas@ouders.example.test>
            Datum: 16-11-2026 07:58 (GMT+01:00)
            Aan: m.jansen@devlinder.example.test
            Onderwerp: Eten

            Mijn zoon kreeg gisteren geen fruit.
            """
        let forwarded = try XCTUnwrap(ForwardedMessageReader.read(text, timeZone: amsterdam))
        XCTAssertEqual(forwarded.fromAddress, "joyce.pinas@ouders.example.test")
        XCTAssertEqual(forwarded.date, moment("2026-11-16T06:58:00Z"))
    }

    func testAReplyIsNotAForward() {
        XCTAssertNil(ForwardedMessageReader.read("""
            Dank u wel.

            Op 16 nov. 2026 om 09:12 schreef Klachten <klachten@example.test>:
            > Wij hebben uw klacht ontvangen.
            """))
        XCTAssertNil(ForwardedMessageReader.read("Van: mij\nIk wil een klacht indienen over het eten."))
    }
}

/// Outlook on Windows sending HTML only: the header block comes out of the HTML-to-text conversion.
final class ForwardedHTMLMessageTests: XCTestCase {
    func testAnHTMLOnlyOutlookForwardIsReadFromItsText() throws {
        let raw = """
            From: Marieke Jansen <m.jansen@devlinder.example.test>\r
            To: klachten@devlinder.example.test\r
            Subject: FW: Klacht\r
            Date: Mon, 16 Nov 2026 09:03:11 +0000\r
            MIME-Version: 1.0\r
            Content-Type: text/html; charset="utf-8"\r
            \r
            <html><body><div class="WordSection1"><p class="MsoNormal">Ter info, graag oppakken.</p>\r
            <div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\r
            <p class="MsoNormal"><b>Van:</b> Joyce Pinas &lt;joyce.pinas@ouders.example.test&gt; <br>\r
            <b>Verzonden:</b> zondag 15 november 2026 22:10<br>\r
            <b>Aan:</b> Marieke Jansen &lt;m.jansen@devlinder.example.test&gt;<br>\r
            <b>Onderwerp:</b> Klacht</p></div>\r
            <p class="MsoNormal">Mijn zoon kreeg gisteren geen fruit.</p></div></body></html>\r
            """
        let parsed = MessageParser.parse(Array(raw.utf8))
        let forwarded = try XCTUnwrap(ForwardedMessageReader.read(try XCTUnwrap(parsed.text)), parsed.text ?? "")
        XCTAssertEqual(forwarded.fromAddress, "joyce.pinas@ouders.example.test")
        XCTAssertEqual(forwarded.fromName, "Joyce Pinas")
        XCTAssertEqual(forwarded.subject, "Klacht")
        XCTAssertEqual(forwarded.text, "Mijn zoon kreeg gisteren geen fruit.")
        XCTAssertNotNil(forwarded.date)
    }
}
