/// Counts of mô hình (models) with status, field, year and scope.
/// Partial: completed by issue 5.
public struct ModelCountExtractor: Extractor {
    public let id = "modelCounts"
    public let summary = "Counts of mô hình (models) with status, field, year and scope."

    public init() {}

    public var examples: [ExtractorExample] { [] }

    public func describe(_ record: Record) -> [String] { [] }

    public func extract(_ context: inout ExtractionContext) {}
}
