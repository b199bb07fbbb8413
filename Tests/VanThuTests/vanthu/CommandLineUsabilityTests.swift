import Foundation
import Testing
@testable import VanThuText
@testable import VanThuStore
@testable import VanThuPipeline

/// Issue 16 through the `vanthu` binary: what a new user and a nightly job see. Each test runs the
/// debug binary; without it (a `swift test` that did not build `vanthu`) they are disabled.
@Suite(.serialized, .enabled(if: IncrementalRunTests.binary != nil, "needs the vanthu binary (.build/debug/vanthu)"))
struct CommandLineUsabilityTests {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var stderrLines: [Substring] { stderr.split(separator: "\n") }
    }

    static func vanthu(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:],
                       executable: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? IncrementalRunTests.binary!
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes while the process runs (a full pipe would block it).
        nonisolated(unsafe) var out = Data()
        let reader = Thread { out = output.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return Outcome(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                       stderr: String(decoding: err, as: UTF8.self))
    }

    static func contents(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// A small archive of the hand-made fixtures (13 documents, several copies of each kind).
    static func archive(_ folder: URL, count: Int = 13) throws -> (input: URL, output: URL) {
        let input = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out")
        try IncrementalRunTests.makeCorpus(in: input, count: count)
        #expect(try vanthu(["run", "-q", "--output", output.path, input.path]).status == 0)
        return (input, output)
    }

    // MARK: Commands

    @Test func noArgumentsPrintsHelpAndRunsNothing() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try Self.vanthu([], in: folder)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("SUBCOMMANDS") && outcome.stdout.contains("search"))
        #expect(Self.contents(folder).isEmpty)
    }

    @Test func anUnknownCommandSuggestsTheNearestAndRunsNothing() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (typo, near) in [("serach", "search"), ("stat", "stats"), ("exprot", "export"), ("rn", "run")] {
            let outcome = try Self.vanthu([typo, "kinh te"], in: folder)
            #expect(outcome.status == 64, "\(typo)")
            #expect(outcome.stderr.contains("Did you mean '\(near)'?"), "\(typo): \(outcome.stderr)")
        }
        let far = try Self.vanthu(["zzzzzzzz"], in: folder)
        #expect(far.status == 64 && !far.stderr.contains("Did you mean"))
        // A folder where a command was expected (run used to be the default): the run is suggested, not made.
        let docs = folder.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let path = try Self.vanthu(["docs"], in: folder)
        #expect(path.status == 64 && path.stderr.contains("vanthu run --output OUT docs"))
        try FileManager.default.removeItem(at: docs)
        #expect(Self.contents(folder).isEmpty, "an unknown command wrote \(Self.contents(folder))")
    }

    @Test func versionAndHelpOfAnUnknownCommand() throws {
        let version = try Self.vanthu(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.contains("rules"))
        let help = try Self.vanthu(["help", "nosuch"])
        #expect(help.status == 64)
        #expect(help.stderr.contains("'nosuch' is not a vanthu command"))
        #expect(try Self.vanthu(["help", "search"]).status == 0)
    }

    @Test func valuesThatNameNothingGetOneLineAndStatusFive() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, output) = try Self.archive(folder)
        let cases: [[String]] = [
            ["show", "--archive", output.path, "abcd0000"],
            ["search", "", "--archive", output.path, "--field", "bogus"],
            ["search", "kinh te", "--archive", output.path, "--from", "yesterday"],
            ["search", "kinh te", "--archive", output.path, "--from", "2024-13"],
            ["search", "kinh te", "--archive", output.path, "--from", "2024-02-31"],
            ["search", "kinh te", "--archive", output.path, "--to", "2023-02-29"],
        ]
        for arguments in cases {
            let outcome = try Self.vanthu(arguments)
            #expect(outcome.status == ExitStatus.notFound.rawValue, "\(arguments): \(outcome.status) \(outcome.stderr)")
            #expect(outcome.stderrLines.count == 1, "\(arguments): \(outcome.stderr)")
            #expect(!outcome.stderr.contains("USAGE") && !outcome.stderr.contains("Usage"))
        }
    }

    @Test func jsonAndCSVTogetherAreRefused() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, output) = try Self.archive(folder)
        let outcome = try Self.vanthu(["search", "ke hoach", "--archive", output.path, "--json", "--csv"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--json and --csv"))
        #expect(outcome.stdout.isEmpty)
    }

    @Test func searchExitsOneOnNoHitsAndShowsTheTotal() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, output) = try Self.archive(folder, count: 30)
        let none = try Self.vanthu(["search", "xyzzyqwv", "--archive", output.path])
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)
        #expect(try Self.vanthu(["search", "xyzzyqwv", "--archive", output.path, "--json"]).status == 1)
        // "Bản số N của kho lưu trữ" is in every one of the 30 documents.
        let some = try Self.vanthu(["search", "kho luu tru", "--archive", output.path, "--limit", "4", "--json"])
        #expect(some.status == 0)
        #expect(some.stdout.split(separator: "\n").count == 4)
        #expect(some.stderr.contains("showing 4 of 30"), "\(some.stderr)")
        let all = try Self.vanthu(["search", "kho luu tru", "--archive", output.path, "--limit", "100", "--json"])
        #expect(!all.stderr.contains("showing"))
    }

    @Test func highlightMarksStayOutOfJSONAndCSVAndFollowColor() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, output) = try Self.archive(folder)
        let json = try Self.vanthu(["search", "kho luu tru", "--archive", output.path, "--json"])
        #expect(!json.stdout.isEmpty && !json.stdout.contains("«") && !json.stdout.contains("\u{1B}"))
        let first = try #require(json.stdout.split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any])
        let matches = try #require(object["matches"] as? [String])
        #expect(matches.contains { VietnameseFolding.searchFold($0).contains("kho") })
        let csv = try Self.vanthu(["search", "kho luu tru", "--archive", output.path, "--csv"])
        #expect(!csv.stdout.isEmpty && !csv.stdout.contains("«") && !csv.stdout.contains("\u{1B}"))
        let always = try Self.vanthu(["search", "kho luu tru", "--archive", output.path, "--color", "always"], environment: ["NO_COLOR": "1"])
        #expect(always.stdout.contains("\u{1B}[1m"))
        let never = try Self.vanthu(["search", "kho luu tru", "--archive", output.path, "--color", "never"])
        #expect(!never.stdout.contains("\u{1B}") && never.stdout.contains("«"))
        let auto = try Self.vanthu(["search", "kho luu tru", "--archive", output.path], environment: ["NO_COLOR": "1"])
        #expect(!auto.stdout.contains("\u{1B}"))
        // On a real terminal (script(1) gives one): bold, unless NO_COLOR is set.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let command = "'\(IncrementalRunTests.binary!.path)' search 'kho luu tru' --limit 2 --archive '\(output.path)'"
        let tty = try Self.vanthu(["-qec", command, "/dev/null"], environment: ["TERM": "xterm", "NO_COLOR": ""], executable: "/usr/bin/script")
        #expect(tty.stdout.contains("\u{1B}[1m"), "\(tty.stdout.prefix(300))")
        let noColor = try Self.vanthu(["-qec", command, "/dev/null"], environment: ["TERM": "xterm", "NO_COLOR": "1"], executable: "/usr/bin/script")
        #expect(!noColor.stdout.isEmpty && !noColor.stdout.contains("\u{1B}[1m"), "\(noColor.stdout.prefix(300))")
    }

    @Test func exportOutputNamesTheFileToWrite() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (_, output) = try Self.archive(folder)
        let target = folder.appendingPathComponent("docs.csv")
        let written = try Self.vanthu(["export", "--archive", output.path, "--format", "csv", "-o", target.path])
        #expect(written.status == 0, "\(written.stderr)")
        let csv = try String(contentsOf: target, encoding: .utf8)
        #expect(csv.utf8.split(separator: UInt8(ascii: "\n")).count == 14)
        // The old spelling, --output FOLDER, is refused with a clear message, not misread.
        let old = try Self.vanthu(["export", "--output", output.path])
        #expect(old.status == 64)
        #expect(old.stderr.contains("--archive"))
        // model-counts is CSV: it needs no --format; asking for jsonl is one clear line.
        #expect(try Self.vanthu(["export", "--archive", output.path, "--what", "model-counts"]).stdout.contains("documentDate"))
        let jsonl = try Self.vanthu(["export", "--archive", output.path, "--what", "model-counts", "--format", "jsonl"])
        #expect(jsonl.status == 64 && jsonl.stderrLines.count == 1)
        // Readers keep -o for the archive folder; a file there is explained.
        let reader = try Self.vanthu(["search", "kho", "-o", target.path])
        #expect(reader.status == ExitStatus.configuration.rawValue)
        #expect(reader.stderr.contains("is a file, not an archive folder"))
        #expect(try Self.vanthu(["search", "kho", "-o", output.path]).status == 0)
        let notYet = try Self.vanthu(["search", "kho", "-o", folder.appendingPathComponent("hits.csv").path])
        #expect(notYet.status == ExitStatus.configuration.rawValue && notYet.stderr.contains("redirect"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("hits.csv").path))
    }

    @Test func statsHasOneLineRowsNoEmptySectionsAndJSON() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out")
        try IncrementalRunTests.makeCorpus(in: input, count: 9)
        // A deadline restated in one document is one upcoming deadline.
        TestSupport.write("""
            CÔNG VĂN
            Về việc báo cáo công tác phòng chống lụt bão năm 2031
            Các xã gửi báo cáo về Văn phòng UBND huyện trước ngày 15/10/2031.
            Đề nghị các đơn vị nghiêm túc thực hiện, gửi báo cáo trước ngày 15/10/2031.
            """, to: input.appendingPathComponent("bao-cao.txt"))
        #expect(try Self.vanthu(["run", "-q", "--output", output.path, input.path]).status == 0)
        let text = try Self.vanthu(["stats", "--archive", output.path, "--today", "2000-01-01"])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty && !line.hasPrefix(" ") && index > 0 {
            // A heading: the next line is an entry of it.
            #expect(index + 1 < lines.count && lines[index + 1].hasPrefix("  "), "empty section \(line)")
        }
        let deadlineSection = lines.drop { $0 != "upcoming deadlines" }.dropFirst().filter { !$0.isEmpty }
        #expect(!deadlineSection.isEmpty)
        for line in deadlineSection { #expect(line.hasPrefix("  ") && line.dropFirst(2).prefix(4).allSatisfy(\.isNumber), "\(line)") }
        let json = try Self.vanthu(["stats", "--archive", output.path, "--today", "2000-01-01", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["documents"] as? Int == 10)
        let deadlines = try #require(object["upcomingDeadlines"] as? [[String: Any]])
        let keys = deadlines.map { "\($0["due"]!) \($0["id"]!)" }
        #expect(Set(keys).count == keys.count, "a deadline listed twice: \(keys)")
        #expect(deadlines.filter { $0["due"] as? String == "2031-10-15" }.count == 1, "\(keys)")
        // An archive with no deadlines and no model counts prints no heading for them.
        let plain = folder.appendingPathComponent("plain"), plainOut = folder.appendingPathComponent("plain-out")
        TestSupport.write("THÔNG BÁO\nLịch tiếp công dân của xã Tân Lập.\n", to: plain.appendingPathComponent("tb.txt"))
        #expect(try Self.vanthu(["run", "-q", "--output", plainOut.path, plain.path]).status == 0)
        let few = try Self.vanthu(["stats", "--archive", plainOut.path])
        #expect(few.status == 0 && few.stdout.hasPrefix("1 documents"))
        #expect(!few.stdout.contains("upcoming deadlines") && !few.stdout.contains("model counts"), "\(few.stdout)")
    }

    /// A page's chrome lines leave its text and archive.json, but the store keeps them with their
    /// rules, and `show --dropped` prints them.
    @Test func showDroppedPrintsTheChromeLinesWithTheirRules() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out")
        var page = "Đang online: 12\nNgười dân xã Phước Lâm góp công làm đường liên thôn\n\n"
        for _ in 0..<3 { page += String(repeating: "Bà con trong thôn cùng nhau góp ngày công, hiến đất để mở rộng con đường đất đỏ thành đường bê tông rộng bốn mét. ", count: 2) + "\n\n" }
        page += "Điện thoại: 0258 3999 111\nGiấy phép: 44/GP-TTĐT\n"
        TestSupport.write(page, to: input.appendingPathComponent("tin.txt"))
        #expect(try Self.vanthu(["run", "-q", "--output", output.path, input.path]).status == 0)
        let archive = try String(contentsOf: output.appendingPathComponent("archive.json"), encoding: .utf8)
        #expect(!archive.contains("droppedLines") && !archive.contains("0258 3999 111"))
        let hit = try Self.vanthu(["search", "duong lien thon", "--archive", output.path, "--json"])
        let id = try #require((try JSONSerialization.jsonObject(with: Data(hit.stdout.split(separator: "\n")[0].utf8)) as? [String: Any])?["id"] as? String)
        let shown = try Self.vanthu(["show", "--archive", output.path, id, "--dropped"])
        #expect(shown.stdout.contains("dropped lines (3)"), "\(shown.stdout)")
        #expect(shown.stdout.contains("line 1  chrome.counter  Đang online: 12"), "\(shown.stdout)")
        #expect(shown.stdout.contains("chrome.contact  Điện thoại: 0258 3999 111"), "\(shown.stdout)")
        #expect(shown.stdout.contains("chrome.footer  Giấy phép: 44/GP-TTĐT"), "\(shown.stdout)")
        let plain = try Self.vanthu(["show", "--archive", output.path, id])
        #expect(!plain.stdout.contains("dropped lines"))
        let json = try Self.vanthu(["show", "--archive", output.path, id, "--json"])
        #expect(!json.stdout.contains("droppedLines"), "show --json is the record as archive.json has it")
    }

    @Test func showSummarisesLongListsAndJSONHasThemAll() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), output = folder.appendingPathComponent("out")
        var text = "KẾ HOẠCH\nTổ chức các phiên họp định kỳ của Ban chỉ đạo xã Phước Lâm năm 2031\n"
        for day in 1...28 { text += "Phiên họp thứ \(day) tổ chức vào ngày \(day) tháng 3 năm 2031 tại hội trường xã.\n" }
        TestSupport.write(text, to: input.appendingPathComponent("lich-hop.txt"))
        #expect(try Self.vanthu(["run", "-q", "--output", output.path, input.path]).status == 0)
        let hit = try Self.vanthu(["search", "phien hop", "--archive", output.path, "--json"])
        let id = try #require((try JSONSerialization.jsonObject(with: Data(hit.stdout.split(separator: "\n")[0].utf8)) as? [String: Any])?["id"] as? String)
        let shown = try Self.vanthu(["show", "--archive", output.path, id])
        #expect(shown.stdout.contains("dates: first 10 (--all or --json for every one)"), "\(shown.stdout)")
        #expect(shown.stdout.contains("more"))
        let json = try Self.vanthu(["show", "--archive", output.path, id, "--json"])
        let record = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(((record["dates"] as? [Any])?.count ?? 0) >= 28)
        let all = try Self.vanthu(["show", "--archive", output.path, id, "--all"])
        #expect(!all.stdout.contains("first 10"))
    }

    @Test func theUnchangedRerunSaysWhatItWroteAndNamesTheStore() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (input, output) = try Self.archive(folder)
        let again = try Self.vanthu(["run", "--output", output.path, input.path])
        #expect(again.status == 0)
        #expect(again.stderr.contains("(unchanged, not rewritten)"))
        #expect(!again.stderr.contains("archive.json,"), "\(again.stderr)")
        let last = try #require(again.stderrLines.last)
        #expect(last.contains("vanthu.sqlite") && last.contains("search.sqlite"))
    }

    @Test func waitSaysThatItIsWaiting() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (input, output) = try Self.archive(folder)
        var lock: OutputLock? = try OutputLock(folder: output, wait: false)
        let process = Process()
        process.executableURL = IncrementalRunTests.binary!
        process.arguments = ["run", "--wait", "--output", output.path, input.path]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        // The lock is held until the run has said something (it cannot finish before): its first
        // words must be that it waits.
        let first = errors.fileHandleForReading.availableData
        #expect(process.isRunning)
        withExtendedLifetime(lock) {}
        lock = nil
        let stderr = String(decoding: first + errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(String(decoding: first, as: UTF8.self).contains("waiting"))
        #expect(process.terminationStatus == 0)
        #expect(stderr.contains("waiting for it to finish"), "\(stderr)")
    }

    // MARK: What a nightly job must tell apart

    @Test func aMissingInputRootStopsTheRunAndMarksNothingGone() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (input, output) = try Self.archive(folder)
        let before = try Data(contentsOf: output.appendingPathComponent("archive.json"))
        let moved = folder.appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(at: input, to: moved)
        let missing = try Self.vanthu(["run", "--output", output.path, input.path])
        #expect(missing.status == ExitStatus.inputMissing.rawValue, "\(missing.stderr)")
        #expect(missing.stderr.contains("input root missing"))
        #expect(try Data(contentsOf: output.appendingPathComponent("archive.json")) == before)
        // An empty folder where the archive knows files (a share not mounted): the same.
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let empty = try Self.vanthu(["run", "--output", output.path, input.path])
        #expect(empty.status == ExitStatus.inputMissing.rawValue, "\(empty.stderr)")
        #expect(empty.stderr.contains("not mounted?"))
        #expect(try Data(contentsOf: output.appendingPathComponent("archive.json")) == before)
        #expect(!String(decoding: before, as: UTF8.self).contains("\"gone\""))
        // A folder that holds files, none of them to archive, is mounted: its old files are gone.
        TestSupport.write("GIẤY PHÉP\nBản quyền của nhà xuất bản.\n", to: input.appendingPathComponent("LICENSE"))
        let filtered = try Self.vanthu(["run", "--output", output.path, input.path])
        #expect(filtered.status == 0, "\(filtered.stderr)")
        #expect(filtered.stderr.contains("none matches its include and exclude globs"))
        #expect(filtered.stderr.contains("13 gone"))
        try FileManager.default.removeItem(at: input.appendingPathComponent("LICENSE"))
        // A path that never existed writes no archive.
        let fresh = folder.appendingPathComponent("fresh")
        let typo = try Self.vanthu(["run", "--output", fresh.path, folder.appendingPathComponent("no-such").path])
        #expect(typo.status == ExitStatus.inputMissing.rawValue)
        #expect(!FileManager.default.fileExists(atPath: fresh.appendingPathComponent("archive.json").path))
        // A new empty folder is not an error, but it is said.
        let newEmpty = folder.appendingPathComponent("new-empty")
        try FileManager.default.createDirectory(at: newEmpty, withIntermediateDirectories: true)
        let warned = try Self.vanthu(["run", "--output", folder.appendingPathComponent("out2").path, newEmpty.path])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("warning: no files to archive under"))
        let report = try String(contentsOf: folder.appendingPathComponent("out2/run.json"), encoding: .utf8)
        #expect(report.contains("\"warnings\""))
    }

    @Test func sidecarsAreSkippedByDefaultAndTheListIsOverridable() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        let document = "CÔNG VĂN\nVề việc sửa chữa đường liên thôn xã Hòa Bình năm 2030.\n"
        TestSupport.write(document, to: input.appendingPathComponent("cv-01.txt"))
        TestSupport.write(document + "Bản nháp.\n", to: input.appendingPathComponent("cv-01.txt~"))
        TestSupport.write(document + "Swap.\n", to: input.appendingPathComponent(".cv-01.txt.swp"))
        TestSupport.write("GIẤY PHÉP\nBản quyền thuộc về nhà xuất bản Hòa Bình, giữ mọi quyền.\n", to: input.appendingPathComponent("LICENSE"))
        TestSupport.write("Hướng dẫn đọc thư mục văn bản này.\n", to: input.appendingPathComponent("sub/Readme.md"))
        TestSupport.write("{\"so\": 1}\n", to: input.appendingPathComponent("sub/numbers.jsonl"))
        TestSupport.write("so,ngay\n1,2030-01-01\n", to: input.appendingPathComponent("meta.csv"))
        let output = folder.appendingPathComponent("out")
        let run = try Self.vanthu(["run", "--output", output.path, input.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("processed 1 files"), "\(run.stderr)")
        // --exclude adds to the list; --include keeps only matches.
        TestSupport.write(document + "Phụ lục.\n", to: input.appendingPathComponent("draft-02.txt"))
        let excluded = try Self.vanthu(["run", "--output", folder.appendingPathComponent("out2").path, "--exclude", "**/draft-*", input.path])
        #expect(excluded.stderr.contains("processed 1 files"), "\(excluded.stderr)")
        let included = try Self.vanthu(["run", "--output", folder.appendingPathComponent("out3").path, "--include", "draft-*", input.path])
        #expect(included.stderr.contains("processed 1 files"), "\(included.stderr)")
        // pipeline.json's exclude replaces the defaults: [] takes LICENSE and the rest (not hidden files).
        let config = folder.appendingPathComponent("pipeline.json")
        TestSupport.write("{\"version\": 1, \"inputs\": [{\"path\": \"in\", \"exclude\": []}], \"output\": {\"folder\": \"out4\"}}", to: config)
        let all = try Self.vanthu(["run", "-c", config.path])
        #expect(all.stderr.contains("processed 7 files"), "\(all.stderr)")
        #expect(PipelineConfig.InputSpec(path: "x").exclude == PipelineConfig.defaultExclude)
    }

    @Test func theInputRootIsRecordedSoSamePathsInTwoRootsAreToldApart() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        TestSupport.write("THÔNG BÁO\nLịch tiếp công dân của xã Tân Lập tháng 4 năm 2030.\n", to: a.appendingPathComponent("note.txt"))
        TestSupport.write("THÔNG BÁO\nLịch trực lũ của xã Đông Sơn tháng 9 năm 2030.\n", to: b.appendingPathComponent("note.txt"))
        let output = folder.appendingPathComponent("out")
        #expect(try Self.vanthu(["run", "-q", "--output", output.path, a.path, b.path]).status == 0)
        let export = try Self.vanthu(["export", "--archive", output.path])
        let roots = try export.stdout.split(separator: "\n").map { line -> String in
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let source = try #require(record["source"] as? [String: Any])
            #expect(source["path"] as? String == "note.txt")
            return try #require(source["root"] as? String)
        }
        #expect(Set(roots) == [a.standardizedFileURL.path, b.standardizedFileURL.path])
    }
}
