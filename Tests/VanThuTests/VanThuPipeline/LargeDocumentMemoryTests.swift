import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats
@testable import VanThuExtract
@testable import VanThuStore
@testable import VanThuPipeline

/// Issue 14 (item 8): one large document must not be held many times over. These check the
/// structure that keeps the peak down (measured numbers are in the issue's closing note): each
/// stage lets go of its input, a large text is held once as bytes, fold origins are compact.
struct LargeDocumentMemoryTests {
    static func largeText() -> String {
        let line = "Ủy ban nhân dân xã Hòa Bình triển khai 12 mô hình dân vận khéo trước ngày 30/9/2023.\n"
        return String(repeating: line, count: NormalizeStage.largeText / line.utf8.count + 10)
    }

    @Test func eachStageLetsGoOfItsInput() throws {
        let text = Self.largeText()
        let raw = RawDocument(file: SourceFile(path: "/x.txt", relativePath: "x.txt", size: text.utf8.count),
                              bytes: Array(text.utf8), sha256: "00", format: .text)
        var decoded = try DecodeStage().run(raw)
        #expect(decoded.raw.bytes.isEmpty, "the decoded document still holds the file's bytes")
        #expect(decoded.text.utf8.count == text.utf8.count)
        let clean = try NormalizeStage().run(taking: &decoded)
        #expect(decoded.text.isEmpty, "normalize kept the decoded text")
        // Held once, as bytes: the String is made when asked.
        #expect(clean.document.storedText == nil)
        #expect(clean.document.text.utf8.count == clean.document.utf8.count)
        // A small text keeps its String.
        var small = try DecodeStage().run(RawDocument(file: raw.file, bytes: Array("Xã Hòa Bình năm 2023.".utf8), sha256: "00", format: .text))
        #expect(try NormalizeStage().run(taking: &small).document.storedText != nil)
    }

    @Test func foldOriginsTakeUnderHalfAByteAnEntry() {
        let text = Array(Self.largeText().utf8)
        let folded = FoldedText(utf8: text)
        #expect(folded.origin.count == folded.bytes.count + 1)
        #expect(folded.origin.storageBytes < folded.origin.count / 2, "\(folded.origin.storageBytes) bytes for \(folded.origin.count) entries")
    }

    /// A text with chrome lines (dropped), a kind-dependent one (kept, pending), blank runs and
    /// trailing spaces: what the filter moves about.
    static let chromeText = """
        Chia sẻ


        Ủy ban nhân dân xã Hòa Bình báo cáo kết quả năm 2023.
        Lượt xem: 1.234
        Điện thoại: 0123 456 789
           \n\n\nCác thôn triển khai 12 mô hình “dân vận khéo” – đạt yêu cầu.
        Bản quyền thuộc Ủy ban nhân dân xã.

        Cuối cùng.

        """

    /// The large path (lines moved into place as they are kept, the text folded again) gives the
    /// text, fold, log and pending lines that the listed path (lines listed, fold made of theirs) gives.
    @Test func largeTextIsFilteredInPlaceAsTheListedWay() {
        let text = Self.chromeText
        let chrome = ChromeFilter()
        var listed = Array(text.utf8)
        let fold = FoldedText(utf8: listed)
        var listedLog = ChromeFilter.Log(deferKindDependent: true)
        var listedPending: [CleanDocument.PendingChromeLine] = []
        var lines: [(folded: Range<Int>, from: Int, to: Int, newlines: Int)] = []
        let listedCount = listed.withUnsafeMutableBufferPointer { buffer -> Int in
            var written = 0
            for (index, line) in chrome.keptLines(UnsafeBufferPointer(buffer), folded: fold, log: &listedLog).enumerated() {
                let newlines = (written > 0 ? 1 : 0) + (line.blankBefore ? 1 : 0)
                for _ in 0..<newlines { buffer[written] = 0x0A; written += 1 }
                for k in 0..<line.range.count { buffer[written + k] = buffer[line.range.lowerBound + k] }
                lines.append((line.folded, line.range.lowerBound, written, newlines))
                if let rule = line.pendingRule { listedPending.append(.init(rule: rule, keptLine: index, line: line.line)) }
                written += line.range.count
            }
            return written
        }
        listed.removeSubrange(listedCount...)
        let listedFold = FoldedText(lines: lines, of: fold, count: listedCount)

        var compacted = Array(text.utf8)
        var log = ChromeFilter.Log(deferKindDependent: true)
        var pending: [CleanDocument.PendingChromeLine] = []
        var moved = false
        let count = NormalizeStage.compact(&compacted, chrome: chrome, log: &log, pending: &pending, moved: &moved)
        compacted.removeSubrange(count...)
        #expect(moved)
        #expect(String(decoding: compacted, as: UTF8.self) == String(decoding: listed, as: UTF8.self))
        #expect(log.counts == listedLog.counts && !log.counts.isEmpty)
        #expect(log.lines.map(\.line) == listedLog.lines.map(\.line))
        #expect(pending == listedPending && !pending.isEmpty)
        let refolded = FoldedText(utf8: compacted)
        #expect(refolded.bytes == listedFold.bytes)
        #expect(refolded.origin == listedFold.origin)
    }

    /// A large document with chrome through the whole stage: one extracted in windows gets no
    /// whole fold (its readers fold it a window at a time), another its clean text's.
    @Test func largeDocumentIsFilteredAndFolded() throws {
        let block = Self.chromeText
        let text = String(repeating: block, count: ExtractStage.windowBytes / block.utf8.count * 2)
        let raw = RawDocument(file: SourceFile(path: "/x.txt", relativePath: "x.txt", size: text.utf8.count),
                              bytes: Array(text.utf8), sha256: "00", format: .text)
        var decoded = try DecodeStage().run(raw)
        let clean = try NormalizeStage().run(taking: &decoded)
        #expect(clean.document.storedText == nil)
        #expect(clean.document.utf8.count < text.utf8.count)
        #expect(!clean.document.text.contains("Chia sẻ"))
        #expect(clean.document.text.contains("Cuối cùng."))
        #expect(!clean.pendingChrome.isEmpty)
        #expect(ExtractStage.isWindowed(clean.document))
        #expect(clean.document.folded.bytes.isEmpty)
        // Classified and settled a window at a time as with the whole fold.
        let folded = TextDocument(text: nil, utf8: clean.document.utf8)
        #expect(ClassifyStage.classify(clean.document) == ClassifyStage.classify(folded, lexicon: .standard, windowBytes: .max))
        let settled = clean.settlingChrome(for: .news)
        #expect(settled.document.folded.bytes.isEmpty && settled.document.storedText == nil)
        #expect(settled.document.utf8 == clean.settlingChrome(for: .news, onBytes: false).document.utf8)

        // Under the windows' size after filtering: folded whole.
        let smaller = String(repeating: block, count: NormalizeStage.largeText / block.utf8.count * 11 / 10)
        var decodedSmaller = try DecodeStage().run(RawDocument(file: raw.file, bytes: Array(smaller.utf8), sha256: "00", format: .text))
        let cleanSmaller = try NormalizeStage().run(taking: &decodedSmaller)
        #expect(cleanSmaller.document.storedText == nil && !ExtractStage.isWindowed(cleanSmaller.document))
        let fold = FoldedText(utf8: cleanSmaller.document.utf8)
        #expect(cleanSmaller.document.folded.bytes == fold.bytes)
        #expect(cleanSmaller.document.folded.origin == fold.origin)
    }

    /// A large document through a whole run (its text a `String` only after extraction, its
    /// record bound where it lies, the index written before the export): archived whole, and
    /// found by a word of its last line.
    @Test func largeDocumentIsArchivedWholeAndFound() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let text = Self.largeText() + "Cuối cùng là thôn Khuổi Nặm với mô hình chăn nuôi.\n"
        try Data(text.utf8).write(to: input.appendingPathComponent("lon.txt"))
        try Data("Xã Tân Phú có 3 mô hình.\n".utf8).write(to: input.appendingPathComponent("nho.txt"))
        let output = folder.appendingPathComponent("out")
        var config = PipelineConfig(inputs: [.init(path: input.path)])
        config.output.folder = output.path
        let report = try Pipeline(config: config, baseDirectory: folder).run()
        #expect(report.archived == 2)
        let store = try ArchiveStore(folder: output, readOnly: true)
        #expect(try store.search(SearchQuery(text: "khuoi nam")).map(\.path) == ["lon.txt"])
        #expect(try store.search(SearchQuery(text: "tan phu")).map(\.path) == ["nho.txt"])
        let archive = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("archive.json"))) as? [String: Any]
        let documents = try #require(archive?["documents"] as? [[String: Any]])
        let large = try #require(documents.first { ($0["source"] as? [String: Any])?["path"] as? String == "lon.txt" })
        #expect((large["text"] as? String)?.hasSuffix("Cuối cùng là thôn Khuổi Nặm với mô hình chăn nuôi.") == true)
        #expect((large["text"] as? String)?.utf8.count ?? 0 > NormalizeStage.largeText)
    }

    /// A document over `ExtractStage.windowBytes` is extracted in windows, and its record's search
    /// entry reads the text from the record's JSON instead of holding its fold: the same folded
    /// text as the fold of the record's text, and facts all along the text.
    @Test func aWindowedDocumentsEntryReadsTheTextFromItsJSON() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let text = Self.largeText() + Self.largeText()
        let url = folder.appendingPathComponent("lon.txt")
        try Data(text.utf8).write(to: url)
        let stages = Pipeline.DocumentStages(config: PipelineConfig(inputs: [.init(path: folder.path)]))
        var timings = StageTimings()
        let outcome = stages.outcome(SourceFile(path: url.path, relativePath: "lon.txt", size: text.utf8.count),
                                     timings: &timings, keepingLargeText: false)
        guard case .archived(let prepared, _) = outcome else {
            Issue.record("not archived: \(outcome)")
            return
        }
        #expect(prepared.record.text.isEmpty)
        let record = try Record(jsonBytes: prepared.json)
        #expect(record.text.utf8.count > 2 * ExtractStage.windowBytes)
        #expect(prepared.search.bodyInJSON != nil)
        #expect(prepared.search.body == SearchIndex.Entry.body(folded: FoldedText(utf8: Array(record.text.utf8)).bytes))
        // Deadlines from the first line to the last, at the offsets of the whole text.
        let first = try #require(record.deadlines.first)
        let last = try #require(record.deadlines.last)
        #expect(first.start < 100)
        #expect(last.start > record.text.unicodeScalars.count - 40)
        let scalars = Array(record.text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[last.start..<last.end])) == last.text)
    }
}
