import Foundation

/// A file found under an input root, before it is read.
public struct SourceFile: Sendable, Equatable {
    public var url: URL
    /// Path relative to the input root it was found under, with `/` separators.
    public var relativePath: String
    public var size: Int
    public var modified: Date?

    public init(url: URL, relativePath: String, size: Int, modified: Date? = nil) {
        self.url = url; self.relativePath = relativePath; self.size = size; self.modified = modified
    }

    /// The lower-cased extension of the file name ("" when there is none).
    public var fileExtension: String { url.pathExtension.lowercased() }
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
