import Foundation
import Testing
import VanThuExtract
import VanThuPipeline
import VanThuStore
import VanThuText
@testable import VanThuServe

struct DocumentPageTests {
    @Test func theDeadlineIsMarkedAndListedAndTheHeaderIsATable() throws {
        let id = ServeFixture.id(of: "ke-hoach-dan-van-kheo.txt")
        let page = ServeFixture.get("/documents/\(id)")
        #expect(page.status == 200)
        let text = page.text
        #expect(text.contains("class=\"f f-deadline"))
        #expect(text.contains("<table class=\"header\">"))
        #expect(text.contains("15-KH/BDVHU"))
        #expect(text.contains("Các dữ kiện"))
        #expect(text.contains("href=\"#t-f-deadline-0\""))
        #expect(text.contains("id=\"t-f-deadline-0\""))
        #expect(text.contains("Nguồn gốc (provenance)"))
        #expect(text.contains("/documents/\(id)/original"))
        // A prefix of the id finds the same document.
        #expect(ServeFixture.get("/documents/\(id.prefix(8))").status == 200)
    }

    @Test func aReferenceToAnArchivedDocumentIsALink() throws {
        let citing = ServeFixture.id(of: "ke-hoach-dan-van-kheo.txt")
        let cited = ServeFixture.id(of: "huong-dan-08.txt")
        let page = ServeFixture.get("/documents/\(citing)").text
        #expect(page.contains("<a class=\"ref\" href=\"/documents/\(cited)\">"))
        let api = try #require(ServeFixture.json(ServeFixture.get("/api/documents/\(citing)")) as? [String: Any])
        let links = try #require(api["links"] as? [String: Any])
        let references = try #require(links["references"] as? [[String: Any]])
        #expect(references.contains { $0["document"] as? String == cited })
    }

    @Test func markedTextNestsOverlappingSpansAndSkipsBrokenOnes() {
        let text = "trước ngày 15/11/2025 <x>"
        let spans = [MarkedSpan(start: 0, end: 21, kind: "deadline", anchor: "f-deadline-0"),
                     MarkedSpan(start: 11, end: 21, kind: "date", anchor: "f-date-0"),
                     MarkedSpan(start: 5, end: 999, kind: "unit", anchor: "f-unit-0"),
                     MarkedSpan(start: -1, end: 2, kind: "unit", anchor: "f-unit-1")]
        let html = DocumentPage.markedText(text, spans: spans)
        #expect(html == "<span class=\"f f-deadline\" title=\"Thời hạn (deadline)\" id=\"t-f-deadline-0\">trước ngày </span>"
            + "<span class=\"f f-deadline also-date\" title=\"Thời hạn (deadline), Ngày tháng (date)\" id=\"t-f-date-0\">15/11/2025</span> &lt;x&gt;")
    }

    @Test func theOriginalFileIsServedAndPathTricksAreRefused() throws {
        let id = ServeFixture.id(of: "huong-dan-08.txt")
        let download = ServeFixture.get("/documents/\(id)/original")
        #expect(download.status == 200)
        #expect(download.body == Array(try Data(contentsOf: ServeFixture.shared.input.appendingPathComponent("huong-dan-08.txt"))))
        #expect(download.header("Content-Disposition")?.hasPrefix("attachment;") == true)
        for target in ["/documents/../etc/passwd", "/documents/%2e%2e/original", "/documents/\(id)/..%2f..%2fetc", "/style.css/.."] {
            #expect([400, 404].contains(ServeFixture.get(target).status), "\(target)")
        }
    }

    @Test func originalFileChecksRootLinksAndChecksum() throws {
        let folder = ServeFixture.temporaryFolder()
        let root = folder.appendingPathComponent("root")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("bí mật".utf8).write(to: folder.appendingPathComponent("secret.txt"))
        try Data("văn bản".utf8).write(to: root.appendingPathComponent("doc.txt"))
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link.txt").path, withDestinationPath: "../secret.txt")
        var hash = SHA256(); hash.update(Array("văn bản".utf8))
        let good = ArchivedSource(root: root.path, path: "doc.txt", sha256: hash.finalizeHex(), size: 0)
        #expect((try? OriginalFile.read(good, maximumBytes: 1000).get()) == Array("văn bản".utf8))
        func status(_ path: String, sha: String? = nil) -> Int? {
            if case .failure(let problem) = OriginalFile.read(ArchivedSource(root: root.path, path: path, sha256: sha, size: 0), maximumBytes: 1000) {
                return problem.status
            }
            return nil
        }
        #expect(status("../secret.txt") == 403)
        #expect(status("link.txt") == 403)
        #expect(status("/etc/passwd") == 403)
        #expect(status("doc.txt", sha: String(repeating: "0", count: 64)) == 410)
        #expect(status("missing.txt") == 410)
        #expect(status("") == 403)
    }

    @Test func unknownDocumentsAre404AndBadIds400() {
        #expect(ServeFixture.get("/documents/ffffffffffffffff").status == 404)
        #expect(ServeFixture.get("/api/documents/ffffffffffffffff").status == 404)
        #expect(ServeFixture.get("/documents/xyz").status == 400)
        #expect(ServeFixture.get("/api/documents/12").status == 400)
        #expect(ServeFixture.get("/no/such/page").status == 404)
        #expect(ServeFixture.app.respond(to: ServeRequest(method: "POST", path: "/")).status == 405)
        #expect(ServeFixture.app.respond(to: ServeRequest(method: "HEAD", path: "/")).body.isEmpty)
    }
}
