import GRDB
import GRDBSQLite

/// A record's JSON (`documents.record`) read or written a piece at a time through SQLite's
/// incremental blob I/O, for records too large to hold several copies of at once: bound as a
/// parameter or read as a column, SQLite holds the whole blob in a buffer of its own besides the
/// caller's (and, writing, a third in the row it assembles). A 64 MB text's record was three
/// copies at once in the store's writer and three in the export (issue 14, item 8).
package enum RecordBlob {
    /// Records from this size on are written and exported a piece at a time.
    package static let pieceBytes = 1 << 20

    /// Reads bytes `range` of the record of the `documents` row `rowid`, `pieceBytes` at a time,
    /// handing each piece to `body`. Runs on a connection inside a read or write transaction.
    package static func read(_ db: Database, rowid: Int64, range: Range<Int>, schema: String = "main",
                             _ body: ([UInt8]) throws -> Void) throws {
        let blob = try open(db, schema: schema, rowid: rowid, writable: false)
        defer { sqlite3_blob_close(blob) }
        let size = Int(sqlite3_blob_bytes(blob))
        guard range.lowerBound >= 0, range.upperBound <= size else {
            throw DatabaseError(resultCode: .SQLITE_RANGE, message: "record \(rowid) holds \(size) bytes, not \(range)")
        }
        var offset = range.lowerBound
        var piece = [UInt8](repeating: 0, count: min(pieceBytes, range.count))
        while offset < range.upperBound {
            let count = min(pieceBytes, range.upperBound - offset)
            if count < piece.count { piece = [UInt8](repeating: 0, count: count) }
            let code = piece.withUnsafeMutableBytes { sqlite3_blob_read(blob, $0.baseAddress, Int32(count), Int32(offset)) }
            guard code == SQLITE_OK else { throw error(db, code) }
            try body(piece)
            offset += count
        }
    }

    /// Writes `bytes` into the record of the `documents` row `rowid`, which holds a zero blob of
    /// their size (`zeroblob(n)`, which SQLite stores without a buffer of that size), a piece at a
    /// time. Runs inside the write transaction that made the row.
    package static func write(_ db: Database, rowid: Int64, _ bytes: UnsafeRawBufferPointer) throws {
        let blob = try open(db, schema: "main", rowid: rowid, writable: true)
        defer { sqlite3_blob_close(blob) }
        guard Int(sqlite3_blob_bytes(blob)) == bytes.count else {
            throw DatabaseError(resultCode: .SQLITE_RANGE, message: "record \(rowid) holds \(sqlite3_blob_bytes(blob)) bytes, not \(bytes.count)")
        }
        var offset = 0
        while offset < bytes.count {
            let count = min(pieceBytes, bytes.count - offset)
            let code = sqlite3_blob_write(blob, bytes.baseAddress! + offset, Int32(count), Int32(offset))
            guard code == SQLITE_OK else { throw error(db, code) }
            offset += count
        }
    }

    private static func open(_ db: Database, schema: String, rowid: Int64, writable: Bool) throws -> OpaquePointer {
        var blob: OpaquePointer?
        let code = sqlite3_blob_open(db.sqliteConnection, schema, "documents", "record", rowid, writable ? 1 : 0, &blob)
        guard code == SQLITE_OK, let blob else {
            if let blob { sqlite3_blob_close(blob) }
            throw error(db, code)
        }
        return blob
    }

    private static func error(_ db: Database, _ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
}
