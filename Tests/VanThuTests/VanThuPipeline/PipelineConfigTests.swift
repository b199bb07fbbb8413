import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats
@testable import VanThuExtract
@testable import VanThuPipeline

struct PipelineConfigTests {
    func parse(_ json: String) throws(ConfigError) -> PipelineConfig {
        try PipelineConfig.parse(Data(json.utf8))
    }

    @Test func theRootPipelineIsValidAndRunsOnFixtures() throws {
        let config = try PipelineConfig.load(from: TestSupport.repositoryRoot.appendingPathComponent("pipeline.json"))
        #expect(config.inputs.map(\.path) == ["fixtures"])
        #expect(config.output.folder == "archive")
        #expect(config.stages == StageName.allCases)
        #expect(config.enabledExtractors.map(\.id) == ExtractorRegistry.ids)
    }

    @Test func foldersSkipSidecarsByDefaultAndAnExcludeReplacesTheList() throws {
        let globs = PipelineConfig.defaultExclude.map(Glob.init)
        func skipped(_ path: String) -> Bool { globs.contains { $0.matches(path) } }
        for path in ["LICENSE", "licence.txt", "License-MIT", "COPYING", "README", "README.md", "sub/readme.txt", "numbers.jsonl",
                     "2024/so-lieu.csv", "meta.json", "cv-01.txt~", ".cv-01.txt.swp", "sub/.#cv-01.txt", "#cv-01.txt#"] {
            #expect(skipped(path), "\(path) should be skipped")
        }
        for path in ["cv-01.txt", "licensed-shops.txt", "readmes-of-the-ward.txt", "tin-tuc/bai-viet.html", "van-ban.docx", "ban.txt.gz",
                     "copyingbook.txt", "2024/ke-hoach"] {
            #expect(!skipped(path), "\(path) should be taken")
        }
        // Hidden files are the walk's own rule (`includeHidden`), not a glob of this list.
        #expect(!skipped(".hidden.txt"))
        #expect(try parse(#"{"inputs": ["docs"]}"#).inputs[0].exclude == PipelineConfig.defaultExclude)
        #expect(try parse(#"{"inputs": [{"path": "docs"}]}"#).inputs[0].exclude == PipelineConfig.defaultExclude)
        #expect(try parse(#"{"inputs": [{"path": "docs", "exclude": []}]}"#).inputs[0].exclude == [])
        #expect(try parse(#"{"inputs": [{"path": "docs", "exclude": ["**/x"]}]}"#).inputs[0].exclude == ["**/x"])
    }

    @Test func unknownKeysNameTheirPathAndTheValidKeys() {
        #expect(throws: ConfigError.unknownKey(keyPath: "output.fromat", valid: ["folder", "formats", "gzip", "includeText"])) {
            try parse(#"{"inputs": ["a"], "output": {"fromat": "json"}}"#)
        }
        #expect(throws: ConfigError.unknownKey(keyPath: "extractors.datez", valid: ExtractorRegistry.ids)) {
            try parse(#"{"inputs": ["a"], "extractors": {"datez": {"enabled": false}}}"#)
        }
        #expect(throws: ConfigError.unknownKey(keyPath: "inputs[0].exlude", valid: ["path", "include", "exclude", "includeHidden", "name"])) {
            try parse(#"{"inputs": [{"path": "a", "exlude": []}]}"#)
        }
    }

    @Test func badValuesNameTheValidOptions() throws {
        #expect(throws: ConfigError.invalidValue(keyPath: "stages[1]", value: "\"parse\"", valid: StageName.allCases.map(\.rawValue))) {
            try parse(#"{"inputs": ["a"], "stages": ["ingest", "parse"]}"#)
        }
        #expect(throws: ConfigError.invalidValue(keyPath: "output.formats[0]", value: "\"xml\"", valid: ["json", "jsonl"])) {
            try parse(#"{"inputs": ["a"], "output": {"formats": ["xml"]}}"#)
        }
        #expect(throws: ConfigError.wrongType(keyPath: "limits.maxFileBytes", expected: "a whole number")) {
            try parse(#"{"inputs": ["a"], "limits": {"maxFileBytes": "big"}}"#)
        }
        // Offsets into a text are 32-bit: a limit past 1 GiB is refused, not trapped on later.
        #expect(throws: ConfigError.invalidValue(keyPath: "limits.maxFileBytes", value: "1073741825",
                                                 valid: ["a positive number of bytes up to 1073741824 (1 GiB)"])) {
            try parse(#"{"inputs": ["a"], "limits": {"maxFileBytes": 1073741825}}"#)
        }
        #expect(try parse(#"{"inputs": ["a"], "limits": {"maxFileBytes": 1073741824}}"#).limits.maxFileBytes == 1 << 30)
        #expect(throws: ConfigError.wrongType(keyPath: "output.gzip", expected: "true or false")) {
            try parse(#"{"inputs": ["a"], "output": {"gzip": 1}}"#)
        }
        #expect(throws: ConfigError.missingKey(keyPath: "inputs")) { try parse(#"{"version": 1}"#) }
        #expect(throws: ConfigError.unsupportedVersion(2, supported: 1)) { try parse(#"{"version": 2, "inputs": []}"#) }
    }

    @Test func stagesMustKeepTheirOrderAndTheRequiredOnes() {
        #expect(throws: ConfigError.self) { try parse(#"{"inputs": ["a"], "stages": ["decode", "ingest", "normalize", "write"]}"#) }
        #expect(throws: ConfigError.self) { try parse(#"{"inputs": ["a"], "stages": ["ingest", "decode", "write"]}"#) }
        let minimal = try? parse(#"{"inputs": ["a"], "stages": ["ingest", "decode", "normalize", "write"]}"#)
        #expect(minimal?.enabledExtractors.isEmpty == true)
    }

    @Test func extractorsSwitchOnAndOff() throws {
        let config = try parse(#"{"inputs": ["a"], "extractors": {"modelCounts": {"enabled": false}, "references": false}}"#)
        #expect(!config.isEnabled(extractor: "modelCounts"))
        #expect(!config.isEnabled(extractor: "references"))
        #expect(config.isEnabled(extractor: "dates"))
        #expect(!config.enabledExtractors.contains { $0.id == "modelCounts" })
    }

    @Test func theLexiconCanBeExtended() throws {
        let text = "Nghiệp đoàn Nghề cá xã Bình Châu đã họp với ngư dân."
        let plain = try parse(#"{"inputs": ["a"]}"#)
        let extended = try parse(#"{"inputs": ["a"], "lexicon": {"heads": ["Nghiệp đoàn"]}}"#)
        func units(_ config: PipelineConfig) -> [String] {
            var context = ExtractionContext(text: text, kind: .news)
            for extractor in config.enabledExtractors { extractor.extract(&context) }
            return context.record.units.map(\.name)
        }
        #expect(!units(plain).contains { $0.hasPrefix("Nghiệp đoàn") })
        #expect(units(extended).contains { $0.hasPrefix("Nghiệp đoàn") })
        #expect(plain.extractorVersionTag != extended.extractorVersionTag)
        #expect(throws: ConfigError.unknownKey(keyPath: "lexicon.head", valid: ["heads", "standaloneHeads", "qualifiers", "positions", "places", "header"])) {
            try parse(#"{"inputs": ["a"], "lexicon": {"head": ["x"]}}"#)
        }
    }

    @Test func malformedJSONIsReported() {
        #expect(throws: ConfigError.self) { try parse("{\"inputs\": [") }
    }
}
