import Foundation
import VanThuText
import VanThuFormats
import VanThuExtract
import VanThuStore

/// The per-document half of the pipeline: one file through ingest → decode → normalize →
/// classify → extract, on a worker thread, ending in the record the store writes (or the failure
/// that quarantines the file). Nothing here touches the store or the report.
extension Pipeline {
    /// The per-document stages as configured.
    public struct DocumentStages: Sendable {
        public var ingest: IngestStage
        public var decode: DecodeStage
        public var normalize = NormalizeStage()
        public var classify: ClassifyStage?
        public var extract: ExtractStage

        /// The formats read: their names decide at ingest which files are read, their readers at
        /// decode what the bytes are. One registry for both.
        public var formats: FormatRegistry {
            get { decode.formats }
            set { ingest.formats = newValue; decode.formats = newValue }
        }

        public init(config: PipelineConfig) {
            ingest = IngestStage(maxFileBytes: config.limits.maxFileBytes)
            decode = DecodeStage(maxBytes: config.limits.maxFileBytes)
            decode.ocr = config.ocr
            let lexicon = config.runLexicon
            classify = config.stages.contains(.classify) ? ClassifyStage(lexicon: lexicon.documents) : nil
            extract = ExtractStage(extractors: config.enabledExtractors(lexicon: lexicon), includeText: config.output.includeText)
        }

        /// What became of one file.
        public enum Outcome: Sendable {
            case archived(PreparedRecord, droppedChromeLines: Int)
            /// The file's checksum equals the one given: its stored record stands.
            case unchanged(sha256: String)
            case quarantined(StageFailure)
        }

        /// One file through every stage: its record, or the failure that quarantines it.
        public func process(_ file: SourceFile) -> Result<(record: Record, dropped: Int), StageFailure> {
            switch outcome(file) {
            case .archived(let prepared, let dropped): return .success((prepared.record, dropped))
            case .quarantined(let failure): return .failure(failure)
            case .unchanged: fatalError("no checksum was given")
            }
        }

        /// One file through every stage, stopping after ingest when its checksum is `knownSHA256`.
        public func outcome(_ file: SourceFile, knownSHA256: String? = nil) -> Outcome {
            var timings = StageTimings()
            return outcome(file, knownSHA256: knownSHA256, timings: &timings)
        }

        /// The same, adding the time spent in each stage to `timings`. With `keepingLargeText:
        /// false`, the record of a large document leaves its text in its JSON only (where the
        /// store takes it from): the run's writers then hold it once, not twice.
        public func outcome(_ file: SourceFile, knownSHA256: String? = nil, timings: inout StageTimings,
                            keepingLargeText: Bool = true) -> Outcome {
            var clock = timings.start()
            do throws(StageFailure) {
                // Each stage's input is let go as soon as the next has what it needs: a large file is
                // not held as bytes, decoded text and clean text at once.
                var raw: RawDocument? = try ingest.run(file)
                timings.lap(.ingest, &clock)
                if let knownSHA256, raw!.sha256 == knownSHA256 { return .unchanged(sha256: knownSHA256) }
                var decoded = try decode.run(raw!)
                raw = nil
                timings.lap(.decode, &clock)
                var clean: CleanDocument? = try normalize.run(taking: &decoded)
                timings.lap(.normalize, &clock)
                var classified: ClassifiedDocument? = try classify?.run(clean!) ?? ClassifiedDocument(clean: clean!, classification: .unclassified)
                timings.lap(.classify, &clock)
                // A large text (kept as bytes only) gets its `String` after extraction, once its
                // fold's map is gone: the record's copy of it, the fold and the bytes are never all
                // held at once (issue 14, item 8).
                let large = classified!.clean.document.storedText == nil
                // A document extracted in windows folds each on its own: its whole fold goes now.
                let windowed = large && ExtractStage.isWindowed(classified!.clean.document)
                if windowed {
                    clean = nil
                    classified!.clean.document = classified!.clean.document.droppingFold()
                }
                var record = try extract.run(classified!, withText: !large)
                timings.lap(.extract, &clock)
                // The search entry is made from the classified document's fold (the chrome that depends
                // on the kind is settled there); then the document (bytes, fold, lines) goes before the
                // record's JSON is made.
                let dropped = classified!.clean.droppedChrome.values.reduce(0, +)
                if large && extract.includeText {
                    // The text is made from the bytes once the document (its fold) is gone, the
                    // JSON from the text, and the search entry folds the text from the JSON as
                    // the index is written: the text, its JSON and its fold are never all held
                    // at once (they were: 64 MB each, issue 14, item 8).
                    // The run's writers keep no text beside the JSON: the JSON is written from
                    // the bytes as they are let go, without the text as a `String` (which, with
                    // its JSON, held the text twice).
                    var utf8 = classified!.clean.document.utf8
                    clean = nil
                    classified = nil
                    let prepared: PreparedRecord
                    if keepingLargeText {
                        record.text = String(decoding: utf8, as: UTF8.self)
                        utf8 = []
                        prepared = PreparedRecord(textInJSON: record)
                    } else {
                        prepared = PreparedRecord(record, consumingText: &utf8)
                    }
                    timings.lap(.prepare, &clock)
                    return .archived(prepared, droppedChromeLines: dropped)
                }
                let search: SearchIndex.Entry
                if large {
                    var utf8 = classified!.clean.document.utf8
                    var foldedBytes = windowed ? FoldedText(utf8: utf8).bytes : classified!.clean.document.folded.bytes
                    clean = nil
                    classified = nil
                    search = SearchIndex.Entry(record, foldedBytes: foldedBytes)
                    foldedBytes = []
                    if extract.includeText { record.text = String(decoding: utf8, as: UTF8.self) }
                    utf8 = []
                } else {
                    search = SearchIndex.Entry(record, folded: classified!.clean.document.folded)
                }
                clean = nil
                classified = nil
                var prepared = PreparedRecord(record, search: search)
                if large && !keepingLargeText { prepared.record.text = "" }
                timings.lap(.prepare, &clock)
                return .archived(prepared, droppedChromeLines: dropped)
            } catch {
                return .quarantined(error)
            }
        }
    }
}
