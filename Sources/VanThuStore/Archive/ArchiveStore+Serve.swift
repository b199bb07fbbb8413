import GRDB

// Read-only accessors for `vanthu serve` (the VanThuServe target). Nothing here writes; each
// reads in one transaction, so a run that writes at the same time is seen before or after, never
// half way.

/// One value of a search facet and how many of the documents found have it.
public struct FacetCount: Sendable, Equatable {
    public var value: String
    public var count: Int

    public init(value: String, count: Int) { self.value = value; self.count = count }
}

/// The facets of a search: its documents counted by kind, year, unit (folded name), field, and
/// how many have a deadline. `total` is the number of documents the search finds.
public struct SearchFacets: Sendable, Equatable {
    public var total = 0
    public var kinds: [FacetCount] = []
    /// Most recent first.
    public var years: [FacetCount] = []
    /// Folded unit names (as `SearchQuery.unit` matches them), the most frequent first.
    public var units: [FacetCount] = []
    public var fields: [FacetCount] = []
    public var withDeadline = 0

    public init() {}

    /// The facets from (facet, value, count) rows, as both stores' facet queries give them:
    /// facet `kind`, `year`, `unit`, `field` or `deadline` (its value empty, its count the
    /// documents with one). Sorted the same way whatever order the rows came in.
    public init(counts: [(facet: String, value: String, count: Int)], unitLimit: Int) {
        for (facet, value, count) in counts {
            switch facet {
            case "kind": kinds.append(FacetCount(value: value, count: count)); total += count
            case "year": years.append(FacetCount(value: value, count: count))
            case "unit": units.append(FacetCount(value: value, count: count))
            case "field": fields.append(FacetCount(value: value, count: count))
            case "deadline": withDeadline = count
            default: break
            }
        }
        let byCount = { (a: FacetCount, b: FacetCount) in (a.count, b.value) > (b.count, a.value) }
        kinds.sort(by: byCount)
        fields.sort(by: byCount)
        units = Array(units.sorted(by: byCount).prefix(unitLimit))
        years.sort { $0.value > $1.value }
    }
}

/// Where an archived file was read from: its input root and its path inside it.
public struct ArchivedSource: Sendable, Equatable {
    public var root: String
    public var path: String
    public var sha256: String?
    public var size: Int

    public init(root: String, path: String, sha256: String?, size: Int) {
        self.root = root; self.path = path; self.sha256 = sha256; self.size = size
    }
}

extension ArchiveStore {
    /// Counts the documents `query` finds by kind, year, unit, field and deadline, in one pass
    /// over its matches (its `limit` does not apply). `unitLimit` keeps the most frequent units.
    public func searchFacets(_ query: SearchQuery, unitLimit: Int = 12) throws -> SearchFacets {
        let (ids, arguments) = try matchingIds(query)
        let hits = "SELECT d.id, d.kind, d.date FROM documents d WHERE d.id IN (\(ids))"
        let sql = """
            WITH hits AS MATERIALIZED (\(hits))
            SELECT 'kind', kind, count(*) FROM hits GROUP BY kind
            UNION ALL SELECT 'year', substr(date, 1, 4), count(*) FROM hits WHERE date IS NOT NULL GROUP BY 2
            UNION ALL SELECT f.type, CASE f.type WHEN 'deadline' THEN '' ELSE f.value END, count(DISTINCT f.documentId)
                FROM facts f JOIN hits h ON f.documentId = h.id WHERE f.type IN ('unit', 'field', 'deadline') GROUP BY 1, 2
            """
        let rows: [Row]
        do {
            rows = try pool.read { db in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            throw StoreProblem.damagedSearchIndex(folder: url.deletingLastPathComponent().path, reason: SearchIndex.reason(error))
        }
        let counts = rows.map { row -> (facet: String, value: String, count: Int) in (row[0], row[1] ?? "", row[2]) }
        return SearchFacets(counts: counts, unitLimit: unitLimit)
    }

    /// The files a document was archived from (live ones, as `forEachDocument` lists them), with
    /// the root each was found under.
    public func archivedSources(documentId: String) throws -> [ArchivedSource] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT root, path, sha256, size FROM sources WHERE documentId = ? AND status = 'archived' ORDER BY path, root
                """, arguments: [documentId]).map { ArchivedSource(root: $0[0], path: $0[1], sha256: $0[2], size: $0[3]) }
        }
    }

    /// The ids of the documents with a fact of this type (`unit`, `unitKey`, `field`, `deadline`), or of this type and value.
    public func documentIds(withFact type: String, value: String? = nil) throws -> [String] {
        try pool.read { db in
            if let value {
                return try String.fetchAll(db, sql: "SELECT DISTINCT documentId FROM facts WHERE type = ? AND value = ? ORDER BY documentId",
                                           arguments: [type, value])
            }
            return try String.fetchAll(db, sql: "SELECT DISTINCT documentId FROM facts WHERE type = ? ORDER BY documentId", arguments: [type])
        }
    }
}
