import Foundation

/// How scans are read (pipeline.json's `ocr` section and `limits.maxPages`).
package struct OCRSettings: Sendable, Equatable {
    /// Tesseract's model(s), `+`-joined: `Vietnamese` (the script model, tesseract-ocr-script-viet)
    /// or `vie` (tesseract-ocr-vie). Measured on a fixture page with tesseract 5.3: 0.11% CER
    /// against 0.21% at 300 dpi, 0.38% against 0.76% on a harsh 150 dpi JPEG, at the same speed.
    package var languages = "Vietnamese"
    /// The resolution PDF pages without a usable text layer are rendered at.
    package var dpi = 300
    /// Leptonica clean-up before OCR: deskew, a 3×3 median filter, normalising the background,
    /// and 2× upscaling when the image's resolution is below `upscaleBelowDpi`.
    package var deskew = true
    package var median = true
    package var normalize = true
    package var upscaleBelowDpi = 200
    /// A page's OCR past this many seconds of CPU time fails that page (the rest of the document
    /// is kept). CPU time, so that a loaded machine does not fail pages a quiet one reads; wall
    /// time past ten times as much fails it too (`TesseractEngine.wallBackstop`).
    package var pageSeconds = 60.0
    /// The largest number of pages a document may have (`limits.maxPages`).
    package var maxPages = 500
    /// The largest image (or rendered page) in pixels: 25 million, A4 at about 500 dpi; above it
    /// the file is refused before it is decoded (a 10,000 × 10,000 image, a decompression bomb).
    package var maxPixels = 25_000_000
    /// Pages read at once, each on its own tesseract engine with one thread.
    package var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    package init() {}
}
