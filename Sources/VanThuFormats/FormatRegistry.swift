/// The formats VanThu reads, and the one place where a file's format is decided: by its name
/// before it is read (an unknown extension is refused unread), by its bytes once it is.
///
/// Detection, for bytes whose name gave the format `named`:
/// 1. the first reader, in registry order, that finds its signature in the bytes (gzip's magic
///    number, a zip holding `word/document.xml`, a page's doctype);
/// 2. else the reader the name points to, unless the bytes contradict it;
/// 3. else the fallback reader (plain text).
public struct FormatRegistry: Sendable {
    /// The readers, in the order their signatures are tried.
    public private(set) var readers: [any FormatReader]
    /// What bytes are read as when no signature matches and the name's format is contradicted.
    public let fallback: SourceFormat

    /// Every format VanThu reads: to add one, write its reader in this folder and add it here.
    public static let standard = FormatRegistry([
        GzipReader(),
        DocxReader(),
        HTMLReader(),
        PDFReader(),
        ImageReader(),
        TextReader(),
    ], fallback: .text)

    /// Wrappers nested deeper than this (gzip in gzip in …) are refused.
    public static let maxDepth = 3

    public init(_ readers: [any FormatReader], fallback: SourceFormat) {
        self.readers = readers
        self.fallback = fallback
    }

    /// Adds a reader after the others (its signature is tried last).
    public mutating func register(_ reader: any FormatReader) {
        readers.append(reader)
    }

    public func reader(for format: SourceFormat) -> (any FormatReader)? {
        readers.first { $0.format == format }
    }

    // MARK: - By name

    /// The format a file's name gives: `a.html` is `html`, `a.html.gz` HTML in gzip, a name
    /// without an extension is the format that claims "" (text). An extension no reader claims is
    /// refused with the list of those supported.
    public func format(ofName path: String) throws(FormatFailure) -> SourceFormat {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        let (stem, ext) = Self.splitExtension(name)
        if let wrapper = readers.first(where: { $0.isWrapper && $0.extensions.contains(ext) }) {
            // A wrapper's format is its inner name's: a.html.gz is HTML in gzip.
            return try contentFormat(ofExtension: Self.splitExtension(stem).ext).wrapped(in: wrapper.format)
        }
        return try contentFormat(ofExtension: ext)
    }

    private func contentFormat(ofExtension ext: String) throws(FormatFailure) -> SourceFormat {
        if let reader = readers.first(where: { !$0.isWrapper && $0.extensions.contains(ext) }) { return reader.format }
        let known = readers.filter { !$0.isWrapper }.flatMap(\.extensions).filter { !$0.isEmpty }.sorted().map { "." + $0 }
        let wrapped = readers.filter(\.isWrapper).compactMap(\.extensions.first).map { ", .\($0) of those" }.joined()
        throw FormatFailure("unsupported format \".\(ext)\" (supported: \(known.joined(separator: ", "))\(wrapped), and files without extension)")
    }

    /// A file name's stem and lower-cased extension ("" when it has none; a leading dot does not
    /// start one).
    static func splitExtension(_ name: String) -> (stem: String, ext: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        return (String(name[..<dot]), name[name.index(after: dot)...].lowercased())
    }

    // MARK: - By content

    /// The reader for `bytes` whose name gave `named` (see the type's comment for the order).
    public func detect(_ bytes: [UInt8], named: SourceFormat) -> any FormatReader {
        if let signed = readers.first(where: { $0.recognize(bytes, named: named) == .signature }) { return signed }
        if let byName = reader(for: named.outermost), byName.recognize(bytes, named: named) != .contradicted { return byName }
        return reader(for: fallback)!
    }

    /// The text of a file's bytes: detected, then read by the reader of its format.
    public func read(_ bytes: [UInt8], named: SourceFormat, maxBytes: Int) throws(FormatFailure) -> FormatReading {
        try read(bytes, named: named, maxBytes: maxBytes, ocr: OCRSettings(), depth: 0)
    }

    /// `read` with the settings PDFs and scans are read with.
    package func read(_ bytes: [UInt8], named: SourceFormat, maxBytes: Int, ocr: OCRSettings) throws(FormatFailure) -> FormatReading {
        try read(bytes, named: named, maxBytes: maxBytes, ocr: ocr, depth: 0)
    }

    func read(_ bytes: [UInt8], named: SourceFormat, maxBytes: Int, ocr: OCRSettings, depth: Int) throws(FormatFailure) -> FormatReading {
        guard depth <= Self.maxDepth else {
            throw FormatFailure("wrappers nested more than \(Self.maxDepth) deep (gzip inside gzip …)")
        }
        let reader = detect(bytes, named: named)
        return try reader.read(bytes, named: named, context: FormatContext(registry: self, maxBytes: maxBytes, depth: depth, ocr: ocr))
    }
}

/// Byte searches the readers' recognisers share.
enum ByteSearch {
    static func contains(_ bytes: ArraySlice<UInt8>, _ part: [UInt8]) -> Bool { find(Array(bytes), part, from: 0) != nil }

    static func find(_ bytes: [UInt8], _ part: [UInt8], from: Int) -> Int? {
        guard let first = part.first, bytes.count >= part.count else { return nil }
        var index = from
        while index + part.count <= bytes.count {
            if bytes[index] == first && bytes[index..<(index + part.count)].elementsEqual(part) { return index }
            index += 1
        }
        return nil
    }
}
