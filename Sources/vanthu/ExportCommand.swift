import ArgumentParser
import Foundation
import VanThuExtract
import VanThuStore
import VanThuPostgres
import VanThuPipeline

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the archive's records as JSON Lines, a CSV of the documents, a CSV of every model count, or a BagIt bag.",
        discussion: """
        Streams from the store; writes to -o/--output FILE (--to is the same), or standard output. The archive \
        folder is given with --archive (default: pipeline.json's output folder). CSV files are UTF-8 with a byte \
        order mark, so spreadsheets open them with the right letters. --what model-counts is CSV. \
        --format bagit --to DIR writes a BagIt bag (RFC 8493) for an archive system: the original files, checked \
        against the checksums recorded when they were archived, the records, and the archival description \
        (metadata/documents.csv, Thông tư 02/2019/TT-BNV, 05/2025/TT-BNV; metadata/metadata.csv, Dublin Core). \
        An original changed or removed since it was archived stops the export (status 6), and nothing is left at DIR. \
        --query, --kind, --from, --to-date, --unit and --field select the documents (every format).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, bagit }
    enum What: String, ExpressibleByArgument, CaseIterable { case documents, modelCounts = "model-counts" }

    @Option(name: .customLong("archive"), help: ArgumentHelp("The archive folder (where vanthu.sqlite is).", valueName: "folder"))
    var archive: String?

    @Option(help: ArgumentHelp("Read a PostgreSQL store instead of a folder: postgres://USER@HOST[:PORT]/DATABASE "
                               + "(the password from PGPASSWORD or ~/.pgpass).", valueName: "url"))
    var store: String?

    @Option(name: .shortAndLong, help: "The pipeline configuration (its output folder is read).")
    var config: String = "pipeline.json"

    @Option(help: "jsonl (one record a line; the default for documents) or csv (one document a row; model-counts are always csv).")
    var format: Format?

    @Option(help: "documents, or model-counts (one row per count: document id, document date, scope, status, field, year, count, text …).")
    var what: What = .documents

    @Option(name: [.customShort("o"), .customLong("output"), .customLong("to")],
            help: ArgumentHelp("Write to this file (replaced once complete) instead of standard output; with --format bagit, the bag's folder (new or empty).", valueName: "file"))
    var to: String?

    @Option(help: ArgumentHelp("Only the documents these words and \"phrases\" find (as vanthu search).", valueName: "words"))
    var query: String?

    @Option(help: "Only documents of this kind: dispatch, news or unknown.")
    var kind: DocumentKind?

    @Option(help: "Only documents dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    var from: String?

    @Option(name: .customLong("to-date"), help: ArgumentHelp("Only documents dated on or before this date.", valueName: "date"))
    var toDate: String?

    @Option(help: "Only documents that mention this unit (any part of its name, diacritics optional).")
    var unit: String?

    @Option(help: "Only documents with model counts in this field: economy, culture-society, defense-security, politics.")
    var field: String?

    @Option(help: "bagit: bag-info.txt's Source-Organization, the body handing the bag over.")
    var organization: String = "unspecified"

    @Option(help: "bagit: bag-info.txt's External-Description (default: what the bag holds and how it was selected).")
    var bagDescription: String?

    @Flag(help: "bagit: documents.csv gets a second heading row with each column's English key.")
    var keyRow = false

    @Option(name: .customLong("root"), help: ArgumentHelp("bagit: where the files of an input root recorded by name (on a shared store) "
                                                         + "are on this machine (repeatable).", valueName: "name:path"))
    var roots: [String] = []

    /// The selection the filters make, or nil for every document.
    var selection: SearchQuery? {
        guard query != nil || kind != nil || from != nil || toDate != nil || unit != nil || field != nil else { return nil }
        return SearchQuery(text: query ?? "", unit: unit, from: from, to: toDate, kind: kind, field: field)
    }

    func run() throws {
        if what == .modelCounts, format == .jsonl {
            CLISupport.fail("vanthu: --what model-counts is written as CSV only: leave out --format jsonl", status: .usage)
        }
        let format = self.format ?? (what == .modelCounts ? .csv : .jsonl)
        if format == .bagit { return try writeBag() }
        if let to {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: to, isDirectory: &isFolder), isFolder.boolValue {
                CLISupport.fail("vanthu: \(to) is a folder: in export, -o/--output names the FILE to write; "
                                + "give the archive folder with --archive", status: .usage)
            }
        }
        let store = try CLISupport.openStore(output: archive, config: config, store: self.store)
        let selection = self.selection
        let sink = Sink(path: to.map(CLISupport.absolute))
        do {
            let records = { (body: (RecordSummary, [UInt8]) throws -> Void) throws in
                try store.forEachRecord(matching: selection, body)
            }
            switch (what, format) {
            case (.modelCounts, _):
                try sink.write(ModelCountCSV.header)
                try records { record, _ in try sink.write(ModelCountCSV.lines(for: record)) }
            case (.documents, .jsonl):
                try records { _, bytes in try sink.write(bytes + [0x0A]) }
            case (.documents, .bagit):
                preconditionFailure("--format bagit is written by writeBag()")
            case (.documents, .csv):
                try sink.write(CSV.header(["id", "path", "kind", "date", "title", "number", "issuer", "units", "deadlines",
                                           "modelCounts", "references"]))
                try records { record, _ in
                    try sink.write(CSV.row([record.id, record.path, record.kind.rawValue, record.date ?? "", record.title ?? "",
                                            record.number ?? "", record.issuer ?? "",
                                            record.units.map(\.name).joined(separator: "; "),
                                            record.deadlines.compactMap(\.due).joined(separator: "; "),
                                            String(record.modelCounts.count), record.references.joined(separator: "; ")]))
                }
            }
            try sink.finish()
        } catch let problem as SearchQuery.Problem {
            sink.abandon()
            Self.failSelection(problem)
        } catch {
            sink.abandon()
            CLISupport.fail("vanthu: export failed, nothing written\(to.map { " to \($0)" } ?? ""): \(CLISupport.reason(error))",
                            status: .output)
        }
    }

    static func failSelection(_ problem: SearchQuery.Problem) -> Never {
        switch problem {
        case .badDate, .badField: CLISupport.notFound(problem.description)
        default: CLISupport.fail("vanthu: \(problem.description)", status: .usage)
        }
    }

    /// `--format bagit --to DIR`: the bag, written beside DIR and renamed into place once complete.
    func writeBag() throws {
        guard what == .documents else {
            CLISupport.fail("vanthu: --format bagit exports documents: leave out --what model-counts", status: .usage)
        }
        guard let to else {
            CLISupport.fail("vanthu: --format bagit needs --to DIR, the folder to write the bag into (new or empty)", status: .usage)
        }
        let store = try CLISupport.openStore(output: archive, config: config, store: self.store)
        var rootPaths: [String: String] = [:]
        for root in roots {
            guard let (name, path) = PipelineConfig.InputSpec.splitName(root) else {
                CLISupport.fail("vanthu: --root \(root): expected NAME:PATH", status: .usage)
            }
            rootPaths[name] = CLISupport.absolute(path)
        }
        let destination = URL(fileURLWithPath: CLISupport.absolute(to))
        let options = BagWriter.Options(organization: organization, description: bagDescription, keyRow: keyRow, query: selection,
                                        baggingDate: Self.today(), software: "vanthu \(VanThuCommand.version)", rootPaths: rootPaths)
        do {
            let summary = try BagWriter(store: store, destination: destination, options: options).write()
            var lines = ["wrote the bag \(destination.path): \(summary.documents) documents, \(summary.originals) original files, "
                         + "payload \(summary.payloadBytes) bytes in \(summary.payloadFiles) files"]
            if summary.goneLeftOut > 0 {
                lines.append("left out \(summary.goneLeftOut) documents whose files are gone from the inputs (their records stay in the archive)")
            }
            FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        } catch let problem as SearchQuery.Problem {
            Self.failSelection(problem)
        } catch let problem as BagWriter.Problem {
            let status: ExitStatus = problem.isInputProblem ? .inputMissing : (problem == .nothingToExport ? .notFound : .output)
            CLISupport.fail("vanthu: export stopped, no bag written: \(problem.description)", status: status)
        } catch let problem as ArchiveStore.StoreProblem {
            CLISupport.fail("vanthu: \(problem.description)", status: .output)
        } catch let problem as PostgresStoreError where problem.isConnectionProblem {
            CLISupport.fail("vanthu: export stopped, no bag written: \(problem.description)", status: .storeUnavailable)
        } catch {
            CLISupport.fail("vanthu: export failed, no bag written to \(destination.path): \(CLISupport.reason(error))", status: .output)
        }
    }

    /// Today's date, `YYYY-MM-DD`, local time (Bagging-Date).
    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
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
