import CTesseract
import Foundation

/// A leptonica image (PIX) owned by Swift: made from gray pixels or decoded from image bytes after
/// their header was checked, cleaned before OCR, destroyed with the value.
package final class LeptonicaImage: @unchecked Sendable {
    package let pix: UnsafeMutablePointer<PIX>

    init(owning pix: UnsafeMutablePointer<PIX>) { self.pix = pix }
    deinit { var pointer: UnsafeMutablePointer<PIX>? = pix; pixDestroy(&pointer) }

    /// 8-bit gray pixels into a PIX (leptonica keeps each 32-bit word's bytes big-end first).
    package convenience init(_ image: GrayImage) throws(ScanFailure) {
        guard let pix = pixCreate(Int32(image.width), Int32(image.height), 8), let data = pixGetData(pix) else {
            throw ScanFailure("no memory for a \(image.width)×\(image.height) image")
        }
        let wordsPerLine = Int(pixGetWpl(pix))
        image.pixels.withUnsafeBufferPointer { source in
            let bytes = UnsafeMutableRawPointer(data).assumingMemoryBound(to: UInt8.self)
            for y in 0..<image.height {
                let row = bytes + y * wordsPerLine * 4
                for x in 0..<image.width { row[x ^ 3] = source[y * image.width + x] }
            }
        }
        pixSetResolution(pix, Int32(image.dpi), Int32(image.dpi))
        self.init(owning: pix)
    }

    package var width: Int { Int(pixGetWidth(pix)) }
    package var height: Int { Int(pixGetHeight(pix)) }
    package var dpi: Int { Int(pixGetXRes(pix)) }

    /// The image as 8-bit gray, cleaned as `settings` say: median filter, 2× upscaling when the
    /// resolution is low, deskew, background normalised. Each step keeps the previous image when
    /// leptonica cannot do it.
    package func cleaned(_ settings: OCRSettings) -> LeptonicaImage {
        var current = LeptonicaImage(owning: pixConvertTo8(pix, 0) ?? pixClone(pix))
        func step(_ make: (UnsafeMutablePointer<PIX>) -> UnsafeMutablePointer<PIX>?) {
            if let next = make(current.pix) { current = LeptonicaImage(owning: next) }
        }
        let resolution = dpi > 0 ? dpi : 300
        if settings.median { step { pixMedianFilter($0, 3, 3) } }
        if resolution < settings.upscaleBelowDpi {
            step { pixScaleGrayLI($0, 2, 2) }
            pixSetResolution(current.pix, Int32(resolution * 2), Int32(resolution * 2))
        }
        if settings.deskew { step { pixFindSkewAndDeskew($0, 2, nil, nil) } }
        if settings.normalize { step { pixBackgroundNormSimple($0, nil, nil) } }
        if pixGetXRes(current.pix) == 0 { pixSetResolution(current.pix, Int32(resolution), Int32(resolution)) }
        return current
    }
}

/// An image file (PNG, JPEG, TIFF of one or more pages): its pages' sizes read from the headers
/// first, so that an image too large (or a small file that decompresses into a huge one) is
/// refused before a single pixel is decoded.
package struct ImageFile: Sendable {
    package let bytes: [UInt8]
    package let pageCount: Int
    private let isTIFF: Bool

    package init(_ bytes: [UInt8], settings: OCRSettings) throws(ScanFailure) {
        LeptonicaImage.silence()
        self.bytes = bytes
        var format: Int32 = 0, width: Int32 = 0, height: Int32 = 0, bits: Int32 = 0, samples: Int32 = 0, colormap: Int32 = 0
        let header = bytes.withUnsafeBufferPointer { pixReadHeaderMem($0.baseAddress, $0.count, &format, &width, &height, &bits, &samples, &colormap) }
        guard header == 0 else { throw ScanFailure("not a readable image (PNG, JPEG or TIFF)") }
        isTIFF = [IFF_TIFF, IFF_TIFF_PACKBITS, IFF_TIFF_RLE, IFF_TIFF_G3, IFF_TIFF_G4, IFF_TIFF_LZW, IFF_TIFF_ZIP, IFF_TIFF_JPEG]
            .map { Int32($0) }.contains(format)
        guard [IFF_PNG, IFF_JFIF_JPEG].map({ Int32($0) }).contains(format) || isTIFF else {
            throw ScanFailure("image format \(format) is not read (PNG, JPEG and TIFF are)")
        }
        var pages = 1
        if isTIFF {
            var count: Int32 = 0
            let counted: Bool = bytes.withUnsafeBufferPointer { buffer in
                guard let file = fopenReadFromMemory(buffer.baseAddress, buffer.count) else { return false }
                defer { fclose(file) }
                return tiffGetCount(file, &count) == 0
            }
            guard counted, count > 0 else { throw ScanFailure("damaged TIFF (no pages)") }
            pages = Int(count)
        }
        guard pages <= settings.maxPages else { throw ScanFailure("\(pages) pages, over limits.maxPages (\(settings.maxPages))") }
        pageCount = pages
        for page in 0..<pages {
            if isTIFF {
                var resolution: Int32 = 0
                let ok = bytes.withUnsafeBufferPointer {
                    readHeaderMemTiff($0.baseAddress, $0.count, Int32(page), &width, &height, &bits, &samples, &resolution, &colormap, &format)
                }
                guard ok == 0 else { throw ScanFailure("page \(page + 1): damaged TIFF header") }
            }
            guard width > 0, height > 0, Int(width) * Int(height) <= settings.maxPixels else {
                throw ScanFailure("page \(page + 1): image of \(width)×\(height) pixels is over the limit of \(settings.maxPixels) (not decoded)")
            }
        }
    }

    /// Page `index` (0-based) decoded.
    package func page(_ index: Int) throws(ScanFailure) -> LeptonicaImage {
        let pix: UnsafeMutablePointer<PIX>? = bytes.withUnsafeBufferPointer {
            isTIFF ? pixReadMemTiff($0.baseAddress, $0.count, Int32(index)) : pixReadMem($0.baseAddress, $0.count)
        }
        guard let pix else { throw ScanFailure("page \(index + 1): the image cannot be decoded") }
        return LeptonicaImage(owning: pix)
    }
}

extension LeptonicaImage {
    private static let silenced: Void = { _ = setMsgSeverity(Int32(L_SEVERITY_NONE)) }()
    /// Leptonica's messages go to standard error; the reason of a refusal is ours to give.
    static func silence() { _ = silenced }
}
