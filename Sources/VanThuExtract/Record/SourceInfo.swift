import VanThuText

/// Where a record came from: the file, its checksum and what ingest and decode found.
public struct SourceInfo: JSONSchemaObject, Sendable, Equatable {
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

    public static let fields: [JSONField<SourceInfo>] = [
        .required("path", \.path),
        .optional("root", \.root, writtenIf: { $0 != nil }),
        .required("sha256", \.sha256),
        .member("bytes", \.bytes, default: 0),
        .member("format", \.format, default: ""),
        .member("encoding", \.encoding, default: ""),
        .member("alsoAt", \.alsoAt, default: [], writtenIf: { !$0.isEmpty }),
    ]

    public static let blank = SourceInfo(path: "", sha256: "", bytes: 0, format: "", encoding: "")
}
