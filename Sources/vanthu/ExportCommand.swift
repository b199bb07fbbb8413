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
        let sink = try Sink(path: to.map(CLISupport.absolute))
        if what == .modelCounts {
            guard format == .csv else { throw ValidationError("--what model-counts is written as --format csv") }
            sink.write(ModelCountCSV.header)
            try store.forEachRecord { record, _ in sink.write(ModelCountCSV.lines(for: record)) }
            sink.close()
            return
        }
        switch format {
        case .jsonl:
            try store.forEachRecord { _, bytes in sink.write(bytes + [0x0A]) }
        case .csv:
            sink.write(Array("\u{FEFF}id,path,kind,date,title,number,issuer,units,deadlines,modelCounts,references\r\n".utf8))
            try store.forEachRecord { record, _ in
                let row = [record.id, record.path, record.kind.rawValue, record.date ?? "", record.title ?? "",
                           record.number ?? "", record.issuer ?? "",
                           record.units.map(\.name).joined(separator: "; "),
                           record.deadlines.compactMap(\.due).joined(separator: "; "),
                           String(record.modelCounts.count), record.references.joined(separator: "; ")]
                sink.write(Array((row.map(CSV.field).joined(separator: ",") + "\r\n").utf8))
            }
        }
        sink.close()
    }

    final class Sink {
        let handle: FileHandle
        var buffer: [UInt8] = []
        init(path: String?) throws {
            if let path {
                guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                    throw ValidationError("cannot write \(path)")
                }
                self.handle = handle
            } else {
                handle = .standardOutput
            }
        }
        func write(_ bytes: [UInt8]) {
            buffer += bytes
            if buffer.count > 1 << 20 { handle.write(Data(buffer)); buffer.removeAll(keepingCapacity: true) }
        }
        func close() { handle.write(Data(buffer)); buffer = [] }
    }
}
