import ArgumentParser
import Foundation
import VanThu

enum CLISupport {
    /// A command-line path made absolute against the current folder.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }

    /// Loads a configuration; when it is missing and `allowMissing`, the defaults (no inputs).
    /// Returns the folder relative paths in it are resolved against.
    static func loadConfig(_ path: String, allowMissing: Bool) throws -> (PipelineConfig, URL?) {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        if allowMissing && !FileManager.default.fileExists(atPath: url.path) {
            return (PipelineConfig(inputs: []), nil)
        }
        do throws(ConfigError) {
            return (try PipelineConfig.load(from: url), url.deletingLastPathComponent())
        } catch {
            fail("vanthu: \(path): \(error.description)", status: .configuration)
        }
    }

    /// Opens the store of an output folder: --output, else the configuration's output folder.
    static func openStore(output: String?, config: String) throws -> ArchiveStore {
        let folder: URL
        if let output {
            folder = URL(fileURLWithPath: absolute(output))
        } else {
            let (configuration, base) = try loadConfig(config, allowMissing: true)
            folder = Pipeline(config: configuration, baseDirectory: base ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).outputFolder
        }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(ArchiveStore.fileName).path) else {
            fail("vanthu: no archive in \(folder.path) (run vanthu run first, or give --output)", status: .configuration)
        }
        do { return try ArchiveStore(folder: folder, readOnly: true) } catch {
            fail("vanthu: cannot open \(folder.appendingPathComponent(ArchiveStore.fileName).path): \(error)", status: .output)
        }
    }

    static func fail(_ message: String, status: ExitStatus) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(status.rawValue)
    }

    static func printProgress(_ p: RunProgress) {
        let mb = Double(p.bytes) / 1_000_000
        let rate = p.elapsed > 0 ? mb / p.elapsed : 0
        let line = String(format: "\r\u{1B}[K[%d/%d] %.1f MB  %.1f MB/s  quarantined %d", p.done, p.total, mb, rate, p.quarantined)
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func printSummary(_ report: RunReport, folder: URL) {
        var lines: [String] = []
        let kinds = report.byKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        lines.append("processed \(report.processed) files, \(report.skipped) unchanged" + (report.gone > 0 ? ", \(report.gone) gone" : ""))
        lines.append("archived \(report.archived) documents" + (kinds.isEmpty ? "" : " (\(kinds))")
                     + "; the archive holds \(report.documentsInArchive)" + (report.exported ? "" : " (unchanged, not rewritten)"))
        let facts = report.facts.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        if !facts.isEmpty { lines.append("facts: " + facts.joined(separator: ", ")) }
        lines.append("quarantined \(report.quarantined.count)")
        for entry in report.quarantined.prefix(10) { lines.append("  \(entry.path) [\(entry.stage.rawValue)] \(entry.reason)") }
        if report.quarantined.count > 10 { lines.append("  … \(report.quarantined.count - 10) more in run.json") }
        lines.append(String(format: "%.2f s, %.2f MB, %.1f MB/s", report.seconds, Double(report.bytesRead) / 1_000_000,
                            report.megabytesPerSecond))
        lines.append("wrote " + report.outputs.map { folder.appendingPathComponent($0).path }.joined(separator: ", ") + ", run.json")
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
