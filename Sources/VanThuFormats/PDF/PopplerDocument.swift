import CPoppler
import Foundation

/// Why a PDF (or a page of one, or an image) cannot be read: the file is quarantined with it.
package struct ScanFailure: Error, Equatable, Sendable, CustomStringConvertible {
    package var reason: String
    package init(_ reason: String) { self.reason = reason }
    package var description: String { reason }
}

/// A PDF opened with poppler-glib: page count, metadata, signatures, each page's text layer in
/// reading order (`PageLayout` over the place of every character), and a page rendered to gray
/// pixels for OCR. Not thread-safe (poppler's document is not): one thread at a time.
package final class PopplerDocument {
    private let document: OpaquePointer

    /// Opens `bytes`; an encrypted, damaged or empty file throws the reason.
    package init(_ bytes: [UInt8]) throws(ScanFailure) {
        guard bytes.starts(with: Array("%PDF-".utf8)) else { throw ScanFailure("not a PDF (no %PDF- header)") }
        var error: UnsafeMutablePointer<GError>?
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        guard let opened = poppler_document_new_from_bytes(data, nil, &error) else {
            let code = error?.pointee.code ?? -1
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
            vanthu_gErrorFree(error)
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) { throw ScanFailure("encrypted PDF (a password is needed)") }
            throw ScanFailure("damaged PDF: \(message)")
        }
        document = opened
        guard pageCount > 0 else { throw ScanFailure("PDF with no pages") }
    }

    deinit { vanthu_gUnref(UnsafeMutableRawPointer(document)) }

    package var pageCount: Int { Int(poppler_document_get_n_pages(document)) }

    /// The document's own title (its Info dictionary or XMP), if it has a non-empty one.
    package var title: String? {
        guard let raw = poppler_document_get_title(document) else { return nil }
        defer { vanthu_gFree(raw) }
        let title = String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
        return title.isEmpty ? nil : title
    }

    /// The creation date the file claims (a hint: producers often write the day it was exported).
    package var created: Date? {
        let seconds = poppler_document_get_creation_date(document)
        return seconds > 0 ? Date(timeIntervalSince1970: TimeInterval(seconds)) : nil
    }

    /// The signature fields' count and the signers' names poppler can read (it reads the name from
    /// the signature's certificate; a field whose signature it cannot parse has none).
    package var signatures: (count: Int, signers: [String]) {
        let count = Int(poppler_document_get_n_signatures(document))
        guard count > 0 else { return (0, []) }
        var signers: [String] = []
        let fields = poppler_document_get_signature_fields(document)
        var node = fields
        while let current = node {
            if let raw = current.pointee.data {
                let field = OpaquePointer(raw)
                var error: UnsafeMutablePointer<GError>?
                if let info = poppler_form_field_signature_validate_sync(field, POPPLER_SIGNATURE_VALIDATION_FLAG_VALIDATE_CERTIFICATE, nil, &error) {
                    if let name = poppler_signature_info_get_signer_name(info) {
                        let signer = String(cString: name).trimmingCharacters(in: .whitespacesAndNewlines)
                        if !signer.isEmpty { signers.append(signer) }
                    }
                    poppler_signature_info_free(info)
                }
                vanthu_gErrorFree(error)
                vanthu_gUnref(raw)
            }
            node = current.pointee.next
        }
        g_list_free(fields)
        return (count, signers)
    }

    /// Page `index` (0-based) as placed characters: every character of poppler's text with the
    /// rectangle poppler gives it.
    package func characters(page index: Int) -> [PlacedCharacter] {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return [] }
        defer { vanthu_gUnref(UnsafeMutableRawPointer(page)) }
        guard let raw = poppler_page_get_text(page) else { return [] }
        let text = String(cString: raw)
        vanthu_gFree(raw)
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else { return [] }
        defer { vanthu_gFree(rectangles) }
        var result: [PlacedCharacter] = []
        result.reserveCapacity(Int(count))
        for (offset, scalar) in text.unicodeScalars.enumerated() where offset < Int(count) {
            let box = rectangles[offset]
            result.append(PlacedCharacter(scalar, x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2))
        }
        return result
    }

    /// Whether page `index` holds an image (a scan does; a page of typed text usually does not).
    package func hasImages(page index: Int) -> Bool {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return false }
        defer { vanthu_gUnref(UnsafeMutableRawPointer(page)) }
        guard let mapping = poppler_page_get_image_mapping(page) else { return false }
        poppler_page_free_image_mapping(mapping)
        return true
    }

    /// poppler's own reading of page `index` (its reading-order guess), for comparison.
    package func plainText(page index: Int) -> String {
        guard let page = poppler_document_get_page(document, Int32(index)) else { return "" }
        defer { vanthu_gUnref(UnsafeMutableRawPointer(page)) }
        guard let raw = poppler_page_get_text(page) else { return "" }
        defer { vanthu_gFree(raw) }
        return String(cString: raw)
    }

    /// Page `index` in reading order, rebuilt from the place of its characters.
    package func text(page index: Int) -> String { layout(page: index).text }

    /// A page's text in reading order, and whether its last paragraph goes on overleaf.
    package func layout(page index: Int) -> PageLayout.Page { PageLayout.page(characters(page: index)) }

    /// Page `index` rendered at `dpi` on white, as 8-bit gray (rows top to bottom), or a failure
    /// when the page would need more than `maxPixels` pixels.
    package func render(page index: Int, dpi: Int, maxPixels: Int) throws(ScanFailure) -> GrayImage {
        guard let page = poppler_document_get_page(document, Int32(index)) else { throw ScanFailure("page \(index + 1): cannot be read") }
        defer { vanthu_gUnref(UnsafeMutableRawPointer(page)) }
        var widthPoints = 0.0, heightPoints = 0.0
        poppler_page_get_size(page, &widthPoints, &heightPoints)
        let scale = Double(dpi) / 72
        let width = Int((widthPoints * scale).rounded(.up)), height = Int((heightPoints * scale).rounded(.up))
        guard width > 0, height > 0, width <= 30_000, height <= 30_000, width * height <= maxPixels else {
            throw ScanFailure("page \(index + 1): \(width)×\(height) pixels at \(dpi) dpi is over the limit")
        }
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw ScanFailure("page \(index + 1): no memory to render")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            throw ScanFailure("page \(index + 1): no memory to render")
        }
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        cairo_scale(context, scale, scale)
        poppler_page_render(page, context)
        cairo_destroy(context)
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { throw ScanFailure("page \(index + 1): rendering failed") }
        var gray = [UInt8](repeating: 255, count: width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width {
                let pixel = row[x]
                let r = (pixel >> 16) & 0xFF, g = (pixel >> 8) & 0xFF, b = pixel & 0xFF
                gray[y * width + x] = UInt8((r * 299 + g * 587 + b * 114) / 1000)
            }
        }
        return GrayImage(width: width, height: height, pixels: gray, dpi: dpi)
    }
}

/// An 8-bit gray image, rows top to bottom, 0 black and 255 white.
package struct GrayImage: Sendable {
    package var width: Int
    package var height: Int
    package var pixels: [UInt8]
    package var dpi: Int
    package init(width: Int, height: Int, pixels: [UInt8], dpi: Int) {
        self.width = width; self.height = height; self.pixels = pixels; self.dpi = dpi
    }
}
