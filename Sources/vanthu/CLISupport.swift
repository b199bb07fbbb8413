import ArgumentParser
import Foundation
import VanThuStore
import VanThuPostgres
import VanThuPipeline

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

    /// Opens the store to read: `--store URL` (PostgreSQL), else pipeline.json's `store` when it
    /// is PostgreSQL and no archive folder is given, else the SQLite store of an output folder.
    static func openStore(output: String?, config: String, store: String?) throws -> any RecordStore {
        var url = store
        if url == nil, output == nil, FileManager.default.fileExists(atPath: config) {
            if case .postgres(let configured) = try loadConfig(config, allowMissing: true).0.store { url = configured }
        }
        guard let url, url != "sqlite" else { return try openStore(output: output, config: config) }
        do { return try PostgresStore(url: url, readOnly: true) } catch let error as PostgresStoreError {
            fail("vanthu: \(error.description)", status: error.isConnectionProblem ? .storeUnavailable : .output)
        } catch let error as PostgresLocation.Problem {
            fail("vanthu: --store: \(error.description)", status: .usage)
        }
    }

    /// Opens the SQLite store of an output folder: --output, else the configuration's output folder.
    static func openStore(output: String?, config: String) throws -> ArchiveStore {
        let folder: URL
        if let output {
            folder = URL(fileURLWithPath: absolute(output))
        } else {
            let (configuration, base) = try loadConfig(config, allowMissing: true)
            folder = Pipeline(config: configuration, baseDirectory: base ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).outputFolder
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            fail("vanthu: \(folder.path) is a file, not an archive folder: --archive (-o) names the folder where \(ArchiveStore.fileName) is; "
                 + "to write a file, use export --output FILE or redirect standard output", status: .configuration)
        }
        if output != nil, !FileManager.default.fileExists(atPath: folder.path) {
            fail("vanthu: no folder \(folder.path): --archive (-o) names the archive folder to read, made by vanthu run; "
                 + "to save what this command prints, redirect it (> FILE), or use vanthu export --output FILE", status: .configuration)
        }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(ArchiveStore.fileName).path) else {
            fail("vanthu: no archive in \(folder.path) (run vanthu run first, or give --archive FOLDER)", status: .configuration)
        }
        do { return try ArchiveStore(folder: folder, readOnly: true) } catch {
            fail("vanthu: cannot open \(folder.appendingPathComponent(ArchiveStore.fileName).path): \(error)", status: .output)
        }
    }

    /// A value named on the command line that names nothing: one line, status 5, no usage.
    static func notFound(_ message: String) -> Never {
        fail("vanthu: " + message, status: .notFound)
    }

    /// Text for one line of a column: line breaks and tabs become spaces, runs of spaces one.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "\u{2028}" || $0 == "\u{2029}" }).joined(separator: " ")
    }

    static func fail(_ message: String, status: ExitStatus) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(status.rawValue)
    }

    static func printProgress(_ p: RunProgress) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + p.line).utf8))
    }

    static func printSummary(_ report: RunReport, folder: URL) {
        var lines: [String] = []
        let kinds = report.byKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        lines.append("processed \(report.processed) files, \(report.skipped) unchanged" + (report.gone > 0 ? ", \(report.gone) gone" : ""))
        lines.append("archived \(report.archived) documents" + (kinds.isEmpty ? "" : " (\(kinds))")
                     + "; the archive holds \(report.documentsInArchive)" + (report.exported || report.exportLeftTo != nil ? "" : " (unchanged, not rewritten)"))
        let facts = report.facts.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        if !facts.isEmpty { lines.append("facts: " + facts.joined(separator: ", ")) }
        if let reason = report.searchIndexRebuilt {
            lines.append("the search index was damaged (\(reason)): replaced, and \(report.indexRepaired) documents indexed again from the store")
        }
        if report.staleTemporaryFilesRemoved > 0 {
            lines.append("removed \(report.staleTemporaryFilesRemoved) temporary files left by an interrupted run")
        }
        lines.append("quarantined \(report.quarantined.count)")
        for entry in report.quarantined.prefix(10) { lines.append("  \(entry.path) [\(entry.stage.rawValue)] \(entry.reason)") }
        if report.quarantined.count > 10 { lines.append("  … \(report.quarantined.count - 10) more in run.json") }
        lines.append(String(format: "%.2f s, %.2f MB, %.1f MB/s", report.seconds, Double(report.bytesRead) / 1_000_000,
                            report.megabytesPerSecond))
        if report.pages > 0 { lines.append(String(format: "%d pages of PDFs and scans, %.2f pages/s", report.pages, report.pagesPerSecond)) }
        for warning in report.warnings { lines.append("warning: \(warning)") }
        if let elsewhere = report.exportLeftTo {
            lines.append("wrote \(folder.appendingPathComponent("run.json").path); the archive files are written by \(elsewhere)")
        } else if report.exported {
            lines.append("wrote " + report.outputs.map { folder.appendingPathComponent($0).path }.joined(separator: ", ") + ", run.json")
        } else {
            lines.append("wrote \(folder.appendingPathComponent("run.json").path) (the archive files were already up to date)")
        }
        lines.append("store \(folder.appendingPathComponent(ArchiveStore.fileName).path), search index \(folder.appendingPathComponent(SearchIndex.fileName).path)")
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

/// Standard output written through write(2), buffered, with its errors thrown (Foundation's
/// FileHandle traps on a write error such as a full disk). A reader that went away (`| head`)
/// ends the command quietly.
enum StandardOutput {
    nonisolated(unsafe) private static var buffer: [UInt8] = []

    static func write(_ bytes: [UInt8]) throws {
        buffer += bytes
        if buffer.count >= 1 << 20 { try flush() }
    }

    static func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let n = buffer[offset...].withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { Foundation.exit(0) }
                let reason = String(cString: strerror(errno))
                buffer.removeAll()
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "standard output: \(reason)"])
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Signals that end a command (SIGINT, SIGTERM, SIGHUP, SIGQUIT) remove the temporary files
/// being written, say so, and exit with 128 + the signal's number. What the store committed
/// stays: the next run resumes from it. SIGQUIT is handled the same way (no crash backtrace, and
/// the run does not carry on). SIGXFSZ is ignored, so a file-size limit fails a write cleanly.
enum Signals {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    static func install() {
        signal(SIGXFSZ, SIG_IGN)
        let names = [SIGINT: "SIGINT", SIGTERM: "SIGTERM", SIGHUP: "SIGHUP", SIGQUIT: "SIGQUIT"]
        for (number, name) in names {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let removed = TemporaryFiles.current.count
                TemporaryFiles.removeAll()
                let tty = isatty(STDERR_FILENO) == 1
                let message = (tty ? "\r\u{1B}[K" : "") + "vanthu: stopped by \(name)"
                    + (removed > 0 ? "; \(removed) temporary file\(removed == 1 ? "" : "s") removed" : "")
                    + "; what was stored stays, the next run goes on from there\n"
                _ = message.utf8CString.withUnsafeBufferPointer { Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}

extension CLISupport {
    /// A one-line reason for an error (the description of a Cocoa error, SQLite's message …).
    static func reason(_ error: any Error) -> String {
        if let error = error as? CocoaError, let text = error.userInfo[NSLocalizedDescriptionKey] as? String {
            if let path = error.userInfo[NSFilePathErrorKey] as? String { return "\(path): \(text)" }
            return text
        }
        return "\(error)"
    }
}
