import Foundation
import Testing
@testable import VanThuStore
@testable import VanThuPostgres
@testable import VanThuPipeline

/// Many `vanthu run` processes on one PostgreSQL store (issue 19): every file is done exactly
/// once, a worker killed with -9 leaves its files to the others, one worker exports the archive,
/// a lost connection is retried, and the password given through the environment is written nowhere.
///
/// Nothing here waits on a clock: the workers run with the default lease (60 s), which no live
/// worker loses however loaded the machine, and the test that kills a worker makes its lease run
/// out at once (as the clock would, a lease later) by setting it in the past. The lease's own
/// expiry is tested in-process (`PostgresWorkQueueTests`).
@Suite(.enabled(if: PostgresTestServer.available, PostgresTestServer.skipReason), .serialized)
struct PostgresWorkerTests {
    /// `count` small files of invented text, each different, in 20 folders.
    static func makeFiles(in folder: URL, count: Int) {
        let places = ["xã Tân Phú", "phường Hòa Bình", "thị trấn Đông Hưng", "xã Đắk Lộc", "phường Tân An"]
        for index in 0..<count {
            let text = """
                ỦY BAN NHÂN DÂN \(places[index % places.count].uppercased())
                Số: \(index + 1)/TB-UBND
                THÔNG BÁO
                Về lịch tiếp công dân tháng \(index % 12 + 1)
                Ủy ban nhân dân \(places[index % places.count]) thông báo lịch tiếp công dân định kỳ, phiên số \(index).
                Đề nghị các thôn, tổ dân phố phổ biến đến nhân dân được biết.

                """
            TestSupport.write(text, to: folder.appendingPathComponent(String(format: "to-%02d/tb-%05d.txt", index % 20, index)))
        }
    }

    static func launch(_ arguments: [String], environment extra: [String: String] = [:], output: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = IncrementalRunTests.binary!
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["VANTHU_PG_CLAIM"] = "16"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        if let output {
            FileManager.default.createFile(atPath: output.path, contents: nil)
            let handle = try FileHandle(forWritingTo: output)
            process.standardOutput = handle
            process.standardError = handle
        } else {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        }
        try process.run()
        return process
    }

    static func count(_ url: String, _ sql: String) throws -> Int {
        Int(try PostgresTestServer.sql(url, sql).first?.first??.description ?? "-1") ?? -1
    }

    /// The folders of `outputs` holding an archive.json: the one worker that exported.
    static func exporters(_ outputs: [URL]) -> [URL] {
        outputs.filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("archive.json").path) }
    }

    /// What run.json says of the export.
    static func runReport(_ output: URL) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("run.json"))) as? [String: Any] ?? [:]
    }

    static func documents(inArchiveOf output: URL) throws -> Int {
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("archive.json"))) as? [String: Any]
        return (object?["documents"] as? [Any])?.count ?? -1
    }

    @Test func threeWorkersDoEveryFileExactlyOnce() throws {
        guard IncrementalRunTests.binary != nil else { Issue.record("no vanthu binary built"); return }
        try PostgresTestServer.withDatabase { url in
            let folder = TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let input = folder.appendingPathComponent("in")
            Self.makeFiles(in: input, count: 3000)
            // The schema first, so that the three start on an equal footing.
            _ = try PostgresStore(url: url)
            let workers = try (0..<3).map { index in
                try Self.launch(["run", "-q", "--jobs", "1", "--store", url, "--output", folder.appendingPathComponent("out-\(index)").path,
                                 "scans:" + input.path])
            }
            for worker in workers { worker.waitUntilExit() }
            #expect(workers.map(\.terminationStatus) == [0, 0, 0])
            #expect(try Self.count(url, "SELECT count(*)::text FROM work") == 3000)
            #expect(try Self.count(url, "SELECT count(*)::text FROM work WHERE NOT done OR completions <> 1") == 0)
            #expect(try Self.count(url, "SELECT count(*)::text FROM documents") == 3000)
            #expect(try Self.count(url, "SELECT sum(processed)::text FROM runs") == 3000)
            // Each worker did a share of the work.
            #expect(try Self.count(url, "SELECT count(*)::text FROM runs WHERE processed > 0") >= 2)
            // Named root: the provenance is the name and the relative path, not this machine's mount.
            #expect(try Self.count(url, "SELECT count(*)::text FROM sources WHERE root = 'scans' AND location LIKE 'scans:to-%'") == 3000)
            // One worker, the last to finish, exported the whole archive; the others left it to it.
            let outputs = (0..<3).map { folder.appendingPathComponent("out-\($0)") }
            let exporters = Self.exporters(outputs)
            #expect(exporters.count == 1)
            let exporter = try #require(exporters.first)
            #expect(try Self.documents(inArchiveOf: exporter) == 3000)
            for output in outputs where output != exporter {
                let report = try Self.runReport(output)
                #expect(report["exported"] as? Bool == false && report["exportLeftTo"] is String, "\(report)")
            }
            // A later worker that finds nothing changed writes nothing, and says where the archive is.
            let later = folder.appendingPathComponent("out-later")
            let again = try Self.launch(["run", "-q", "--store", url, "--output", later.path, "scans:" + input.path])
            again.waitUntilExit()
            #expect(again.terminationStatus == 0)
            #expect(Self.exporters([later]).isEmpty)
            #expect(try Self.runReport(later)["exportLeftTo"] as? String == ProcessInfo.processInfo.hostName + ":" + exporter.path)
            // In the exporter's own folder: unchanged, not rewritten; and written again when it was removed.
            let before = try Data(contentsOf: exporter.appendingPathComponent("archive.json"))
            let same = try Self.launch(["run", "-q", "--store", url, "--output", exporter.path, "scans:" + input.path])
            same.waitUntilExit()
            #expect(try Self.runReport(exporter)["exported"] as? Bool == false)
            #expect(try Self.runReport(exporter)["exportLeftTo"] == nil)
            try FileManager.default.removeItem(at: exporter.appendingPathComponent("archive.json"))
            let restore = try Self.launch(["run", "-q", "--store", url, "--output", exporter.path, "scans:" + input.path])
            restore.waitUntilExit()
            #expect(try Self.runReport(exporter)["exported"] as? Bool == true)
            #expect(try Data(contentsOf: exporter.appendingPathComponent("archive.json")) == before)
        }
    }

    @Test func aWorkerKilledHalfwayLeavesItsFilesToTheOthers() throws {
        guard IncrementalRunTests.binary != nil else { Issue.record("no vanthu binary built"); return }
        try PostgresTestServer.withDatabase { url in
            let folder = TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let input = folder.appendingPathComponent("in")
            Self.makeFiles(in: input, count: 3000)
            _ = try PostgresStore(url: url)
            let workers = try (0..<3).map { index in
                try Self.launch(["run", "-q", "--jobs", "1", "--store", url, "--output", folder.appendingPathComponent("out-\(index)").path, input.path])
            }
            // About halfway: kill the first worker with -9, holding claims.
            let deadline = Date().addingTimeInterval(600)
            while try Self.count(url, "SELECT count(*)::text FROM work WHERE done") < 1000 && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.2)
            }
            let killed = workers[0].processIdentifier
            kill(killed, SIGKILL)
            workers[0].waitUntilExit()
            // A lease later, the clock would let the others take its files and stop counting it as
            // ingesting; here that time passes at once.
            #expect(try Self.count(url, "SELECT count(*)::text FROM work WHERE owner LIKE '%:\(killed):run-%' AND NOT done") > 0)
            try PostgresTestServer.sql(url, "UPDATE work SET lease_until = clock_timestamp() - interval '1 s' WHERE owner LIKE '%:\(killed):run-%'")
            try PostgresTestServer.sql(url, "UPDATE runs SET alive_until = clock_timestamp() - interval '1 s' WHERE worker LIKE '%:\(killed)'")
            for worker in workers { worker.waitUntilExit() }
            #expect(workers[0].terminationReason == .uncaughtSignal)
            #expect(workers[1].terminationStatus == 0 && workers[2].terminationStatus == 0)
            #expect(try Self.count(url, "SELECT count(*)::text FROM work WHERE NOT done OR completions <> 1") == 0)
            #expect(try Self.count(url, "SELECT count(*)::text FROM documents") == 3000)
            // Files the killed worker held were claimed again by another.
            #expect(try Self.count(url, "SELECT count(*)::text FROM work WHERE claims >= 2") > 0)
            // One of the two that lived exported the whole archive: the dead one kept nobody waiting.
            let exporters = Self.exporters((1...2).map { folder.appendingPathComponent("out-\($0)") })
            #expect(exporters.count == 1)
            #expect(try exporters.first.map(Self.documents(inArchiveOf:)) == 3000)
        }
    }

    @Test func aLostConnectionIsRetriedAndNothingCommittedIsLost() throws {
        guard IncrementalRunTests.binary != nil else { Issue.record("no vanthu binary built"); return }
        try PostgresTestServer.withDatabase { url in
            let folder = TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let input = folder.appendingPathComponent("in")
            Self.makeFiles(in: input, count: 1500)
            _ = try PostgresStore(url: url)
            let log = folder.appendingPathComponent("log")
            let worker = try Self.launch(["run", "-q", "--jobs", "1", "--store", url, "--output", folder.appendingPathComponent("out").path, input.path],
                                         output: log)
            let deadline = Date().addingTimeInterval(600)
            while try Self.count(url, "SELECT count(*)::text FROM work WHERE done") < 300 && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.1)
            }
            let committed = try Self.count(url, "SELECT count(*)::text FROM documents")
            // The server ends every session of the worker (as a restart or a dropped network would).
            let ended = try Self.count(url, """
                SELECT count(*)::text FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()) t
                """)
            #expect(ended >= 1)
            worker.waitUntilExit()
            #expect(worker.terminationStatus == 0, "\(String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self))")
            #expect(committed > 0)
            #expect(try Self.count(url, "SELECT count(*)::text FROM documents") == 1500)
            #expect(try Self.count(url, "SELECT count(*)::text FROM work WHERE NOT done") == 0)
        }
    }

    @Test func aServerGoneForGoodFailsWithItsOwnStatusAndKeepsWhatWasCommitted() throws {
        guard IncrementalRunTests.binary != nil else { Issue.record("no vanthu binary built"); return }
        try PostgresTestServer.withDatabase { url in
            let folder = TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let input = folder.appendingPathComponent("in")
            Self.makeFiles(in: input, count: 1500)
            _ = try PostgresStore(url: url)
            let worker = try Self.launch(["run", "-q", "--jobs", "1", "--store", url, "--output", folder.appendingPathComponent("out").path, input.path])
            let deadline = Date().addingTimeInterval(600)
            while try Self.count(url, "SELECT count(*)::text FROM work WHERE done") < 200 && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.1)
            }
            // The database refuses new sessions from now on, and the worker's are ended.
            let name = try #require(URLComponents(string: url)?.path.dropFirst())
            try PostgresTestServer.sql(PostgresTestServer.url!, "ALTER DATABASE \(name) ALLOW_CONNECTIONS false")
            try PostgresTestServer.sql(PostgresTestServer.url!, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(name)'")
            worker.waitUntilExit()
            #expect(worker.terminationStatus == ExitStatus.storeUnavailable.rawValue)
            try PostgresTestServer.sql(PostgresTestServer.url!, "ALTER DATABASE \(name) ALLOW_CONNECTIONS true")
            // What was committed is there, whole: every done file has its record.
            let done = try Self.count(url, "SELECT count(*)::text FROM work WHERE done")
            #expect(done >= 200)
            #expect(try Self.count(url, "SELECT count(*)::text FROM work w WHERE done AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.location = w.location)") == 0)
            // The next run does the rest.
            let again = try Self.launch(["run", "-q", "--store", url, "--output", folder.appendingPathComponent("out").path, input.path])
            again.waitUntilExit()
            #expect(again.terminationStatus == 0)
            #expect(try Self.count(url, "SELECT count(*)::text FROM documents") == 1500)
        }
    }

    @Test func thePasswordIsTakenFromTheEnvironmentAndWrittenNowhere() throws {
        guard IncrementalRunTests.binary != nil else { Issue.record("no vanthu binary built"); return }
        try PostgresTestServer.withDatabase { url in
            let folder = TestSupport.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let password = ProcessInfo.processInfo.environment["VANTHU_PG_TEST_PASSWORD"] ?? "vanthu-test-only"
            // The role that must give a password (tools/pg-cluster makes it) owns nothing: let it in here.
            try PostgresTestServer.sql(url, "GRANT ALL ON SCHEMA public TO vanthu_pw")
            var components = URLComponents(string: url)!
            components.user = "vanthu_pw"
            let roleURL = components.string!
            let input = folder.appendingPathComponent("in")
            Self.makeFiles(in: input, count: 20)
            let output = folder.appendingPathComponent("out"), log = folder.appendingPathComponent("log")
            // Without a password: refused, with the store's own status and no password shown.
            let refused = try Self.launch(["run", "--store", roleURL, "--output", output.path, input.path],
                                          environment: ["PGPASSWORD": "", "PGPASSFILE": "/nonexistent"], output: log)
            refused.waitUntilExit()
            #expect(refused.terminationStatus == ExitStatus.storeUnavailable.rawValue)
            // From PGPASSWORD.
            let worker = try Self.launch(["run", "--store", roleURL, "--output", output.path, input.path],
                                         environment: ["PGPASSWORD": password], output: log)
            worker.waitUntilExit()
            #expect(worker.terminationStatus == 0, "\(String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self))")
            // From ~/.pgpass (PGPASSFILE), for search.
            let pgpass = folder.appendingPathComponent("pgpass")
            TestSupport.write("*:*:*:vanthu_pw:\(password)\n", to: pgpass)
            chmod(pgpass.path, 0o600)
            let search = try Self.launch(["search", "--store", roleURL, "tiếp công dân"], environment: ["PGPASSWORD": "", "PGPASSFILE": pgpass.path],
                                         output: folder.appendingPathComponent("search.log"))
            search.waitUntilExit()
            #expect(search.terminationStatus == 0)
            for file in ["run.json", "archive.json"] {
                let text = try String(contentsOf: output.appendingPathComponent(file), encoding: .utf8)
                #expect(!text.contains(password), "\(file) holds the password")
            }
            for file in [log, folder.appendingPathComponent("search.log")] {
                #expect(!(try String(contentsOf: file, encoding: .utf8)).contains(password))
            }
            #expect(try PostgresTestServer.sql(url, "SELECT count(*)::text FROM runs WHERE worker LIKE '%\(password)%'") == [["0"]])
        }
    }
}
