import VanThuText

extension SourceFormat {
    public static let gzip = SourceFormat(rawValue: "gzip")
}

/// gzip: a wrapper. Its content (every member, up to `maxBytes`) goes back to the registry, which
/// detects and reads it; the format recorded is the content's inside gzip (`html+gzip`).
/// A `.gz` name is read as gzip whatever the bytes (and refused when they are not); gzip bytes
/// are unpacked whatever the name (`page.html` saved compressed).
public struct GzipReader: FormatReader {
    public var format: SourceFormat { .gzip }
    public var extensions: [String] { ["gz", "gzip"] }
    public var isWrapper: Bool { true }

    public init() {}

    public func recognize(_ bytes: [UInt8], named: SourceFormat) -> FormatRecognition {
        Self.hasMagic(bytes) ? .signature : .consistent
    }

    /// The gzip header: 1F 8B and the deflate method, in a stream long enough to hold a header.
    static func hasMagic(_ bytes: [UInt8]) -> Bool { bytes.count >= 10 && bytes[0] == 0x1F && bytes[1] == 0x8B && bytes[2] == 8 }

    public func read(_ bytes: [UInt8], named: SourceFormat, context: FormatContext) throws(FormatFailure) -> FormatReading {
        let content: [UInt8]
        do { content = try Gzip.decompress(bytes, limit: context.maxBytes) } catch {
            throw FormatFailure("bad gzip: \(error.description)")
        }
        guard !content.isEmpty else { throw FormatFailure("empty file inside gzip") }
        // The name's inner format (`a.html.gz` → html) guides the content's detection.
        let inner = named.outermost == format ? named.unwrapped : named
        var reading = try context.readContent(content, named: inner)
        reading.format = reading.format.wrapped(in: format)
        return reading
    }
}
