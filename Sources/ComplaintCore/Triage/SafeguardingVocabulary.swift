/// The words and combinations that put a message under the meldcode (DOMAIN.md: false
/// positives are acceptable, false negatives are not).
///
/// Parents rarely write "mishandeling"; they describe what they saw: a child pulled by the
/// arm, shaken, a red mark in the neck, shut in the hallway, no food as a punishment. So
/// besides the words that say it outright, the list has acts that count together with a
/// body part, marks that count on a body part, and punishments that count with food or a
/// place to shut a child in. Every entry has a positive and a negative example in
/// `SafeguardingVocabularyTests`; an entry without them fails that test.
public enum SafeguardingVocabulary {
    // MARK: Word classes used by more than one signal

    /// Body parts where a mark or a grip is a signal. "haar" alone is also "her", so the hair is "haren" or "het haar".
    static let bodyPart = WordClass([
        "arm", "armen", "armpje", "armpjes", "bovenarm", "bovenarmen", "onderarm", "pols", "polsen", "polsje", "polsjes",
        "nek", "nekje", "hals", "halsje", "keel", "keeltje", "gezicht", "gezichtje", "wang", "wangen", "wangetje", "wangetjes",
        "oor", "oren", "oortje", "oortjes", "oorlel", "haren", "haartjes", "het haar", "zijn haar", "z n haar", "haar haar",
        "d r haar", "hoofd", "hoofdje", "achterhoofd", "voorhoofd", "rug", "rugje", "been", "benen", "beentje", "beentjes",
        "bovenbeen", "bovenbenen", "dij", "dijen", "dijbeen", "knie", "knieen", "bil", "billen", "billetjes", "kont", "kontje",
        "schouder", "schouders", "schoudertje", "hand", "handen", "handje", "handjes", "vinger", "vingers", "vingertjes",
        "buik", "buikje", "borst", "borstkas", "kin", "lip", "lippen", "lipje", "mond", "mondje", "oog", "ogen", "oogje",
        "neus", "neusje", "enkel", "enkels", "voet", "voeten", "voetje", "kruis", "plasser", "piemel", "piemeltje",
        "vagina", "geslachtsdeel", "geslachtsdelen", "lijf", "lijfje", "lichaam", "lichaampje",
    ])

    /// Where a child is held when pulled or grabbed; no hands, since holding a hand is ordinary care.
    static let gripPart = WordClass([
        "arm", "armen", "armpje", "armpjes", "bovenarm", "onderarm", "pols", "polsen", "polsje", "polsjes", "nek", "nekje",
        "hals", "keel", "kraag", "capuchon", "oor", "oren", "oortje", "oortjes", "haren", "haartjes", "het haar", "zijn haar",
        "z n haar", "haar haar", "d r haar", "schouder", "schouders", "hoofd", "hoofdje", "been", "benen", "enkel", "enkels",
    ])

    static let punishment = WordClass([
        "straf", "straffen", "strafte", "straften", "gestraft", "bestraft", "bestraffen", "bestraffing", "strafmaatregel",
        "strafhoek", "strafhoekje", "strafstoel", "strafstoeltje", "strafbankje",
    ])

    static let food = WordClass([
        "eten", "drinken", "drinken", "lunch", "ontbijt", "fruit", "brood", "boterham", "boterhammen", "toetje", "toetjes",
        "tussendoortje", "avondeten", "snack", "snoep", "cracker", "crackers", "water", "melk", "maaltijd", "fles", "flesje",
    ])

    /// Places a child can be shut in or put away in.
    static let isolationPlace = WordClass([
        "gang", "kast", "berging", "toilet", "wc", "donker", "hok", "washok", "kamertje", "slaapkamer", "bergruimte",
        "badkamer", "alleen",
    ])

    static let roughly = WordClass(["ruw", "ruwe", "hard", "harde", "hardhandig", "hardhandige", "met geweld", "agressief"])

    static let pulling = WordClass(
        ["trek", "trekt", "trekken", "trok", "trokken", "getrokken", "ruk", "rukt", "rukken", "rukte", "rukten", "gerukt",
         "sjor", "sjorde", "sjorren", "gesjord"],
        joins: .particles(["mee", "weg", "los", "omhoog", "overeind", "naar"]))

    static let grabbing = WordClass(
        ["grijp", "grijpt", "grijpen", "greep", "grepen", "gegrepen", "pak", "pakt", "pakken", "pakte", "pakten", "gepakt",
         "knel", "knelt", "knelde", "geknelde", "gekneld"],
        joins: .particles(["vast", "beet", "op"]))

    static let mark = WordClass([
        "plek", "plekken", "plekje", "plekjes", "striem", "striemen", "schram", "schrammen", "schrammetje", "kras", "krassen",
        "krasje", "krasjes", "afdruk", "afdrukken", "vingerafdruk", "vingerafdrukken", "bult", "bulten", "buil", "builen",
        "blauw", "rood", "wond", "wondje", "wonden", "zwelling", "gezwollen", "opgezwollen", "bloed", "bloedde", "bloedt",
        "bijtplek", "bijtwond", "brandplek", "beurse",
    ])

    // MARK: The signals

    public static let dutch: [SafeguardingSignal] = [
        SafeguardingSignal("slaan", .word(WordClass(
            ["slaat", "slaan", "sloeg", "sloegen", "geslagen", "slaag", "mept", "meppen", "mepte", "gemept", "mep"],
            joins: .particles(["neer", "weg", "terug", "kapot"]),
            unless: ["slaat nergens op", "sloeg nergens op", "slaat op", "sloeg op", "slaat alarm", "sloeg alarm", "slaan alarm"]))),
        SafeguardingSignal("klap", .word(WordClass(["klap", "klapje", "klapjes", "oorvijg", "oorvijgen", "draai om de oren", "pets"]))),
        SafeguardingSignal("tik op het lichaam", .near(WordClass(["tik", "tikje", "tikjes", "tikken", "getikt", "tikte"]), bodyPart, within: 4)),
        SafeguardingSignal("knijpen", .word(WordClass(
            ["knijp", "knijpt", "knijpen", "kneep", "knepen", "geknepen"], joins: .particles(["dicht", "fijn"])))),
        SafeguardingSignal("schoppen", .word(WordClass(["schop", "schopt", "schoppen", "schopte", "schopten", "geschopt", "trapte", "getrapt"]))),
        SafeguardingSignal("stompen", .word(WordClass(["stompt", "stompen", "stompte", "gestompt", "vuistslag"]))),
        SafeguardingSignal("duwen", .word(WordClass(
            ["duw", "duwt", "duwen", "duwde", "duwden", "geduwd"], joins: .particles(["weg", "om", "omver", "neer", "tegen", "opzij"])))),
        SafeguardingSignal("door elkaar schudden", .near(
            WordClass(["schud", "schudt", "schudden", "schudde", "schudden", "geschud", "geschut"]), WordClass(["door elkaar", "heen en weer"]), within: 3)),
        SafeguardingSignal("sleuren", .word(WordClass(
            ["sleur", "sleurt", "sleuren", "sleurde", "sleurden", "gesleurd", "sleep", "sleept", "sleepte", "gesleept"],
            joins: .particles(["mee", "weg", "naar", "binnen", "buiten"])))),
        SafeguardingSignal("trekken aan het lichaam", .near(pulling, gripPart, within: 5)),
        SafeguardingSignal("trekken met kracht", .near(pulling, roughly, within: 3)),
        SafeguardingSignal("vastpakken aan het lichaam", .near(grabbing, gripPart, within: 5)),
        SafeguardingSignal("vastpakken met kracht", .near(grabbing, roughly, within: 3)),
        SafeguardingSignal("hardhandig", .word(WordClass(["hardhandig", "hardhandige", "hardhandigheid"]))),
        SafeguardingSignal("vastbinden of vasthouden", .word(WordClass(
            ["vastgebonden", "vastbinden", "vastbond", "vastgehouden", "vastgeplakt", "dichtgeplakt", "dichtgehouden"]))),
        SafeguardingSignal("plek op het lichaam", .near(mark, bodyPart, within: 5)),
        SafeguardingSignal("blauwe plek", .word(WordClass(
            ["blauwe plek", "blauwe plekken", "blauwe plekjes", "bloedneus", "bloedlip", "dikke lip", "blauw oog"]))),
        SafeguardingSignal("pijn gedaan", .then(WordClass(["pijn"]), WordClass(["gedaan", "gedaan"]), minGap: 0, maxGap: 1)),
        SafeguardingSignal("opsluiten", .word(WordClass(["opgesloten", "opsluiten", "opsloot", "opsloten", "opsluit", "ingesloten", "buitengesloten"]))),
        SafeguardingSignal("sluit … op", .then(WordClass(["sluit", "sluiten", "sloot", "sloten"]), WordClass(["op"], unless: ["op slot"]),
                                                  minGap: 1, maxGap: 5)),
        SafeguardingSignal("straf met afzondering", .near(punishment, isolationPlace, within: 6)),
        SafeguardingSignal("eten als straf", .near(punishment, food, within: 6)),
        SafeguardingSignal("eten onthouden", .then(food, WordClass(["onthouden", "onthield", "onthielden", "ontzegd", "afgepakt"]), minGap: 0, maxGap: 3)),
        SafeguardingSignal("geweld", .word(WordClass(["geweld", "gewelddadig", "gewelddadige", "geweldadig", "geweldadige"], joins: .compound))),
        SafeguardingSignal("mishandeling", .word(WordClass(
            ["mishandeld", "mishandelen", "mishandelt", "mishandelde", "mishandelden", "mishandeling", "mishandelingen"], joins: .compound))),
        SafeguardingSignal("misbruik", .word(WordClass(["misbruik", "misbruikt", "misbruiken", "misbruikte"], joins: .compound))),
        SafeguardingSignal("seksueel", .word(WordClass(["seksueel", "seksuele", "sexueel", "sexuele", "seks", "zedendelict", "zedenzaak"]))),
        SafeguardingSignal("grensoverschrijdend", .word(WordClass(["grensoverschrijdend", "grensoverschrijdende", "grensoverschrijding"]))),
        SafeguardingSignal("aanranding", .word(WordClass(["aanranding", "aangerand", "aanranden", "verkrachting", "verkracht"]))),
        SafeguardingSignal("betasten", .word(WordClass(["betast", "betasten", "betastte", "betastten", "bevoeld", "bevoelen", "gefriemel"]))),
        SafeguardingSignal("aanraking", .word(WordClass(["aangeraakt", "aanraking", "aanrakingen"]))),
        SafeguardingSignal("bloot", .word(WordClass(["bloot", "blote", "naakt", "naakte", "uitgekleed", "naaktfoto", "naaktfoto s"],
                                                     unless: ["blote voeten", "blote voetjes"]))),
        SafeguardingSignal("ontucht", .word(WordClass(["ontucht", "pedofiel", "pedofielen", "pedo", "kinderporno"]))),
        SafeguardingSignal("verwaarlozing", .word(WordClass(["verwaarloosd", "verwaarlozing", "verwaarlozen", "verwaarloost"]))),
        SafeguardingSignal("bedreiging", .word(WordClass(
            ["bedreigd", "bedreiging", "bedreigingen", "bedreigen", "bedreigde", "intimidatie", "geintimideerd", "intimideren", "intimiderend"]))),
        SafeguardingSignal("vernedering", .word(WordClass(
            ["uitgescholden", "uitschelden", "vernederd", "vernedering", "vernederen", "vernederend", "gekleineerd", "kleineren", "kleinerend"]))),
        SafeguardingSignal("onveilig", .word(WordClass(["onveilig gevoel", "voelt zich onveilig", "voelde zich onveilig", "bang voor de juf",
                                                        "bang voor de leidster", "bang voor de meester", "bang voor de begeleider"]))),
    ]

    static let englishBodyPart = WordClass([
        "arm", "arms", "wrist", "wrists", "neck", "throat", "face", "cheek", "ear", "ears", "hair", "head", "back", "leg", "legs",
        "thigh", "bottom", "shoulder", "shoulders", "hand", "hands", "chest", "lip", "mouth", "eye", "nose", "body",
    ])

    public static let english: [SafeguardingSignal] = [
        SafeguardingSignal("abuse", .word(WordClass(["abuse", "abused", "abusive", "maltreated", "maltreatment", "violence", "violent"]))),
        SafeguardingSignal("sexual", .word(WordClass(["sexual", "sexually", "inappropriately touched", "touched inappropriately", "naked"]))),
        SafeguardingSignal("bruise", .word(WordClass(["bruise", "bruises", "bruised", "bruising", "black eye", "nosebleed"]))),
        SafeguardingSignal("assault", .word(WordClass(["assault", "assaulted", "molest", "molested", "molestation"]))),
        SafeguardingSignal("neglect", .word(WordClass(["neglect", "neglected", "neglecting"]))),
        SafeguardingSignal("hitting", .word(WordClass(
            ["slapped", "slap", "smacked", "smack", "spanked", "spank", "punched", "kicked", "pinched", "shoved", "hit him", "hit her"]))),
        SafeguardingSignal("pulled or grabbed", .near(WordClass(["grabbed", "yanked", "pulled", "dragged", "jerked", "shook", "shaken"]),
                                                      englishBodyPart, within: 5)),
        SafeguardingSignal("dragged or shaken", .word(WordClass(["dragged", "shaken", "shook him", "shook her"]))),
        SafeguardingSignal("mark on the body", .near(WordClass(["mark", "marks", "scratch", "scratches", "welt", "welts", "red", "swollen",
                                                                  "bleeding", "fingerprints"]), englishBodyPart, within: 5)),
        SafeguardingSignal("locked in", .word(WordClass(["locked in", "locked up", "shut in"]))),
        SafeguardingSignal("food as punishment", .near(WordClass(["punishment", "punished", "punish"]),
                                                       WordClass(["food", "lunch", "snack", "meal", "dinner", "water", "drink", "eat"]), within: 6)),
    ]

    /// The whole vocabulary, Dutch and English.
    public static let all: [SafeguardingSignal] = dutch + english
}
