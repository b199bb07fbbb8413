import Foundation
import VanThuPipeline

/// The fuzzing target: bytes through decode → normalise → classify → extract (and the record's
/// JSON), the way a file of one of the supported formats goes. The first byte picks the format
/// (so one corpus covers all of them and mutations move between them); the rest is the file.
enum FuzzTarget {
    static let names = ["f.txt", "f.html", "f.docx", "f.txt.gz", "f.html.gz", "f.pdf", "f.png", "f.tif"]

    /// Small enough that a mutated gzip or docx cannot take the fuzzer's memory; the caps are the
    /// same code as with the default 64 MB. A mutated PDF or image is read with small OCR limits
    /// (few pages, a low rendering resolution, a few million pixels, one engine), so that a mutant
    /// is read or refused in about a second; the limits are the same code as the defaults.
    static let stages: Pipeline.DocumentStages = {
        var config = PipelineConfig(inputs: [])
        config.limits.maxFileBytes = 4 << 20
        config.ocr.maxPages = 3
        config.ocr.dpi = 72
        config.ocr.maxPixels = 4_000_000
        config.ocr.pageSeconds = 5
        config.ocr.workers = 1
        return Pipeline.DocumentStages(config: config)
    }()

    static func name(for selector: UInt8) -> String { names[Int(selector) % names.count] }

    /// Runs one input; returns whether it was archived (for the harness's statistics).
    @discardableResult
    static func run(_ data: [UInt8]) -> Bool {
        guard let selector = data.first else { return false }
        let body = Array(data.dropFirst())
        switch stages.outcome(bytes: body, name: name(for: selector)) {
        case .archived(let prepared, _):
            // The record must survive its own JSON.
            precondition(!prepared.json.isEmpty, "a record without JSON")
            return true
        case .quarantined(let failure):
            precondition(!failure.reason.isEmpty, "a quarantine without a reason")
            return false
        case .unchanged:
            return false
        }
    }
}

/// libFuzzer's entry point (`swift build -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING`,
/// see Fuzz/README.md). SwiftPM renames an executable's `main`, which keeps libFuzzer's own out of
/// the link: with FUZZING, `main` hands over to libFuzzer's driver.
@_cdecl("LLVMFuzzerTestOneInput")
public func vanthuFuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    FuzzTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

@main
struct LibFuzzerMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in vanthuFuzzOne(data, size) })
    }
}
#endif
