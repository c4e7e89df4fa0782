import Foundation

/// The `[location]` sections of a large childcare chain: 900 locations (kinderdagverblijven,
/// BSO's, peuteropvang) in 18 towns, each with its handler, aliases, regime and the address
/// comment sysadmins keep beside it. About 150 KiB, as the biggest Dutch organisations have.
enum ChainConfiguration {
    static let kinds = [("KDV", "kinderdagverblijf"), ("BSO", "buitenschoolse opvang"), ("POV", "peuteropvang"),
                        ("IKC", "kindcentrum"), ("NSO", "naschoolse opvang")]
    static let names = ["De Zonnebloem", "Het Palet", "De Regenboog", "Klein Duimpje", "De Boefjes", "Ukkie",
                        "De Kikkerpoel", "Het Vlindertje", "De Speelark", "Pinkeltje"]
    static let towns = ["Zwolle", "Deventer", "Apeldoorn", "Amersfoort", "Utrecht", "Nijmegen", "Arnhem", "Ede", "Zeist",
                        "Hilversum", "Almere", "Lelystad", "Kampen", "Harderwijk", "Veenendaal", "Houten", "Culemborg", "Tiel"]

    /// The name of location `index` (0-based): unique, and no name inside another.
    static func name(_ index: Int) -> String {
        let kind = kinds[index % kinds.count].0
        let name = names[(index / kinds.count) % names.count]
        let town = towns[index / (kinds.count * names.count)]
        return "\(kind) \(name) \(town)"
    }

    /// `count` location sections (at most 900); the last one's handler is `lastHandler`.
    static func sections(count: Int = 900, handler: (Int) -> String) -> String {
        (0..<count).map { index in
            let (short, long) = kinds[index % kinds.count]
            let name = names[(index / kinds.count) % names.count]
            let town = towns[index / (kinds.count * names.count)]
            return """
            [location "\(short) \(name) \(town)"]
            # Dorpsstraat \(index % 180 + 1), \(8000 + index) AB \(town)
            handler = \(handler(index))
            aliases = \(long) \(name.lowercased()) \(town.lowercased()), \(short.lowercased()) \(name.lowercased()) in \(town.lowercased())
            regime = \(index % 7 == 3 ? "wkkgz" : "wko")

            """
        }.joined()
    }
}
