import ArgumentParser
import Foundation
import VanThuFormats
import VanThuStore
import VanThuPipeline

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

    @Option(help: "A folder of real saved web pages: copied to --pages-size MB and read on one core (pages/s, MB/s), beside trafilatura where Python has it.")
    var pages: String = "../shared/dev/html/pages"

    @Option(help: "Size in MB of the real-page corpus (0 to skip).")
    var pagesSize = 50

    @Option(help: "The Python that may have trafilatura, for the real-page comparison.")
    var python: String = "python3"

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
        if pagesSize > 0, FileManager.default.fileExists(atPath: CLISupport.absolute(pages)) {
            try realPages(executable: executable, work: work)
        }
        if rerunDocuments > 0 {
            let small = try prepare("small-\(rerunDocuments)") { try source.writeSmall(to: $0, count: rerunDocuments) }
            try phase("small-\(rerunDocuments)", input: small, executable: executable, work: work)
        }
    }

    /// Real saved pages, on one core: the HTML format's speed where it matters (issue 22's target
    /// is ten times trafilatura's), with trafilatura timed on the same pages when Python has it.
    func realPages(executable: String, work: URL) throws {
        let source = URL(fileURLWithPath: CLISupport.absolute(pages))
        let folder = work.appendingPathComponent("pages-\(pagesSize)")
        let marker = folder.appendingPathComponent(".complete")
        if !FileManager.default.fileExists(atPath: marker.path) {
            try? FileManager.default.removeItem(at: folder)
            let made = try BenchmarkCorpus.writePages(from: source, to: folder, bytes: pagesSize * 1_000_000)
            try Data("\(made.files) \(made.bytes)".utf8).write(to: marker)
        }
        let output = work.appendingPathComponent("out-pages")
        try? FileManager.default.removeItem(at: output)
        let run = try ChildProcess.run(executable, ["run", "-q", "--jobs", "1", "--output", output.path, folder.path])
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("run.json"))) as? [String: Any] ?? [:]
        let archived = report["archived"] as? Int ?? 0
        let quarantined = (report["quarantine"] as? [Any])?.count ?? 0
        let bytes = Double(report["bytesRead"] as? Int ?? 0) / 1e6
        print(String(format: "real pages (%@, one job): %d pages (%d quarantined), %.1f MB in %.2f s, CPU %.2f s: %.0f pages/s, %.1f MB/s of CPU",
                     source.lastPathComponent, archived + quarantined, quarantined, bytes, run.seconds, run.cpuSeconds,
                     Double(archived + quarantined) / run.cpuSeconds, bytes / run.cpuSeconds))
        // The reader alone, in this process: the decode stage over the original pages in memory,
        // repeated, in this thread's CPU seconds.
        let names = try FileManager.default.contentsOfDirectory(atPath: source.path).filter { !$0.hasPrefix(".") }.sorted()
        let raws = names.compactMap { name -> RawDocument? in
            guard let data = try? Data(contentsOf: source.appendingPathComponent(name)) else { return nil }
            let file = SourceFile(path: source.appendingPathComponent(name).path, relativePath: name, size: data.count)
            return RawDocument(file: file, bytes: [UInt8](data), sha256: "", format: "html")
        }
        let decode = DecodeStage()
        func threadCPU() -> Double {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        }
        let start = threadCPU()
        var readBytes = 0
        var readPages = 0
        while threadCPU() - start < 3 || readPages < raws.count {
            for raw in raws {
                _ = try? decode.run(raw)
                readBytes += raw.bytes.count
                readPages += 1
            }
        }
        let readerSeconds = threadCPU() - start
        let reader = Double(readBytes) / 1e6 / readerSeconds
        print(String(format: "  the HTML reader alone (in process, one thread): %.0f pages/s, %.1f MB/s of CPU",
                     Double(readPages) / readerSeconds, reader))
        // trafilatura on one copy of each page, repeated, in CPU seconds.
        let script = """
        import os, sys, time
        try:
            import trafilatura
        except ImportError:
            print("unavailable"); sys.exit(0)
        folder = sys.argv[1]
        pages = [open(os.path.join(folder, n), "rb").read() for n in sorted(os.listdir(folder)) if not n.startswith(".")]
        size = sum(len(p) for p in pages)
        start = time.process_time(); rounds = 0
        while rounds < 3 or time.process_time() - start < 5:
            for p in pages: trafilatura.extract(p, with_metadata=True)
            rounds += 1
        cpu = time.process_time() - start
        print("%s %d %.3f %.3f" % (trafilatura.__version__, len(pages) * rounds, size * rounds / 1e6, cpu))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-c", script, source.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        var printed = ""
        if (try? process.run()) != nil {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            printed = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let ours: Double = bytes / run.cpuSeconds
        let fields = printed.split(separator: " ").map(String.init)
        if fields.count == 4, let count = Double(fields[1]), let megabytes = Double(fields[2]), let seconds = Double(fields[3]), seconds > 0 {
            let theirs: Double = megabytes / seconds
            print(String(format: "  trafilatura %@ on the same pages: %.0f pages/s, %.2f MB/s of CPU; VanThu's whole run is %.1f× as fast, its reader %.1f×",
                         fields[0], count / seconds, theirs, ours / theirs, reader / theirs))
        } else {
            print("  trafilatura: not available to \(self.python) (pip install trafilatura to compare)")
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
