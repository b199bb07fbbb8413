import Foundation
import Testing
@testable import VanThuFormats

/// The streamed reader (no tree) reads every page as the tree walk does: the same article text,
/// headline, date and the rules that found them, and the same refusals; and a page made large by
/// repeating its body gives the article of the small page, repeated.
struct HTMLStreamTests {
    static func same(_ bytes: [UInt8], _ name: String) {
        let streamed = HTMLDocumentReader().read(bytes, encoding: "UTF-8")
        let tree = HTMLDocumentReader(readsTree: true).read(bytes, encoding: "UTF-8")
        #expect(streamed?.text == tree?.text, "\(name): text")
        #expect(streamed?.title == tree?.title && streamed?.titleRule == tree?.titleRule, "\(name): title")
        #expect(streamed?.pageTitle == tree?.pageTitle, "\(name): page title")
        #expect(streamed?.published == tree?.published && streamed?.dateSource == tree?.dateSource, "\(name): date")
        #expect(streamed?.failure == tree?.failure, "\(name): failure")
        #expect(streamed?.encoding == tree?.encoding, "\(name): encoding")
    }

    static let fixturePages: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.fixtures.path)) ?? []
        return names.filter { $0.hasPrefix("html-") }.sorted()
    }()

    @Test func theFixturePagesReadAsFromTheTree() throws {
        #expect(Self.fixturePages.count >= 5)
        for name in Self.fixturePages {
            let url = TestSupport.fixtures.appendingPathComponent("\(name)/input.html")
            guard let data = try? Data(contentsOf: url), data.first != 0x1F else { continue }
            Self.same(Array(data), name)
        }
    }

    static let prose = "Hợp tác xã Tân Phú đã thu hoạch xong vụ lúa, năng suất đạt bảy tấn một héc-ta, cao hơn năm ngoái."

    /// Table cells: layout cells that hold blocks (among their first nodes, after text, inside
    /// hidden or skipped elements), data cells on their row's line, nested and malformed tables.
    @Test(arguments: [
        "<table><tr><td>Tên</td><td>Số hộ</td></tr><tr><td>Tân Phú</td><td>120</td></tr></table><p>\(prose)</p><p>\(prose)</p>",
        "<table><tr><td class=\"left\"><a href=\"/\">Trang chủ</a></td><td class=\"noidung\">Mở đầu <b>in đậm</b><p>\(prose)</p><p>\(prose)</p></td></tr></table>",
        "<p>Trước bảng</p><table><tr><td>ô một</td><td>ô hai <span>chữ <br> xuống dòng</span></td></tr></table><div>\(prose)</div><div>\(prose)</div>",
        "<table><tr><td><h1>Tân Phú thu hoạch lúa</h1>\(prose)<table><tr><td>a</td><td>b</td></tr></table></td></tr></table><p>\(prose)</p>",
        "<table><tr><td>ô <nav><ul><li>menu</li></ul></nav> sau</td><td>\(prose)</td></tr></table><p>\(prose)</p>",
        "<table><tr><td>" + String(repeating: "<span>x</span>", count: 120) + "<p>\(prose)</p></td><td>y</td></tr></table><p>\(prose)</p>",
        "<table><tr><td>đầu <td>trong <p>\(prose)</p></td></tr></table><p>\(prose)</p>",
        "<table><tr><td><!-- ghi chú --><![CDATA[x]]><p>\(prose)</p></td></tr></table><p>\(prose)</p>",
        "<html><head><title>Tân Phú thu hoạch lúa - Báo Nông Thôn</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Tân Phú thu hoạch lúa\",\"datePublished\":\"2025-06-02\"}</script></head><body><h1>Tân Phú thu hoạch lúa</h1><p>\(prose)</p><p>\(prose)</p></body></html>",
        "<body><div itemprop=\"datePublished\">Thứ Hai, 02/06/2025</div><span itemprop=\"headline\">Tân <i>Phú</i> thu hoạch lúa</span><p>\(prose)</p><p>\(prose)</p><title>Thứ hai</title></body>",
    ])
    func tablesAndMetadataReadAsFromTheTree(_ html: String) {
        Self.same(Array(html.utf8), String(html.prefix(60)))
    }

    /// A page made large (its body repeated until it passes 8 MB) gives the small page's article,
    /// its lines repeated, with the same headline and date.
    @Test func aLargePageGivesTheSmallPagesArticle() throws {
        let body = (1...40).map { index in
            index % 13 == 0 ? "<table><tr><td>Xã \(index)</td><td>\(index * 17) hộ</td></tr></table>"
                : index % 7 == 0 ? "<div class=\"box\"><h2>Mục \(index)</h2><p>\(Self.prose) Đoạn \(index).</p></div>"
                : "<p>\(Self.prose) <a href=\"/tin/\(index)\">Đoạn \(index)</a>, thêm một câu nữa.</p>"
        }.joined()
        func page(_ copies: Int) -> [UInt8] {
            Array(("<html><head><meta property=\"og:title\" content=\"Tân Phú thu hoạch lúa\"></head><body><header><a href=\"/\">Trang chủ</a></header>"
                   + "<article class=\"detail\"><h1>Tân Phú thu hoạch lúa</h1><div>Minh An - 02/06/2025 08:30</div><div class=\"detail-content\">"
                   + String(repeating: body, count: copies) + "</div></article><footer>Báo Nông Thôn</footer></body></html>").utf8)
        }
        let small = try #require(HTMLDocumentReader().read(page(1), encoding: "UTF-8"))
        let copies = 8_000_000 / body.utf8.count + 1
        let large = try #require(HTMLDocumentReader().read(page(copies), encoding: "UTF-8"))
        #expect(small.failure == nil && large.failure == nil)
        #expect(large.title == small.title && large.titleRule == small.titleRule)
        #expect(large.published == small.published && large.dateSource == small.dateSource)
        let smallLines = small.text.split(separator: "\n")
        let largeLines = large.text.split(separator: "\n")
        #expect(smallLines.count > 30)
        #expect(largeLines.count == 1 + (smallLines.count - 1) * copies)
        #expect(Array(largeLines.prefix(smallLines.count)) == smallLines)
        #expect(Array(largeLines.suffix(smallLines.count - 1)) == Array(smallLines.dropFirst()))
    }
}
