import Foundation
import Testing
@testable import VanThuFormats

/// The measurement behind issue 17's closing note, run by hand: `VANTHU_OCR_MEASURE=FOLDER swift
/// test --filter OCRMeasurement`, where FOLDER holds renderings named `<kind>-<name>.<png|jpg|tif>`
/// (kind: clean, mild, harsh …) and each page's source text as `<name>.ref.txt`. Prints, per kind,
/// the character error rate against the source and the CPU seconds a page (one engine, one thread).
/// The renderings are made outside the repository (see PDFFixtures/README.md for the recipes).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["VANTHU_OCR_MEASURE"] != nil, "set VANTHU_OCR_MEASURE to a folder of renderings"))
struct OCRMeasurementTests {
    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @Test func characterErrorRateAndSecondsPerPageByRendering() throws {
        let folder = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment["VANTHU_OCR_MEASURE"]))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var settings = OCRSettings()
        settings.workers = 1
        _ = try EnginePool.shared.borrow(languages: settings.languages, wait: true).map { EnginePool.shared.giveBack($0) }  // started before timing
        var byKind: [String: (errors: Double, characters: Double, seconds: Double, wall: Double, pages: Int)] = [:]
        for name in names where ["png", "jpg", "jpeg", "tif", "tiff"].contains((name as NSString).pathExtension) {
            let stem = (name as NSString).deletingPathExtension
            guard let dash = stem.firstIndex(of: "-") else { continue }
            let kind = String(stem[..<dash]), source = String(stem[stem.index(after: dash)...])
            let reference = try String(contentsOf: folder.appendingPathComponent(source + ".ref.txt"), encoding: .utf8)
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            let cpu = Self.cpuSeconds(), wall = ContinuousClock.now
            let reading = try ScanReader.readImage(bytes, settings: settings)
            let seconds = Self.cpuSeconds() - cpu, elapsed = wall.duration(to: .now)
            let rate = ScanReaderTests.characterErrorRate(reading.text, source: reference)
            let length = Double(reference.split(whereSeparator: \.isWhitespace).joined(separator: " ").unicodeScalars.count)
            print(String(format: "%@: CER %.4f, %.2f s CPU, confidence %d", name, rate, seconds, reading.pages.first?.confidence ?? -1))
            var entry = byKind[kind] ?? (0, 0, 0, 0, 0)
            entry.errors += rate * length; entry.characters += length; entry.seconds += seconds
            entry.wall += Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            entry.pages += reading.pageCount
            byKind[kind] = entry
        }
        #expect(!byKind.isEmpty)
        for (kind, entry) in byKind.sorted(by: { $0.key < $1.key }) {
            print(String(format: "%@: %d pages, CER %.2f%%, %.2f s CPU/page, %.2f s wall/page", kind, entry.pages,
                         100 * entry.errors / entry.characters, entry.seconds / Double(entry.pages), entry.wall / Double(entry.pages)))
        }
    }
}
