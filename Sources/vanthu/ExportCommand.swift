import ArgumentParser
import Foundation
import VanThuStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the archive's records as JSON Lines, a CSV of the documents, or a CSV of every model count.",
        discussion: """
        Streams from the store; writes to -o/--output FILE (--to is the same), or standard output. The archive \
        folder is given with --archive (default: pipeline.json's output folder). CSV files are UTF-8 with a byte \
        order mark, so spreadsheets open them with the right letters. --what model-counts is CSV.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv }
    enum What: String, ExpressibleByArgument, CaseIterable { case documents, modelCounts = "model-counts" }

    @Option(name: .customLong("archive"), help: ArgumentHelp("The archive folder (where vanthu.sqlite is).", valueName: "folder"))
    var archive: String?

    @Option(name: .shortAndLong, help: "The pipeline configuration (its output folder is read).")
    var config: String = "pipeline.json"

    @Option(help: "jsonl (one record a line; the default for documents) or csv (one document a row; model-counts are always csv).")
    var format: Format?

    @Option(help: "documents, or model-counts (one row per count: document id, document date, scope, status, field, year, count, text …).")
    var what: What = .documents

    @Option(name: [.customShort("o"), .customLong("output"), .customLong("to")],
            help: ArgumentHelp("Write to this file (replaced once complete) instead of standard output.", valueName: "file"))
    var to: String?

    func run() throws {
        if what == .modelCounts, format == .jsonl {
            CLISupport.fail("vanthu: --what model-counts is written as CSV only: leave out --format jsonl", status: .usage)
        }
        let format = self.format ?? (what == .modelCounts ? .csv : .jsonl)
        if let to {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: to, isDirectory: &isFolder), isFolder.boolValue {
                CLISupport.fail("vanthu: \(to) is a folder: in export, -o/--output names the FILE to write; "
                                + "give the archive folder with --archive", status: .usage)
            }
        }
        let store = try CLISupport.openStore(output: archive, config: config)
        let sink = Sink(path: to.map(CLISupport.absolute))
        do {
            switch (what, format) {
            case (.modelCounts, _):
                try sink.write(ModelCountCSV.header)
                try store.forEachRecord { record, _ in try sink.write(ModelCountCSV.lines(for: record)) }
            case (.documents, .jsonl):
                try store.forEachRecord { _, bytes in try sink.write(bytes + [0x0A]) }
            case (.documents, .csv):
                try sink.write(CSV.header(["id", "path", "kind", "date", "title", "number", "issuer", "units", "deadlines",
                                           "modelCounts", "references"]))
                try store.forEachRecord { record, _ in
                    try sink.write(CSV.row([record.id, record.path, record.kind.rawValue, record.date ?? "", record.title ?? "",
                                            record.number ?? "", record.issuer ?? "",
                                            record.units.map(\.name).joined(separator: "; "),
                                            record.deadlines.compactMap(\.due).joined(separator: "; "),
                                            String(record.modelCounts.count), record.references.joined(separator: "; ")]))
                }
            }
            try sink.finish()
        } catch {
            sink.abandon()
            CLISupport.fail("vanthu: export failed, nothing written\(to.map { " to \($0)" } ?? ""): \(CLISupport.reason(error))",
                            status: .output)
        }
    }

    /// Standard output, or a file written under a temporary name and renamed into place once
    /// complete: a failure (a full disk) or a signal leaves no partial file and the old one intact.
    final class Sink {
        let path: String?
        var file: OutputFile?

        init(path: String?) {
            self.path = path
            guard let path else { return }
            do { file = try OutputFile.temporary(for: URL(fileURLWithPath: path)) } catch {
                CLISupport.fail("vanthu: cannot write \(path): \(CLISupport.reason(error))", status: .output)
            }
        }

        func write(_ bytes: [UInt8]) throws {
            if let file { try file.write(bytes) } else { try StandardOutput.write(bytes) }
        }

        func finish() throws {
            if let file, let path {
                try file.commit()
                OutputFile.removeAbandonedTemporaries(for: URL(fileURLWithPath: path))
            } else {
                try StandardOutput.flush()
            }
        }

        func abandon() { file?.discard() }
    }
}
