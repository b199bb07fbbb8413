import VanThuExtract
import VanThuStore
import VanThuText

/// One fact's place in the text, for marking.
struct MarkedSpan {
    var start: Int
    var end: Int
    /// `deadline`, `date`, `period`, `unit`, `count`, `reference` or `person`.
    var kind: String
    /// The anchor of the fact in the side panel (`f-deadline-0`).
    var anchor: String
    /// For a reference to an archived document: its id.
    var link: String?

    /// Which colour wins where facts overlap (a deadline holds a date).
    static let priority = ["deadline": 0, "reference": 1, "count": 2, "date": 3, "period": 4, "unit": 5, "person": 6]
}

/// The document page: the cleaned text with every fact marked by its span, a side panel of the
/// facts, the dispatch header as a table, provenance and the original file.
enum DocumentPage {
    static func spans(_ record: Record, digest: ArchiveDigest?) -> [MarkedSpan] {
        var spans: [MarkedSpan] = []
        for (i, f) in record.deadlines.enumerated() { spans.append(MarkedSpan(start: f.start, end: f.end, kind: "deadline", anchor: "f-deadline-\(i)")) }
        for (i, f) in record.dates.enumerated() { spans.append(MarkedSpan(start: f.start, end: f.end, kind: "date", anchor: "f-date-\(i)")) }
        for (i, f) in record.periods.enumerated() { spans.append(MarkedSpan(start: f.start, end: f.end, kind: "period", anchor: "f-period-\(i)")) }
        for (i, f) in record.modelCounts.enumerated() { spans.append(MarkedSpan(start: f.start, end: f.end, kind: "count", anchor: "f-count-\(i)")) }
        for (i, f) in record.references.enumerated() {
            spans.append(MarkedSpan(start: f.start, end: f.end, kind: "reference", anchor: "f-reference-\(i)",
                                    link: digest?.document(cited: f, from: record.id)))
        }
        for (i, f) in record.people.enumerated() { spans.append(MarkedSpan(start: f.start, end: f.end, kind: "person", anchor: "f-person-\(i)")) }
        for (i, unit) in record.units.enumerated() {
            for mention in unit.mentions where mention.count == 2 {
                spans.append(MarkedSpan(start: mention[0], end: mention[1], kind: "unit", anchor: "f-unit-\(i)"))
            }
        }
        return spans
    }

    /// The text as HTML: each stretch between span boundaries is one element, classed by every
    /// fact over it and coloured by the first of them in `MarkedSpan.priority`. Offsets are
    /// Unicode scalars of the NFC text (the field contract); a span outside the text is left out.
    static func markedText(_ text: String, spans: [MarkedSpan]) -> String {
        let scalars = Array(text.unicodeScalars)
        let valid = spans.filter { $0.start >= 0 && $0.end <= scalars.count && $0.start < $0.end }
        var boundaries = Set([0, scalars.count])
        for span in valid { boundaries.insert(span.start); boundaries.insert(span.end) }
        let points = boundaries.sorted()
        let byStart = Dictionary(grouping: valid.indices, by: { valid[$0].start })
        var active: [Int] = []
        var anchored = Set<String>()
        var out = ""
        for (a, b) in zip(points, points.dropFirst()) {
            active.removeAll { valid[$0].end <= a }
            active += byStart[a] ?? []
            let piece = HTML.escape(String(String.UnicodeScalarView(scalars[a..<b])))
            guard !active.isEmpty else { out += piece; continue }
            let covering = active.map { valid[$0] }.sorted { (MarkedSpan.priority[$0.kind] ?? 9) < (MarkedSpan.priority[$1.kind] ?? 9) }
            let kinds = Array(Set(covering.map(\.kind))).sorted { (MarkedSpan.priority[$0] ?? 9) < (MarkedSpan.priority[$1] ?? 9) }
            var attributes = "class=\"f f-\(kinds[0])\(kinds.dropFirst().map { " also-\($0)" }.joined())\""
            attributes += " title=\"\(HTML.escape(kinds.map(Labels.factKind).joined(separator: ", ")))\""
            if let first = covering.first(where: { !anchored.contains($0.anchor) && $0.start == a }) {
                anchored.insert(first.anchor)
                attributes += " id=\"t-\(first.anchor)\""
            }
            var inner = piece
            if let link = covering.first(where: { $0.link != nil })?.link {
                inner = "<a class=\"ref\" href=\"/documents/\(URLText.component(link))\">\(piece)</a>"
            }
            out += "<span \(attributes)>\(inner)</span>"
        }
        return out
    }

    static func render(_ record: Record, digest: ArchiveDigest?, sources: [ArchivedSource]) -> String {
        let spans = spans(record, digest: digest)
        var body = "<article class=\"document\"><h1>\(HTML.escape(record.title ?? "(không có tiêu đề)"))</h1>"
        body += "<p class=\"meta\"><span class=\"chip kind-\(record.kind.rawValue)\">\(HTML.escape(Labels.kind(record.kind.rawValue)))</span>"
        body += " <time>\(HTML.escape(Labels.date(record.date)))</time>"
        if record.gone == true { body += " <span class=\"chip gone\">đã xóa khỏi nguồn (gone)</span>" }
        body += " <a href=\"/api/documents/\(URLText.component(record.id))\">JSON</a></p>"
        body += "<div class=\"document-layout\"><div class=\"document-main\">"
        if let header = record.header { body += headerTable(header) }
        body += "<section class=\"legend\" aria-label=\"Chú giải\">"
        for (key, label) in Labels.factKinds { body += "<span class=\"f f-\(key)\">\(HTML.escape(label))</span> " }
        body += "</section>"
        body += "<section class=\"text\" aria-label=\"Nội dung\"><div class=\"text\" id=\"text\">\(markedText(record.text, spans: spans))</div></section>"
        body += provenance(record, sources: sources)
        body += "</div><aside class=\"facts\" aria-label=\"Các dữ kiện\"><h2>Các dữ kiện</h2>"
        body += factsPanel(record, spans: spans)
        body += "</aside></div></article>"
        return HTML.page(title: record.title ?? record.id, active: "", body: body)
    }

    static func headerTable(_ h: DispatchHeader) -> String {
        var rows: [(String, String)] = []
        func add(_ label: String, _ value: String?) { if let value, !value.isEmpty { rows.append((label, value)) } }
        add("Số, ký hiệu", h.number)
        add("Loại văn bản", h.documentType)
        add("Cơ quan ban hành", h.issuer)
        add("Cơ quan cấp trên", h.superiorBody)
        add("Địa danh", h.place)
        add("Ngày ban hành", h.date.map(Labels.date))
        add("Trích yếu", h.subject)
        add("Nơi nhận", h.recipients.isEmpty ? nil : h.recipients.joined(separator: "; "))
        add("Sao gửi", h.copyTo.isEmpty ? nil : h.copyTo.joined(separator: "; "))
        if let signer = h.signer {
            add("Người ký", [signer.authority, signer.position, signer.name].compactMap { $0 }.joined(separator: " – "))
        }
        guard !rows.isEmpty else { return "" }
        var out = "<table class=\"header\"><caption>Thể thức văn bản (dispatch header)</caption><tbody>"
        for (label, value) in rows { out += "<tr><th scope=\"row\">\(label)</th><td>\(HTML.escape(value))</td></tr>" }
        return out + "</tbody></table>"
    }

    static func provenance(_ record: Record, sources: [ArchivedSource]) -> String {
        let s = record.source
        var out = "<section class=\"provenance\"><h2>Nguồn gốc (provenance)</h2><table><tbody>"
        func row(_ label: String, _ value: String) { out += "<tr><th scope=\"row\">\(label)</th><td>\(HTML.escape(value))</td></tr>" }
        row("Đường dẫn (path)", s.path)
        if let root = s.root { row("Thư mục gốc (root)", root) }
        for other in s.alsoAt { row("Cũng có tại (alsoAt)", other) }
        row("SHA-256", s.sha256)
        row("Kích thước", "\(s.bytes) byte")
        row("Định dạng (format)", s.format)
        row("Bảng mã (encoding)", s.encoding)
        out += "</tbody></table>"
        if !sources.isEmpty {
            out += "<p><a class=\"download\" href=\"/documents/\(URLText.component(record.id))/original\" download>Tải tệp gốc</a></p>"
        }
        return out + "</section>"
    }

    static func factsPanel(_ record: Record, spans: [MarkedSpan]) -> String {
        var out = ""
        func section(_ kind: String, _ items: [(anchor: String, html: String)]) {
            guard !items.isEmpty else { return }
            out += "<section class=\"fact-group\"><h3><span class=\"f f-\(kind)\">\(HTML.escape(Labels.factKind(kind)))</span> <span class=\"count\">\(items.count)</span></h3><ul>"
            for item in items { out += "<li><a href=\"#t-\(item.anchor)\">\(item.html)</a></li>" }
            out += "</ul></section>"
        }
        section("deadline", record.deadlines.enumerated().map { i, f in
            var html = "<strong>\(HTML.escape(Labels.date(f.due)))</strong> \(HTML.escape(f.text))"
            if let action = f.action { html += "<br><small>Việc: \(HTML.escape(action))</small>" }
            if let to = f.to { html += "<br><small>Gửi: \(HTML.escape(to))</small>" }
            return ("f-deadline-\(i)", html)
        })
        section("date", record.dates.enumerated().map { i, f in ("f-date-\(i)", "<strong>\(HTML.escape(Labels.date(f.value)))</strong> \(HTML.escape(f.text))") })
        section("period", record.periods.enumerated().map { i, f in ("f-period-\(i)", "<strong>\(HTML.escape(f.from))–\(HTML.escape(f.to))</strong> \(HTML.escape(f.text))") })
        section("count", record.modelCounts.enumerated().map { i, f in
            var html = "<strong>\(f.count.map(String.init) ?? "?")</strong> \(HTML.escape(Labels.status(f.status.rawValue)))"
            if let year = f.year { html += ", \(year)" }
            if let field = f.field { html += ", \(HTML.escape(Labels.field(field)))" }
            return ("f-count-\(i)", html + "<br><small>\(HTML.escape(f.text))</small>")
        })
        let links = Dictionary(spans.filter { $0.kind == "reference" }.map { ($0.anchor, $0.link) }, uniquingKeysWith: { a, _ in a })
        out += ""
        section("reference", record.references.enumerated().map { i, f in
            var html = "<strong>\(HTML.escape(f.id))</strong>"
            if let type = f.type { html += " \(HTML.escape(type))" }
            if let link = links["f-reference-\(i)"] ?? nil { html += " <small>(có trong kho: \(HTML.escape(link)))</small>" }
            return ("f-reference-\(i)", html)
        })
        section("unit", record.units.enumerated().map { i, u in ("f-unit-\(i)", "\(HTML.escape(u.name)) <span class=\"count\">\(u.mentions.count)</span>") })
        section("person", record.people.enumerated().map { i, p in
            ("f-person-\(i)", HTML.escape([p.name, p.position].compactMap { $0 }.joined(separator: ", ")))
        })
        if out.isEmpty { out = "<p>Không có dữ kiện nào.</p>" }
        // Links to the units' own pages.
        if !record.units.isEmpty {
            out += "<section class=\"fact-group\"><h3>Trang đơn vị</h3><ul>"
            for unit in record.units { out += "<li><a href=\"/units/\(URLText.component(unit.key))\">\(HTML.escape(unit.name))</a></li>" }
            out += "</ul></section>"
        }
        return out
    }
}
