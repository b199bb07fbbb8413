extension SourceFormat {
    public static let image = SourceFormat(rawValue: "image")
}

/// A scanned page as an image (PNG, JPEG, TIFF; a TIFF may hold several pages): every page OCR'd.
public struct ImageReader: FormatReader {
    public var format: SourceFormat { .image }
    public var extensions: [String] { ScanReader.extensions[.image] ?? [] }

    public init() {}

    /// PNG's, JPEG's or TIFF's signature; a `.png` without one is still read as an image, so that
    /// it is quarantined with the image library's reason rather than read as text.
    public func recognize(_ bytes: [UInt8], named: SourceFormat) -> FormatRecognition {
        ScanReader.kind(of: bytes) == .image ? .signature : .consistent
    }

    public func read(_ bytes: [UInt8], named: SourceFormat, context: FormatContext) throws(FormatFailure) -> FormatReading {
        let reading: ScanReading
        do { reading = try ScanReader.readImage(bytes, settings: context.ocr) } catch { throw FormatFailure(error.reason) }
        return reading.formatReading(as: format)
    }
}
