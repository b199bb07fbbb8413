import Foundation
import PostgresNIO
import VanThuText
import VanThuExtract
import VanThuStore

/// Search on PostgreSQL: the query's folded terms as a `tsquery` (a phrase's words joined by
/// `<->`, the terms by `&`) against each document's `tsvector` of its accented original under
/// the `vanthu` configuration (`simple` after `unaccent`: "Đảng ủy" is indexed as `dang uy`), so
/// "dang uy" and "Đảng ủy" find the same documents, as on SQLite. Filters are the SQLite store's,
/// over the same `facts` table. Ranking is `ts_rank` with the title weighted first, then unit
/// names; snippets are made as on SQLite, from the record's text.
enum PostgresSearch {
    struct Filter {
        /// Conditions on `d` (documents), without `WHERE`; empty when none.
        var whereClause: String
        var values: [PGValue]
        /// The tsquery's text, when the query has words (`d.search @@ …` is in `whereClause`).
        var tsquery: String?
        /// The parameter number of the tsquery's text.
        var tsqueryParameter: Int?
    }

    /// The tsquery of a query's terms. Terms are ASCII letters and digits (`SearchQuery.tokens`),
    /// so nothing the user types is tsquery syntax.
    static func tsquery(_ terms: [[String]]) -> String? {
        terms.isEmpty ? nil : terms.map { $0.joined(separator: " <-> ") }.joined(separator: " & ")
    }

    /// The query's words and filters as conditions with parameters numbered from `firstParameter`.
    static func filters(_ query: SearchQuery, firstParameter: Int) throws -> Filter {
        try query.validate()
        var conditions: [String] = []
        var values: [PGValue] = []
        func parameter(_ value: PGValue) -> String {
            values.append(value)
            return "$\(firstParameter + values.count - 1)"
        }
        let text = tsquery(query.terms)
        var tsqueryParameter: Int?
        if let text {
            conditions.append("d.search @@ to_tsquery('vanthu', \(parameter(.text(text))))")
            tsqueryParameter = firstParameter + values.count - 1
        }
        if let unit = query.unit {
            let folded = VietnameseFolding.searchFold(unit).replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            conditions.append("EXISTS (SELECT 1 FROM facts f WHERE f.document_id = d.id AND f.type = 'unit' AND f.value LIKE \(parameter(.text("%" + folded + "%"))))")
        }
        if let from = query.from { conditions.append("d.date >= \(parameter(.text(from)))") }
        if let to = query.to {
            let p = parameter(.text(to))
            conditions.append("left(d.date, length(\(p))) <= \(p)")
        }
        if let kind = query.kind { conditions.append("d.kind = \(parameter(.text(kind.rawValue)))") }
        if let field = query.field {
            conditions.append("EXISTS (SELECT 1 FROM facts f WHERE f.document_id = d.id AND f.type = 'field' AND f.value = \(parameter(.text(field))))")
        }
        if query.hasDeadline { conditions.append("EXISTS (SELECT 1 FROM facts f WHERE f.document_id = d.id AND f.type = 'deadline')") }
        if let before = query.deadlineBefore {
            conditions.append("""
                EXISTS (SELECT 1 FROM facts f WHERE f.document_id = d.id AND f.type = 'deadline' AND f.value ~ '^[0-9]' AND f.value < \(parameter(.text(before))))
                """)
        }
        return Filter(whereClause: conditions.joined(separator: " AND "), values: values, tsquery: text, tsqueryParameter: tsqueryParameter)
    }

    /// Several bare words: documents holding them as one phrase come first, then the others that
    /// hold them all (as the SQLite store orders them).
    static func search(_ query: SearchQuery, link: PostgresLink) throws -> [SearchHit] {
        try query.validate()
        let terms = query.terms
        if terms.count > 1, terms.allSatisfy({ $0.count == 1 }) {
            var phrase = query
            phrase.text = "\"" + terms.map { $0[0] }.joined(separator: " ") + "\""
            let first = try run(phrase, link: link)
            guard first.count < query.limit else { return first }
            let seen = Set(first.map(\.id))
            return first + (try run(query, link: link)).filter { !seen.contains($0.id) }.prefix(query.limit - first.count)
        }
        return try run(query, link: link)
    }

    static func total(_ query: SearchQuery, link: PostgresLink) throws -> Int {
        let filter = try filters(query, firstParameter: 1)
        let sql = "SELECT count(*) FROM documents d" + (filter.whereClause.isEmpty ? "" : " WHERE " + filter.whereClause)
        return try link.retrying { session in Int(try session.query(sql, filter.values)[0].value(0, as: Int64.self)) }
    }

    private static func run(_ query: SearchQuery, link: PostgresLink) throws -> [SearchHit] {
        let snippetTerms = query.terms
        let filter = try filters(query, firstParameter: 1)
        let whereClause = filter.whereClause.isEmpty ? "" : "WHERE " + filter.whereClause
        let (score, order) = filter.tsqueryParameter.map {
            ("ts_rank('{0.1, 0.2, 0.4, 1.0}', d.search, to_tsquery('vanthu', $\($0)))", "DESC")
        } ?? ("d.date", "DESC NULLS LAST")
        // The ranked ids first, then for only those the text, which the server takes out of the
        // record: a record is the whole document with its facts, and the snippet needs its text
        // alone. PostgreSQL's text holds no U+0000: a record's escaped one reads as a space, in
        // the snippet only.
        let sql = """
            WITH top AS MATERIALIZED (SELECT d.id, \(score) AS score FROM documents d \(whereClause)
                                      ORDER BY score \(order), d.id LIMIT \(query.limit))
            SELECT d.id, d.path, d.title, d.date, d.kind, replace(convert_from(d.record, 'UTF8'), '\\u0000', '\\u0020')::json ->> 'text', d.gone
            FROM top JOIN documents d ON d.id = top.id ORDER BY top.score \(order), top.id
            """
        return try link.retrying { session in
            try session.query(sql, filter.values).map { row in
                let text = try row.value(5, as: String?.self) ?? ""
                let parts = ArchiveStore.snippetParts(text, terms: snippetTerms)
                return SearchHit(id: try row.value(0), path: try row.value(1), title: try row.value(2), date: try row.value(3),
                                 kind: try row.value(4), snippet: parts.marked, gone: try row.value(6, as: Bool.self),
                                 plainSnippet: parts.plain, matches: parts.matches)
            }
        }
    }

    /// The server's own highlighting: `ts_headline` marks the matched words «…» in the accented
    /// original (for `vanthu search --headline`, and the test that unaccent does what it says).
    static func headline(_ text: String, query: String, link: PostgresLink) throws -> String {
        guard let tsquery = tsquery(SearchQuery(text: query).terms) else { return text }
        return try link.retrying { session in
            try session.query("SELECT ts_headline('vanthu', $1, to_tsquery('vanthu', $2), 'StartSel=«, StopSel=», HighlightAll=true')",
                              [.text(text), .text(tsquery)])[0].value(0, as: String.self)
        }
    }
}

extension PostgresStore {
    /// `ts_headline` of `text` for `query`: the matched words marked «…» in the accented original.
    public func headline(_ text: String, query: String) throws -> String {
        try PostgresSearch.headline(text, query: query, link: link)
    }

    /// Unit names close to `name` (trigram similarity over the folded names, `pg_trgm`): for
    /// names written in different ways ("UBND tỉnh", "Ủy ban nhân dân tỉnh …").
    public func similarUnits(_ name: String, limit: Int = 10) throws -> [(name: String, similarity: Double)] {
        let folded = VietnameseFolding.searchFold(name)
        return try link.retrying { session in
            try session.query("""
                SELECT value, similarity(value, $1)::float8 AS s FROM (SELECT DISTINCT value FROM facts WHERE type = 'unit') u
                WHERE value % $1 ORDER BY s DESC, value LIMIT \(max(1, min(limit, 1000)))
                """, [.text(folded)]).map { (try $0.value(0, as: String.self), try $0.value(1, as: Double.self)) }
        }
    }
}
