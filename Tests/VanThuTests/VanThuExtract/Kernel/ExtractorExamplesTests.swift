import Testing
@testable import VanThuExtract

/// Every example of every extractor is a test: the ones that must match with their values and the
/// ones that must not match.
struct ExtractorExamplesTests {
    static let cases: [ExampleCase] = ExtractorRegistry.all.flatMap { extractor in
        extractor.examples.enumerated().map { ExampleCase(extractorID: extractor.id, index: $0.offset, example: $0.element) }
    }

    @Test("extractor example", arguments: cases)
    func example(_ item: ExampleCase) {
        let extractor = ExtractorRegistry.extractor(id: item.extractorID)!
        let failures = ExtractorRegistry.check(item.example, with: extractor)
        #expect(failures.isEmpty, "\(item): \(failures.joined(separator: "; "))")
    }

    @Test func everyExtractorHasMatchingAndNonMatchingExamples() {
        for extractor in ExtractorRegistry.all {
            let examples = extractor.examples
            #expect(examples.contains { if case .nothing = $0.expectation { return false }; if case .excludes = $0.expectation { return false }; return true },
                    "\(extractor.id) has no example that must match")
        }
    }
}

struct ExampleCase: Sendable, CustomTestStringConvertible {
    let extractorID: String
    let index: Int
    let example: ExtractorExample

    var testDescription: String { "\(extractorID)#\(index): \(example.description)" }
}
