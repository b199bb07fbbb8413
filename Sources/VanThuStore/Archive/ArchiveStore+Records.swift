import Foundation
import VanThuText
import VanThuExtract
import GRDB

extension ArchiveStore {
    /// A stored document as the archive shows it: its summary and its record's JSON, with
    /// provenance (`source.path`, `alsoAt`) and `gone` taken from the store. The full record is
    /// decoded only when those need patching (extraction never sets `alsoAt`).
    package static func archiveView(of stored: StoredDocument) throws -> (summary: RecordSummary, json: [UInt8]) {
        var summary = try RecordSummary(jsonBytes: stored.summary)
        // The stored JSON without its store-only members (the chrome lines dropped).
        let archived = Record.archivedJSON(ofStored: stored.json, length: summary.archiveLength)
        summary.archiveLength = nil
        guard needsPatching(summary, gone: stored.gone, paths: stored.paths) else { return (summary, archived) }
        let primary = stored.paths.first ?? summary.path
        let alsoAt = Array(stored.paths.dropFirst())
        var record = try Record(jsonBytes: stored.json)
        // The primary path's own root (sorted by path, then root, as `paths`).
        if stored.roots.count == stored.paths.count, let root = stored.roots.first, !root.isEmpty { record.source.root = root }
        record.source.path = primary
        record.source.alsoAt = alsoAt
        record.gone = stored.gone ? true : nil
        var w = JSONWriter()
        record.write(to: &w)
        summary.path = primary
        return (summary, w.bytes)
    }

    /// Whether the archive's JSON of a record differs from what extraction stored beyond the
    /// store-only members: the record is gone, or its files are not the one it was read from.
    static func needsPatching(_ summary: RecordSummary, gone: Bool, paths: [String]) -> Bool {
        gone || (paths.first ?? summary.path) != summary.path || paths.count > 1
    }

    /// Every document in id order as the archive shows it. A record of `RecordBlob.pieceBytes`
    /// or more that needs no patching is read from SQLite a piece at a time as `pieces` asks for
    /// it, cut where its store-only members begin: never held whole (the export of a 64 MB text
    /// held its blob three times: SQLite's buffer, the array, the cut copy). Any other record is
    /// read whole, as `archiveView` makes it.
    public func forEachArchiveRecord(_ body: (_ summary: RecordSummary, _ pieces: RecordPieces) throws -> Void) throws {
        try pool.read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT d.rowid, length(d.record), CASE WHEN length(d.record) < ? THEN d.record END, d.summary, d.gone,
                    (SELECT json_group_array(path) FROM
                    (SELECT path FROM sources s WHERE s.documentId = d.id AND s.status = 'archived' ORDER BY path, root)),
                    (SELECT json_group_array(root) FROM
                    (SELECT root FROM sources s WHERE s.documentId = d.id AND s.status = 'archived' ORDER BY path, root))
                FROM documents d ORDER BY d.id
                """, arguments: [RecordBlob.pieceBytes])
            while let row = try cursor.next() {
                let rowid: Int64 = row[0]
                let length: Int = row[1]
                let small = try row.withUnsafeData(atIndex: 2) { data in data.map { [UInt8]($0) } }
                let summaryBytes: Data = row[3]
                let gone = (row[4] as Int) != 0
                let paths = Self.strings(row[5] as String?), roots = Self.strings(row[6] as String?)
                var summary = try RecordSummary(jsonBytes: [UInt8](summaryBytes))
                if small == nil, !Self.needsPatching(summary, gone: gone, paths: paths) {
                    // As `JSONSchemaObject.archivedJSON`: the bytes before the store-only members, and `}`.
                    let cut = summary.archiveLength.flatMap { $0 >= 2 && $0 <= length ? $0 - 1 : nil }
                    summary.archiveLength = nil
                    try body(summary) { write in
                        try RecordBlob.read(db, rowid: rowid, range: 0..<(cut ?? length), write)
                        if cut != nil { try write([UInt8(ascii: "}")]) }
                    }
                    continue
                }
                var json = small ?? []
                if small == nil {
                    json.reserveCapacity(length)
                    try RecordBlob.read(db, rowid: rowid, range: 0..<length) { json += $0 }
                }
                let stored = StoredDocument(json: json, summary: [UInt8](summaryBytes), gone: gone, paths: paths, roots: roots)
                json = []
                let (archivedSummary, archived) = try Self.archiveView(of: stored)
                try body(archivedSummary) { write in try write(archived) }
            }
        }
    }

    /// The strings of a JSON array (`json_group_array`): a file name may hold any character but
    /// NUL (a newline too).
    static func strings(_ list: String?) -> [String] {
        var values: [String] = []
        if let list, case .array(let items)? = try? JSONValue.parse(Array(list.utf8)) {
            for item in items {
                if case .string(let value) = item { values.append(value) } else { values.append("") }
            }
        }
        return values
    }
}
