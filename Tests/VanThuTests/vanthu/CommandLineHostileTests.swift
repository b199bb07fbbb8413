import Foundation
import Testing
@testable import VanThuStore

/// Issue 14 through the `vanthu` binary: signals during an export, a full disk under `export`,
/// and command-line values that used to crash or leak SQLite's errors.
@Suite(.serialized)
struct CommandLineHostileTests {
    struct Outcome { var status: Int32; var stderr: String }

    /// Runs the binary to the end; `shell` wraps it in `/bin/sh -c` (for ulimit).
    static func vanthu(_ arguments: [String], stdout: FileHandle = .nullDevice, limitFileBlocks: Int? = nil) throws -> Outcome {
        let process = Process()
        if let limitFileBlocks {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -f \(limitFileBlocks); exec \"$0\" \"$@\"", IncrementalRunTests.binary!.path] + arguments
        } else {
            process.executableURL = IncrementalRunTests.binary!
            process.arguments = arguments
        }
        let errors = Pipe()
        process.standardOutput = stdout
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stderr: String(decoding: data, as: UTF8.self))
    }

    static func temporaries(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.contains(".tmp-") }
    }

    /// Sends `signal` to a running process as soon as a temporary named with `prefix` appears in
    /// `folder`; false when the process ended first.
    static func signalWhenTemporaryAppears(_ process: Process, in folder: URL, prefix: String, signal: Int32) -> Bool {
        while process.isRunning {
            if temporaries(folder).contains(where: { $0.hasPrefix(prefix) }) {
                kill(process.processIdentifier, signal)
                return true
            }
            usleep(200)
        }
        return false
    }

    @Test func signalsDuringAnExportRemoveItsTemporaryFilesAndTheNextRunCompletes() throws {
        guard IncrementalRunTests.binary != nil else { return }
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try IncrementalRunTests.makeCorpus(in: input, count: 400)
        let reference = folder.appendingPathComponent("reference")
        _ = try IncrementalRunTests.run(input, reference)
        let expected = try IncrementalRunTests.archive(reference)
        var caught = 0
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            let output = folder.appendingPathComponent("out-\(signal)")
            let process = Process()
            process.executableURL = IncrementalRunTests.binary!
            process.arguments = ["run", "-q", "--output", output.path, input.path]
            let errors = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            try process.run()
            let sent = Self.signalWhenTemporaryAppears(process, in: output, prefix: ".archive.json.tmp-", signal: signal)
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            if sent {
                caught += 1
                #expect(process.terminationStatus == 128 + signal, "signal \(signal): \(stderr)")
                #expect(stderr.contains("stopped by"))
                #expect(!stderr.contains("Backtrace") && !stderr.contains("Crash"))
                #expect(Self.temporaries(output).isEmpty)
            }
            let again = try Self.vanthu(["run", "-q", "--output", output.path, input.path])
            #expect(again.status == 0)
            #expect(try IncrementalRunTests.archive(output) == expected)
        }
        #expect(caught > 0, "no export was caught in time")
    }

    @Test func exportOnAFullDiskFailsCleanlyAndLeavesNoPartialFile() throws {
        guard IncrementalRunTests.binary != nil else { return }
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out")
        try IncrementalRunTests.makeCorpus(in: input, count: 400)
        _ = try IncrementalRunTests.run(input, output)
        let target = folder.appendingPathComponent("exports/all.jsonl")
        TestSupport.write("old\n", to: target)
        // Files may not grow past 32 KB: the export's are larger, as on a full disk.
        for format in ["jsonl", "csv"] {
            let outcome = try Self.vanthu(["export", "--archive", output.path, "--format", format, "--to", target.path], limitFileBlocks: 64)
            #expect(outcome.status == ExitStatus.output.rawValue, "\(outcome.stderr)")
            #expect(outcome.stderr.contains("export failed"))
            #expect(try String(contentsOf: target, encoding: .utf8) == "old\n")
            #expect(Self.temporaries(target.deletingLastPathComponent()).isEmpty)
        }
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let outcome = try Self.vanthu(["export", "--archive", output.path], stdout: full)
        #expect(outcome.status == ExitStatus.output.rawValue)
        #expect(outcome.stderr.contains("standard output"))
        // Without the limit the same export succeeds and replaces the file.
        #expect(try Self.vanthu(["export", "--archive", output.path, "--to", target.path]).status == 0)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("{\"id\":"))
    }

    @Test func hostileCommandLineValuesAreRefusedWithoutACrash() throws {
        guard IncrementalRunTests.binary != nil else { return }
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out")
        try IncrementalRunTests.makeCorpus(in: input, count: 10)
        _ = try IncrementalRunTests.run(input, output)
        let cases: [[String]] = [
            ["run", "--jobs", "1000000000000000000", "--output", output.path, input.path],
            ["run", "--jobs", "0", "--output", output.path, input.path],
            ["search", "kinh te", "--output", output.path, "--from", "2020-13-45"],
            ["search", "kinh te", "--output", output.path, "--to", "2021-02-29"],
            ["search", "kinh te", "--output", output.path, "--deadline-before", "2024-00"],
            ["stats", "--output", output.path, "--today", "2023-02-29"],
            ["show", "--output", output.path, "%%%%"],
            ["show", "--output", output.path, "____"],
            ["show", "--output", output.path, String(repeating: "a", count: 100_000)],
        ]
        for arguments in cases {
            let outcome = try Self.vanthu(arguments)
            // A malformed option is a bad command line (64); a value naming nothing (a date that is
            // not one, an unknown id) is "not found" (5, issue 16).
            let expected: Int32 = arguments[0] == "run" ? 64 : ExitStatus.notFound.rawValue
            #expect(outcome.status == expected, "\(arguments.prefix(3)): \(outcome.status) \(outcome.stderr.prefix(200))")
            #expect(!outcome.stderr.contains("SQLite"))
        }
    }
}
