import VanThuText

/// Where a record came from: the file, its checksum and what ingest and decode found.
public struct SourceInfo: Codable, Sendable, Equatable, JSONWritable {
    /// Path relative to the input root it was found under, with `/` separators.
    public var path: String
    /// The input root (as given, made absolute) the file was found under: two roots may hold the
    /// same relative path. Absent in records made before it was recorded.
    public var root: String?
    public var sha256: String
    public var bytes: Int
    /// `text`, `html`, `docx` … (a gzip wrapper is recorded as `text+gzip`).
    public var format: String
    /// `utf-8`, `utf-16le`, `tcvn3`, `vni`, `viscii`, `windows-1258` …
    public var encoding: String
    /// Other paths holding exactly the same bytes (the archive keeps one record for them).
    public var alsoAt: [String]

    public init(path: String, sha256: String, bytes: Int, format: String, encoding: String, alsoAt: [String] = [], root: String? = nil) {
        self.path = path
        self.root = root
        self.sha256 = sha256
        self.bytes = bytes
        self.format = format
        self.encoding = encoding
        self.alsoAt = alsoAt
    }

    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.field("path", path)
        if let root { writer.field("root", root) }
        writer.field("sha256", sha256)
        writer.field("bytes", bytes)
        writer.field("format", format)
        writer.field("encoding", encoding)
        if !alsoAt.isEmpty { writer.field("alsoAt", alsoAt) }
        writer.endObject()
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        root = try c.decodeIfPresent(String.self, forKey: .root)
        sha256 = try c.decode(String.self, forKey: .sha256)
        bytes = try c.decode(Int.self, forKey: .bytes)
        format = try c.decode(String.self, forKey: .format)
        encoding = try c.decode(String.self, forKey: .encoding)
        alsoAt = try c.decodeIfPresent([String].self, forKey: .alsoAt) ?? []
    }
}
