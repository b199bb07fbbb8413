import VanThuText

/// How a paged document (a PDF, a scanned image) was read: recorded as the record's `pages`, and
/// absent for formats without pages, so their records do not change.
public struct PageProvenance: Codable, Sendable, Equatable, JSONWritable {
    /// How many pages the document has.
    public var count: Int
    /// `text-layer` (every page read from the PDF's text), `ocr` (every page recognised) or `mixed`.
    public var textOrigin: String
    /// Tesseract's mean confidence (0–100) over the OCR'd pages; nil when no page was OCR'd.
    public var ocrConfidence: Int?
    /// Pages that could not be read while the others were kept (1-based).
    public var failedPages: [Int]
    /// How many digital signatures the PDF carries, and the signers' names it gives.
    public var signatures: Int
    public var signers: [String]

    public init(count: Int, textOrigin: String, ocrConfidence: Int? = nil, failedPages: [Int] = [],
                signatures: Int = 0, signers: [String] = []) {
        self.count = count; self.textOrigin = textOrigin; self.ocrConfidence = ocrConfidence
        self.failedPages = failedPages; self.signatures = signatures; self.signers = signers
    }

    public func write(to w: inout JSONWriter) {
        w.beginObject()
        w.field("count", count)
        w.field("textOrigin", textOrigin)
        w.field("ocrConfidence", ocrConfidence)
        w.field("failedPages", failedPages)
        w.field("signatures", signatures)
        w.field("signers", signers)
        w.endObject()
    }
}
