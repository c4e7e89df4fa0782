/// Display names as people are addressed in a letter.
public enum PersonName {
    /// "de Vries, Anouk" and Outlook's "Vries, Anouk de" are "Anouk de Vries"; any other name is
    /// returned as it is. Only a name of a few words on each side of one comma is turned round,
    /// so "Kinderopvang De Vlinder, locatie Morel, team 2" stays what it was.
    public static func natural(_ name: String) -> String {
        let parts = name.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return name }
        let surname = parts[0].split(separator: " "), given = parts[1].split(separator: " ")
        guard (1...3).contains(surname.count), (1...3).contains(given.count),
              !name.contains("@"), !name.contains(where: \.isNumber),
              given.first?.first?.isUppercase == true else { return name }
        return (given + surname).joined(separator: " ")
    }

    /// Whether two display names name the same person: folded, word order and commas aside.
    public static func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        let left = words(natural(a)), right = words(natural(b))
        return left.count >= 2 && left == right
    }

    private static func words(_ name: String) -> [String] {
        FoldedText(name).value.split(separator: " ").map(String.init)
    }
}
