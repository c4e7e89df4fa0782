/// The command words handlers write, Dutch first with their English aliases, and the help text.
public enum CommandVocabulary {
    /// What a command word means before its argument is read.
    /// The raw value is the Dutch word, as messages name it.
    enum Word: String, CaseIterable {
        case answer = "antwoord", judgement = "oordeel", measure = "maatregel", term = "termijn", category = "categorie"
        case location = "locatie", kind = "soort", assign = "toewijzen", extend = "verlengen", withdrawn = "ingetrokken"
        case suspended = "geschorst", close = "gesloten", meldcode, release = "vrijgeven", help
        case measureDone = "maatregel-gereed"
        case resume = "hervatten", resolved = "opgelost", contact, referral = "klachtenloket", dispute = "geschil"
        case ruling = "uitspraak"
        case annualSummary = "jaarverslag"
        case address = "adres"
        case approveJudgement = "akkoord", returnJudgement = "terug"
    }

    /// Every spelling of every word, lowercased, without the `#`.
    static let spellings: [String: Word] = {
        let table: [Word: [String]] = [
            .answer: ["antwoord", "answer", "reply"],
            .judgement: ["oordeel", "judgement", "judgment"],
            .measure: ["maatregel", "measure"],
            .term: ["termijn", "term", "due"],
            .category: ["categorie", "category"],
            .location: ["locatie", "location"],
            .kind: ["soort", "kind", "type"],
            .assign: ["toewijzen", "assign"],
            .extend: ["verlengen", "extend"],
            .withdrawn: ["ingetrokken", "withdrawn", "withdraw"],
            .suspended: ["geschorst", "suspended", "suspend"],
            .close: ["gesloten", "sluiten", "close", "closed"],
            .meldcode: ["meldcode", "safeguarding"],
            .release: ["vrijgeven", "release"],
            .help: ["help", "hulp"],
            .measureDone: ["maatregel-gereed", "maatregelgereed", "measure-done", "measuredone"],
            .annualSummary: ["jaarverslag", "annual-report", "annualreport"],
            .resume: ["hervatten", "hervat", "resume"],
            .resolved: ["opgelost", "resolved"],
            .contact: ["contact"],
            .referral: ["klachtenloket", "referral"],
            .dispute: ["geschil", "geschillencommissie", "dispute"],
            .ruling: ["uitspraak", "ruling"],
            .address: ["adres", "address"],
            .approveJudgement: ["akkoord", "approve", "approved"],
            .returnJudgement: ["terug", "return", "send-back"],
        ]
        var result: [String: Word] = [:]
        for (word, names) in table { for name in names { result[name] = word } }
        return result
    }()

    /// The words of `MessageKind` and their English aliases.
    static let kinds: [String: MessageKind] = [
        "klacht": .klacht, "complaint": .klacht, "onvrede": .onvrede, "signaal": .onvrede, "dissatisfaction": .onvrede,
        "verbeterpunt": .verbeterpunt, "improvement": .verbeterpunt, "vraag": .vraag, "question": .vraag,
        "suggestie": .suggestie, "suggestion": .suggestie, "compliment": .compliment,
    ]

    /// The categories of DOMAIN.md, as reports count them.
    public static let categories: [String] = [
        "Communicatie en bejegening", "Pedagogisch handelen en kwaliteit van de opvang", "Veiligheid en gezondheid",
        "Financiën, facturatie en toeslag", "Contract en plaatsing", "Planning, opvangtijden en ruildagen",
        "Personeel en bezetting", "Accommodatie, voeding en materiaal", "Oudercommissie en adviesrecht", "Overig",
    ]

    /// The category a handler means: the whole name or its first word, without accents or case.
    public static func category(matching text: String) -> String? {
        let wanted = FoldedText(text).value
        guard wanted != " " else { return nil }
        return categories.first { name in
            let folded = FoldedText(name).value
            return folded == wanted || (folded.hasPrefix(wanted) && wanted.split(separator: " ").count == 1)
        }
    }

    /// The explanation `#help` returns and error replies repeat.
    public static let help = """
        Opdrachten (bovenaan uw antwoord, elk op een eigen regel; Engelse namen tussen haakjes):
          #antwoord                 (#answer) de tekst eronder gaat naar de ouder
          #oordeel UITKOMST         (#judgement) gegrond, deels-gegrond of ongegrond; de tekst eronder is de motivering
          #maatregel TEKST          (#measure) een maatregel bij het oordeel; meerdere mogen
          #termijn DATUM|N weken    (#term) wanneer de maatregelen erboven klaar zijn, bv. 2026-07-01 of 4 weken
          #maatregel-gereed [N|alle] (#measure-done) maatregel N (of alle) is uitgevoerd
          #categorie NAAM           (#category) \(categories.map { $0.split(separator: " ").first.map(String.init) ?? $0 }.joined(separator: ", "))
          #jaarverslag TEKST        (#annual-report) de tekst die het jaarverslag over deze klacht publiceert: kort wat
                                    de klacht inhield, het oordeel en de maatregelen, zonder namen of iets dat naar een
                                    persoon wijst; zonder deze tekst noemt het verslag alleen de categorie en de uitkomst
          #locatie NAAM             (#location) een locatie uit de configuratie
          #soort SOORT              (#kind) klacht, verbeterpunt, vraag, suggestie of compliment (onvrede is een klacht);
                                    wordt het een klacht, dan gaan de termijnen vanaf de ontvangst lopen en krijgt de ouder
                                    de ontvangstbevestiging; wordt een klacht iets anders, dan stoppen de termijnen
          #toewijzen ADRES          (#assign) een andere behandelaar; ook de directie, voor een ernstige klacht of een
                                    klacht over de behandelaar van de locatie zelf
          #adres ADRES              (#address) de ouder schrijft nu vanaf ADRES (u hebt dat nagevraagd): alle post
                                    over de zaak gaat voortaan daarheen
          #verlengen N weken REDEN  (#extend) alleen Wkkgz: verlengt de termijn met ten hoogste 4 weken en stuurt de ouder bericht
          #contact [DATUM] HOE      (#contact) u had contact met de ouder: telefonisch, gesprek of mail (zonder datum: vandaag)
          #opgelost TEKST           (#resolved) de ouder is het ermee eens dat de klacht zonder oordeel is opgelost;
                                    de TEKST staat letterlijk in de brief aan de ouder
          #ingetrokken REDEN        (#withdrawn) de ouder trekt de klacht in; de ouder krijgt een bevestiging (zonder uw reden)
          #geschorst [DATUM] REDEN  (#suspended) de behandeling ligt stil tot DATUM (anders twee weken); de ouder krijgt
                                    bericht (zonder uw reden), u krijgt op DATUM een herinnering
          #hervatten                (#resume) de geschorste behandeling gaat verder
          #gesloten [REDEN]         (#close) sluit een zaak zonder klacht, of een klacht na het oordeel; de ouder krijgt
                                    de standaard afsluitbrief, de REDEN blijft in het dossier. Een klacht zonder oordeel
                                    sluit u met #opgelost of #ingetrokken.
          #klachtenloket DATUM      (#referral) de ouder is naar het Klachtenloket Kinderopvang gegaan
          #geschil DATUM            (#dispute) het geschil is voorgelegd aan de Geschillencommissie Kinderopvang
          #uitspraak UITKOMST DATUM (#ruling) gegrond, deels-gegrond, ongegrond, ingetrokken of schikking; sluit de zaak
          #meldcode [REDEN]         (#safeguarding) alleen de aandachtsfunctionaris: brengt de zaak onder de meldcode;
                                    bij een zaak die er al onder valt sluit het de zaak (REDEN verplicht)
          #vrijgeven                (#release) alleen de aandachtsfunctionaris: de zaak gaat als gewone klacht naar de behandelaar
          #akkoord                  (#approve) Kwaliteit, als tweede lezer: het oordeel dat ter controle ligt gaat naar de ouder
          #terug TEKST              (#return) Kwaliteit, als tweede lezer: het oordeel gaat terug naar de behandelaar met TEKST
          #help                     deze uitleg

        Voorbeeld:
          #oordeel gegrond
          #maatregel Alle pedagogisch medewerkers volgen de overdrachtsinstructie opnieuw.
          #termijn 4 weken

          Wij hebben met de medewerkers gesproken en ...
        """

    /// The explanation in English, for staff whose mail is English (a location with
    /// `language = en`): the English words first, the Dutch ones in brackets; both work.
    public static let helpEnglish = """
        Commands (at the top of your reply, each on a line of its own; Dutch names in brackets):
          #answer                   (#antwoord) the text below goes to the parent
          #judgement OUTCOME        (#oordeel) upheld, partly-upheld or unfounded; the text below gives the reasons
          #measure TEXT             (#maatregel) a measure with the judgement; more than one is fine
          #term DATE|N weeks        (#termijn) when the measures above are done, e.g. 2026-07-01 or 4 weeks
          #measure-done [N|all]     (#maatregel-gereed) measure N (or all) has been carried out
          #category NAME            (#categorie) \(categories.map { $0.split(separator: " ").first.map(String.init) ?? $0 }.joined(separator: ", "))
          #annual-report TEXT       (#jaarverslag) the text the annual report publishes about this complaint: briefly
                                    what it was about, the judgement and the measures, without names or anything that
                                    points to a person; without it the report gives only the category and the outcome
          #location NAME            (#locatie) a location from the configuration
          #kind KIND                (#soort) complaint, improvement, question, suggestion or compliment; when it becomes a
                                    complaint, the terms run from receipt and the parent gets the acknowledgement; when a
                                    complaint becomes something else, the terms stop
          #assign ADDRESS           (#toewijzen) another handler; also management, for a serious complaint or one about
                                    the location's own handler
          #address ADDRESS          (#adres) the parent now writes from ADDRESS (you checked this): all mail about the
                                    case goes there from now on
          #extend N weeks REASON    (#verlengen) Wkkgz only: extends the term by at most 4 weeks and tells the parent
          #contact [DATE] HOW       (#contact) you were in touch with the parent: phone, meeting or mail (no date: today)
          #resolved TEXT            (#opgelost) the parent agrees the complaint is resolved without a judgement;
                                    the TEXT appears word for word in the letter to the parent
          #withdrawn REASON         (#ingetrokken) the parent withdraws the complaint; they get a confirmation (without
                                    your reason)
          #suspended [DATE] REASON  (#geschorst) handling pauses until DATE (otherwise two weeks); the parent is told
                                    (without your reason), and you get a reminder on DATE
          #resume                   (#hervatten) the suspended handling goes on
          #close [REASON]           (#gesloten) closes a case that is not a complaint, or a complaint after the judgement;
                                    the parent gets the standard closing letter, the REASON stays in the file. Close a
                                    complaint without a judgement with #resolved or #withdrawn.
          #referral DATE            (#klachtenloket) the parent went to the Klachtenloket Kinderopvang
          #dispute DATE             (#geschil) the dispute was put before the Geschillencommissie Kinderopvang
          #ruling OUTCOME DATE      (#uitspraak) upheld, partly-upheld, unfounded, withdrawn or settlement; closes the case
          #safeguarding [REASON]    (#meldcode) the safeguarding officer only: puts the case under the meldcode; on a
                                    case already under it, closes the case (REASON required)
          #release                  (#vrijgeven) the safeguarding officer only: the case goes to the handler as an
                                    ordinary complaint
          #approve                  (#akkoord) Quality, as second reader: the judgement held for review goes to the parent
          #return TEXT              (#terug) Quality, as second reader: the judgement goes back to the handler with TEXT
          #help                     this explanation

        Example:
          #judgement upheld
          #measure All childcare staff go through the handover instructions again.
          #term 4 weeks

          We spoke with the staff and ...
        """

    /// `help` or `helpEnglish`.
    public static func help(english: Bool) -> String { english ? helpEnglish : help }
}
