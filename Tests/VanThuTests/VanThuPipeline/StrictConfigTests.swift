import Foundation
import Testing
@testable import VanThuExtract
@testable import VanThuPipeline

/// Issue 14 (item 15): configurations that Foundation's JSON reader let through, and one that was
/// slow to validate.
struct StrictConfigTests {
    func parse(_ json: String) throws(ConfigError) -> PipelineConfig {
        try PipelineConfig.parse(Data(json.utf8))
    }

    func malformedReason(_ json: String) -> String? {
        do { _ = try parse(json); return nil } catch {
            if case .malformedJSON(_, let reason) = error { return reason }
            return "other: \(error)"
        }
    }

    @Test func duplicateKeysAndTrailingCommasAreErrors() {
        #expect(malformedReason(#"{"inputs": ["a"], "inputs": ["b"]}"#)?.contains("duplicate key \"inputs\"") == true)
        #expect(malformedReason(#"{"inputs": [{"path": "a", "path": "b"}]}"#)?.contains("duplicate key \"path\"") == true)
        #expect(malformedReason(#"{"inputs": ["a"],}"#) != nil)
        #expect(malformedReason(#"{"inputs": ["a", "b",]}"#) != nil)
        #expect(malformedReason(#"{"inputs": ["a"]}"#) == nil)
        // The same key in two different objects is fine.
        #expect(malformedReason(#"{"inputs": [{"path": "a"}, {"path": "b"}]}"#) == nil)
    }

    @Test func anEmptyPathIsAnErrorNotTheConfigurationsFolder() {
        #expect(throws: ConfigError.self) { try parse(#"{"inputs": [""]}"#) }
        #expect(throws: ConfigError.self) { try parse(#"{"inputs": [{"path": ""}]}"#) }
        #expect(throws: ConfigError.self) { try parse(#"{"inputs": ["a"], "output": {"folder": ""}}"#) }
        #expect(throws: ConfigError.self) { try parse(#"{"inputs": ["a\u0000b"]}"#) }
        #expect((try? parse(#"{"inputs": ["."]}"#))?.inputs.first?.path == ".")
    }

    @Test func manyLexiconHeadsValidateQuickly() throws {
        let heads = (0..<100_000).map { "\"Tổ công tác số \($0)\"" }.joined(separator: ",")
        let started = Date()
        let config = try parse(#"{"inputs": ["a"], "lexicon": {"heads": [\#(heads)]}}"#)
        #expect(config.enabledExtractors.count == ExtractorRegistry.ids.count)
        #expect(Date().timeIntervalSince(started) < 30)
        // The bulk insert finds what one-by-one inserts found.
        var one = PhraseTable<Int>()
        for (k, phrase) in ["Tổ công tác", "Tổ công tác số 2", "Tổ", "Tổ công tác"].enumerated() { one.insert(phrase, k) }
        var bulk = PhraseTable<Int>()
        bulk.insert(contentsOf: Array(["Tổ công tác", "Tổ công tác số 2", "Tổ", "Tổ công tác"].enumerated().map { ($1, $0) }))
        #expect(one.count == bulk.count)
        #expect(bulk.count == 3)
    }
}
