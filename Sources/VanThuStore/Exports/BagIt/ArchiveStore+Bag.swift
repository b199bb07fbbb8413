import Foundation
import GRDB
import VanThuText
import VanThuExtract

extension ArchiveStore {
    /// One input file of a document, as the store recorded it when the file was archived.
    public struct ArchivedFile: Sendable, Equatable {
        /// The absolute path, escaped as `source.path` is (`PathEscape`).
        public var location: String
        /// The input root it was found under (escaped), and its path relative to that root.
        public var root: String
        public var path: String
        public var sha256: String
        public var size: Int

        public init(location: String, root: String, path: String, sha256: String, size: Int) {
            self.location = location; self.root = root; self.path = path; self.sha256 = sha256; self.size = size
        }
    }

    /// Streams the documents that still have a file in the inputs, in id order, each as the
    /// archive shows it (`archiveView`) with the files that hold it (sorted by path, then root).
    /// `query`, when given, keeps only the documents its words and filters find (no limit).
    public func forEachDocumentWithFiles(matching query: SearchQuery?,
                                  _ body: (_ summary: RecordSummary, _ json: [UInt8], _ files: [ArchivedFile]) throws -> Void) throws {
        var condition = "d.gone = 0"
        var arguments: [DatabaseValueConvertible?] = []
        if let query {
            let (sql, values) = try matchingIds(query)
            condition += " AND d.id IN (\(sql))"
            arguments = values
        }
        try pool.read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT d.record, d.summary, (SELECT json_group_array(json_array(location, root, path, sha256, size)) FROM
                    (SELECT location, root, path, sha256, size FROM sources s
                     WHERE s.documentId = d.id AND s.status = 'archived' ORDER BY path, root))
                FROM documents d WHERE \(condition) ORDER BY d.id
                """, arguments: StatementArguments(arguments))
            while let row = try cursor.next() {
                let json = try row.withUnsafeData(atIndex: 0) { data in data.map { [UInt8]($0) } ?? [] }
                let summary: Data = row[1]
                var files: [ArchivedFile] = []
                if let list = row[2] as String?, case .array(let items)? = try? JSONValue.parse(Array(list.utf8)) {
                    for item in items {
                        guard case .array(let fields) = item, fields.count == 5,
                              case .string(let location) = fields[0], case .string(let root) = fields[1],
                              case .string(let path) = fields[2] else { continue }
                        var sha = ""
                        if case .string(let value) = fields[3] { sha = value }
                        var size = 0
                        if case .int(let value) = fields[4] { size = value }
                        files.append(ArchivedFile(location: location, root: root, path: path, sha256: sha, size: size))
                    }
                }
                let stored = StoredDocument(json: json, summary: [UInt8](summary), gone: false, paths: files.map(\.path),
                                            roots: files.map(\.root))
                let (recordSummary, recordJSON) = try Self.archiveView(of: stored)
                try body(recordSummary, recordJSON, files)
            }
        }
    }

    /// How many documents the query (or the whole archive) finds whose every file is gone.
    public func goneDocumentCount(matching query: SearchQuery?) throws -> Int {
        var condition = "d.gone = 1"
        var arguments: [DatabaseValueConvertible?] = []
        if let query {
            let (sql, values) = try matchingIds(query)
            condition += " AND d.id IN (\(sql))"
            arguments = values
        }
        return try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents d WHERE \(condition)", arguments: StatementArguments(arguments)) ?? 0
        }
    }
}
