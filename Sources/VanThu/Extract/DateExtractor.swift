/// Calendar dates, periods and the document's own date.
/// Partial: completed by issue 3.
public struct DateExtractor: Extractor {
    public let id = "dates"
    public let summary = "Calendar dates, periods and the document's own date."

    public init() {}

    public var examples: [ExtractorExample] { [] }

    public func describe(_ record: Record) -> [String] { [] }

    public func extract(_ context: inout ExtractionContext) {}
}
