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
        let record = Record(id: input.clean.id, source: input.clean.source, kind: input.kind, kindReasons: input.reasons,
                            text: input.clean.document.text)
        var context = ExtractionContext(document: input.clean.document, record: record)
        for extractor in extractors { extractor.extract(&context) }
        if !includeText { context.record.text = "" }
        return context.record
    }
}
