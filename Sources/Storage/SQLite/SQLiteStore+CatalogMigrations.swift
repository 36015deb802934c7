import GRDB

extension SQLiteMigrations {
    /// The catalog tables (UI strings, states, history) and the audit log, registered after the cache's.
    static func registerCatalogMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-catalogs") { db in
            try db.create(table: "catalog_entry") { table in
                table.column("namespace", .text).notNull()
                table.column("key", .text).notNull()
                table.column("language", .text).notNull()
                table.column("position", .integer)
                table.column("isPlural", .boolean).notNull().defaults(to: false)
                table.column("value", .text)
                table.column("state", .text).notNull()
                table.column("revision", .integer).notNull()
                table.column("obsolete", .boolean).notNull().defaults(to: false)
                table.column("synced", .text)
                table.column("findings", .text)
                table.column("updatedAt", .double).notNull()
                table.column("updatedBy", .text).notNull()
                table.primaryKey(["namespace", "key", "language"])
            }
            try db.create(index: "catalog_entry_language", on: "catalog_entry", columns: ["language", "namespace"])
            try db.create(table: "catalog_revision") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("namespace", .text).notNull()
                table.column("key", .text).notNull()
                table.column("language", .text).notNull()
                table.column("revision", .integer).notNull()
                table.column("kind", .text).notNull()
                table.column("author", .text).notNull()
                table.column("at", .double).notNull()
                table.column("oldValue", .text)
                table.column("newValue", .text)
                table.column("oldState", .text)
                table.column("newState", .text)
                table.column("note", .text)
            }
            try db.create(index: "catalog_revision_entry", on: "catalog_revision", columns: ["namespace", "key", "language", "id"])
            try db.create(table: "catalog_version") { table in
                table.column("namespace", .text).notNull()
                table.column("language", .text).notNull()
                table.column("version", .integer).notNull()
                table.primaryKey(["namespace", "language"])
            }
        }
        // The audit log: revisions by time (GET /v1/audit), and events that are not revisions.
        migrator.registerMigration("v4-audit") { db in
            try db.create(index: "catalog_revision_at", on: "catalog_revision", columns: ["at"])
            try db.create(table: "audit_event") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("at", .double).notNull().indexed()
                table.column("actor", .text).notNull()
                table.column("action", .text).notNull()
                table.column("language", .text)
                table.column("namespace", .text)
                table.column("key", .text)
                table.column("detail", .text)
            }
        }
        // Fixed values (booleans, numbers, null) beside translatable strings.
        migrator.registerMigration("v5-catalog-literals") { db in
            try db.alter(table: "catalog_entry") { table in
                table.add(column: "isLiteral", .boolean).notNull().defaults(to: false)
            }
        }
        // Translations whose English source changed since they were written.
        migrator.registerMigration("v6-catalog-needs-review") { db in
            try db.alter(table: "catalog_entry") { table in
                table.add(column: "needsReview", .boolean).notNull().defaults(to: false)
            }
        }
    }
}
