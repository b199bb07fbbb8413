import VanThuText

/// How a paged document (a PDF, a scanned image) was read: recorded as the record's `pages`, and
/// absent for formats without pages, so their records do not change.
public struct PageProvenance: JSONSchemaObject, Sendable, Equatable {
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
    /// The day the file's metadata says it was made (a PDF's creation date, ISO 8601), kept as the
    /// file's metadata: the day a file was exported, scanned or rendered is not the day the
    /// document was issued (the field contract's `date`), so it never becomes the record's date.
    public var created: String?

    public init(count: Int, textOrigin: String, ocrConfidence: Int? = nil, failedPages: [Int] = [],
                signatures: Int = 0, signers: [String] = [], created: String? = nil) {
        self.count = count; self.textOrigin = textOrigin; self.ocrConfidence = ocrConfidence
        self.failedPages = failedPages; self.signatures = signatures; self.signers = signers
        self.created = created
    }

    public static let fields: [JSONField<PageProvenance>] = [
        .member("count", \.count, default: 0), .member("textOrigin", \.textOrigin, default: ""),
        .optional("ocrConfidence", \.ocrConfidence), .member("failedPages", \.failedPages, default: []),
        .member("signatures", \.signatures, default: 0), .member("signers", \.signers, default: []),
        .optional("created", \.created, writtenIf: { $0 != nil }),
    ]

    public static let blank = PageProvenance(count: 0, textOrigin: "")
}
