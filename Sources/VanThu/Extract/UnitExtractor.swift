/// Organisational unit names and the people named with them.
/// Partial: completed by issue 4.
public struct UnitExtractor: Extractor {
    public let id = "units"
    public let summary = "Organisational unit names and the people named with them."

    public init() {}

    public var examples: [ExtractorExample] { [] }

    public func describe(_ record: Record) -> [String] { [] }

    public func extract(_ context: inout ExtractionContext) {}
}
