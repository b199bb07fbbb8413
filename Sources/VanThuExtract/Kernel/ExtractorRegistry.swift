/// Every extractor the pipeline knows, in the order they run. Their ids are the keys of
/// `extractors` in `pipeline.json`.
public enum ExtractorRegistry {
    public static let all: [any Extractor] = [
        HeaderExtractor(),
        TitleExtractor(),
        DateExtractor(),
        DeadlineExtractor(),
        UnitExtractor(),
        ReferenceExtractor(),
        ModelCountExtractor(),
    ]

    public static var ids: [String] { all.map(\.id) }

    /// Version of the extraction rules. Bump it when an extractor changes what it finds: records
    /// made by another version are processed again by the next incremental run.
    public static let rulesVersion = 1

    public static func extractor(id: String) -> (any Extractor)? {
        all.first { $0.id == id }
    }

    /// The extractors needed to run `target`: its requirements (recursively) and itself, in registry order.
    public static func chain(for target: any Extractor) -> [any Extractor] {
        var needed: Set<String> = [target.id]
        var frontier = target.requires
        while let next = frontier.popLast() {
            if needed.insert(next).inserted, let e = extractor(id: next) { frontier += e.requires }
        }
        return all.filter { needed.contains($0.id) }
    }

    /// Runs one example through its extractor (and the extractors it requires) and returns what failed.
    public static func check(_ example: ExtractorExample, with extractor: any Extractor) -> [String] {
        var context = ExtractionContext(text: example.text, kind: example.kind, date: example.documentDate)
        // The extractor given (configured, perhaps) runs itself; the ones it requires are the registry's.
        for step in chain(for: extractor) { (step.id == extractor.id ? extractor : step).extract(&context) }
        let found = extractor.describe(context.record)
        var failures: [String] = []
        switch example.expectation {
        case .exactly(let want):
            if found.sorted() != want.sorted() { failures.append("want exactly \(want.sorted()), got \(found.sorted())") }
        case .includes(let want):
            for item in want where !found.contains(item) { failures.append("missing \(item); got \(found)") }
        case .excludes(let forbidden):
            for item in forbidden where found.contains(item) { failures.append("must not find \(item); got \(found)") }
        case .nothing:
            if !found.isEmpty { failures.append("must find nothing; got \(found)") }
        }
        return failures
    }
}
