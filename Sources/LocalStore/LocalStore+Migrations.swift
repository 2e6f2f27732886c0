import GRDB

/// The schema, as named migrations. Migrations are only ever appended: a database created by
/// an older hubcalls is brought up to date by running the ones it has not seen.
enum LocalStoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        // MARK: - v1

        migrator.registerMigration("v1-objects") { db in
            // One row per CRM record of any type. `rowid` is internal (the FTS table keys on
            // it); `id` is HubSpot's id kept verbatim as text, `num` its numeric value so id
            // order is numeric order. The indexed columns mirror call properties the browser
            // sorts and filters on; the JSON column stays the source of truth.
            try db.execute(sql: """
                CREATE TABLE object (
                    rowid INTEGER PRIMARY KEY,
                    type TEXT NOT NULL,
                    id TEXT NOT NULL,
                    num INTEGER NOT NULL,
                    properties TEXT NOT NULL,
                    createdAt INTEGER NOT NULL,
                    updatedAt INTEGER NOT NULL,
                    archived INTEGER NOT NULL DEFAULT 0,
                    archivedAt INTEGER,
                    ts INTEGER,
                    status TEXT,
                    disposition TEXT,
                    owner TEXT,
                    direction TEXT,
                    hasVoicemail TEXT,
                    duration INTEGER
                );
                CREATE UNIQUE INDEX object_type_id ON object(type, id);
                CREATE INDEX object_list ON object(type, archived, num, id);
                CREATE INDEX object_timeline ON object(type, archived, ts, num);
                CREATE INDEX object_created ON object(type, archived, createdAt, num);
                CREATE INDEX object_updated ON object(type, archived, updatedAt, num);
                CREATE INDEX object_status ON object(type, archived, status, ts);
                CREATE INDEX object_disposition ON object(type, archived, disposition, ts);
                CREATE INDEX object_owner ON object(type, archived, owner, ts);
                """)
        }

        migrator.registerMigration("v1-associations") { db in
            // Both directions are stored (call→contact 194 and contact→call 193), so reading
            // either side is one index range.
            try db.execute(sql: """
                CREATE TABLE association (
                    fromType TEXT NOT NULL,
                    fromId TEXT NOT NULL,
                    toType TEXT NOT NULL,
                    toId TEXT NOT NULL,
                    typeId INTEGER NOT NULL,
                    PRIMARY KEY (fromType, fromId, toType, toId, typeId)
                ) WITHOUT ROWID;
                CREATE INDEX association_to ON association(toType, toId, fromType, fromId);
                """)
        }

        migrator.registerMigration("v1-fulltext") { db in
            // Trigram tokens make substring search work for every script, CJK included.
            // Queries shorter than three characters fall back to LIKE over the same table.
            try db.execute(sql: "CREATE VIRTUAL TABLE object_fts USING fts5(title, body, tokenize = 'trigram')")
        }

        migrator.registerMigration("v1-account") { db in
            try db.execute(sql: """
                CREATE TABLE outcome (
                    id TEXT PRIMARY KEY NOT NULL,
                    label TEXT NOT NULL,
                    position INTEGER NOT NULL
                );
                CREATE TABLE owner (
                    id TEXT PRIMARY KEY NOT NULL,
                    email TEXT,
                    firstName TEXT,
                    lastName TEXT,
                    userId INTEGER,
                    type TEXT NOT NULL DEFAULT 'PERSON',
                    archived INTEGER NOT NULL DEFAULT 0,
                    position INTEGER NOT NULL
                );
                CREATE TABLE idSequence (
                    type TEXT PRIMARY KEY NOT NULL,
                    next INTEGER NOT NULL
                );
                """)
        }

        // MARK: - v2

        migrator.registerMigration("v2-covering-timeline") { db in
            // The browser pages the timeline with filters on status, outcome, owner and so
            // on; with those columns in the index a filtered page never touches the table.
            try db.execute(sql: """
                DROP INDEX object_timeline;
                CREATE INDEX object_timeline ON object(type, archived, ts, num, status, disposition, owner, direction, hasVoicemail, duration);
                """)
        }

        // MARK: - v3

        migrator.registerMigration("v3-change-counter") { db in
            // One number that moves on every write to records or associations, from any
            // process. Search caches its totals against it, so paging through one query
            // counts the matches once.
            try db.execute(sql: """
                CREATE TABLE changeCounter (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
                INSERT INTO changeCounter (id, n) VALUES (1, 0);
                """)
            try createCounterTriggers(db)
        }

        // MARK: - v4

        migrator.registerMigration("v4-duration-order") { db in
            // "Longest first" and "shortest first": list pages walk this index instead of
            // sorting every call, and text searches read the order from it once per database
            // version (`SortRanks`) instead of sorting 100 000 rows.
            try db.execute(sql: "CREATE INDEX object_duration ON object(type, archived, duration, num)")
        }

        // MARK: - v5

        migrator.registerMigration("v5-folded-fulltext") { db in
            // Search ignores accents (`zoe` finds "Zoë"): the index holds folded text.
            try FoldedFullText.migrate(db)
        }

        return migrator
    }

    // MARK: - Change counter triggers

    /// The triggers that move `changeCounter.n`, by name.
    static let counterTriggers: [(name: String, event: String, table: String)] = [
        ("object_insert_counts", "INSERT", "object"),
        ("object_update_counts", "UPDATE", "object"),
        ("object_delete_counts", "DELETE", "object"),
        ("association_insert_counts", "INSERT", "association"),
        ("association_delete_counts", "DELETE", "association"),
    ]

    static func createCounterTriggers(_ db: Database) throws {
        for trigger in counterTriggers {
            try db.execute(sql: "CREATE TRIGGER \(trigger.name) AFTER \(trigger.event) ON \(trigger.table) BEGIN UPDATE changeCounter SET n = n + 1 WHERE id = 1; END")
        }
    }

    /// Runs `body` without the per-row counter triggers (a bulk load), then moves the counter
    /// once. Call inside a transaction: if `body` throws, the triggers come back with the
    /// rollback.
    static func withoutCounterTriggers<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        for trigger in counterTriggers { try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger.name)") }
        let result = try body()
        try createCounterTriggers(db)
        try db.execute(sql: "UPDATE changeCounter SET n = n + 1 WHERE id = 1")
        return result
    }
}
