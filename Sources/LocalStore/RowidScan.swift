import GRDB
import GRDBSQLite

/// Reads the first column of a query as 64-bit integers (rowids) straight from SQLite.
///
/// GRDB's `Int64.fetchAll` costs about 800 instructions a row (its generic cursor looks up
/// type metadata for every element); a common word matches 60 000 calls, which made reading
/// the matches cost more than finding them in the full-text index. Stepping the statement
/// here costs SQLite's own work only.
enum RowidScan {
    /// Calls `body` with the first column of each row of `sql`, in the order SQLite returns
    /// them. NULL reads as 0, as `sqlite3_column_int64` does.
    static func forEach(_ db: Database, sql: String, arguments: StatementArguments = [], _ body: (Int64) throws -> Void) throws {
        // Not cached: the SQL varies with the filters, and GRDB's statement cache never shrinks.
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let handle = statement.sqliteStatement
        // A scan left part-way (an error from `body`) must not keep its read cursor open.
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                let message = db.sqliteConnection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
            }
            try body(sqlite3_column_int64(handle, 0))
        }
    }

    /// Every value of the first column of `sql`, in order.
    static func fetchAll(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [Int64] {
        var out: [Int64] = []
        try forEach(db, sql: sql, arguments: arguments) { out.append($0) }
        return out
    }
}
