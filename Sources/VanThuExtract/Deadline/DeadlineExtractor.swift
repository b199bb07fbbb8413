/// Dates by which something must be done (`trước ngày 01/7/2020`, `chậm nhất ngày …`, `hạn chót …`,
/// `trong tháng 6/2020`, `trước ngày 20/3 hằng năm`, `trong thời hạn 15 ngày kể từ ngày …`), with the
/// action and the receiving unit.
///
/// It reads the mentions of `TemporalScanner` (recurring month-days included) and looks before each
/// one for a trigger of `DeadlineLexicon.triggers`. `trước` and `trong` count only in a clause that asks
/// for something to be done, and a deadline never lies before the document's own date (that is a
/// story: `trước ngày 30/4/1975 …`).
public struct DeadlineExtractor: Extractor {
    public let id = "deadlines"
    public let summary = "Dates by which something must be done, with the action and the receiving unit."
    public var requires: [String] { ["header", "dates"] }
    /// Also report deadlines counted from an event (`trong thời hạn 15 ngày kể từ ngày nhận được hồ sơ`),
    /// with `due` null and the event as `anchor`. Off by default: the archive's contract
    /// (`gold/README.md`) makes a deadline a date, and such a span is a duration, not a date.
    public var includeRelative: Bool

    /// The receiving units' words of the run's lexicon (a head added in pipeline.json starts a `to`).
    package let vocabulary: UnitPhraseReader.LazyVocabulary

    public init(includeRelative: Bool = false, units: UnitLexicon = .standard) {
        self.includeRelative = includeRelative
        self.vocabulary = UnitPhraseReader.LazyVocabulary(units)
    }

    /// The run's unit lexicon: its heads start a receiving unit.
    public func configured(with configuration: ExtractorConfiguration) -> any Extractor {
        DeadlineExtractor(includeRelative: includeRelative, units: configuration.lexicon.units)
    }

    public var examples: [ExtractorExample] { Self.examples }

    /// `due [recurrence] [to=unit] [anchor=…]` for each deadline, and `action=…` for each action.
    public func describe(_ record: Record) -> [String] {
        var found: [String] = []
        for deadline in record.deadlines {
            var line = deadline.due ?? "nil"
            if let recurrence = deadline.recurrence { line += " \(recurrence.rawValue)" }
            if let to = deadline.to { line += " to=\(to)" }
            if let anchor = deadline.anchor { line += " anchor=\(anchor)" }
            found.append(line)
            if let action = deadline.action { found.append("action=\(action)") }
        }
        return found
    }

    public func extract(_ context: inout ExtractionContext) {
        let document = context.document
        let mentions = context.temporalMentions()
        guard !mentions.isEmpty else { return }
        let documentDate = context.record.date
        let documentYear = context.documentYear
        let found: [DeadlineFact] = document.folded.bytes.withUnsafeBufferPointer { buffer in
            let finder = DeadlineFinder(document: document, text: FoldedBytes(buffer), documentDate: documentDate,
                                        issued: context.record.header?.date == documentDate ? documentDate : nil,
                                        documentYear: documentYear, isDispatch: context.record.kind == .dispatch,
                                        vocabulary: vocabulary.value)
            return finder.deadlines(in: includeRelative ? mentions : mentions.filter { $0.kind != .duration })
        }
        context.record.deadlines += found
    }
}
