/// Ninja Forms notifications: the `{fields_table}` merge tag, and the "Contact Me" template.
enum NinjaFormsFixtures {
    static let fieldsTable = """
        <p>Er is een nieuw formulier ingevuld:</p>\
        <table><tr><td valign="top">Naam ouder:</td><td>Zo&euml; Smit</td></tr>\
        <tr><td valign="top">E-mail:</td><td><a href="mailto:zoe.smit@example.nl">zoe.smit@example.nl</a></td></tr>\
        <tr><td valign="top">Telefoon:</td><td></td></tr>\
        <tr><td valign="top">Vestiging:</td><td>KDV &#x27;t Kabouterhuis</td></tr>\
        <tr><td valign="top">Soort melding:</td><td>Suggestie / idee</td></tr>\
        <tr><td valign="top">Dagen:</td><td>maandag, dinsdag</td></tr>\
        <tr><td valign="top">Bericht:</td><td>Misschien kan de BSO om 18:30 sluiten?<br />
        Meer info: <a href="https://www.example.nl/openingstijden">https://www.example.nl/openingstijden</a></td></tr>\
        <tr><td valign="top">Terugbellen:</td><td>Nee</td></tr></table>
        """

    static let contactMe = """
        <p>Ik ben niet tevreden over de communicatie.<br />
        Vorige week is er om 14:30 niets doorgegeven.</p><p>-Jan de Boer ( jan.deboer@example.nl )</p>
        """
}
