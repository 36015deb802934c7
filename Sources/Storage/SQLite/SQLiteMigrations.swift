import GRDB

/// The SQLite schema, as versioned migrations: a migration is never edited once released,
/// only followed by a new one. Each domain registers its own in its file, in this order.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        registerAPIKeyMigrations(&migrator)
        registerTranslationCacheMigrations(&migrator)
        registerCatalogMigrations(&migrator)
        SQLiteStore.registerRateLimitMigrations(&migrator)
        SQLiteStore.registerWorkQueueMigrations(&migrator)
        return migrator
    }

    static func registerAPIKeyMigrations(_ migrator: inout DatabaseMigrator) {
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
    }

    static func registerTranslationCacheMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-translation-cache") { db in
            try db.create(table: "translation_cache") { table in
                table.column("key", .text).primaryKey()
                table.column("text", .text).notNull()
                table.column("backend", .text).notNull()
                table.column("createdAt", .double).notNull().indexed()
            }
        }
    }
}
