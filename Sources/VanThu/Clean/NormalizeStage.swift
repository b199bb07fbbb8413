import Foundation

/// Decoded text → the cleaned NFC text that extractors read and the archive keeps.
public struct NormalizeStage: Stage {
    public var name: StageName { .normalize }
    public var chrome = ChromeFilter()

    public init() {}

    public func run(_ decoded: DecodedDocument) throws(StageFailure) -> CleanDocument {
        // Bytes all the way: the cleaner and the chrome filter work on one buffer, the text is
        // made from it once, and the document keeps it as its UTF-8. The text is folded once,
        // before the chrome filter, which reads its rules' folded lines there; the document's
        // fold is made of the kept lines' folds.
        var decodedText = decoded.text
        var bytes = decodedText.withUTF8 { UnicodeCleaner.cleanedBytes($0) }
        let cleanFold = FoldedText(utf8: bytes)
        var dropped: [String: Int] = [:]
        var lines: [(folded: Range<Int>, from: Int, to: Int, newlines: Int)] = []
        let kept = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            let kept = chrome.keptLines(UnsafeBufferPointer(buffer), folded: cleanFold, dropped: &dropped)
            lines.reserveCapacity(kept.count)
            var written = 0
            for line in kept {
                let newlines = (written > 0 ? 1 : 0) + (line.blankBefore ? 1 : 0)
                for _ in 0..<newlines { buffer[written] = 0x0A; written += 1 }
                if written != line.range.lowerBound {
                    memmove(buffer.baseAddress! + written, buffer.baseAddress! + line.range.lowerBound, line.range.count)
                }
                lines.append((line.folded, line.range.lowerBound, written, newlines))
                written += line.range.count
            }
            return written
        }
        // Nothing dropped or moved: the fold of the clean text is the document's.
        let unchanged = kept == bytes.count && lines.allSatisfy { $0.from == $0.to }
        bytes.removeSubrange(kept...)
        let folded = unchanged ? cleanFold : FoldedText(lines: lines, of: cleanFold, count: kept)
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else {
            throw StageFailure(.normalize, "no text: the file holds no letters after cleaning")
        }
        let source = SourceInfo(path: decoded.raw.file.relativePath, sha256: decoded.raw.sha256,
                                bytes: decoded.raw.fileSize, format: decoded.raw.format, encoding: decoded.encoding)
        return CleanDocument(id: decoded.raw.id, source: source, document: TextDocument(text: text, utf8: bytes, folded: folded), droppedChrome: dropped,
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
