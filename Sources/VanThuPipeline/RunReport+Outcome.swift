import Foundation
import VanThuText
import VanThuFormats
import VanThuExtract
import VanThuStore

extension RunReport {
    /// Counts what became of one file sent through the stages: processed (archived or
    /// quarantined, with the reason), or skipped because its bytes had not changed.
    mutating func count(_ outcome: Pipeline.DocumentStages.Outcome, of file: SourceFile) {
        switch outcome {
        case .unchanged:
            skipped += 1
        case .quarantined(let failure):
            processed += 1
            quarantined.append(.init(path: Pipeline.displayPath(file), stage: failure.stage, reason: failure.reason))
        case .archived(let prepared, let dropped):
            let record = prepared.record
            processed += 1
            bytesRead += record.source.bytes
            pages += record.pages?.count ?? 0
            droppedChromeLines += dropped
            archived += 1
            byKind[record.kind.rawValue, default: 0] += 1
            for (kind, count) in record.factCounts { facts[kind, default: 0].saturatingAdd(count) }
        }
    }
}
