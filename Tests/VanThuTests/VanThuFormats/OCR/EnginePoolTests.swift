import Foundation
import Testing
@testable import VanThuFormats

/// The tesseract engines are shared by the documents read at once, and never more than the pool's
/// capacity exist, however many documents and workers ask (issue 17: engines ≤ cores).
struct EnginePoolTests {
    /// A blank strip: tesseract reads it in milliseconds, so the test is about the pool, not OCR.
    static func blank() throws(ScanFailure) -> LeptonicaImage {
        try LeptonicaImage(GrayImage(width: 240, height: 60, pixels: [UInt8](repeating: 255, count: 240 * 60), dpi: 300))
    }

    @Test func documentsReadAtOnceShareTheEnginesAndNeverExceedTheCapacity() throws {
        let pool = EnginePool(capacity: 2)
        var settings = OCRSettings()
        settings.workers = 8  // each document would start 8 engines of its own
        let shared = settings
        let results = Locked([[Int: Result<PageText, ScanFailure>]]())
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let pages = ScanReader.recognise(Array(0..<5), settings: shared, pool: pool) { _ throws(ScanFailure) in try Self.blank() }
            results.withLock { $0.append(pages) }
        }
        let documents = results.withLock { $0 }
        #expect(documents.count == 4)
        #expect(documents.allSatisfy { $0.count == 5 && $0.values.allSatisfy { (try? $0.get())?.origin == .ocr } })
        #expect(pool.peak <= 2)
        #expect(pool.started <= 2)
        #expect(pool.count == pool.started)  // every engine given back, none ended

        // The next document starts no engine: it borrows one.
        let started = pool.started
        _ = ScanReader.recognise([0], settings: settings, pool: pool) { _ throws(ScanFailure) in try Self.blank() }
        #expect(pool.started == started)

        pool.drain()
        #expect(pool.count == 0)
    }

    @Test func workersAreBoundedByTheSettingsToo() throws {
        let pool = EnginePool(capacity: 4)
        var settings = OCRSettings()
        settings.workers = 1
        let pages = ScanReader.recognise(Array(0..<3), settings: settings, pool: pool) { _ throws(ScanFailure) in try Self.blank() }
        #expect(pages.count == 3)
        #expect(pool.peak == 1)
    }

    @Test func anEngineOfAnotherModelMakesRoomWhenThePoolIsFull() throws {
        let pool = EnginePool(capacity: 1)
        let vie = try #require(try pool.borrow(languages: "vie", wait: true))
        // Full, and the only engine is lent: a worker that may not wait goes without.
        #expect(try pool.borrow(languages: "Vietnamese", wait: false) == nil)
        pool.giveBack(vie)
        let script = try #require(try pool.borrow(languages: "Vietnamese", wait: false))
        #expect(script.languages == "Vietnamese")
        #expect(pool.count == 1)
        pool.giveBack(script)
    }

    @Test func aModelThatIsNotInstalledFailsEveryPageWithTheReason() {
        var settings = OCRSettings()
        settings.languages = "no-such-model"
        let pool = EnginePool(capacity: 2)
        let pages = ScanReader.recognise([0, 1], settings: settings, pool: pool) { _ throws(ScanFailure) in try Self.blank() }
        #expect(pages.count == 2)
        #expect(pages.values.allSatisfy { if case .failure(let failure) = $0 { failure.reason.contains("no model") } else { false } })
        #expect(pool.count == 0)
    }
}
