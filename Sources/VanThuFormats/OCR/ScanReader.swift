import Foundation

/// How a page's text was obtained.
package enum PageOrigin: String, Sendable, Equatable {
    case textLayer = "text-layer"
    case ocr
}

/// One page's text, how it was obtained, and for OCR tesseract's mean confidence (0–100).
package struct PageText: Sendable, Equatable {
    package var number: Int
    package var text: String
    package var origin: PageOrigin
    package var confidence: Int?
    /// Its last line is a justified line whose paragraph goes on overleaf (`PageLayout.Page`).
    package var continues = false
}

/// A page that could not be read (its number is 1-based), while the rest of the document was kept.
package struct PageFailure: Sendable, Equatable {
    package var number: Int
    package var reason: String
}

/// A PDF or an image file read page by page.
package struct ScanReading: Sendable {
    package var pageCount: Int
    package var pages: [PageText]
    package var failures: [PageFailure]
    package var title: String?
    package var created: Date?
    package var signatureCount = 0
    package var signers: [String] = []

    /// The pages' texts in page order, a blank line between pages, or a space where a page ends
    /// inside a paragraph that goes on overleaf (a page break is not a paragraph's end).
    package var text: String {
        var text = ""
        for (index, page) in pages.enumerated() {
            if index > 0 {
                let previous = pages[index - 1]
                text += previous.continues && previous.number + 1 == page.number ? " " : "\n\n"
            }
            text += page.text
        }
        return text
    }

    /// `born-digital` (every page from a text layer), `digitised` (every page OCR'd) or `mixed`.
    package var digitisation: String {
        let origins = Set(pages.map(\.origin))
        if origins == [.textLayer] { return "born-digital" }
        if origins == [.ocr] { return "digitised" }
        return "mixed"
    }
}

/// A text layer is used when nearly all its characters are readable (a layer whose font has no
/// Unicode map gives control, private-use or replacement characters) and there are enough of them,
/// or the page holds no image (so nothing else to read: the short last page of a letter, with only
/// its signature block). A scanned page is an image with no text, or with a few stray characters
/// from a stamp. Measured on the fixtures' PDFs: text pages have hundreds of characters, all
/// readable, or no image; the scanned ones have no character and an image.
package enum TextLayerRule {
    /// The fewest non-blank characters a usable text layer has on a page.
    static let minimumCharacters = 40
    /// The smallest share of them that are letters, digits or ordinary punctuation.
    static let minimumReadableShare = 0.9

    package static func isUsable(_ text: String, pageHasImages: Bool = true) -> Bool {
        var total = 0, readable = 0
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            total += 1
            let value = scalar.value
            let latin = value < 0x0250 || (0x1E00...0x1EFF).contains(value) || (0x0300...0x036F).contains(value)
            let punctuation = (0x2010...0x205F).contains(value)
            if (latin || punctuation) && !(value < 0x20 || (0x7F...0x9F).contains(value)) { readable += 1 }
        }
        let readableShare = Double(readable) >= minimumReadableShare * Double(total)
        // No image: whatever the layer holds is the page (a blank page is blank).
        if !pageHasImages { return readableShare }
        return total >= minimumCharacters && readableShare
    }
}

package enum ScanReader {
    /// A PDF: each page from its text layer when usable, else rendered at `settings.dpi` and OCR'd.
    package static func readPDF(_ bytes: [UInt8], settings: OCRSettings) throws(ScanFailure) -> ScanReading {
        let document = try PopplerDocument(bytes)
        let count = document.pageCount
        guard count <= settings.maxPages else { throw ScanFailure("\(count) pages, over limits.maxPages (\(settings.maxPages))") }
        var pages: [Int: PageText] = [:]
        var toRecognise: [Int] = []
        for index in 0..<count {
            let layout = document.layout(page: index)
            if TextLayerRule.isUsable(layout.text, pageHasImages: document.hasImages(page: index)) {
                pages[index] = PageText(number: index + 1, text: layout.text, origin: .textLayer, confidence: nil, continues: layout.continues)
            } else {
                toRecognise.append(index)
            }
        }
        PageCounter.shared.add(textLayer: pages.count)
        let shared = Locked(document)
        let recognised = recognise(toRecognise, settings: settings) { index throws(ScanFailure) in
            let gray = try shared.withLock { document throws(ScanFailure) in
                try document.render(page: index, dpi: settings.dpi, maxPixels: settings.maxPixels)
            }
            return try LeptonicaImage(gray)
        }
        let signatures = document.signatures
        var reading = ScanReading(pageCount: count, pages: [], failures: [], title: document.title, created: document.created,
                                  signatureCount: signatures.count, signers: signatures.signers)
        try collect(pages, recognised, count: count, into: &reading)
        return reading
    }

    /// An image file: every page (a TIFF may have many) OCR'd.
    package static func readImage(_ bytes: [UInt8], settings: OCRSettings) throws(ScanFailure) -> ScanReading {
        let file = try ImageFile(bytes, settings: settings)
        let recognised = recognise(Array(0..<file.pageCount), settings: settings) { index throws(ScanFailure) in
            try file.page(index)
        }
        var reading = ScanReading(pageCount: file.pageCount, pages: [], failures: [], title: nil, created: nil)
        try collect([:], recognised, count: file.pageCount, into: &reading)
        return reading
    }

    private static func collect(_ layers: [Int: PageText], _ recognised: [Int: Result<PageText, ScanFailure>], count: Int,
                                into reading: inout ScanReading) throws(ScanFailure) {
        for index in 0..<count {
            if let page = layers[index] { reading.pages.append(page); continue }
            switch recognised[index] {
            case .success(let page): reading.pages.append(page)
            case .failure(let failure): reading.failures.append(PageFailure(number: index + 1, reason: failure.reason))
            case nil: reading.failures.append(PageFailure(number: index + 1, reason: "page \(index + 1): not read"))
            }
        }
        if reading.pages.isEmpty {
            throw ScanFailure("no page could be read: " + reading.failures.map { "page \($0.number): \($0.reason)" }.joined(separator: "; "))
        }
    }

    /// OCR of the pages `indices`, up to `settings.workers` at a time, each worker on an engine
    /// borrowed from `pool` (shared by every document, so engines are started once and never
    /// number more than the pool's capacity). The first worker waits for an engine; the others
    /// work only when one is free.
    static func recognise(_ indices: [Int], settings: OCRSettings, pool: EnginePool = .shared,
                          image: @escaping @Sendable (Int) throws(ScanFailure) -> LeptonicaImage) -> [Int: Result<PageText, ScanFailure>] {
        guard !indices.isEmpty else { return [:] }
        let queue = Locked((next: 0, results: [Int: Result<PageText, ScanFailure>]()))
        let workers = max(1, min(settings.workers, pool.capacity, indices.count))
        let pagesLeft: @Sendable () -> Bool = { queue.withLock { $0.next < indices.count } }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            guard pagesLeft() else { return }
            let engine: TesseractEngine
            do throws(ScanFailure) {
                guard let borrowed = try pool.borrow(languages: settings.languages, limit: settings.workers, wait: worker == 0) else { return }
                engine = borrowed
            } catch {
                queue.withLock { state in
                    while state.next < indices.count {
                        state.results[indices[state.next]] = .failure(error); state.next += 1
                    }
                }
                return
            }
            defer { pool.giveBack(engine) }
            while let index = queue.withLock({ state -> Int? in
                guard state.next < indices.count else { return nil }
                defer { state.next += 1 }
                return indices[state.next]
            }) {
                let result: Result<PageText, ScanFailure>
                do throws(ScanFailure) {
                    let cleaned = try image(index).cleaned(settings)
                    let (layout, confidence) = try engine.recognize(cleaned, seconds: settings.pageSeconds)
                    result = .success(PageText(number: index + 1, text: layout.text, origin: .ocr, confidence: confidence,
                                               continues: layout.continues))
                } catch {
                    result = .failure(error)
                }
                queue.withLock { $0.results[index] = result }
                PageCounter.shared.add(ocr: 1)
            }
        }
        return queue.withLock { $0.results }
    }
}

/// Pages read by this process so far, from text layers and by OCR, for a progress line on a long
/// run (the run's report counts its pages from the records instead).
package final class PageCounter: @unchecked Sendable {
    package static let shared = PageCounter()
    private let lock = NSLock()
    private var counts = (pages: 0, ocr: 0)

    /// Counts `textLayer` pages read from a text layer and `ocr` pages OCR'd (or failed in OCR).
    package func add(textLayer: Int = 0, ocr: Int = 0) {
        lock.lock(); defer { lock.unlock() }
        counts.pages += textLayer + ocr
        counts.ocr += ocr
    }

    /// Pages read so far, and how many of them by OCR.
    package var current: (pages: Int, ocr: Int) {
        lock.lock(); defer { lock.unlock() }
        return counts
    }
}

/// A value used from several threads, one at a time.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<Result, Failure: Error>(_ body: (inout Value) throws(Failure) -> Result) throws(Failure) -> Result {
        lock.lock(); defer { lock.unlock() }
        return try body(&value)
    }
}
