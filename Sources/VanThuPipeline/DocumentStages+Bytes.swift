import VanThuFormats
import VanThuExtract
import VanThuStore

extension Pipeline.DocumentStages {
    /// Bytes through every stage as if read from a file named `name` (which gives the format):
    /// what a fuzzer drives, with no file system involved.
    public func outcome(bytes: [UInt8], name: String) -> Outcome {
        let file = SourceFile(path: "/fuzz/" + name, relativePath: name, size: bytes.count)
        do throws(StageFailure) {
            let raw = try ingest.document(bytes, of: file)
            let decoded = try decode.run(raw)
            let clean = try normalize.run(decoded)
            let classified = try classify?.run(clean) ?? ClassifiedDocument(clean: clean, classification: .unclassified)
            let record = try extract.run(classified)
            // A document extracted in windows has no whole fold: the entry folds the record's text.
            let folded = ExtractStage.isWindowed(clean.document) ? nil : clean.document.folded
            return .archived(PreparedRecord(record, folded: folded), droppedChromeLines: 0)
        } catch {
            return .quarantined(error)
        }
    }
}
