import Foundation
import Testing
@testable import VanThuFormats
@testable import VanThuPipeline

/// pipeline.json's `ocr` section and `limits.maxPages` (issue 17).
struct OCRConfigTests {
    func parse(_ json: String) throws(ConfigError) -> PipelineConfig {
        try PipelineConfig.parse(Data(json.utf8))
    }

    @Test func theSectionSetsTheSettings() throws {
        let config = try parse(#"{"inputs": ["a"], "limits": {"maxPages": 40}, "ocr": {"languages": "Vietnamese", "dpi": 400, "deskew": false, "median": false, "normalize": false, "upscaleBelowDpi": 150, "pageSeconds": 20, "workers": 3}}"#)
        #expect(config.ocr.maxPages == 40)
        #expect(config.ocr.languages == "Vietnamese")
        #expect(config.ocr.dpi == 400 && config.ocr.upscaleBelowDpi == 150 && config.ocr.workers == 3)
        #expect(config.ocr.pageSeconds == 20)
        #expect(!config.ocr.deskew && !config.ocr.median && !config.ocr.normalize)
    }

    @Test func withoutTheSectionTheDefaultsHold() throws {
        #expect(try parse(#"{"inputs": ["a"]}"#).ocr == OCRSettings())
    }

    @Test func badValuesAreRefusedWithTheirKeyPath() {
        for json in [#"{"inputs": ["a"], "ocr": {"dpi": 10}}"#, #"{"inputs": ["a"], "ocr": {"languages": ""}}"#,
                     #"{"inputs": ["a"], "ocr": {"colour": true}}"#, #"{"inputs": ["a"], "limits": {"maxPages": 0}}"#] {
            #expect(throws: ConfigError.self, "\(json)") { try parse(json) }
        }
    }
}
