/// A rule-based extractor: a `Sendable` value that carries its own description and examples.
///
/// `id` is its key in `pipeline.json`. `examples` are run by one parameterised test
/// (`ExtractorExamplesTests`), so every example is a test: the ones that must match with their
/// expected values, and the ones that must not match.
public protocol Extractor: Sendable {
    var id: String { get }
    var summary: String { get }
    /// Ids of extractors whose facts this one reads; they run first and cannot be switched off alone.
    var requires: [String] { get }
    var examples: [ExtractorExample] { get }
    /// The options this extractor reads from its object in pipeline.json, besides `enabled`.
    var options: [ExtractorOption] { get }
    /// This extractor set up for a run: the run's lexicon (pipeline.json's additions included)
    /// and its own option values. Every extractor is configured this way, none by its type.
    func configured(with configuration: ExtractorConfiguration) -> any Extractor
    func extract(_ context: inout ExtractionContext)
    /// Short strings describing this extractor's facts in a record, as examples state them.
    func describe(_ record: Record) -> [String]
}

extension Extractor {
    public var requires: [String] { [] }
    public var options: [ExtractorOption] { [] }
    /// An extractor that reads no table of the lexicon and has no options is the same in every run.
    public func configured(with configuration: ExtractorConfiguration) -> any Extractor { self }
}

/// One example of an extractor: a text and what it must (or must not) yield.
public struct ExtractorExample: Sendable, CustomStringConvertible {
    public enum Expectation: Sendable {
        /// The extractor's facts, described, are exactly these (in any order).
        case exactly([String])
        /// These descriptions are among the facts.
        case includes([String])
        /// None of these descriptions is among the facts.
        case excludes([String])
        /// The extractor finds nothing.
        case nothing
    }

    public var text: String
    public var expectation: Expectation
    /// The document's own date, when the example depends on it (years of "Sáng 9/3").
    public var documentDate: String?
    public var kind: DocumentKind
    public var note: String?

    public init(_ text: String, _ expectation: Expectation, documentDate: String? = nil,
                kind: DocumentKind = .unknown, note: String? = nil) {
        self.text = text
        self.expectation = expectation
        self.documentDate = documentDate
        self.kind = kind
        self.note = note
    }

    public static func matches(_ text: String, _ expected: String..., documentDate: String? = nil,
                               kind: DocumentKind = .unknown, note: String? = nil) -> ExtractorExample {
        ExtractorExample(text, .includes(expected), documentDate: documentDate, kind: kind, note: note)
    }

    public static func exactly(_ text: String, _ expected: [String], documentDate: String? = nil,
                               kind: DocumentKind = .unknown, note: String? = nil) -> ExtractorExample {
        ExtractorExample(text, .exactly(expected), documentDate: documentDate, kind: kind, note: note)
    }

    public static func never(_ text: String, _ forbidden: String..., documentDate: String? = nil,
                             kind: DocumentKind = .unknown, note: String? = nil) -> ExtractorExample {
        ExtractorExample(text, forbidden.isEmpty ? .nothing : .excludes(forbidden), documentDate: documentDate,
                         kind: kind, note: note)
    }

    public var description: String {
        let shown = text.count > 60 ? String(text.prefix(57)) + "…" : text
        return shown.replacingOccurrences(of: "\n", with: "⏎")
    }
}
