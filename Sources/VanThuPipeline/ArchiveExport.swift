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
        try store.asExporter(run: session.runID) { stillIngesting in
            let state = "\(try store.generation()) \(writer.fingerprint)"
            let missing = writer.expectedOutputs.contains { !FileManager.default.fileExists(atPath: $0.path) }
            // What the store records once the files are written: their signature is the one they
            // have then (and, on a shared store, where they are).
            var place = ""
            if store.isShared {
                // Many workers, one export: the last to finish ingesting writes it, into its folder,
                // and the state says where (`host:folder` after a line break).
                let here = ProcessInfo.processInfo.hostName + ":" + session.output.path
                let recorded = try store.exportedState()?.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
                let (recordedState, recordedPlace) = (recorded?.first.map(String.init), recorded?.dropFirst().first.map(String.init))
                var leftTo: String?
                if !stillIngesting.isEmpty {
                    leftTo = "the last of " + stillIngesting.joined(separator: ", ") + ", still ingesting"
                } else if let recordedPlace, recordedPlace != here, recordedState?.hasPrefix(state + " ") == true {
                    leftTo = recordedPlace  // unchanged since another worker exported it there
                }
                if !full, let leftTo {
                    report.exportLeftTo = leftTo
                    report.documentsInArchive = store.documentCount
                    return
                }
                place = "\n" + here
                if !missing, !full, try store.exportedState() == state + " " + writer.filesSignature + place {
                    report.outputs = writer.expectedOutputs.map { $0.lastPathComponent }
                    report.documentsInArchive = store.documentCount
                    return
                }
            } else if !missing, !full, try store.exportedState() == state + " " + writer.filesSignature {
                report.outputs = writer.expectedOutputs.map { $0.lastPathComponent }
                report.documentsInArchive = store.documentCount
                return
            }
            var clock = timings.start()
            let (files, count) = try writer.write(from: store)
            // Recorded only once every file is in place: an export killed part way is redone.
            try store.setExportedState(state + " " + writer.filesSignature + place)
            timings.lap(.write, &clock)
            report.outputs = files.map { $0.lastPathComponent }
            report.documentsInArchive = count
            report.exported = true
        }
    }
}
