import Foundation
import Testing
import VanThuExtract
import VanThuPipeline
import VanThuStore
import VanThuText
@testable import VanThuServe

/// A document's text, a query or a unit name can never become markup.
struct EscapingTests {
    static let hostile = ["<script", "<img", "<b>", "<svg", "\" onerror"]

    /// The page's markup with the values the test itself put there left out: what remains must
    /// hold none of the hostile fragments.
    func assertClean(_ html: String, _ context: String) {
        for fragment in Self.hostile { #expect(!html.contains(fragment), "\(context): \(fragment)") }
    }

    @Test func markupInADocumentIsShownAsText() throws {
        let id = ServeFixture.id(of: "tin-ky-tu-la.txt")
        #expect(!id.isEmpty)
        let page = ServeFixture.get("/documents/\(id)")
        #expect(page.status == 200)
        assertClean(page.text, "document page")
        #expect(page.text.contains("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;"))
        #expect(page.text.contains("&lt;img src=x onerror=alert(1)&gt;"))
        let hits = ServeFixture.get("/?q=" + URLText.component("ký tự đặc biệt"))
        #expect(hits.text.contains(id))
        assertClean(hits.text, "search page")
        let onScript = ServeFixture.get("/?q=script+alert")
        assertClean(onScript.text, "search for the markup")
        #expect(onScript.text.contains("<mark>"))
    }

    @Test func markupInAQueryIsEscapedWhereverItIsShown() {
        let attack = "\"><script>alert(1)</script><img src=x onerror=alert(2)>"
        for target in ["/?q=", "/?kind=news&unit=", "/units?q=", "/api/search?q="] {
            let response = ServeFixture.get(target + URLText.component(attack))
            assertClean(response.text, target)
        }
        // The JSON gives the same string back, with no markup byte in it.
        let api = ServeFixture.get("/api/search?q=" + URLText.component(attack))
        #expect(!api.body.contains(UInt8(ascii: "<")))
        #expect(((ServeFixture.json(api) as? [String: Any])?["query"] as? [String: Any])?["q"] as? String == attack)
        let page = ServeFixture.get("/?q=" + URLText.component(attack)).text
        #expect(page.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        // An error message that repeats the value escapes it too.
        let bad = ServeFixture.get("/?kind=" + URLText.component(attack))
        #expect(bad.status == 400)
        assertClean(bad.text, "error page")
        let id = ServeFixture.get("/documents/" + URLText.component("<script>"))
        #expect(id.status == 400)
        assertClean(id.text, "bad id")
    }

    @Test func escapeCoversEveryCharacterThatMatters() {
        #expect(HTML.escape("<a href='x' title=\"y\">&</a>") == "&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;")
        #expect(HTML.escape("a\u{0}b\u{7}c\nd") == "abc\nd")
        #expect(markedSnippet("x <b> y", matches: ["<b>"]) == "x <mark>&lt;b&gt;</mark> y")
    }

    @Test func everyResponseForbidsScriptsAndSniffing() {
        for target in ["/", "/?q=dan", "/api/search?q=dan", "/counts", "/nothing-here", "/style.css"] {
            let response = ServeFixture.get(target)
            #expect(response.header("Content-Security-Policy")?.contains("default-src 'none'") == true, "\(target)")
            #expect(response.header("X-Content-Type-Options") == "nosniff", "\(target)")
        }
    }
}
