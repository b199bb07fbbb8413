import Foundation
import VanThuText
import VanThuFormats
import VanThuExtract
import VanThuStore

/// The incremental diff: the input tree as walked now against the files the store knew. A known
/// file with the same size and mtime, read under the same rules, is skipped without being read;
/// one whose size or mtime changed is read again but keeps its record when its checksum did not
/// change; the rest (new files, changed rules, `--full`) go through every stage. Known files under
/// the walked roots that were not found are `vanished`: the run marks them gone.
struct IncrementalPlan {
    /// A file to send through the stages.
    struct Item: Sendable {
        var file: SourceFile
        var root: String
        /// The checksum and document of the file as last archived, when only its size or mtime
        /// changed: the stages stop after ingest if the bytes are the same.
        var previous: (sha256: String, documentId: String?)?
    }

    /// In the walk's order.
    var pending: [Item] = []
    /// Locations of known files under the walked roots that the walk did not find.
    var vanished: [String] = []

    /// Walks `inputs` (the output folder left out) and compares what it finds with `known`, taking
    /// each file found out of it (what is left was not found).
    /// Fills the walk's side of `report`: files found, walk problems and the known quarantine of
    /// skipped files (as quarantined), files skipped unchanged or by rule, and warnings.
    /// Throws `.inputMissing` when a root is empty while the store holds files from it.
    init(inputs: [PipelineConfig.InputSpec], output: URL, known: inout ArchiveStore.KnownSources,
         knownQuarantine: [String: ArchiveStore.Quarantine], store: any RecordStore, full: Bool,
         report: inout RunReport) throws(PipelineError) {
        let roots = known.roots
        do {
            // The listing goes once `pending` is made from it.
            let listing = InputWalker(inputs: inputs, skipFolders: [output]).list()
            for problem in listing.problems {
                report.quarantined.append(.init(path: problem.path, stage: .ingest, reason: problem.reason))
            }
            report.inputsFound = listing.files.count
            let rootsWithFiles = Set(listing.files.map(\.root))
            for spec in inputs where !rootsWithFiles.contains(spec.path) {
                // An empty root the archive knows files from looks like a share that is not mounted.
                let rootIndex = roots.firstIndex(of: spec.path)
                let held = rootIndex.map { index in known.byLocation.values.filter { $0.root == index && $0.status != .gone }.count } ?? 0
                let holdsEntries = !((try? FileManager.default.contentsOfDirectory(atPath: spec.path)) ?? []).isEmpty
                if held > 0 && !holdsEntries {
                    throw PipelineError.inputMissing("input root \(spec.path) is empty, but the archive holds \(held) files from it "
                        + "(not mounted?); nothing was changed, no record marked gone")
                }
                report.warnings.append(holdsEntries ? "no files to archive under \(spec.path) (none matches its include and exclude globs)"
                                                    : "no files to archive under \(spec.path)")
            }
            for (rule, count) in listing.skipped { report.skippedByRule[rule.rawValue] = count }
            // Named roots: their files are known by name and relative path, wherever they are mounted.
            var names: [String: String] = [:]
            for spec in inputs { if let name = spec.name { names[PathEscape.escape(URL(fileURLWithPath: spec.path).standardizedFileURL.path)] = name } }
            for (file, root) in listing.files {
                var file = file, root = root
                if let name = names[root] {
                    if file.openPath == nil { file.openPath = PathEscape.unescape(file.path) }
                    file.path = name + ":" + file.relativePath
                    root = name
                }
                file.root = root
                let previous = known.byLocation.removeValue(forKey: file.path)
                guard let previous, previous.status != .gone, previous.current, !full else {
                    pending.append(Item(file: file, root: root, previous: nil))
                    continue
                }
                if previous.size == file.size, previous.mtime == file.modified?.timeIntervalSince1970 ?? 0 {
                    report.skipped += 1
                    if previous.status == .quarantined, let entry = knownQuarantine[file.path] {
                        report.quarantined.append(.init(path: Pipeline.displayPath(file), stage: entry.stage,
                                                        reason: entry.reason))
                    }
                    continue
                }
                // Size or mtime changed: if the bytes did not, the record stands.
                pending.append(Item(file: file, root: root,
                                    previous: previous.status == .archived ? try store.archivedSource(at: file.path) : nil))
            }
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError.store(error, path: store.storeLocation)
        }
        // Known files under this run's roots that were not found.
        let walkedRoots = Set(inputs.map(\.provenanceRoot))
        let walked = Set(roots.indices.filter { walkedRoots.contains(roots[$0]) })
        vanished = known.byLocation.filter { walked.contains($0.value.root) && $0.value.status != .gone }.keys.sorted()
    }
}
