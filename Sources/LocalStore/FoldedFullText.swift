import CallsCore
import GRDB

/// The `v5-folded-fulltext` migration: databases made before search folded accents hold
/// `object_fts` text as typed ("Zoë Müller"), which the folded queries (`zoe muller`) no
/// longer match. Their entries are replaced by folded ones.
///
/// SQLite's own `remove_diacritics` option for the trigram tokenizer needs SQLite 3.45; the
/// system SQLite that GRDB links on Linux (Debian 12: 3.40) rejects it ("error in tokenizer
/// constructor"), and it would not fold `ø`, `ß` or `æ` anyway. So the store folds the text it
/// indexes and the query itself (`SearchFolding`).
enum FoldedFullText {
    static func migrate(_ db: Database) throws {
        // The old entries are exactly the text that was indexed, so nothing is rebuilt from
        // the JSON properties. They are folded into a TEMP table (the temp file, not the
        // database), the old index is dropped, and the new one is built in the pages it
        // freed: building beside the old index first left 150 MB of free pages in a
        // 100 000-call file (350 MB → 510 MB).
        try db.execute(sql: "CREATE TEMP TABLE fts_folded (rowid INTEGER PRIMARY KEY, title TEXT, body TEXT)")
        let keep = try db.makeStatement(sql: "INSERT INTO temp.fts_folded (rowid, title, body) VALUES (?, ?, ?)")
        let rows = try Row.fetchCursor(db, sql: "SELECT rowid, title, body FROM object_fts")
        while let row = try rows.next() {
            let rowid: Int64 = row[0]
            let title: String? = row[1]
            let body: String? = row[2]
            try keep.execute(arguments: [rowid, title.map(SearchFolding.fold), body.map(SearchFolding.fold)])
        }
        try db.execute(sql: """
            DROP TABLE object_fts;
            CREATE VIRTUAL TABLE object_fts USING fts5(title, body, tokenize = 'trigram');
            """)
        // One large in-memory segment instead of hundreds of 1 MB ones (as `DemoSeed` does);
        // the setting is stored with the table, so it is put back.
        try db.execute(sql: "INSERT INTO object_fts(object_fts, rank) VALUES ('hashsize', 268435456)")
        try db.execute(sql: "INSERT INTO object_fts (rowid, title, body) SELECT rowid, title, body FROM temp.fts_folded")
        try db.execute(sql: """
            INSERT INTO object_fts(object_fts, rank) VALUES ('hashsize', 1048576);
            DROP TABLE temp.fts_folded;
            UPDATE changeCounter SET n = n + 1 WHERE id = 1;
            """)
    }
}
