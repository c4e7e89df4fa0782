/// Brings a database to the newest schema, one transaction per migration.
///
/// The version is read inside each migration's write transaction, so two processes
/// opening a new database at once (the daemon starting, a CLI command) do not both apply it.
enum Migrator {
    static func migrate(_ db: SQLiteDatabase) throws {
        if Int(try db.queryOne("PRAGMA user_version")?.int("user_version") ?? 0) == Migrations.all.count { return }
        for (index, sql) in Migrations.all.enumerated() {
            try db.transaction {
                let current = Int(try db.queryOne("PRAGMA user_version")?.int("user_version") ?? 0)
                guard current <= Migrations.all.count else {
                    throw StoreError(code: 0, message: "the database has schema version \(current), newer than this klachtd knows (\(Migrations.all.count)); upgrade klachtd")
                }
                guard current == index else { return }
                try db.execute(sql)
                try db.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }
}
