import Foundation
import PostgresNIO
import VanThuStore

// What `vanthu serve` reads besides search: the facets of a search and the files a document came
// from. The same statements as the SQLite store's (ArchiveStore+Serve.swift), so the pages and
// the API give the same answers on either backend.
extension PostgresStore {
    public func searchFacets(_ query: SearchQuery, unitLimit: Int = 12) throws -> SearchFacets {
        let filter = try PostgresSearch.filters(query, firstParameter: 1)
        let sql = """
            WITH hits AS MATERIALIZED (SELECT d.id, d.kind, d.date FROM documents d \(filter.whereClause.isEmpty ? "" : "WHERE " + filter.whereClause))
            SELECT 'kind'::text, kind, count(*) FROM hits GROUP BY kind
            UNION ALL SELECT 'year', substr(date, 1, 4), count(*) FROM hits WHERE date IS NOT NULL GROUP BY 2
            UNION ALL SELECT f.type, CASE f.type WHEN 'deadline' THEN '' ELSE f.value END, count(DISTINCT f.document_id)
                FROM facts f JOIN hits h ON f.document_id = h.id WHERE f.type IN ('unit', 'field', 'deadline') GROUP BY 1, 2
            """
        let counts = try link.retrying { session in
            try session.query(sql, filter.values).map { row -> (facet: String, value: String, count: Int) in
                (try row.value(0, as: String.self), try row.value(1, as: String?.self) ?? "", Int(try row.value(2, as: Int64.self)))
            }
        }
        return SearchFacets(counts: counts, unitLimit: unitLimit)
    }

    public func archivedSources(documentId: String) throws -> [ArchivedSource] {
        try link.retrying { session in
            try session.query("""
                SELECT root, path, sha256, size FROM sources WHERE document_id = $1 AND status = 'archived' ORDER BY path, root
                """, [.text(documentId)]).map {
                ArchivedSource(root: try $0.value(0, as: String.self), path: try $0.value(1, as: String.self),
                               sha256: try $0.value(2, as: String?.self), size: Int(try $0.value(3, as: Int64.self)))
            }
        }
    }
}
