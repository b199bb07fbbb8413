/// Other documents cited by type, number and symbol.
/// Partial: completed by issue 4.
public struct ReferenceExtractor: Extractor {
    public let id = "references"
    public let summary = "Other documents cited by type, number and symbol."

    public init() {}

    public var examples: [ExtractorExample] { [] }

    public func describe(_ record: Record) -> [String] { [] }

    public func extract(_ context: inout ExtractionContext) {}
}
