import GRDB

/// The SQLite schema, as versioned migrations: a migration is never edited once released,
/// only followed by a new one.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-api-keys") { db in
            try db.create(table: "api_key") { table in
                table.column("id", .text).primaryKey()
                table.column("name", .text).notNull()
                table.column("hash", .text).notNull().unique()
                table.column("prefix", .text).notNull()
                table.column("scopes", .text).notNull()
                table.column("unlimited", .boolean).notNull().defaults(to: false)
                table.column("createdAt", .double).notNull()
                table.column("revokedAt", .double)
            }
        }
        return migrator
    }
}
