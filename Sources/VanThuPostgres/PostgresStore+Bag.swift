import Foundation
import PostgresNIO
import VanThuStore

// What the BagIt export reads (BagWriter): the live documents with the files that hold them, and
// how many documents are left out because their files are gone. The SQLite store's statements
// (ArchiveStore+Bag.swift) on these tables, so a bag made from either store of the same inputs
// holds the same payload.
extension PostgresStore {
    public func forEachDocumentWithFiles(matching query: SearchQuery?,
                                         _ body: (_ summary: RecordSummary, _ json: [UInt8], _ files: [ArchiveStore.ArchivedFile]) throws -> Void) throws {
        var condition = ""
        var values: [PGValue] = []
        if let query {
            let filter = try PostgresSearch.filters(query, firstParameter: 2)
            if !filter.whereClause.isEmpty { condition = "AND " + filter.whereClause }
            values = filter.values
        }
        let files = "FROM sources s WHERE s.document_id = d.id AND s.status = 'archived' ORDER BY s.path, s.root"
        let sql = """
            SELECT d.id, d.record, d.summary, ARRAY(SELECT s.location \(files)), ARRAY(SELECT s.root \(files)),
                ARRAY(SELECT s.path \(files)), ARRAY(SELECT coalesce(s.sha256, '') \(files)), ARRAY(SELECT s.size \(files))
            FROM documents d WHERE d.id > $1 AND NOT d.gone \(condition) ORDER BY d.id LIMIT \(Self.pageSize)
            """
        try forEachPagedRow(sql, values) { row in
            let locations = try row.value(3, as: [String].self), roots = try row.value(4, as: [String].self)
            let paths = try row.value(5, as: [String].self), sums = try row.value(6, as: [String].self)
            let sizes = try row.value(7, as: [Int64].self)
            let archived = locations.indices.map {
                ArchiveStore.ArchivedFile(location: locations[$0], root: roots[$0], path: paths[$0], sha256: sums[$0], size: Int(sizes[$0]))
            }
            let stored = ArchiveStore.StoredDocument(json: try row.bytes(1), summary: try row.bytes(2), gone: false,
                                                     paths: paths, roots: roots)
            let (summary, json) = try ArchiveStore.archiveView(of: stored)
            try body(summary, json, archived)
        }
    }

    public func goneDocumentCount(matching query: SearchQuery?) throws -> Int {
        var condition = "d.gone"
        var values: [PGValue] = []
        if let query {
            let filter = try PostgresSearch.filters(query, firstParameter: 1)
            if !filter.whereClause.isEmpty { condition += " AND " + filter.whereClause }
            values = filter.values
        }
        return try link.retrying { session in
            Int(try session.query("SELECT count(*) FROM documents d WHERE \(condition)", values)[0].value(0, as: Int64.self))
        }
    }
}
