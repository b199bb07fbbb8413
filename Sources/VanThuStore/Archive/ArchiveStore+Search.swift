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
        let segmented = match != nil && indexIsSegmented
        let sql = match != nil
            ? "SELECT count(\(segmented ? "DISTINCT d.id" : "*")) FROM idx.search \(Self.entryJoin(segmented)) JOIN documents d ON d.id = e.id \(whereClause)"
            : "SELECT count(*) FROM documents d \(whereClause)"
        do {
            return try pool.read { db in try Int.fetchOne(db, sql: sql, arguments: StatementArguments(arguments)) ?? 0 }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            throw StoreProblem.damagedSearchIndex(folder: url.deletingLastPathComponent().path, reason: SearchIndex.reason(error))
        }
    }

    private func run(_ query: SearchQuery) throws -> [SearchHit] {
        let (match, whereClause, arguments) = filters(query)
        // The ranked ids first, then the text of only those: SQLite computes a sorted query's
        // columns for every row it sorts, and a record's text can be megabytes.
        let ranked: String
        if match != nil, indexIsSegmented {
            // A document indexed in segments ranks by its best one, and is one hit.
            // (bm25 is read row by row, in a materialized query of its own: not inside an aggregate.)
            ranked = """
                WITH rows AS MATERIALIZED (SELECT d.id AS id, bm25(search, 5.0, 1.0, 2.0) AS score FROM idx.search
                \(Self.entryJoin(true)) JOIN documents d ON d.id = e.id \(whereClause))
                SELECT id, min(score) AS score, id AS tie FROM rows GROUP BY id ORDER BY score, tie LIMIT \(query.limit)
                """
        } else if match != nil {
            ranked = """
                SELECT d.id AS id, bm25(search, 5.0, 1.0, 2.0) AS score, d.id AS tie FROM idx.search
                JOIN idx.entries e ON e.rowid = search.rowid JOIN documents d ON d.id = e.id
                \(whereClause) ORDER BY score, tie LIMIT \(query.limit)
                """
        } else {
            ranked = "SELECT d.id AS id, d.date AS score, d.id AS tie FROM documents d \(whereClause) ORDER BY score DESC, tie LIMIT \(query.limit)"
        }
        let order = match != nil ? "top.score, top.tie" : "top.score DESC, top.tie"
        let sql = """
            WITH top AS MATERIALIZED (\(ranked))
            SELECT d.id, d.path, d.title, d.date, d.kind, \(Self.recordText), d.gone FROM top JOIN documents d ON d.id = top.id
            ORDER BY \(order)
            """
        let terms = query.terms
        return try pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
                let text: String = row[5] ?? ""
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
            return ("SELECT d.id FROM idx.search \(Self.entryJoin(indexIsSegmented)) JOIN documents d ON d.id = e.id \(whereClause)",
                    arguments)
        }
        return ("SELECT d.id FROM documents d \(whereClause)", arguments)
    }

    /// Whether the index holds a document in several rows (`SearchIndex.defaultSegmentBytes`). An index
    /// written before segments existed has no `segments` table, and none.
    var indexIsSegmented: Bool {
        guard indexAttached else { return false }
        return (try? pool.read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM idx.segments)") ?? false }) ?? false
    }

    /// Joins each row of the index to its document's entry (`e`): a row's rowid is its entry's,
    /// or, for a segment after the first, the negated rowid of its line in `segments`.
    static func entryJoin(_ segmented: Bool) -> String {
        segmented
            ? "JOIN idx.entries e ON e.rowid = (CASE WHEN search.rowid > 0 THEN search.rowid ELSE (SELECT s.entry FROM idx.segments s WHERE s.rowid = -search.rowid) END)"
            : "JOIN idx.entries e ON e.rowid = search.rowid"
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

    /// The record's text, read by SQLite's JSON reader (the rest of the record is not decoded).
    /// The blob is cast to text, so a newer SQLite never reads it as binary JSON.
    private static let recordText = "json_extract(CAST(d.record AS TEXT), '$.text')"

    /// About 160 characters around the first match, with every matched term marked «…».
    package static func snippet(_ text: String, terms: [[String]], width: Int = 160) -> String {
        snippetParts(text, terms: terms, width: width).marked
    }

    /// The snippet marked «…», the same without marks, and the matched texts in order.
    ///
    /// A hit's text can run to megabytes (a gazette issue), and a search page shows twenty: the
    /// text is folded a block of lines at a time until the first match, and only the window
    /// around it is folded again to mark its matches. A term is its phrase, or, where the phrase
    /// is nowhere in the text (the index matches across punctuation), its first word.
    package static func snippetParts(_ text: String, terms: [[String]], width: Int = 160) -> (marked: String, plain: String, matches: [String]) {
        let bytes = Array(text.utf8)
        let needles = terms.map { SnippetNeedle($0) }
        guard let first = SnippetNeedle.firstMatch(needles, in: bytes) else {
            let head = SnippetWindow.forward(bytes, from: 0, scalars: width)
            let plain = (String(decoding: bytes[0..<head], as: UTF8.self) + (head < bytes.count ? "…" : ""))
                .replacingOccurrences(of: "\n", with: " ")
            return (plain, plain, [])
        }
        let window = SnippetWindow(bytes, around: first.offset, width: width)
        let slice = Array(bytes[window.range])
        let folded = FoldedText(utf8: slice)
        var hits: [Range<Int>] = []
        for (needle, phraseFound) in zip(needles, first.phraseFound) {
            hits += needle.occurrences(in: folded, phrase: phraseFound)
        }
        hits.sort { $0.lowerBound < $1.lowerBound }
        var marked = window.range.lowerBound > 0 ? "…" : "", plain = marked
        var matches: [String] = []
        var cursor = 0
        func original(_ foldedOffset: Int) -> Int {
            foldedOffset >= folded.bytes.count ? slice.count : Int(folded.origin[foldedOffset])
        }
        for hit in hits {
            let a = original(hit.lowerBound), b = original(hit.upperBound)
            guard a >= cursor, b <= slice.count else { continue }
            let before = String(decoding: slice[cursor..<a], as: UTF8.self), match = String(decoding: slice[a..<b], as: UTF8.self)
            marked += before + "«" + match + "»"
            plain += before + match
            matches.append(match.replacingOccurrences(of: "\n", with: " "))
            cursor = b
        }
        let rest = String(decoding: slice[cursor...], as: UTF8.self)
        marked += rest; plain += rest
        if window.range.upperBound < bytes.count { marked += "…"; plain += "…" }
        return (marked.replacingOccurrences(of: "\n", with: " "), plain.replacingOccurrences(of: "\n", with: " "), matches)
    }
}

/// One search term as the snippet looks for it: its phrase (folded words joined by spaces) and
/// its first word.
struct SnippetNeedle {
    let phrase: String
    let firstWord: String?

    init(_ term: [String]) {
        phrase = term.joined(separator: " ")
        firstWord = term.count > 1 ? term.first : nil
    }

    func occurrences(in folded: FoldedText, phrase phraseFound: Bool) -> [Range<Int>] {
        let word = phraseFound ? phrase : (firstWord ?? phrase)
        return folded.occurrences(of: word).map { $0..<($0 + word.utf8.count) }
    }

    /// How many bytes of lines are folded at a time while looking for the first match.
    static let block = 16 * 1024

    /// The UTF-8 offset of the first match of any needle (its phrase, or its first word where
    /// its phrase is nowhere in the text), and which needles' phrases were found.
    static func firstMatch(_ needles: [SnippetNeedle], in bytes: [UInt8]) -> (offset: Int, phraseFound: [Bool])? {
        var phraseAt: [Int?] = Array(repeating: nil, count: needles.count)
        var wordAt: [Int?] = Array(repeating: nil, count: needles.count)
        var start = 0
        while start < bytes.count {
            // A block ends after a line break, so no word is cut (a phrase does not cross lines).
            var end = min(bytes.count, start + block)
            while end < bytes.count, bytes[end - 1] != 0x0A { end += 1 }
            let folded = FoldedText(utf8: Array(bytes[start..<end]))
            for (k, needle) in needles.enumerated() {
                if phraseAt[k] == nil, let hit = folded.occurrences(of: needle.phrase).first {
                    phraseAt[k] = start + Int(folded.origin[hit])
                }
                if wordAt[k] == nil, phraseAt[k] == nil, let word = needle.firstWord, let hit = folded.occurrences(of: word).first {
                    wordAt[k] = start + Int(folded.origin[hit])
                }
            }
            // A phrase found anywhere wins over every first word: the rest of the text is read only
            // while some needle has neither.
            if phraseAt.allSatisfy({ $0 != nil }) { break }
            start = end
        }
        let phraseFound = phraseAt.map { $0 != nil }
        let offsets = zip(phraseAt, wordAt).compactMap { phrase, word in phrase ?? word }
        guard let first = offsets.min() else { return nil }
        return (first, phraseFound)
    }
}

/// The bytes of a snippet: `width` scalars, a third of them before the match, widened to whole
/// words.
struct SnippetWindow {
    let range: Range<Int>

    init(_ bytes: [UInt8], around offset: Int, width: Int) {
        var start = Self.backward(bytes, from: offset, scalars: width / 3)
        // Back to the start of the word cut by the window (a few scalars at most).
        var back = 0
        while start > 0, back < 24, !Self.isBreak(bytes[start - 1]) { start -= 1; back += 1 }
        if start > 0, !Self.isBreak(bytes[start - 1]) { start = Self.backward(bytes, from: offset, scalars: width / 3) }
        var end = Self.forward(bytes, from: start, scalars: width)
        var ahead = 0
        while end < bytes.count, ahead < 24, !Self.isBreak(bytes[end]) { end += 1; ahead += 1 }
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        range = start..<max(end, min(bytes.count, offset + 1))
    }

    static func isBreak(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// The offset `scalars` scalars after `from` (or the end).
    static func forward(_ bytes: [UInt8], from: Int, scalars: Int) -> Int {
        var index = from, counted = 0
        while index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 {
                if counted == scalars { break }
                counted += 1
            }
            index += 1
        }
        return index
    }

    /// The offset `scalars` scalars before `from` (or 0), at the start of a scalar.
    static func backward(_ bytes: [UInt8], from: Int, scalars: Int) -> Int {
        var index = from, counted = 0
        while index > 0, counted < scalars {
            index -= 1
            if bytes[index] & 0xC0 != 0x80 { counted += 1 }
        }
        return index
    }
}
