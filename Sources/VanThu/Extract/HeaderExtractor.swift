/// The dispatch header: number and symbol, type, issuer, place and date, subject, recipients, copy list, signer.
/// Partial: completed by issue 4.
public struct HeaderExtractor: Extractor {
    public let id = "header"
    public let summary = "The dispatch header: number and symbol, type, issuer, place and date, subject, recipients, copy list, signer."

    public init() {}

    public var examples: [ExtractorExample] { [] }

    public func describe(_ record: Record) -> [String] { [] }

    public func extract(_ context: inout ExtractionContext) {}
}
