/// Dates by which something must be done, with the action and the receiving unit.
/// Partial: completed by issue 3.
public struct DeadlineExtractor: Extractor {
    public let id = "deadlines"
    public let summary = "Dates by which something must be done, with the action and the receiving unit."

    public init() {}

    public var examples: [ExtractorExample] { [] }

    public func describe(_ record: Record) -> [String] { [] }

    public func extract(_ context: inout ExtractionContext) {}
}
