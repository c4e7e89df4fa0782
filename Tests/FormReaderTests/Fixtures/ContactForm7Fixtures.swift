/// Contact Form 7 notifications from its default mail template and from Dutch customised ones.
enum ContactForm7Fixtures {
    /// The default template since 5.8.1.
    static let defaultTemplate = """
        From: Zoë de Vries <zoe.devries@example.nl>
        Subject: Klacht over het ophalen

        Message Body:
        Vandaag om 14:30 stond mijn dochter nog buiten.
        Opmerking: zie hieronder, https://www.example.nl/foto

        Met vriendelijke groet,
        Zoë

        --\u{20}
        This is a notification that a contact form was submitted on your website (Kinderopvang De Rups https://www.derups.nl).
        """

    /// The template before 5.8.1: no angle brackets around the address, another footer.
    static let olderTemplate = """
        From: Jan Jansen jan.jansen@example.nl
        Subject: Vraag over de factuur

        Message Body:
        Waarom is de factuur van maart hoger?

        --
        This e-mail was sent from a contact form on Kinderopvang De Rups (https://www.derups.nl)
        """

    /// The default template with the email field left empty, so its tag stays literal.
    static let unfilledEmail = """
        From: Jan Jansen <[your-email]>
        Subject: [your-subject]

        Message Body:
        Bel mij alstublieft terug.

        --\u{20}
        This is a notification that a contact form was submitted on your website (Kinderopvang De Rups https://www.derups.nl).
        """

    /// A Dutch site's own template with labelled lines and an unfilled phone tag.
    static let dutchTemplate = """
        Van: Anneloes van 't Hoff <anneloes@example.nl>
        Naam: Anneloes van 't Hoff
        E-mail: anneloes@example.nl
        Telefoon: [your-phone]
        Locatie: BSO Het Café
        Soort melding: Onvrede
        Onderwerp: Ophalen

        Bericht:
        Opmerking: zie hieronder
        Om 14:30 was de deur op slot.
        één ouder wachtte ook.

        --\u{20}
        Deze e-mail is verzonden vanaf een contactformulier op Kinderopvang De Rups (https://www.derups.nl)
        """
}
