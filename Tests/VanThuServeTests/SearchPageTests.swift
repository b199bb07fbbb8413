import Foundation
import Testing
import VanThuExtract
import VanThuPipeline
import VanThuStore
import VanThuText
@testable import VanThuServe

struct SearchPageTests {
    @Test func diacriticsAreOptionalInBothDirections() {
        let plain = ServeFixture.get("/?q=dan+van+kheo")
        #expect(plain.status == 200)
        #expect(plain.text.contains("Sơn Lâm: 45 mô hình"))
        #expect(plain.text.contains("<mark>"))
        let accented = ServeFixture.get("/?q=" + URLText.component("Dân vận khéo"))
        #expect(accented.status == 200)
        for page in [plain, accented] { #expect(page.text.contains("Tổ chức phong trào thi đua")) }
    }

    @Test func theTotalAndPagingAreShownAndTheAddressReproducesTheSearch() throws {
        let page = ServeFixture.get("/?q=dan+van&size=1")
        #expect(page.status == 200)
        let api = try #require(ServeFixture.json(ServeFixture.get("/api/search?q=dan+van&size=1")) as? [String: Any])
        let total = try #require(api["total"] as? Int)
        #expect(total >= 3)
        #expect(page.text.contains("1–1 trong \(total) văn bản"))
        #expect(page.text.contains("rel=\"next\" href=\"/?q=dan%20van&amp;page=2&amp;size=1\""))
        let second = ServeFixture.get("/?q=dan%20van&page=2&size=1")
        #expect(second.text.contains("2–2 trong \(total) văn bản"))
        #expect(api["url"] as? String == "/?q=dan%20van&size=1")
    }

    @Test func facetsCountAndNarrow() throws {
        let api = try #require(ServeFixture.json(ServeFixture.get("/api/search?q=dan+van+kheo")) as? [String: Any])
        let facets = try #require(api["facets"] as? [String: Any])
        let kinds = try #require(facets["kind"] as? [[String: Any]])
        let counts = Dictionary(uniqueKeysWithValues: kinds.map { ($0["value"] as! String, $0["count"] as! Int) })
        #expect(counts["news"] ?? 0 >= 1)
        #expect(counts.values.reduce(0, +) == api["total"] as? Int)
        #expect((facets["deadline"] as? Int ?? 0) >= 1)
        let narrowed = try #require(ServeFixture.json(ServeFixture.get("/api/search?q=dan+van+kheo&kind=news")) as? [String: Any])
        #expect(narrowed["total"] as? Int == counts["news"])
        let hits = try #require(narrowed["hits"] as? [[String: Any]])
        #expect(hits.allSatisfy { $0["kind"] as? String == "news" })
        // The page links the facet to the narrowed address.
        #expect(ServeFixture.get("/?q=dan+van+kheo").text.contains("href=\"/?q=dan%20van%20kheo&amp;kind=news\""))
        let deadline = try #require(ServeFixture.json(ServeFixture.get("/api/search?q=dan+van+kheo&deadline=1")) as? [String: Any])
        #expect(deadline["total"] as? Int == facets["deadline"] as? Int)
    }

    @Test func aQuotedPhraseKeepsItsWordsTogether() throws {
        let phrase = try #require(ServeFixture.json(ServeFixture.get("/api/search?q=" + URLText.component("\"khéo dân\""))) as? [String: Any])
        #expect(phrase["total"] as? Int == 0)
        let words = try #require(ServeFixture.json(ServeFixture.get("/api/search?q=" + URLText.component("khéo dân"))) as? [String: Any])
        #expect((words["total"] as? Int ?? 0) > 0)
    }

    @Test func theEmptyFormAndVietnameseLabels() {
        let page = ServeFixture.get("/")
        #expect(page.status == 200)
        #expect(page.text.contains("<html lang=\"vi\">"))
        #expect(page.text.contains("Tìm trong kho lưu trữ"))
        #expect(page.text == page.text.precomposedStringWithCanonicalMapping)
        let results = ServeFixture.get("/?q=dan+van+kheo").text
        #expect(results.contains("Loại văn bản"))
        #expect(results == results.precomposedStringWithCanonicalMapping)
    }

    @Test(arguments: [
        ("/?q=a&kind=memo", "kind"), ("/?year=20x5", "year"), ("/?q=a&from=2025-02-30", "from"), ("/?q=a&field=sport", "field"),
        ("/?q=a&page=0", "page"), ("/?q=a&size=500", "size"), ("/?q=a&q=b", "twice"), ("/?q=a&kind=+news", "kind"),
        ("/?q=a&colour=red", "unknown parameter"), ("/?q=%ZZ", "percent"), ("/?q=%C3%28", "percent"),
        ("/?q=a&deadline=maybe", "deadline"), ("/?q=a&page=1x", "page"), ("/api/search?year=", "empty"),
    ])
    func invalidParametersGetA400(_ target: String, _ word: String) {
        let response = ServeFixture.get(target)
        #expect(response.status == 400, "\(target)")
        #expect(response.text.contains(word), "\(target): \(response.text.prefix(300))")
    }

    @Test func nothingToSearchAndTooDeepAreEmptyPagesThatSayWhy() throws {
        for target in ["/api/search", "/api/search?q=!!!", "/api/search?q=a&page=900&size=100", "/api/search?q=a%00b"] {
            let response = ServeFixture.get(target)
            #expect(response.status == 200, "\(target)")
            let json = try #require(ServeFixture.json(response) as? [String: Any])
            #expect((json["hits"] as? [Any])?.isEmpty == true, "\(target)")
            if target != "/api/search?q=a%00b" { #expect(json["note"] is String, "\(target)") }
        }
        #expect(ServeFixture.get("/?q=!!!").text.contains("Không có gì để tìm"))
        let deep = ServeFixture.get("/?q=dan+van&page=101&size=10")
        #expect(deep.status == 200)
        #expect(deep.text.contains("1000"))
    }

    @Test func longQueriesAreRefused() {
        let long = String(repeating: "a ", count: 1100)
        #expect(ServeFixture.get("/?q=" + URLText.component(long)).status == 400)
        #expect(ServeFixture.get("/?q=" + String(repeating: "x", count: 9000)).status == 400)
        #expect(ServeFixture.get("/?q=a&unit=" + String(repeating: "x", count: 301)).status == 400)
    }
}
