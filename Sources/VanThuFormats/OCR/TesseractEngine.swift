import CTesseract
import Foundation

/// One tesseract engine with one thread (OpenMP set to a single thread before any engine starts:
/// its default threading made a page take 15–20× longer on a loaded machine). Not thread-safe:
/// one engine per worker at a time (`EnginePool` lends them).
package final class TesseractEngine {
    private let api: OpaquePointer
    /// The model(s) it was started with.
    package let languages: String

    private static let oneThread: Void = { setenv("OMP_THREAD_LIMIT", "1", 1) }()

    package init(languages: String) throws(ScanFailure) {
        _ = Self.oneThread
        LeptonicaImage.silence()
        guard let api = TessBaseAPICreate() else { throw ScanFailure("tesseract cannot start") }
        guard TessBaseAPIInit3(api, nil, languages) == 0 else {
            TessBaseAPIDelete(api)
            throw ScanFailure("tesseract has no model \"\(languages)\" (install tesseract-ocr-vie / tesseract-ocr-script-viet)")
        }
        self.api = api
        self.languages = languages
    }

    deinit { TessBaseAPIEnd(api); TessBaseAPIDelete(api) }

    /// The text of `image` (with whether its last paragraph goes on overleaf) and tesseract's mean
    /// word confidence (0–100), or a failure when the page takes more than `seconds` of CPU time.
    ///
    /// CPU time, the engine thread's own: on a loaded machine (other runs, a test suite's parallel
    /// tests) a page's wall time grows with the load while its CPU time does not, so the same page
    /// passes or fails the same way everywhere. Wall time past `wallBackstop` times the limit
    /// fails it too, for a page that stops using CPU without ending.
    package func recognize(_ image: LeptonicaImage, seconds: Double) throws(ScanFailure) -> (page: PageLayout.Page, confidence: Int) {
        TessBaseAPISetImage2(api, image.pix)
        if image.dpi > 0 { TessBaseAPISetSourceResolution(api, Int32(image.dpi)) }
        defer { TessBaseAPIClear(api) }
        let monitor = TessMonitorCreate()
        defer { TessMonitorDelete(monitor) }
        let wallMilliseconds = Int32(min(seconds * Self.wallBackstop * 1000, Double(Int32.max)))
        TessMonitorSetDeadlineMSecs(monitor, wallMilliseconds)
        // The CPU deadline, read by the cancel function tesseract calls as it goes (on this thread:
        // the engine runs one thread).
        let startCPU = Self.threadCPUSeconds()
        let deadline = UnsafeMutablePointer<Double>.allocate(capacity: 1)
        deadline.initialize(to: startCPU + seconds)
        defer { deadline.deallocate() }
        TessMonitorSetCancelThis(monitor, deadline)
        TessMonitorSetCancelFunc(monitor) { context, _ in
            guard let context else { return false }
            return TesseractEngine.threadCPUSeconds() >= context.assumingMemoryBound(to: Double.self).pointee
        }
        let start = ContinuousClock.now
        let status = TessBaseAPIRecognize(api, monitor)
        let wall = start.duration(to: .now)
        if Self.threadCPUSeconds() - startCPU >= seconds || wall >= .milliseconds(Int(wallMilliseconds)) {
            throw ScanFailure("OCR over the time limit of \(seconds) s")
        }
        guard status == 0 else { throw ScanFailure("OCR failed") }
        let confidence = Int(TessBaseAPIMeanTextConf(api))
        return (PageLayout.page(of: lines()), confidence)
    }

    /// Wall time past this many times a page's CPU limit fails the page.
    package static let wallBackstop = 10.0

    /// The CPU time the calling thread has used, in seconds.
    package static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The recognised lines in tesseract's order, each with its box on the page and the gaps
    /// between its words' boxes.
    /// (Tesseract's own plain text puts a blank line after every paragraph it finds, and it finds
    /// one in each line of a centred heading: the line boxes say where the paragraphs are.)
    private func lines() -> [OCRLine] {
        guard let iterator = TessBaseAPIGetIterator(api) else { return [] }
        defer { TessResultIteratorDelete(iterator) }
        let page = TessResultIteratorGetPageIterator(iterator)
        var lines: [OCRLine] = []
        var inLine = false  // the current word belongs to the last of `lines`
        var lastRight: Int32?
        repeat {
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            if TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) != 0 {
                inLine = false
                lastRight = nil
                guard TessPageIteratorBoundingBox(page, RIL_TEXTLINE, &left, &top, &right, &bottom) != 0,
                      let raw = TessResultIteratorGetUTF8Text(iterator, RIL_TEXTLINE) else { continue }
                let text = String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
                TessDeleteText(raw)
                guard !text.isEmpty else { continue }
                lines.append(OCRLine(text: text, left: Int(left), top: Int(top), right: Int(right), bottom: Int(bottom)))
                inLine = true
            }
            guard inLine, TessPageIteratorBoundingBox(page, RIL_WORD, &left, &top, &right, &bottom) != 0 else { continue }
            if let lastRight { lines[lines.count - 1].wordGaps.append(Int(left - lastRight)) }
            lastRight = right
        } while TessPageIteratorNext(page, RIL_WORD) != 0
        return lines
    }
}
