/// One file format: how it is named, how its bytes are recognised, and how its text is read.
///
/// A reader is one file in this folder and one line in `FormatRegistry.standard`. A reader takes
/// the bytes of the whole file (a wrapper's content, for a format inside gzip) and gives the text
/// with what the format itself says of the document (`FormatReading`), or throws `FormatFailure`
/// with the reason the file is quarantined.
public protocol FormatReader: Sendable {
    /// The format read. Its raw value is what the archive records.
    var format: SourceFormat { get }
    /// The file-name extensions that name the format: lower case, without the dot; "" for a file
    /// without one.
    var extensions: [String] { get }
    /// Whether the format only holds another file (gzip): its extension may follow another
    /// format's (`a.html.gz`), and its reader hands the content back to the registry.
    var isWrapper: Bool { get }
    /// What the bytes say about this format, given the format the file's name gives (`named`).
    func recognize(_ bytes: [UInt8], named: SourceFormat) -> FormatRecognition
    /// The text of `bytes`. `context` carries the size cap, and lets a wrapper read its content.
    func read(_ bytes: [UInt8], named: SourceFormat, context: FormatContext) throws(FormatFailure) -> FormatReading
}

extension FormatReader {
    public var isWrapper: Bool { false }
}

/// The verdict of a reader on some bytes (`FormatRegistry.detect` explains how verdicts combine).
public enum FormatRecognition: Sendable, Equatable {
    /// The bytes carry the format's signature (a magic number, a doctype): the format is this one
    /// whatever the name says.
    case signature
    /// Nothing in the bytes says so, but nothing contradicts it: the format is this one when the
    /// name says so.
    case consistent
    /// The bytes are not this format even if the name says so (a `.html` without a single tag).
    case contradicted
}

/// A document's text as its format gives it, with what the format says beside the text.
public struct FormatReading: Sendable {
    public var text: String
    /// The format read, wrappers included (`html+gzip`): what the archive records.
    public var format: SourceFormat
    /// The character encoding of the bytes the text came from (`utf-8`, `tcvn3`, `windows-1258` …).
    public var encoding: String
    /// Title, date, page count and how the text was obtained, when the format gives them.
    public var hints: DocumentHints

    public init(text: String, format: SourceFormat, encoding: String, hints: DocumentHints = DocumentHints()) {
        self.text = text; self.format = format; self.encoding = encoding; self.hints = hints
    }
}

/// Why a file could not be read: the reason goes to the quarantine as it is.
public struct FormatFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
}

/// What a reader needs besides the bytes: the cap on what it may produce, and the registry, for a
/// wrapper to read what it holds.
public struct FormatContext: Sendable {
    public let registry: FormatRegistry
    /// The most bytes a reader may make of a file (an unpacked wrapper, an entry of a zip, the
    /// text of a document): `limits.maxFileBytes`.
    public let maxBytes: Int
    /// How many wrappers the bytes being read were found in.
    public let depth: Int
    /// How PDFs and scans are read (pipeline.json's `ocr` section and `limits.maxPages`).
    package var ocr = OCRSettings()

    /// Reads bytes found inside a wrapper, one level deeper.
    public func readContent(_ bytes: [UInt8], named: SourceFormat) throws(FormatFailure) -> FormatReading {
        try registry.read(bytes, named: named, maxBytes: maxBytes, ocr: ocr, depth: depth + 1)
    }
}
