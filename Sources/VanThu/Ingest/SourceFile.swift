import Foundation

/// A file found under an input root, before it is read.
public struct SourceFile: Sendable, Equatable {
    /// Absolute path: where the store knows the file from.
    public var path: String
    /// Path relative to the input root it was found under, with `/` separators.
    public var relativePath: String
    public var size: Int
    public var modified: Date?
    /// The input root the file was found under (set by the pipeline; recorded as `source.root`).
    public var root: String?

    public init(path: String, relativePath: String, size: Int, modified: Date? = nil) {
        self.path = path; self.relativePath = relativePath; self.size = size; self.modified = modified
    }

    public init(url: URL, relativePath: String, size: Int, modified: Date? = nil) {
        self.init(path: url.path, relativePath: relativePath, size: size, modified: modified)
    }

    public var url: URL { URL(fileURLWithPath: path, isDirectory: false) }

    /// The lower-cased extension of the file name ("" when there is none).
    public var fileExtension: String {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? path[...]
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return name[name.utf8.index(after: dot)...].lowercased()
    }
}

/// A file's content, unwrapped from its container, with the checksum of the file as stored.
public struct RawDocument: Sendable {
    public var file: SourceFile
    /// The content to decode: the file's bytes, or what a gzip or .docx container held.
    public var bytes: [UInt8]
    /// SHA-256 of the file as stored (before any unwrapping).
    public var sha256: String
    /// Size of the file as stored.
    public var fileSize: Int
    /// The format ingest recognised: `text`, `html`, `docx`; `+gzip` when it came gzip-compressed.
    public var format: String

    public init(file: SourceFile, bytes: [UInt8], sha256: String, format: String, fileSize: Int? = nil) {
        self.file = file; self.bytes = bytes; self.sha256 = sha256; self.format = format
        self.fileSize = fileSize ?? bytes.count
    }

    /// The format without a container suffix.
    public var baseFormat: String { format.split(separator: "+").first.map(String.init) ?? format }

    public var id: String { String(sha256.prefix(16)) }
}
