import XCTest
@testable import MailParser

/// Issue 17: a handler's reply from an Outlook, Gmail or iPhone in another language must lose
/// its quoted staff mail (and the token address in it) before an #antwoord reaches a parent.
final class StructuralQuoteTests: XCTestCase {
    static let token = "klachten+KL-2026-0042.3f9a1c2b7d4e6f80@example.test"
    static let answer = """
        #antwoord

        Beste mevrouw De Vries,

        Ik heb vandaag met de pedagogisch medewerkers van BSO Morel gesproken. Vanaf maandag staat er bij het ophalen altijd iemand bij de deur.

        Met vriendelijke groet,
        Sophie Laurent
        """
    static let staffMail = """
        Beste collega,

        Er is een klacht binnengekomen over BSO Morel. U bent de behandelaar.

        Reageren gaat per e-mail
        Beantwoord deze e-mail en laat [KL-2026-0042] in het onderwerp staan.
        """

    private func assertOnlyTheAnswer(_ reply: String?, file: StaticString = #filePath, line: UInt = #line) {
        let reply = reply ?? ""
        XCTAssertTrue(reply.hasPrefix("#antwoord"), reply, file: file, line: line)
        XCTAssertTrue(reply.contains("altijd iemand bij de deur"), reply, file: file, line: line)
        XCTAssertFalse(reply.lowercased().contains("klachten+"), "the token address stays behind: \(reply)", file: file, line: line)
        XCTAssertFalse(reply.contains("Beste collega"), "the staff mail stays behind: \(reply)", file: file, line: line)
        XCTAssertFalse(reply.contains("KL-2026-0042"), reply, file: file, line: line)
    }

    // MARK: Outlook's header block in plain text, in languages no label list knows

    func testFrenchOutlookHeaderBlockWithSpaceBeforeTheColon() {
        let text = Self.answer + """


            De : Klachtenregistratie Kinderopvang De Vlinder <\(Self.token)>
            Envoyé : lundi 16 novembre 2026 09:12
            À : Sophie Laurent <behandelaar1@example.test>
            Objet : Nieuwe klacht voor u in behandeling [KL-2026-0042]


            """ + Self.staffMail
        XCTAssertEqual(ReplyExtractor.newText(of: text), Self.answer)
    }

    func testSpanishOutlookHeaderBlock() {
        let text = Self.answer + """


            De: Klachtenregistratie Kinderopvang De Vlinder <\(Self.token)>
            Enviado: lunes, 16 de noviembre de 2026 9:12
            Para: Sophie Laurent <behandelaar1@example.test>
            CC: Kwaliteit <kwaliteit@example.test>
            Asunto: Nieuwe klacht voor u in behandeling [KL-2026-0042]

            """ + Self.staffMail
        XCTAssertEqual(ReplyExtractor.newText(of: text), Self.answer)
    }

    func testTurkishOutlookHeaderBlock() {
        let text = Self.answer + """


            Kimden: Klachtenregistratie Kinderopvang De Vlinder <\(Self.token)>
            Gönderildi: 16 Kasım 2026 Pazartesi 09:12
            Kime: Sophie Laurent <behandelaar1@example.test>
            Konu: Nieuwe klacht voor u in behandeling [KL-2026-0042]

            """ + Self.staffMail
        XCTAssertEqual(ReplyExtractor.newText(of: text), Self.answer)
    }

    /// Exchange shows colleagues by name only; the reply subject stands in for the address.
    func testTurkishExchangeBlockWithNamesOnly() {
        let text = Self.answer + """


            *Kimden:* Klachtenregistratie
            *Gönderildi:* 16 Kasım 2026 Pazartesi 09:12
            *Kime:* Sophie Laurent
            *Konu:* YNT: Nieuwe klacht voor u in behandeling [KL-2026-0042]

            """ + Self.staffMail
        XCTAssertEqual(ReplyExtractor.newText(of: text), Self.answer)
    }

    /// Gmail's plain alternative: the attribution in Spanish, wrapped, above `>` lines.
    func testSpanishGmailAttributionAboveQuotedLines() {
        let text = Self.answer + """


            El lun, 16 nov 2026 a las 9:12, Klachtenregistratie Kinderopvang De Vlinder (<
            \(Self.token)>) escribió:

            > Beste collega,
            >
            > Er is een klacht binnengekomen over BSO Morel.
            """
        XCTAssertEqual(ReplyExtractor.newText(of: text), Self.answer)
    }

    func testFrenchAppleAttributionAboveQuotedLines() {
        let text = Self.answer + "\n\nLe 16 nov. 2026 à 09:12, Klachtenregistratie <\(Self.token)> a écrit :\n\n> Beste collega,\n"
        assertOnlyTheAnswer(ReplyExtractor.newText(of: text))
    }

    /// Nothing written above the block (the handler just pressed send): the staff mail below is not new text.
    func testNothingAboveAnUnknownHeaderBlockIsNoText() {
        let text = "\nKimden: Klachtenregistratie <\(Self.token)>\nGönderildi: 16 Kasım 2026 Pazartesi 09:12\nKime: Sophie Laurent\nKonu: Nieuwe klacht\n\n" + Self.staffMail
        XCTAssertEqual(ReplyExtractor.newText(of: text), "")
    }

    // MARK: What is not quoted history

    func testAFormLikeBlockOfSixFieldsIsKept() {
        let text = """
            Hierbij nog de gegevens:

            Naam: Jan de Vries
            E-mail: jan@example.nl
            Datum: 3 mei 2026
            Locatie: BSO Morel
            Kind: Sanne
            Groep: Vlinders

            Groet, Jan
            """
        XCTAssertEqual(ReplyExtractor.newText(of: text), text)
    }

    /// A parent's details in a follow-up: an address and a date, but not the sender first.
    func testAParentsDetailsBlockIsKept() {
        let text = "Aanvullende gegevens:\n\nNaam kind: Sanne de Vries\nGroep: Vlinders\nDatum: dinsdag 3 mei 2026\nE-mail: jan@example.nl\n\nGroet, Jan"
        XCTAssertEqual(ReplyExtractor.newText(of: text), text)
    }

    func testStatusCodesAreNotDates() {
        XCTAssertFalse(QuoteShape.isDateLike("smtp; 550 5.1.1 <kijitora@example.jp>... User Unknown"))
        XCTAssertTrue(QuoteShape.isDateLike("4/29/01 11:34:45 PM"))
        XCTAssertTrue(QuoteShape.isDateLike("16.11.2026"))
        XCTAssertTrue(QuoteShape.isDateLike("Gönderildi: 16 Kasım 2026 Pazartesi"))
    }

    func testTwoLabelLinesAndAColonSentenceAreKept() {
        let text = "Ik was er op: maandag 3 mei 2026 om 18:15.\nE-mail: jan@example.nl\nTelefoon: 06-12345678\n\nGroet"
        XCTAssertEqual(ReplyExtractor.newText(of: text), text)
    }

    // MARK: HTML replies, by their structure

    func testFrenchOutlookDesktopHTMLIsCutAtTheBorderTopSeparator() {
        let html = """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style><!-- p.MsoNormal {margin:0cm;} --></style></head>
            <body lang="NL" link="#0563C1" vlink="#954F72" style="word-wrap:break-word"><div class="WordSection1">
            <p class="MsoNormal">#antwoord<o:p></o:p></p>
            <p class="MsoNormal"><o:p>&nbsp;</o:p></p>
            <p class="MsoNormal">Beste mevrouw De Vries,<o:p></o:p></p>
            <p class="MsoNormal">Ik heb vandaag met de pedagogisch medewerkers van BSO Morel gesproken. Vanaf maandag staat er bij het ophalen altijd iemand bij de deur.<o:p></o:p></p>
            <p class="MsoNormal">Met vriendelijke groet,<br>Sophie Laurent<o:p></o:p></p>
            <p class="MsoNormal"><o:p>&nbsp;</o:p></p>
            <div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
            <p class="MsoNormal"><b><span lang="FR">De&nbsp;:</span></b><span lang="FR"> Klachtenregistratie &lt;\(Self.token)&gt;<br><b>Envoy&eacute;&nbsp;:</b> lundi 16 novembre 2026 09:12<br><b>&Agrave;&nbsp;:</b> Sophie Laurent &lt;behandelaar1@example.test&gt;<br><b>Objet&nbsp;:</b> Nieuwe klacht voor u in behandeling [KL-2026-0042]<o:p></o:p></span></p>
            </div></div>
            <p class="MsoNormal"><o:p>&nbsp;</o:p></p>
            <p class="MsoNormal">Beste collega,<o:p></o:p></p>
            <p class="MsoNormal">Er is een klacht binnengekomen over BSO Morel.<o:p></o:p></p>
            </div></body></html>
            """
        assertOnlyTheAnswer(MessageParser.parse(Self.mime(html: html)).replyText)
    }

    func testSpanishOutlookWebHTMLIsCutAtDivRplyFwdMsg() {
        let html = """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
            <div class="elementToProof" style="font-family: Aptos, sans-serif; font-size: 12pt;">#antwoord</div>
            <div class="elementToProof"><br></div>
            <div class="elementToProof">Beste mevrouw De Vries,</div>
            <div class="elementToProof">Ik heb vandaag met de pedagogisch medewerkers van BSO Morel gesproken. Vanaf maandag staat er bij het ophalen altijd iemand bij de deur.</div>
            <div id="Signature"><div>Met vriendelijke groet,<br>Sophie Laurent</div></div>
            <div id="appendonsend"></div>
            <hr style="display:inline-block;width:98%" tabindex="-1">
            <div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>De:</b> Klachtenregistratie &lt;\(Self.token)&gt;<br><b>Enviado:</b> lunes, 16 de noviembre de 2026 9:12<br><b>Para:</b> Sophie Laurent &lt;behandelaar1@example.test&gt;<br><b>Asunto:</b> Nieuwe klacht voor u in behandeling [KL-2026-0042]</font><div>&nbsp;</div></div>
            <div><div>Beste collega,<br>Er is een klacht binnengekomen over BSO Morel.</div></div>
            </body></html>
            """
        assertOnlyTheAnswer(MessageParser.parse(Self.mime(html: html)).replyText)
    }

    func testSpanishGmailHTMLLosesTheWholeGmailQuote() {
        let html = """
            <div dir="ltr"><div>#antwoord</div><div><br></div><div>Beste mevrouw De Vries,</div><div><br></div><div>Ik heb vandaag met de pedagogisch medewerkers van BSO Morel gesproken. Vanaf maandag staat er bij het ophalen altijd iemand bij de deur.</div><div><br></div><div>Met vriendelijke groet,</div><div>Sophie Laurent</div></div><br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">El lun, 16 nov 2026 a las 9:12, Klachtenregistratie (&lt;<a href="mailto:\(Self.token)">\(Self.token)</a>&gt;) escribió:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><div>Beste collega,<br><br>Er is een klacht binnengekomen over BSO Morel. <div>Beantwoord deze e-mail en laat [KL-2026-0042] in het onderwerp staan.</div></div></blockquote></div>
            """
        let plain = Self.answer + "\n\nEl lun, 16 nov 2026 a las 9:12, Klachtenregistratie (<\n\(Self.token)>) escribió:\n\n> Beste collega,\n>\n> Er is een klacht binnengekomen over BSO Morel.\n"
        assertOnlyTheAnswer(MessageParser.parse(Self.mime(html: html)).replyText)
        let both = MessageParser.parse(Self.mime(html: html, plain: plain))
        XCTAssertEqual(both.replyText, Self.answer, "the plain alternative keeps its layout when it agrees")
    }

    func testTurkishIPhoneHTMLLosesEveryCiteBlockquote() {
        let html = """
            <html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto"><div dir="ltr">#antwoord</div><div dir="ltr"><br></div><div dir="ltr">Beste mevrouw De Vries,</div><div dir="ltr">Ik heb vandaag met de pedagogisch medewerkers van BSO Morel gesproken. Vanaf maandag staat er bij het ophalen altijd iemand bij de deur.</div><div dir="ltr"><br></div><div dir="ltr">Met vriendelijke groet,</div><div dir="ltr">Sophie Laurent</div><div dir="ltr"><br><blockquote type="cite">16 Kas 2026 tarihinde 09:12 saatinde, Klachtenregistratie &lt;\(Self.token)&gt; şunları yazdı:<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">Beste collega,<br><br>Er is een klacht binnengekomen over BSO Morel. <blockquote type="cite">oud</blockquote></div></blockquote></body></html>
            """
        assertOnlyTheAnswer(MessageParser.parse(Self.mime(html: html)).replyText)
    }

    /// A plain alternative whose block no rule reads (no date, no address) loses to the HTML's structure.
    func testHTMLStructureWinsOverAPlainAlternativeThatKeptTheHistory() {
        let html = """
            <html><body><p>#antwoord</p><p>Beste mevrouw De Vries,</p><p>Ik heb vandaag met de pedagogisch medewerkers van BSO Morel gesproken. Vanaf maandag staat er bij het ophalen altijd iemand bij de deur.</p><p>Met vriendelijke groet,<br>Sophie Laurent</p>
            <div id="divRplyFwdMsg"><b>Od:</b> Klachtenregistratie<br><b>Wysłane:</b> poniedziałek<br><b>Do:</b> Sophie Laurent<br><b>Temat:</b> Nieuwe klacht</div>
            <div>Beste collega, Er is een klacht binnengekomen over BSO Morel.</div></body></html>
            """
        let plain = Self.answer + "\n\nOd: Klachtenregistratie\nWysłane: poniedziałek\nDo: Sophie Laurent\nTemat: Nieuwe klacht\n\n" + Self.staffMail
        assertOnlyTheAnswer(MessageParser.parse(Self.mime(html: html, plain: plain)).replyText)
    }

    func testHTMLWithoutQuoteStructureIsLeftToTheTextRules() {
        XCTAssertNil(HTMLQuoteStructure.withoutHistory("<p>Beste mensen,</p><blockquote>een citaat uit het beleid</blockquote>"))
    }

    // MARK: Support

    static func mime(html: String, plain: String? = nil) -> [UInt8] {
        var lines = ["From: Sophie Laurent <behandelaar1@example.test>", "To: \(token)",
                     "Subject: RE: Nieuwe klacht voor u in behandeling [KL-2026-0042]",
                     "Date: Mon, 16 Nov 2026 10:00:00 +0100", "Message-ID: <reply-1@example.test>", "MIME-Version: 1.0"]
        if let plain {
            lines += ["Content-Type: multipart/alternative; boundary=\"b1\"", "", "--b1",
                      "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", plain, "--b1",
                      "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", html, "--b1--", ""]
        } else {
            lines += ["Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", html, ""]
        }
        return Array(lines.joined(separator: "\r\n").utf8)
    }
}
