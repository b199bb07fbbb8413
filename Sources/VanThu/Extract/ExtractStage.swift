/// Runs the enabled extractors, in registry order, and makes the document's record.
public struct ExtractStage: Stage {
    public var name: StageName { .extract }
    public var extractors: [any Extractor]
    public var includeText: Bool

    public init(extractors: [any Extractor], includeText: Bool = true) {
        self.extractors = extractors
        self.includeText = includeText
    }

    public func run(_ input: ClassifiedDocument) throws(StageFailure) -> Record {
        let record = Record(id: input.clean.id, source: input.clean.source, kind: input.classification.kind,
                            kindReasons: input.classification.reasons,
                            text: input.clean.document.text)
        var context = ExtractionContext(document: input.clean.document, record: record)
        for extractor in extractors { extractor.extract(&context) }
        Self.applyHints(input.clean.hints, to: &context.record)
        if !includeText { context.record.text = "" }
        return context.record
    }

    /// The format's own metadata wins over what rules read from the text: an HTML page's og:title
    /// is its headline (a dispatch keeps its subject line), and its published time is its date.
    static func applyHints(_ hints: DocumentHints, to record: inout Record) {
        if let title = hints.title, !title.isEmpty, record.kind != .dispatch {
            record.title = title
            record.titleRule = hints.titleRule
        }
        if record.title == nil, let title = hints.pageTitle, !title.isEmpty {
            record.title = title
            record.titleRule = "title without site suffix"
        }
        if let published = hints.published, let date = isoDatePrefix(published), record.kind != .dispatch {
            record.date = date
            record.dateSource = hints.dateSource
        }
    }

    /// `2024-03-15T06:28:00+07:00` → `2024-03-15`.
    static func isoDatePrefix(_ text: String) -> String? {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ [4, 7].contains($0.offset) || ($0.element >= 48 && $0.element <= 57) }) else { return nil }
        func number(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) } }
        // A date that does not exist (2021-02-29, 2020-13-45) is no date.
        guard CalendarValue.isValid(day: number(8..<10), month: number(5..<7), year: number(0..<4)) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
