/// WPForms notifications as `{all_fields}` renders them in each email template.
enum WPFormsFixtures {
    /// The body wrapper of the HTML templates: a header with the logo, the fields, a "Sent from" footer.
    static func wrap(_ rows: String) -> String {
        """
        <!doctype html>
        <html><head><meta charset="UTF-8"><title>Kinderopvang De Rups</title>
        <style type="text/css">.field-name { font-weight: bold; }</style></head>
        <body>
        <table border="0" cellpadding="0" cellspacing="0" width="100%" class="body"><tr><td align="center" valign="top">
        <table class="container"><tr><td class="header"><img src="https://www.derups.nl/logo.png" alt="De Rups" /></td></tr>
        <tr><td class="content">
        <table class="fields" width="100%">
        \(rows)
        </table>
        </td></tr>
        <tr><td class="footer" align="center">Sent from <a href="https://www.derups.nl/">Kinderopvang De Rups</a></td></tr>
        </table>
        </td></tr></table>
        </body></html>
        """
    }

    /// templates/emails/classic-field.php: a label row, then a value row.
    static func classicField(_ label: String, _ value: String, type: String = "text") -> String {
        """
        <tr>
        \t<td class="field-name"><strong>\(label)</strong></td>
        </tr>
        <tr class="field-\(type)">
        \t<td class="field-value">\(value)</td>
        </tr>

        """
    }

    /// templates/emails/compact-field.php: label and value in one row.
    static func compactField(_ label: String, _ value: String, type: String = "text") -> String {
        """
        <tr class="field-\(type)">
        \t<td class="field-name">\(label)</td>
        \t<td class="field-value">\(value)</td>
        </tr>

        """
    }

    /// The pre-1.8.5 template: one styled cell with the bold label, a line break and the value.
    static func legacyField(_ label: String, _ value: String) -> String {
        """
        <tr><td style="color:#555555;padding-top: 3px;padding-bottom: 20px;"><strong>\(label)</strong><br/>\(value)</td></tr>

        """
    }

    static let classicHTML = wrap(
        classicField("Voor- en achternaam", "Anneloes van 't Hoff", type: "name")
        + classicField("E-mailadres", "anneloes@example.nl", type: "email")
        + classicField("Welke locatie?", "BSO De Zonnebloem", type: "select")
        + classicField("Type", "Verbeterpunt", type: "radio")
        + classicField("Vraag/opmerking", "Het hek sluit niet goed.<br />\nZie foto: https://www.example.nl/hek.jpg", type: "textarea")
    )

    /// The notification's own text around `{all_fields}`, wrapped in `smart-tag` rows, and an empty
    /// field shown as `<em>(empty)</em>` (Notifications::get_field_html).
    static let classicWithSmartTagsHTML = wrap(
        "<tr class=\"smart-tag\"><td class=\"field-name field-value\" colspan=\"2\">Er is een nieuwe melding via de website.</td></tr>\n"
        + "<tr class=\"smart-tag\"><td class=\"field-name field-value\" colspan=\"2\">Locatie: KDV De Rups</td></tr>\n"
        + classicField("Naam", "Jan Jansen", type: "name")
        + classicField("Telefoon", "<em>(empty)</em>", type: "phone")
        + classicField("Bericht", "Regel één<br/>Regel twee", type: "textarea")
    )

    static let compactHTML = wrap(
        compactField("Naam", "Zo&euml; Bakker", type: "name")
        + compactField("E-mail", "zoe.bakker@example.nl", type: "email")
        + compactField("Soort klantreactie", "Vraag", type: "select")
        + compactField("Bericht", "Kan ik om 08:15 al brengen?", type: "textarea")
    )

    static let legacyHTML = """
        <html><body><table width="100%" cellpadding="0" cellspacing="0">
        \(legacyField("Naam", "Jan Jansen"))\(legacyField("E-mail", "jan.jansen@example.nl"))\(legacyField("Bericht", "Regel één<br/>Regel twee: 14:30"))
        </table></body></html>
        """

    /// The plain-text template: `--- Label ---`, a blank line, the value, a blank line.
    static let plainText = """
        --- Naam ---\r
        \r
        Jan Jansen\r
        \r
        --- E-mail ---\r
        \r
        jan.jansen@example.nl\r
        \r
        --- Telefoon ---\r
        \r
        (empty)\r
        \r
        --- Bericht ---\r
        \r
        Opmerking: zie hieronder\r
        De groep was om 17:45 al dicht.\r
        \r

        """
}
