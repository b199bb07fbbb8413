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

/// A file's bytes with their checksum.
public struct RawDocument: Sendable {
    public var file: SourceFile
    public var bytes: [UInt8]
    public var sha256: String
    /// The format ingest recognised: `text`, `html` …
    public var format: String

    public init(file: SourceFile, bytes: [UInt8], sha256: String, format: String) {
        self.file = file; self.bytes = bytes; self.sha256 = sha256; self.format = format
    }

    public var id: String { String(sha256.prefix(16)) }
}
