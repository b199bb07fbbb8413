/// What a file is, as VanThu reads it: a content format (`text`, `html`, `docx`), inside zero or
/// more wrappers (`html+gzip` is HTML in gzip). The raw value is what the archive records as
/// `source.format`.
///
/// A struct with one constant per format rather than an `enum`: each reader declares its own
/// constant in its own file (`extension SourceFormat { static let pdf = ... }`), so adding a format
/// does not touch a shared list, and a test can make a format of its own.
public struct SourceFormat: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    /// The format inside every wrapper: `html` for `html+gzip`.
    public var content: SourceFormat { SourceFormat(rawValue: String(layers.first ?? "")) }

    /// The outermost layer: `gzip` for `html+gzip`, `html` for `html`.
    public var outermost: SourceFormat { SourceFormat(rawValue: String(layers.last ?? "")) }

    /// Without its outermost wrapper: `html` for `html+gzip`; a content format stays itself.
    public var unwrapped: SourceFormat {
        let layers = self.layers
        return layers.count > 1 ? SourceFormat(rawValue: layers.dropLast().joined(separator: "+")) : self
    }

    /// This format inside `wrapper`: HTML in gzip is `html+gzip`.
    public func wrapped(in wrapper: SourceFormat) -> SourceFormat {
        SourceFormat(rawValue: rawValue + "+" + wrapper.rawValue)
    }

    private var layers: [Substring] { rawValue.split(separator: "+", omittingEmptySubsequences: false) }
}

/// How a reader obtained a document's text: decoded from the bytes of a text file, taken from a
/// page's markup, from a word processor's XML (and, for scans and PDFs, `text-layer` or `ocr`).
/// Each reader declares its own constant beside itself.
public struct TextOrigin: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}
