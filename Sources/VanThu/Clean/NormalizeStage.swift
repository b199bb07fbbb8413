/// Decoded text → the cleaned NFC text that extractors read and the archive keeps.
public struct NormalizeStage: Stage {
    public var name: StageName { .normalize }
    public var chrome = ChromeFilter()

    public init() {}

    public func run(_ decoded: DecodedDocument) throws(StageFailure) -> CleanDocument {
        // Bytes all the way: the cleaner and the chrome filter work on one buffer, the text is
        // made from it once, and the document keeps it as its UTF-8.
        var decodedText = decoded.text
        var bytes = decodedText.withUTF8 { UnicodeCleaner.cleanedBytes($0) }
        let dropped = chrome.filter(&bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else {
            throw StageFailure(.normalize, "no text: the file holds no letters after cleaning")
        }
        let source = SourceInfo(path: decoded.raw.file.relativePath, sha256: decoded.raw.sha256,
                                bytes: decoded.raw.fileSize, format: decoded.raw.format, encoding: decoded.encoding)
        return CleanDocument(id: decoded.raw.id, source: source, document: TextDocument(text: text, utf8: bytes), droppedChrome: dropped,
                             hints: decoded.hints)
    }
}

/// A cleaned document, ready for classification and extraction.
public struct CleanDocument: Sendable {
    public var id: String
    public var source: SourceInfo
    public var document: TextDocument
    /// Chrome lines dropped, by rule id.
    public var droppedChrome: [String: Int]
    public var hints: DocumentHints

    public init(id: String, source: SourceInfo, document: TextDocument, droppedChrome: [String: Int] = [:],
                hints: DocumentHints = DocumentHints()) {
        self.id = id; self.source = source; self.document = document; self.droppedChrome = droppedChrome; self.hints = hints
    }
}
