import ArgumentParser
import Foundation
import VanThu

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the archive's records as JSON Lines, a CSV of the documents, or a CSV of every model count.",
        discussion: "Streams from the store; writes to --to FILE or standard output. CSV files are UTF-8 with a byte order mark, so spreadsheets open them with the right letters."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv }
    enum What: String, ExpressibleByArgument, CaseIterable { case documents, modelCounts = "model-counts" }

    @OptionGroup var location: ArchiveLocation


    @Option(help: "jsonl (one record a line) or csv (one document a row).")
    var format: Format = .jsonl

    @Option(help: "documents, or model-counts (one row per count: document id, document date, scope, status, field, year, count, text …; csv only).")
    var what: What = .documents

    @Option(help: "Write to this file instead of standard output.")
    var to: String?

    func run() throws {
        let store = try location.openStore()
        if what == .modelCounts, format != .csv { throw ValidationError("--what model-counts is written as --format csv") }
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
