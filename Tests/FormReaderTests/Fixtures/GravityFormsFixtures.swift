/// Gravity Forms notifications as `{all_fields}` renders them (common.php, get_submitted_fields).
enum GravityFormsFixtures {
    /// One field as the HTML `{all_fields}` writes it: a shaded label row, then a value row with a spacer cell.
    static func htmlField(_ label: String, _ value: String) -> String {
        """
                            <tr bgcolor="#EAF2FA">
                                <td colspan="2">
                                    <font style="font-family: sans-serif; font-size:12px;"><strong>\(label)</strong></font>
                                </td>
                            </tr>
                            <tr bgcolor="#FFFFFF">
                                <td width="20">&nbsp;</td>
                                <td>
                                    <font style="font-family: sans-serif; font-size:12px;">\(value)</font>
                                </td>
                            </tr>

        """
    }

    /// A section break as the HTML `{all_fields}` writes it: a styled row without a value row.
    static func htmlSection(_ title: String) -> String {
        """
                            <tr>
                                <td colspan="2" style="font-size:14px; font-weight:bold; background-color:#EEE; border-bottom:1px solid #DFDFDF; padding:7px 7px">\(title)</td>
                            </tr>

        """
    }

    /// The layout tables `{all_fields}` wraps around the field rows.
    static func htmlTable(_ rows: String) -> String {
        """
        <html><body>
                <table width="99%" border="0" cellpadding="1" cellspacing="0" bgcolor="#EAEAEA"><tr><td>
                    <table width="100%" border="0" cellpadding="5" cellspacing="0" bgcolor="#FFFFFF">
        \(rows)                    </table>
                </td>
           </tr>
        </table>
        </body></html>
        """
    }

    /// A complaint form with a mailto link, a checkbox list, a multi-line message and entities.
    static let complaintHTML = htmlTable(
        htmlField("Naam ouder/verzorger", "Zo&euml; de Vries")
        + htmlField("E-mailadres", "<a href='mailto:zoe.devries@example.nl'>zoe.devries@example.nl</a>")
        + htmlField("Telefoonnummer", "06-12345678")
        + htmlField("Naam van uw kind", "Anneloes van &#039;t Hoff")
        + htmlSection("Over uw melding")
        + htmlField("Locatie", "KDV De Rups &amp; BSO Het Caf&eacute;")
        + htmlField("Soort melding", "Klacht")
        + htmlField("Datum voorval", "12-03-2025 om 14:30")
        + htmlField("Groep(en)", "<ul class='bulleted'><li>Peuters</li><li>Dreumesen</li></ul>")
        + htmlField("Omschrijving", "Bij het ophalen om 14:30 was niemand op de groep.<br />\nOpmerking: zie hieronder<br />\n&eacute;&eacute;n van de leidsters zei: kijk op https://www.example.nl/klachten")
        + htmlField("Wilt u gebeld worden?", "Ja")
    )

    /// The same form with the `{all_fields}` text format: `Label: value` and a blank line.
    static let complaintText = """
        Naam ouder/verzorger: Zoë de Vries

        E-mailadres: zoe.devries@example.nl

        --------------------------------
        Over uw melding

        Locatie: BSO Het Café

        Soort melding: Compliment

        Omschrijving: Opmerking: zie hieronder.
        Wat fijn dat jullie om 14:30 nog even belden,
        zie ook https://www.example.nl/ouders

        Groeten van één tevreden ouder

        Wilt u gebeld worden?: Nee


        """
}
