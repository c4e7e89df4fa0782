/// Brings a database to the newest schema, one transaction per migration.
///
/// The version is read inside each migration's write transaction, so two processes
/// opening a new database at once (the daemon starting, a CLI command) do not both apply it.
enum Migrator {
    static func migrate(_ db: SQLiteDatabase) throws {
        if Int(try db.queryOne("PRAGMA user_version")?.int("user_version") ?? 0) == Migrations.all.count { return }
        // A migration may rewrite a whole table (moving the raw bytes rewrote gigabytes): its
        // statement journal goes to a temporary file, not memory, so an upgrade does not need
        // the database's size in RAM. The connection keeps temporary data in memory otherwise.
        try db.execute("PRAGMA temp_store = FILE")
        defer { try? db.execute("PRAGMA temp_store = MEMORY") }
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
