import Foundation
import GRDB
import struct VanThuExtract.Record
import VanThuText

extension ArchiveStore {
    /// Runs a search over the full-text index (bm25, title weighted) with the query's filters.
    /// The user's words are bound as a quoted MATCH expression, never spliced into SQL or FTS syntax.
    public func search(_ query: SearchQuery) throws -> [SearchHit] {
        try query.validate()
        do { return try searchIndex(query) } catch let error as DatabaseError
            where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            // Damage deeper in the index than the check at opening reads.
            throw StoreProblem.damagedSearchIndex(folder: url.deletingLastPathComponent().path, reason: SearchIndex.reason(error))
        }
    }

    private func searchIndex(_ query: SearchQuery) throws -> [SearchHit] {
        guard indexAttached else { throw missingIndexProblem }
        // Several bare words: documents that hold them as one phrase come first, then the others
        // that hold them all.
        let terms = query.terms
        if terms.count > 1, terms.allSatisfy({ $0.count == 1 }) {
            var phrase = query
            phrase.text = "\"" + terms.map { $0[0] }.joined(separator: " ") + "\""
            let first = try run(phrase)
            guard first.count < query.limit else { return first }
            var rest = query
            rest.limit = query.limit
            let seen = Set(first.map(\.id))
            return first + (try run(rest)).filter { !seen.contains($0.id) }.prefix(query.limit - first.count)
        }
        return try run(query)
    }

    /// How many documents the query finds in all, past its limit (the phrase-first ordering of
    /// `search` finds no other documents than its plain query).
    public func searchTotal(_ query: SearchQuery) throws -> Int {
        try query.validate()
        guard indexAttached else { throw missingIndexProblem }
        let (match, whereClause, arguments) = filters(query)
        let sql = match != nil
            ? "SELECT count(*) FROM idx.search JOIN idx.entries e ON e.rowid = search.rowid JOIN documents d ON d.id = e.id \(whereClause)"
            : "SELECT count(*) FROM documents d \(whereClause)"
        do {
            return try pool.read { db in try Int.fetchOne(db, sql: sql, arguments: StatementArguments(arguments)) ?? 0 }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            throw StoreProblem.damagedSearchIndex(folder: url.deletingLastPathComponent().path, reason: SearchIndex.reason(error))
        }
    }

    private func run(_ query: SearchQuery) throws -> [SearchHit] {
        let (match, whereClause, arguments) = filters(query)
        let sql: String
        if match != nil {
            sql = """
                SELECT d.id, d.path, d.title, d.date, d.kind, d.record, d.gone FROM idx.search
                JOIN idx.entries e ON e.rowid = search.rowid JOIN documents d ON d.id = e.id
                \(whereClause) ORDER BY bm25(search, 5.0, 1.0, 2.0), d.id LIMIT \(query.limit)
                """
        } else {
            sql = "SELECT d.id, d.path, d.title, d.date, d.kind, d.record, d.gone FROM documents d \(whereClause) ORDER BY d.date DESC, d.id LIMIT \(query.limit)"
        }
        let terms = query.terms
        return try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                let data: Data = row[5]
                let text = (try? JSONDecoder().decode(TextOnly.self, from: data))?.text ?? ""
                let parts = Self.snippetParts(text, terms: terms)
                return SearchHit(id: row[0], path: row[1], title: row[2], date: row[3], kind: row[4],
                                 snippet: parts.marked, gone: (row[6] as Int) != 0, plainSnippet: parts.plain, matches: parts.matches)
            }
        }
    }

    /// A subquery selecting the ids of every document the query's words and filters find, with
    /// no limit (`d.id IN (…)`): the exports' filters, streamed by SQLite, never a list in memory.
    func matchingIds(_ query: SearchQuery) throws -> (sql: String, arguments: [DatabaseValueConvertible?]) {
        try query.validate()
        let (match, whereClause, arguments) = filters(query)
        if match != nil {
            guard indexAttached else { throw missingIndexProblem }
            return ("SELECT d.id FROM idx.search JOIN idx.entries e ON e.rowid = search.rowid JOIN documents d ON d.id = e.id \(whereClause)",
                    arguments)
        }
        return ("SELECT d.id FROM documents d \(whereClause)", arguments)
    }

    private func filters(_ query: SearchQuery) -> (match: String?, whereClause: String, arguments: [DatabaseValueConvertible?]) {
        var conditions: [String] = []
        var arguments: [DatabaseValueConvertible?] = []
        let match = query.matchExpression
        if let match {
            conditions.append("search MATCH ?")
            arguments.append(match)
        }
        if let unit = query.unit {
            conditions.append("EXISTS (SELECT 1 FROM facts f WHERE f.documentId = d.id AND f.type = 'unit' AND f.value LIKE ? ESCAPE '\\')")
            let folded = VietnameseFolding.searchFold(unit).replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            arguments.append("%" + folded + "%")
        }
        if let from = query.from { conditions.append("d.date >= ?"); arguments.append(from) }
        if let to = query.to { conditions.append("substr(d.date, 1, length(?)) <= ?"); arguments += [to, to] }
        if let kind = query.kind { conditions.append("d.kind = ?"); arguments.append(kind.rawValue) }
        if let field = query.field {
            conditions.append("EXISTS (SELECT 1 FROM facts f WHERE f.documentId = d.id AND f.type = 'field' AND f.value = ?)")
            arguments.append(field)
        }
        if query.hasDeadline {
            conditions.append("EXISTS (SELECT 1 FROM facts f WHERE f.documentId = d.id AND f.type = 'deadline')")
        }
        if let before = query.deadlineBefore {
            conditions.append("""
                EXISTS (SELECT 1 FROM facts f WHERE f.documentId = d.id AND f.type = 'deadline' AND f.value GLOB '[0-9]*' AND f.value < ?)
                """)
            arguments.append(before)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return (match, whereClause, arguments)
    }

    private struct TextOnly: Decodable { var text: String }

    /// About 160 characters around the first match, with every matched term marked «…».
    package static func snippet(_ text: String, terms: [[String]], width: Int = 160) -> String {
        snippetParts(text, terms: terms, width: width).marked
    }

    /// The snippet marked «…», the same without marks, and the matched texts in order.
    package static func snippetParts(_ text: String, terms: [[String]], width: Int = 160) -> (marked: String, plain: String, matches: [String]) {
        let document = TextDocument(text)
        let folded = document.folded
        var hits: [Range<Int>] = []
        for term in terms {
            let phrase = term.joined(separator: " ")
            // A phrase in the index spans punctuation too; look for its first word when the whole phrase is not found.
            var found = folded.occurrences(of: phrase).map { $0..<($0 + phrase.utf8.count) }
            if found.isEmpty, let first = term.first { found = folded.occurrences(of: first).map { $0..<($0 + first.utf8.count) } }
            hits += found
        }
        hits.sort { $0.lowerBound < $1.lowerBound }
        let scalars = Array(text.unicodeScalars)
        guard let first = hits.first else {
            let head = String(String.UnicodeScalarView(scalars.prefix(width)))
            let plain = head.replacingOccurrences(of: "\n", with: " ") + (scalars.count > width ? "…" : "")
            return (plain, plain, [])
        }
        func scalarOffset(_ foldedOffset: Int) -> Int { document.scalarOffset(ofByte: Int(folded.origin[foldedOffset])) }
        let center = scalarOffset(first.lowerBound)
        let start = max(0, center - width / 3)
        let end = min(scalars.count, start + width)
        var out = String.UnicodeScalarView(), plain = String.UnicodeScalarView()
        var matches: [String] = []
        if start > 0 { out.append("…"); plain.append("…") }
        var cursor = start
        for hit in hits {
            let a = scalarOffset(hit.lowerBound), b = scalarOffset(hit.upperBound)
            guard a >= cursor, b <= end else { continue }
            out.append(contentsOf: scalars[cursor..<a])
            plain.append(contentsOf: scalars[cursor..<b])
            out.append("«")
            out.append(contentsOf: scalars[a..<b])
            out.append("»")
            matches.append(String(String.UnicodeScalarView(scalars[a..<b])).replacingOccurrences(of: "\n", with: " "))
            cursor = b
        }
        out.append(contentsOf: scalars[cursor..<end])
        plain.append(contentsOf: scalars[cursor..<end])
        if end < scalars.count { out.append("…"); plain.append("…") }
        return (String(out).replacingOccurrences(of: "\n", with: " "), String(plain).replacingOccurrences(of: "\n", with: " "), matches)
    }
}
