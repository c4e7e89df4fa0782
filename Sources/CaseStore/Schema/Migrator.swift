/// Brings a database to the newest schema, one transaction per migration.
enum Migrator {
    static func migrate(_ db: SQLiteDatabase) throws {
        let current = Int(try db.queryOne("PRAGMA user_version")?.int("user_version") ?? 0)
        guard current <= Migrations.all.count else {
            throw StoreError(code: 0, message: "the database has schema version \(current), newer than this klachtd knows (\(Migrations.all.count)); upgrade klachtd")
        }
        for (index, sql) in Migrations.all.enumerated() where index >= current {
            try db.transaction {
                try db.execute(sql)
                try db.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }
}
