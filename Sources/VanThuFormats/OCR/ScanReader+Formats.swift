import Foundation

/// What the format readers (the `FormatReader` seam) need from a scan or PDF: which names and
/// leading bytes are whose, one entry point, and the hints a reading gives beside its text.
extension ScanReader {
    package enum Kind: String, Sendable { case pdf, image }

    /// File-name extensions (lower case, no dot) of each kind.
    package static let extensions: [Kind: [String]] = [.pdf: ["pdf"], .image: ["png", "jpg", "jpeg", "tif", "tiff"]]

    /// The kind the leading bytes announce: `%PDF-`, PNG's signature, JPEG's SOI marker, TIFF's
    /// byte-order mark (`II*\0`, `MM\0*`).
    package static func kind(of bytes: [UInt8]) -> Kind? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .image }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .image }
        if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return .image }
        return nil
    }

    /// Reads `bytes` as the kind they announce.
    package static func read(_ bytes: [UInt8], settings: OCRSettings) throws(ScanFailure) -> ScanReading {
        switch kind(of: bytes) {
        case .pdf: try readPDF(bytes, settings: settings)
        case .image: try readImage(bytes, settings: settings)
        case nil: throw ScanFailure("neither a PDF nor a PNG, JPEG or TIFF image")
        }
    }
}

extension ScanReading {
    /// How the document's text was obtained: `text-layer` or `ocr` when every page agrees, else `mixed`.
    package var textOrigin: String {
        let origins = Set(pages.map(\.origin))
        return origins.count == 1 ? origins.first!.rawValue : "mixed"
    }

    /// The creation date the PDF claims, as an ISO 8601 day: the file's metadata, never the document's date.
    package var createdDay: String? {
        guard let created else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: created)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// One line per page for the record: its number, how its text was obtained, and for OCR the
    /// mean confidence (`2 ocr 91`); failed pages with their reason.
    package var pageSummary: [String] {
        let read = pages.map { page in
            "\(page.number) \(page.origin.rawValue)" + (page.confidence.map { " \($0)" } ?? "")
        }
        return read + failures.map { "\($0.number) failed: \($0.reason)" }
    }
}
