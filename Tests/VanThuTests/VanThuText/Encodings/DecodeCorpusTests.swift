import Foundation
import Testing
@testable import VanThuText

/// Every document of `../shared/corpora` rendered into every legacy encoding must be detected and
/// decoded back. Slow (thousands of documents), so it runs only when VANTHU_CORPUS_TESTS is set:
/// `VANTHU_CORPUS_TESTS=1 swift test --filter DecodeCorpusTests`.
struct DecodeCorpusTests {
    static var enabled: Bool { ProcessInfo.processInfo.environment["VANTHU_CORPUS_TESTS"] != nil }

    static func documents(limit: Int) -> [URL] {
        guard let shared = TestSupport.shared else { return [] }
        let root = shared.appendingPathComponent("corpora")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var urls: [URL] = []
        for case let url as URL in walker where url.pathExtension == "txt" && !url.lastPathComponent.hasPrefix("LICENSE") {
            urls.append(url)
        }
        urls.sort { $0.path < $1.path }
        // Spread the limit over the whole corpus.
        let step = max(1, urls.count / max(limit, 1))
        return stride(from: 0, to: urls.count, by: step).map { urls[$0] }
    }

    @Test(.enabled(if: enabled && TestSupport.shared != nil, "needs ../shared/corpora and VANTHU_CORPUS_TESTS (slow; not on every machine)"))
    func corpusRendersAreDetected() throws {
        let limit = Int(ProcessInfo.processInfo.environment["VANTHU_CORPUS_LIMIT"] ?? "") ?? 400
        let urls = Self.documents(limit: limit)
        var failures: [String] = []
        var weakest: [String: (confidence: Double, lead: Int, file: String)] = [:]
        var decodedBytes = 0
        var contextualMisreads = 0
        var seconds = 0.0
        let only = ProcessInfo.processInfo.environment["VANTHU_CORPUS_ONLY"]
        for url in urls where only.map({ url.lastPathComponent.contains($0) }) ?? true {
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for name in ["tcvn3", "vni", "viscii", "windows-1258"] {
                let rendering = LegacyRenderer.render(text, as: name)
                if let folder = ProcessInfo.processInfo.environment["VANTHU_RENDER_DIR"] {
                    // Keep the renderings, e.g. to time a release build on them.
                    TestSupport.write(rendering.bytes, to: URL(fileURLWithPath: folder).appendingPathComponent("\(name)/\(url.lastPathComponent)"))
                }
                let started = Date()
                let verdict = EncodingDetector().detect(rendering.bytes)
                switch verdict {
                case .identified(let encoding, let readings):
                    guard encoding.name == name else {
                        failures.append("\(url.lastPathComponent) \(name): detected as \(encoding.name)")
                        continue
                    }
                    let decoded = encoding.decode(rendering.bytes)
                    seconds += Date().timeIntervalSince(started)
                    decodedBytes += rendering.bytes.count
                    if name == "tcvn3", let decoded, decoded.unicodeScalars.count == rendering.expected.unicodeScalars.count,
                       case let misreads = Self.contextualMisreads(decoded, rendering.expected), misreads >= 0 {
                        // TCVN3 reads eight toned capitals as Word's punctuation outside syllables
                        // ("Ò Ó O", "Óscar"): counted, not failed.
                        contextualMisreads += misreads
                    } else if decoded?.precomposedStringWithCanonicalMapping != rendering.expected {
                        let got = Array((decoded ?? "").precomposedStringWithCanonicalMapping.unicodeScalars)
                        let want = Array(rendering.expected.unicodeScalars)
                        let at = (0..<min(got.count, want.count)).first { got[$0] != want[$0] } ?? min(got.count, want.count)
                        let context = { (s: [Unicode.Scalar]) in String(String.UnicodeScalarView(s[max(0, at - 20)..<min(s.count, at + 20)])) }
                        failures.append("\(url.lastPathComponent) \(name): text differs at \(at): \(context(got)) ≠ \(context(want))")
                    }
                    let best = readings[0]
                    let lead = readings.count > 1 ? best.score.points - readings[1].score.points : Int.max
                    if let weak = weakest[name], weak.confidence <= best.score.confidence {} else {
                        weakest[name] = (best.score.confidence, lead, url.lastPathComponent)
                    }
                case .refused(let reason, _):
                    // Documents with hardly any Vietnamese (tables of numbers) may be refused.
                    failures.append("\(url.lastPathComponent) \(name): refused: \(reason)")
                }
            }
        }
        print("corpus: \(urls.count) documents, \(failures.count) failures, \(contextualMisreads) TCVN3 capitals read as punctuation; detect+decode \(Int(Double(decodedBytes) / max(seconds, 1e-9) / 1e6)) MB/s (debug)")
        for (name, weak) in weakest.sorted(by: { $0.key < $1.key }) {
            print("  weakest \(name): confidence \(weak.confidence) lead \(weak.lead) in \(weak.file)")
        }
        for failure in failures.prefix(40) { print("  " + failure) }
        #expect(failures.isEmpty)
    }

    /// How many of TCVN3's contextual capitals were read as their punctuation (−1 if the texts
    /// differ otherwise).
    static func contextualMisreads(_ decoded: String, _ expected: String) -> Int {
        let pairs: [UInt32: UInt32] = [0x1EB6: 0x2026, 0x1ECA: 0x2018, 0xD2: 0x2019, 0x1ECE: 0x201C, 0xD5: 0x201D,
                                       0xD3: 0x2022, 0x1ECC: 0x2013, 0x1ED8: 0x2014]
        var misreads = 0
        for (got, want) in zip(decoded.unicodeScalars, expected.unicodeScalars) where got != want {
            guard pairs[want.value] == got.value else { return -1 }
            misreads += 1
        }
        return misreads
    }
}
