import VanThuExtract
import VanThuStore
import VanThuText

/// The search page: one box, facets with counts, ranked hits, paging. Plain HTML and a GET form,
/// so it works without JavaScript and its address reproduces the search.
enum SearchPage {
    static func render(_ parameters: SearchParameters, outcome: SearchOutcome?, documents: Int?) -> String {
        var body = form(parameters)
        if let outcome {
            body += results(outcome)
        } else {
            body += "<section class=\"intro\"><p>Gõ từ hoặc \"cụm từ trong ngoặc kép\". Dấu tiếng Việt không bắt buộc: "
                + "<q>dan van kheo</q> tìm được <q>Dân vận khéo</q>.</p>"
            if let documents { body += "<p>Kho lưu trữ có <strong>\(documents)</strong> văn bản.</p>" }
            body += "</section>"
        }
        let title = parameters.q.map { "Tìm: \($0)" } ?? "Tìm kiếm"
        return HTML.page(title: title, active: "search", body: body)
    }

    static func form(_ p: SearchParameters) -> String {
        var hidden = ""
        for (name, value) in p.parameters(page: 1) where name != "q" {
            guard let value, !value.isEmpty else { continue }
            hidden += "<input type=\"hidden\" name=\"\(name)\" value=\"\(HTML.escape(value))\">"
        }
        return """
            <form class="search" method="get" action="/" role="search">
            <label for="q">Tìm trong kho lưu trữ</label>
            <input id="q" name="q" type="search" value="\(HTML.escape(p.q ?? ""))" maxlength="\(SearchQuery.maximumBytes)" autofocus placeholder="dân vận khéo, &quot;mô hình điển hình&quot;">
            \(hidden)<button type="submit">Tìm</button>
            </form>
            """
    }

    static func results(_ o: SearchOutcome) -> String {
        let p = o.parameters
        var out = "<div class=\"results\"><aside class=\"facets\" aria-label=\"Bộ lọc\">"
        out += facetGroup("Loại văn bản (kind)", o.facets.kinds.map { facet in
            let kind = DocumentKind(rawValue: facet.value)
            let selected = p.kind == kind && kind != nil
            return (Labels.kind(facet.value), facet.count, selected, URLText.with("/", p.parameters(page: 1, kind: .some(selected ? nil : kind))))
        })
        out += facetGroup("Năm", o.facets.years.map { facet in
            let selected = p.year == facet.value
            return (facet.value, facet.count, selected, URLText.with("/", p.parameters(page: 1, year: .some(selected ? nil : facet.value))))
        })
        out += facetGroup("Đơn vị", o.facets.units.map { facet in
            let name = o.unitNames[facet.value] ?? facet.value
            let selected = p.unit.map { VietnameseFolding.searchFold($0) == facet.value } ?? false
            return (name, facet.count, selected, URLText.with("/", p.parameters(page: 1, unit: .some(selected ? nil : name))))
        })
        out += facetGroup("Lĩnh vực (field)", o.facets.fields.map { facet in
            let selected = p.field == facet.value
            return (Labels.field(facet.value), facet.count, selected, URLText.with("/", p.parameters(page: 1, field: .some(selected ? nil : facet.value))))
        })
        out += facetGroup("Thời hạn", [("Có thời hạn (deadline)", o.facets.withDeadline, p.deadline,
                                          URLText.with("/", p.parameters(page: 1, deadline: !p.deadline)))])
        if let unit = p.unit, !o.facets.units.contains(where: { VietnameseFolding.searchFold(unit) == $0.value }) {
            out += "<p class=\"active-filter\">Đơn vị: \(HTML.escape(unit)) <a href=\"\(HTML.escape(URLText.with("/", p.parameters(page: 1, unit: .some(nil)))))\">bỏ lọc</a></p>"
        }
        out += "</aside><section class=\"hits\" aria-label=\"Kết quả\">"
        if o.cut {
            out += "<p class=\"note\">Câu tìm quá dài: chỉ dùng \(SearchQuery.maximumWords) từ đầu tiên.</p>"
        }
        if let note = o.note { out += "<p class=\"note\">\(HTML.escape(note))</p>" }
        if o.total == 0 {
            out += "<p class=\"total\" id=\"total\">Không có văn bản nào khớp.</p>"
        } else {
            out += o.hits.isEmpty ? "<p class=\"total\" id=\"total\">\(o.total) văn bản</p><ol class=\"hits\">"
                : "<p class=\"total\" id=\"total\">\(o.first)–\(o.last) trong \(o.total) văn bản</p><ol class=\"hits\" start=\"\(o.first)\">"
            for hit in o.hits { out += hitItem(hit) }
            out += "</ol>"
            out += pager(o)
        }
        out += "</section></div>"
        return out
    }

    static func facetGroup(_ title: String, _ items: [(label: String, count: Int, selected: Bool, href: String)]) -> String {
        guard !items.isEmpty else { return "" }
        var out = "<section class=\"facet\"><h2>\(HTML.escape(title))</h2><ul>"
        for item in items where item.count > 0 || item.selected {
            out += "<li><a href=\"\(HTML.escape(item.href))\"\(item.selected ? " class=\"selected\" aria-pressed=\"true\"" : "")>"
                + "\(HTML.escape(item.label)) <span class=\"count\">\(item.count)</span></a></li>"
        }
        return out + "</ul></section>"
    }

    static func hitItem(_ item: SearchOutcome.Hit) -> String {
        let hit = item.hit
        let href = "/documents/" + URLText.component(hit.id)
        var out = "<li class=\"hit\"><h3><a href=\"\(href)\">\(HTML.escape(hit.title ?? "(không có tiêu đề)"))</a></h3>"
        out += "<p class=\"meta\"><span class=\"chip kind-\(HTML.escape(hit.kind))\">\(HTML.escape(Labels.kind(hit.kind)))</span>"
        out += " <time>\(HTML.escape(Labels.date(hit.date)))</time>"
        for unit in item.units {
            out += " <a class=\"chip unit\" href=\"\(HTML.escape(URLText.with("/", [("unit", unit)])))\">\(HTML.escape(unit))</a>"
        }
        if hit.gone { out += " <span class=\"chip gone\">đã xóa khỏi nguồn (gone)</span>" }
        out += "</p><p class=\"snippet\">\(markedSnippet(hit.plainSnippet, matches: hit.matches))</p>"
        out += "<p class=\"path\">\(HTML.escape(hit.path))</p></li>"
        return out
    }

    static func pager(_ o: SearchOutcome) -> String {
        guard o.pages > 1 else { return "" }
        let p = o.parameters
        var out = "<nav class=\"pager\" aria-label=\"Trang\">"
        if p.page > 1 { out += "<a rel=\"prev\" href=\"\(HTML.escape(URLText.with("/", p.parameters(page: p.page - 1))))\">← Trang trước</a> " }
        out += "<span>Trang \(p.page) / \(o.pages)</span>"
        if p.page < o.pages { out += " <a rel=\"next\" href=\"\(HTML.escape(URLText.with("/", p.parameters(page: p.page + 1))))\">Trang sau →</a>" }
        return out + "</nav>"
    }
}
