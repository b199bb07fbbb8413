import Foundation
import VanThuText
import VanThuFormats
import VanThuExtract
import VanThuStore

/// Export: the archive files (`archive.json`, and the other formats configured) show the store as
/// of the generation they were exported from. Whatever changed the store since (this run, or a run
/// killed or failed before its export was complete), they are written again. The recorded state
/// names the files as written too, so that one replaced or restored from elsewhere is written again.
enum ArchiveExport {
    /// Writes the archive files when they do not show the store's present state (or always, with
    /// `full`), and fills the report's outputs and document count.
    static func bringUpToDate(_ session: RunSession, full: Bool, report: inout RunReport, timings: inout StageTimings) throws {
        let store = session.store
        let writer = session.archiveWriter
        let state = "\(try store.generation()) \(writer.fingerprint)"
        let missing = writer.expectedOutputs.contains { !FileManager.default.fileExists(atPath: $0.path) }
        if try missing || full || store.exportedState() != state + " " + writer.filesSignature {
            var clock = timings.start()
            let (written, count) = try writer.write(from: store)
            // Recorded only once every file is in place: an export killed part way is redone.
            try store.setExportedState(state + " " + writer.filesSignature)
            timings.lap(.write, &clock)
            report.outputs = written.map { $0.lastPathComponent }
            report.documentsInArchive = count
            report.exported = true
        } else {
            report.outputs = writer.expectedOutputs.map { $0.lastPathComponent }
            report.documentsInArchive = store.documentCount
        }
    }
}
