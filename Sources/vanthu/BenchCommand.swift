import ArgumentParser
import Foundation
import VanThu

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "The release benchmark: the whole pipeline over a large corpus, as text and as HTML, and an unchanged re-run.",
        discussion: """
        Builds a corpus from real text (by default ../shared/corpora) replicated to --size MB with each \
        copy made distinct, and an HTML rendering of it with site chrome; runs `vanthu run` on each \
        (every extractor on, archive written) as a child process and prints documents/s, MB/s, peak \
        RSS and the time in each stage; then re-runs on the unchanged corpus, and times an unchanged \
        re-run over --rerun-documents small files. Build with -c release:
          swift build -c release && .build/release/vanthu bench
        """
    )

    @Option(help: "Folders of .txt files to build the corpus from.")
    var corpus: [String] = ["../shared/corpora"]

    @Option(help: "Size of the text corpus in MB (the HTML rendering is made from the same copies).")
    var size = 200

    @Option(help: "Number of small files for the unchanged re-run timing (0 to skip).")
    var rerunDocuments = 100_000

    @Option(help: "Working folder (corpora and outputs); reused when it already holds them.")
    var work: String = "/tmp/vanthu-bench"

    @Flag(help: "Skip the HTML run.")
    var skipHTML = false

    func run() throws {
        #if DEBUG
        // Figures from a debug build would mislead: it is many times slower.
        throw ValidationError("vanthu bench measures a release build: run `swift run -c release vanthu bench`")
        #else
        try measure()
        #endif
    }

    func measure() throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        let work = URL(fileURLWithPath: CLISupport.absolute(self.work))
        let source = BenchmarkCorpus(folders: corpus.map { URL(fileURLWithPath: CLISupport.absolute($0)) })
        guard !source.sources.isEmpty else { throw ValidationError("no .txt files under \(corpus.joined(separator: ", "))") }
        print(String(format: "source: %d documents, %.1f MB; machine: %d cores", source.sources.count,
                     Double(source.sourceBytes) / 1e6, ProcessInfo.processInfo.activeProcessorCount))
        let target = size * 1_000_000
        func prepare(_ name: String, _ make: (URL) throws -> (files: Int, bytes: Int)) throws -> URL {
            let folder = work.appendingPathComponent(name)
            let marker = folder.appendingPathComponent(".complete-\(size)")
            if !FileManager.default.fileExists(atPath: marker.path) {
                try? FileManager.default.removeItem(at: folder)
                let made = try make(folder)
                try Data("\(made.files) \(made.bytes)".utf8).write(to: marker)
                print(String(format: "made %@: %d files, %.1f MB", name, made.files, Double(made.bytes) / 1e6))
            }
            return folder
        }
        let text = try prepare("text") { try source.writeText(to: $0, bytes: target) }
        try phase("text", input: text, executable: executable, work: work)
        if !skipHTML {
            let html = try prepare("html") { try source.writeHTML(to: $0, bytes: target) }
            try phase("html", input: html, executable: executable, work: work)
        }
        if rerunDocuments > 0 {
            let small = try prepare("small-\(rerunDocuments)") { try source.writeSmall(to: $0, count: rerunDocuments) }
            try phase("small-\(rerunDocuments)", input: small, executable: executable, work: work)
        }
    }

    /// A fresh run and an unchanged re-run over one corpus.
    func phase(_ name: String, input: URL, executable: String, work: URL) throws {
        let output = work.appendingPathComponent("out-\(name)")
        try? FileManager.default.removeItem(at: output)
        let first = try ChildProcess.run(executable, ["run", "-q", "--output", output.path, input.path])
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("run.json"))) as? [String: Any] ?? [:]
        let documents = report["archived"] as? Int ?? 0
        let bytes = report["bytesRead"] as? Int ?? 0
        let stages = (report["stageSeconds"] as? [String: Double] ?? [:]).sorted { $0.key < $1.key }
            .map { String(format: "%@ %.2f", $0.key, $0.value) }.joined(separator: ", ")
        print(String(format: "%@: %d documents, %.1f MB in %.2f s: %.0f documents/s, %.1f MB/s, peak RSS %.0f MB, exit %d",
                     name, documents, Double(bytes) / 1e6, first.seconds, Double(documents) / first.seconds,
                     Double(bytes) / 1e6 / first.seconds, Double(first.peakRSSBytes) / 1e6, first.status))
        print(String(format: "  CPU %.2f s (user + system, all threads): %.2f cores busy on average of %d", first.cpuSeconds,
                     first.cpuSeconds / first.seconds, ProcessInfo.processInfo.activeProcessorCount))
        print("  stage seconds (summed over threads): \(stages)")
        // Stage seconds are summed over the workers, so bytes over them is a rate on one core.
        if let decode = (report["stageSeconds"] as? [String: Double])?["decode"], decode > 0 {
            print(String(format: "  decoding on one core: %.1f MB/s (bytes over the decode stage's seconds)", Double(bytes) / 1e6 / decode))
        }
        let again = try ChildProcess.run(executable, ["run", "-q", "--output", output.path, input.path])
        print(String(format: "  unchanged re-run: %.2f s, peak RSS %.0f MB, exit %d", again.seconds, Double(again.peakRSSBytes) / 1e6, again.status))
        // The full-text index alone, on one thread: SQLite FTS5 tokenising the same text again. No
        // run over this corpus can be faster than this on the index's writer.
        let store = try ArchiveStore(folder: output)
        let start = DispatchTime.now().uptimeNanoseconds
        try store.rebuildSearchIndex()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(String(format: "  full-text index alone (FTS5 rebuild, the index writer's thread): %.2f s, %.1f MB/s of input", seconds,
                     Double(bytes) / 1e6 / seconds))
    }
}
