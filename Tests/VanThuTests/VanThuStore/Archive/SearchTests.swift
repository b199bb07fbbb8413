import Foundation
import Testing
@testable import VanThuStore
@testable import VanThuPipeline

@Suite(.serialized)
struct SearchTests {
    /// The fixtures, archived once for every test here.
    static let output: URL = {
        let output = TestSupport.temporaryFolder().appendingPathComponent("out")
        var config = PipelineConfig(inputs: [.init(path: TestSupport.fixtures.path, include: ["**/input.*"])])
        config.output.folder = output.path
        _ = try! Pipeline(config: config, baseDirectory: output).run()
        return output
    }()

    func search(_ query: SearchQuery) throws -> [SearchHit] {
        try ArchiveStore(folder: Self.output, readOnly: true).search(query)
    }

    @Test func diacriticsAreOptionalBothWays() throws {
        let plain = try search(SearchQuery(text: "dan van kheo"))
        let marked = try search(SearchQuery(text: "Dân vận khéo"))
        #expect(!plain.isEmpty)
        #expect(plain.map(\.id) == marked.map(\.id))
        #expect(try search(SearchQuery(text: "hoi nong dan xa tan phu")).first?.path == "news-model-counts/input.txt")
        // đ folds to d.
        #expect(try search(SearchQuery(text: "dang uy phuong hoa binh")).first?.path == "web-dump-chrome/input.txt")
        #expect(try search(SearchQuery(text: "Đảng ủy phường Hòa Bình")).first?.path == "web-dump-chrome/input.txt")
    }

    @Test func phrasesAndFilters() throws {
        let dispatches = try search(SearchQuery(text: "\"dan van\"", kind: .dispatch))
        #expect(!dispatches.isEmpty && dispatches.allSatisfy { $0.kind == "dispatch" })
        #expect(try search(SearchQuery(text: "\"kheo dan van\"")).isEmpty)
        let snippet = try #require(try search(SearchQuery(text: "tan phu")).first?.snippet)
        #expect(snippet.contains("«Tân Phú»"))
    }

    @Test(arguments: ["\"", "AND (", "NEAR(a b", "*", "a OR", "\u{0}\u{1}", "\"unclosed phrase", "'; DROP TABLE documents; --", "ÿþ\u{FFFD}"])
    func malformedQueriesNeverBreakTheSearch(_ text: String) {
        do {
            _ = try search(SearchQuery(text: text))
        } catch let problem as SearchQuery.Problem {
            #expect(problem == .nothingToSearch)
        } catch {
            Issue.record("\(text): \(error)")
        }
    }

    @Test func badFilterValuesAreExplained() {
        #expect(throws: SearchQuery.Problem.badDate(option: "--from", value: "hôm qua")) { try search(SearchQuery(text: "a", from: "hôm qua")) }
        #expect(throws: SearchQuery.Problem.badField("farming")) { try search(SearchQuery(text: "a", field: "farming")) }
    }

    @Test(.enabled(if: TestSupport.shared != nil, "needs ../shared (the shared corpus beside the repository; not on every machine)"))
    func theSeedsAreFoundByResearchersQueries() throws {
        let shared = try #require(TestSupport.shared)
        let output = TestSupport.temporaryFolder().appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        var config = PipelineConfig(inputs: [.init(path: shared.appendingPathComponent("seeds").path)])
        config.output.folder = output.path
        _ = try Pipeline(config: config, baseDirectory: output).run()
        let store = try ArchiveStore(folder: output, readOnly: true)
        #expect(try store.search(SearchQuery(text: "lien gia tu quan")).first?.path == "002_24bd1039deb115fc.txt")
        #expect(try store.search(SearchQuery(text: "dang uy khoi")).first?.path == "001_f13b003577f24b80.txt")
        #expect(try store.search(SearchQuery(text: "dan van kheo", kind: .dispatch)).map(\.path) == ["004_fa18a2e4ded8d877.txt"])
    }
}

/// Issue 14: long queries are bounded and answered at once; dates in filters must exist.
@Suite(.serialized)
struct SearchBoundsTests {
    @Test func longQueriesAreCutAndAnsweredWithinASecond() throws {
        let store = try ArchiveStore(folder: SearchTests.output, readOnly: true)
        var generator = SplitMix64(state: 11)
        let words = ["dan", "van", "kheo", "xa", "tan", "phu", "mo", "hinh", "ke", "hoach", "nong", "thon"]
        let queries = [
            String(repeating: "dan van ", count: 500),
            (0..<14_000).map { _ in words[Int(generator.next() % UInt64(words.count))] + String(generator.next() % 1000) }.joined(separator: " "),
            "\"" + String(repeating: "ke hoach ", count: 5_000) + "\"",
            String(repeating: "\"a b\" ", count: 20_000),
        ]
        for text in queries {
            let query = SearchQuery(text: text)
            #expect(query.wasCut)
            #expect(query.terms.reduce(0) { $0 + $1.count } <= SearchQuery.maximumWords)
            let clock = ContinuousClock()
            let elapsed = try clock.measure { _ = try store.search(query) }
            #expect(elapsed < .seconds(1), "\(text.utf8.count) bytes took \(elapsed)")
        }
        #expect(!SearchQuery(text: "dan van kheo").wasCut)
        #expect(throws: SearchQuery.Problem.longUnit(100_000)) {
            try store.search(SearchQuery(text: "x", unit: String(repeating: "%", count: 100_000)))
        }
        #expect(SearchQuery(text: "dan dan van dan").terms == [["dan"], ["van"]])
    }

    @Test(arguments: [("2020-13-45", false), ("2021-02-29", false), ("2024-02-29", true), ("2024-13", false), ("2024-00", false),
                      ("2024-04-31", false), ("2024-04-30", true), ("1900-02-29", false), ("2000-02-29", true), ("2024", true),
                      ("2024-1", false), ("２０２４", false), ("2024-01-00", false)])
    func datesMustExist(value: String, valid: Bool) {
        #expect(SearchQuery.isISODate(value) == valid)
        #expect((try? SearchQuery(text: "x", from: value).validate()) != nil || !valid)
    }
}
