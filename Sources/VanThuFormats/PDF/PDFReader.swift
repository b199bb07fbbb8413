extension SourceFormat {
    public static let pdf = SourceFormat(rawValue: "pdf")
}

extension TextOrigin {
    /// Every page read from the PDF's text layer.
    public static let textLayer = TextOrigin(rawValue: "text-layer")
    /// Every page recognised by OCR (a scan).
    public static let ocr = TextOrigin(rawValue: "ocr")
    /// Some pages from the text layer, some by OCR.
    public static let mixed = TextOrigin(rawValue: "mixed")
}

/// A PDF: each page from its text layer when usable, else rendered and OCR'd (`ScanReader`).
public struct PDFReader: FormatReader {
    public var format: SourceFormat { .pdf }
    public var extensions: [String] { ScanReader.extensions[.pdf] ?? ["pdf"] }

    public init() {}

    /// `%PDF-` is the signature; a `.pdf` without it is still read as one, so that it is
    /// quarantined as "not a PDF" rather than read as text.
    public func recognize(_ bytes: [UInt8], named: SourceFormat) -> FormatRecognition {
        ScanReader.kind(of: bytes) == .pdf ? .signature : .consistent
    }

    public func read(_ bytes: [UInt8], named: SourceFormat, context: FormatContext) throws(FormatFailure) -> FormatReading {
        let reading: ScanReading
        do { reading = try ScanReader.readPDF(bytes, settings: context.ocr) } catch { throw FormatFailure(error.reason) }
        return reading.formatReading(as: format)
    }
}

extension ScanReading {
    /// The text with what the file says beside it: its title (used when the text gives no
    /// headline), and how its pages were read, with the file's creation day (metadata only).
    func formatReading(as format: SourceFormat) -> FormatReading {
        let confidences = pages.compactMap(\.confidence)
        let meanConfidence = confidences.isEmpty ? nil
            : Int((Double(confidences.reduce(0, +)) / Double(confidences.count)).rounded())
        let provenance = PageProvenance(count: pageCount, textOrigin: textOrigin, ocrConfidence: meanConfidence,
                                        failedPages: failures.map(\.number), signatures: signatureCount, signers: signers,
                                        created: createdDay)
        var hints = DocumentHints(pageTitle: title, pageCount: pageCount, textOrigin: TextOrigin(rawValue: textOrigin))
        hints.pageTitleRule = title == nil ? nil : "file metadata"
        hints.pages = provenance
        return FormatReading(text: text, format: format, encoding: "utf-8", hints: hints)
    }
}
