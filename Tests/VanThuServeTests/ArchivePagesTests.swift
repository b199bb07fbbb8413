import Foundation
import Testing
import VanThuExtract
import VanThuPipeline
import VanThuStore
import VanThuText
@testable import VanThuServe

struct ArchivePagesTests {
    @Test func unitsPageListsDocumentsAndNames() throws {
        let list = ServeFixture.get("/units")
        #expect(list.status == 200)
        #expect(list.text.contains("Đơn vị"))
        let units = try #require((ServeFixture.json(ServeFixture.get("/api/units?q=son+lam")) as? [String: Any])?["units"] as? [[String: Any]])
        let first = try #require(units.first)
        let key = try #require(first["key"] as? String)
        let page = ServeFixture.get("/units/" + URLText.component(key))
        #expect(page.status == 200)
        #expect(page.text.contains("Các tên khác"))
        #expect(page.text.contains("/documents/"))
        #expect(ServeFixture.get("/units/no%20such").status == 404)
    }

    @Test func deadlinesAreListedWithTheirDocument() throws {
        let page = ServeFixture.get("/deadlines")
        #expect(page.status == 200)
        #expect(page.text.contains("Thời hạn"))
        let api = try #require(ServeFixture.json(ServeFixture.get("/api/deadlines")) as? [String: Any])
        let deadlines = try #require(api["deadlines"] as? [[String: Any]])
        #expect(deadlines.contains { $0["due"] as? String == "2025-11-15" })
        #expect(deadlines.contains { $0["recurrence"] as? String == "yearly" })
    }

    @Test func countsChartTableAndCSVAgree() throws {
        let page = ServeFixture.get("/counts")
        #expect(page.status == 200)
        #expect(page.text.contains("<svg"))
        #expect(page.text.contains("href=\"/counts.csv\""))
        let csv = ServeFixture.get("/counts.csv")
        #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(csv.body.starts(with: [0xEF, 0xBB, 0xBF]))
        let api = try #require(ServeFixture.json(ServeFixture.get("/api/counts")) as? [String: Any])
        let counts = try #require(api["counts"] as? [[String: Any]])
        #expect(!counts.isEmpty)
        let lines = csv.text.dropFirst().split(separator: "\r\n")
        #expect(lines.count == counts.count + 1)
        #expect(counts.contains { $0["year"] as? String == "2024" && $0["count"] as? Int == 45 })
    }

    @Test func chartStepsAreRound() {
        #expect(CountsChart.niceStep(50) == 20)
        #expect(CountsChart.niceStep(4) == 1)
        #expect(CountsChart.niceStep(1234) == 500)
        for maximum in [1, 7, 99, 101, 40_000] { #expect(CountsChart.niceStep(maximum) * 4 >= maximum) }
    }

    @Test func digestNumberKeyIgnoresSpacesZerosAndDiacritics() {
        #expect(ArchiveDigest.numberKey("08-HD/BDVTU") == ArchiveDigest.numberKey("8 - HĐ/BDVTU"))
        #expect(ArchiveDigest.numberKey("105/QĐ-UBND") == "105/qd-ubnd")
        #expect(ArchiveDigest.numberKey("10/2020") != ArchiveDigest.numberKey("1/2020"))
        #expect(ArchiveDigest.nextOccurrence("--12-10", today: "2025-12-11") == "2026-12-10")
        #expect(ArchiveDigest.nextOccurrence("--12-10", today: "2025-12-01") == "2025-12-10")
        #expect(ArchiveDigest.nextOccurrence("---05", today: "2025-12-11") == "2026-01-05")
    }
}

/// The server keeps serving while a run writes, and shows a finished run without a restart.
struct ReloadTests {
    @Test func aFinishedRunIsShownWithoutARestart() throws {
        let folder = ServeFixture.temporaryFolder()
        let input = folder.appendingPathComponent("input"), output = folder.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ServeFixture.sources.appendingPathComponent("huong-dan-08.txt"),
                                         to: input.appendingPathComponent("huong-dan-08.txt"))
        let app = ServeApp(archive: ServedArchive(folder: output))
        // Before the first run: a clear error, not a crash.
        #expect(ServeFixture.get("/api/search?q=dan", app: app).status == 503)
        try ServeFixture.run(input, output: output)
        #expect(ServeFixture.get("/", app: app).text.contains("<strong>1</strong> văn bản"))
        #expect((ServeFixture.json(ServeFixture.get("/api/search?q=tham+canh+xyz", app: app)) as? [String: Any])?["total"] as? Int == 0)
        #expect((ServeFixture.json(ServeFixture.get("/api/counts", app: app)) as? [String: Any]) != nil)
        try Data("Tin thâm canh xyz\n\nThứ hai, 03/03/2025\n\nXã Tân Hòa có 3 mô hình thâm canh xyz mới trong năm 2025.\n".utf8)
            .write(to: input.appendingPathComponent("tin-moi.txt"))
        try ServeFixture.run(input, output: output)
        #expect((ServeFixture.json(ServeFixture.get("/api/search?q=tham+canh+xyz", app: app)) as? [String: Any])?["total"] as? Int == 1)
        #expect(ServeFixture.get("/", app: app).text.contains("<strong>2</strong> văn bản"))
    }

    @Test func aRunWritingWhileTheServerReadsBreaksNoRequest() async throws {
        let folder = ServeFixture.temporaryFolder()
        let input = folder.appendingPathComponent("input"), output = folder.appendingPathComponent("archive")
        try FileManager.default.copyItem(at: ServeFixture.sources, to: input)
        try ServeFixture.run(input, output: output)
        let app = ServeApp(archive: ServedArchive(folder: output))
        for index in 0..<6 {
            try Data("Tin số \(index) về dân vận khéo\n\nThứ hai, 03/03/2025\n\nNội dung thứ \(index) về phong trào dân vận khéo.\n".utf8)
                .write(to: input.appendingPathComponent("tin-\(index).txt"))
        }
        let statuses = try await withThrowingTaskGroup(of: [Int].self) { group in
            group.addTask { try ServeFixture.run(input, output: output); return [] }
            group.addTask {
                var seen: [Int] = []
                for _ in 0..<40 { seen.append(ServeFixture.get("/api/search?q=dan+van+kheo", app: app).status) }
                return seen
            }
            var all: [Int] = []
            for try await part in group { all += part }
            return all
        }
        #expect(statuses.allSatisfy { $0 == 200 }, "\(Set(statuses))")
        #expect((ServeFixture.json(ServeFixture.get("/api/search?q=dan+van+kheo&size=100", app: app)) as? [String: Any])?["total"] as? Int ?? 0 >= 9)
    }
}

struct ResponseCacheTests {
    @Test func aCachedAnswerLastsUntilTheArchiveChanges() throws {
        let folder = ServeFixture.temporaryFolder()
        let input = folder.appendingPathComponent("input"), output = folder.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ServeFixture.sources.appendingPathComponent("huong-dan-08.txt"),
                                         to: input.appendingPathComponent("huong-dan-08.txt"))
        try ServeFixture.run(input, output: output)
        let app = ServeApp(archive: ServedArchive(folder: output), cache: true)
        let first = ServeFixture.get("/api/search?q=rau+sach+xyz", app: app)
        #expect((ServeFixture.json(first) as? [String: Any])?["total"] as? Int == 0)
        #expect(ServeFixture.get("/api/search?q=rau+sach+xyz", app: app).body == first.body)
        #expect(app.respond(to: ServeRequest(method: "HEAD", path: "/api/search", query: "q=rau+sach+xyz")).body.isEmpty)
        try Data("Tin rau sạch xyz\n\nThứ hai, 03/03/2025\n\nXã Tân Hòa có 3 mô hình rau sạch xyz.\n".utf8)
            .write(to: input.appendingPathComponent("tin-rau.txt"))
        try ServeFixture.run(input, output: output)
        #expect((ServeFixture.json(ServeFixture.get("/api/search?q=rau+sach+xyz", app: app)) as? [String: Any])?["total"] as? Int == 1)
    }

    @Test func theLeastRecentlyUsedGoFirst() {
        let cache = ResponseCache(capacity: 8, maximumBody: 10)
        let small = ServeResponse(contentType: "text/plain", body: [1])
        for index in 0..<8 { cache.put("k\(index)", stamp: "s", small) }
        _ = cache.get("k0", stamp: "s")
        cache.put("k8", stamp: "s", small)
        #expect(cache.get("k0", stamp: "s") != nil)
        #expect(cache.get("k1", stamp: "s") == nil)
        #expect(cache.get("k8", stamp: "s") != nil)
        #expect(cache.get("k8", stamp: "t") == nil)
        cache.put("big", stamp: "s", ServeResponse(contentType: "text/plain", body: Array(repeating: 0, count: 11)))
        #expect(cache.get("big", stamp: "s") == nil)
        cache.put("error", stamp: "s", ServeResponse(status: 400, contentType: "text/plain", body: [1]))
        #expect(cache.get("error", stamp: "s") == nil)
    }
}
