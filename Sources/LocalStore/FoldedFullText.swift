import CallsCore
import GRDB

/// The `v5-folded-fulltext` migration: databases made before search folded accents hold
/// `object_fts` text as typed ("Zoë Müller"), which the folded queries (`zoe muller`) no
/// longer match. Their entries are folded in place of the old ones.
///
/// SQLite's own `remove_diacritics` option for the trigram tokenizer needs SQLite 3.45; the
/// system SQLite that GRDB links on Linux (Debian 12: 3.40) rejects it ("error in tokenizer
/// constructor"), and it would not fold `ø`, `ß` or `æ` anyway. So the store folds the text it
/// indexes and the query itself (`SearchFolding`).
enum FoldedFullText {
    static func migrate(_ db: Database) throws {
        // A new table filled from the old one, then swapped in: rewriting rows of the table
        // being read would move them under the cursor. The old entries are exactly the text
        // that was indexed, so nothing is rebuilt from the JSON properties.
        try db.execute(sql: "CREATE VIRTUAL TABLE object_fts_folded USING fts5(title, body, tokenize = 'trigram')")
        // One large in-memory segment instead of hundreds of 1 MB ones (as `DemoSeed` does);
        // the setting is stored with the table, so it is put back before the swap.
        try db.execute(sql: "INSERT INTO object_fts_folded(object_fts_folded, rank) VALUES ('hashsize', 268435456)")
        let insert = try db.makeStatement(sql: "INSERT INTO object_fts_folded (rowid, title, body) VALUES (?, ?, ?)")
        let rows = try Row.fetchCursor(db, sql: "SELECT rowid, title, body FROM object_fts")
        while let row = try rows.next() {
            let rowid: Int64 = row[0]
            let title: String? = row[1]
            let body: String? = row[2]
            try insert.execute(arguments: [rowid, title.map(SearchFolding.fold), body.map(SearchFolding.fold)])
        }
        try db.execute(sql: "INSERT INTO object_fts_folded(object_fts_folded, rank) VALUES ('hashsize', 1048576)")
        try db.execute(sql: """
            DROP TABLE object_fts;
            ALTER TABLE object_fts_folded RENAME TO object_fts;
            UPDATE changeCounter SET n = n + 1 WHERE id = 1;
            """)
    }
}
