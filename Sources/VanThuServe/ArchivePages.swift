import VanThuExtract
import VanThuStore
import VanThuText

/// The pages over the whole archive: units, deadlines, and the model counts by year and status.
enum ArchivePages {
    static func units(_ digest: ArchiveDigest, filter: String?) -> String {
        var keys = digest.unitOrder
        if let filter {
            let folded = VietnameseFolding.searchFold(filter)
            keys = keys.filter { key in digest.units[key]!.names.contains { VietnameseFolding.searchFold($0).contains(folded) } }
        }
        var body = "<h1>Đơn vị</h1><form class=\"search\" method=\"get\" action=\"/units\"><label for=\"uq\">Lọc theo tên</label>"
        body += "<input id=\"uq\" name=\"q\" type=\"search\" value=\"\(HTML.escape(filter ?? ""))\" maxlength=\"300\"><button type=\"submit\">Lọc</button></form>"
        body += "<p class=\"total\">\(keys.count) đơn vị</p><table class=\"list\"><thead><tr><th>Đơn vị</th><th>Văn bản</th><th>Lần nhắc</th></tr></thead><tbody>"
        for key in keys.prefix(500) {
            let unit = digest.units[key]!
            body += "<tr><td><a href=\"/units/\(URLText.component(key))\">\(HTML.escape(unit.name))</a></td>"
                + "<td class=\"number\">\(unit.documents.count)</td><td class=\"number\">\(unit.mentions)</td></tr>"
        }
        body += "</tbody></table>"
        if keys.count > 500 { body += "<p class=\"note\">500 đơn vị đầu tiên; lọc theo tên để xem các đơn vị khác.</p>" }
        return HTML.page(title: "Đơn vị", active: "units", body: body)
    }

    static func unit(_ unit: ArchiveDigest.Unit, digest: ArchiveDigest) -> String {
        var body = "<h1>\(HTML.escape(unit.name))</h1>"
        body += "<p class=\"meta\">\(unit.documents.count) văn bản, \(unit.mentions) lần nhắc · "
        body += "<a href=\"\(HTML.escape(URLText.with("/", [("unit", unit.name)])))\">Tìm các văn bản của đơn vị</a> · "
        body += "<a href=\"/api/units/\(URLText.component(unit.key))\">JSON</a></p>"
        body += "<section><h2>Các tên khác</h2><ul class=\"names\">"
        for name in unit.names { body += "<li>\(HTML.escape(name))</li>" }
        body += "</ul></section><section><h2>Văn bản</h2><table class=\"list\"><thead><tr><th>Ngày</th><th>Loại</th><th>Tiêu đề</th></tr></thead><tbody>"
        let lines = unit.documents.compactMap { digest.documents[$0] }.sorted { ($0.date ?? "", $1.id) > ($1.date ?? "", $0.id) }
        for line in lines {
            body += "<tr><td>\(HTML.escape(Labels.date(line.date)))</td><td>\(HTML.escape(Labels.kind(line.kind.rawValue)))</td>"
                + "<td><a href=\"/documents/\(URLText.component(line.id))\">\(HTML.escape(line.title ?? line.id))</a></td></tr>"
        }
        body += "</tbody></table></section>"
        let counts = digest.modelCountsByUnit[unit.key] ?? []
        body += "<section><h2>Số lượng mô hình nêu đơn vị này</h2>"
        if counts.isEmpty {
            body += "<p>Không có.</p>"
        } else {
            body += "<table class=\"list\"><thead><tr><th>Số lượng</th><th>Trạng thái (status)</th><th>Năm</th><th>Câu</th></tr></thead><tbody>"
            for (id, fact) in counts {
                body += "<tr><td class=\"number\">\(fact.count.map(String.init) ?? "?")</td><td>\(HTML.escape(Labels.status(fact.status.rawValue)))</td>"
                    + "<td>\(fact.year.map(String.init) ?? "—")</td><td><a href=\"/documents/\(URLText.component(id))\">\(HTML.escape(fact.text))</a></td></tr>"
            }
            body += "</tbody></table>"
        }
        body += "</section>"
        return HTML.page(title: unit.name, active: "units", body: body)
    }

    static func deadlines(_ digest: ArchiveDigest) -> String {
        let upcoming = digest.deadlines.filter { ($0.next ?? "") >= digest.today }
        let past = digest.deadlines.filter { ($0.next ?? "") < digest.today }.reversed()
        var body = "<h1>Thời hạn</h1><p class=\"meta\">Hôm nay: \(HTML.escape(Labels.date(digest.today))) · <a href=\"/api/deadlines\">JSON</a></p>"
        body += deadlineTable("Sắp tới", Array(upcoming), digest: digest)
        body += deadlineTable("Đã qua hoặc không rõ ngày", Array(past), digest: digest)
        return HTML.page(title: "Thời hạn", active: "deadlines", body: body)
    }

    static func deadlineTable(_ title: String, _ rows: [ArchiveDigest.Deadline], digest: ArchiveDigest) -> String {
        var out = "<section><h2>\(title) <span class=\"count\">\(rows.count)</span></h2>"
        guard !rows.isEmpty else { return out + "<p>Không có.</p></section>" }
        out += "<table class=\"list\"><thead><tr><th>Hạn</th><th>Việc (action)</th><th>Gửi (to)</th><th>Văn bản</th></tr></thead><tbody>"
        for row in rows {
            let document = digest.documents[row.documentId]
            out += "<tr><td>\(HTML.escape(Labels.date(row.next ?? row.due)))\(row.recurrence != nil ? "<br><small>\(HTML.escape(Labels.date(row.due)))</small>" : "")</td>"
                + "<td>\(HTML.escape(row.action ?? row.text))</td><td>\(HTML.escape(row.to ?? "—"))</td>"
                + "<td><a href=\"/documents/\(URLText.component(row.documentId))\">\(HTML.escape(document?.title ?? row.documentId))</a></td></tr>"
        }
        return out + "</tbody></table></section>"
    }

    static func counts(_ digest: ArchiveDigest) -> String {
        var body = "<h1>Số lượng mô hình theo năm và trạng thái</h1>"
        body += "<p class=\"meta\">Tổng các số lượng chính xác (không tính phần chi tiết và số ước lượng). "
            + "<a class=\"download\" href=\"/counts.csv\" download>Tải CSV</a> · <a href=\"/api/counts\">JSON</a></p>"
        body += CountsChart.svg(digest.counts)
        body += "<table class=\"list\" id=\"counts-table\"><thead><tr><th>Năm</th><th>Trạng thái (status)</th><th>Tổng số</th><th>Số lần nêu</th><th>Văn bản</th></tr></thead><tbody>"
        for cell in digest.counts {
            body += "<tr><td>\(cell.year.isEmpty ? "không rõ" : cell.year)</td><td>\(HTML.escape(Labels.status(cell.status)))</td>"
                + "<td class=\"number\">\(cell.count)</td><td class=\"number\">\(cell.facts)</td><td class=\"number\">\(cell.documents)</td></tr>"
        }
        body += "</tbody></table>"
        return HTML.page(title: "Số lượng mô hình", active: "counts", body: body)
    }

    static func countsCSV(_ digest: ArchiveDigest) -> [UInt8] {
        var out = CSV.header(["year", "status", "count", "facts", "documents"])
        for cell in digest.counts {
            out += CSV.row([cell.year, cell.status, String(cell.count), String(cell.facts), String(cell.documents)])
        }
        return out
    }
}

/// The model counts as a stacked bar chart drawn on the server: one bar a year, one colour a status.
enum CountsChart {
    static let colours = ["#1b6ca8", "#e07a1f", "#3a9d5d", "#c0392b", "#8e44ad", "#7f8c8d", "#d4ac0d", "#16a085", "#6d4c41", "#2c3e50", "#e84393"]

    static func svg(_ cells: [ArchiveDigest.CountCell]) -> String {
        let years = Array(Set(cells.map(\.year))).sorted { ($0.isEmpty ? "9999" : $0) < ($1.isEmpty ? "9999" : $1) }
        let statuses = Labels.statuses.map(\.key).filter { key in cells.contains { $0.status == key } }
            + Array(Set(cells.map(\.status)).subtracting(Labels.statuses.map(\.key))).sorted()
        guard !years.isEmpty else { return "<p>Chưa có số lượng mô hình nào.</p>" }
        let totals = years.map { year in cells.filter { $0.year == year }.reduce(0) { $0.saturatingAdding($1.count) } }
        let step = niceStep(max(totals.max() ?? 1, 1))
        let maximum = step * 4
        let barWidth = 36, gap = 14, left = 60, top = 20, height = 240
        let width = left + years.count * (barWidth + gap) + 20
        var out = "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title\" "
            + "viewBox=\"0 0 \(max(width, 320)) \(top + height + 40)\" width=\"\(max(width, 320))\" height=\"\(top + height + 40)\">"
            + "<title id=\"chart-title\">Số lượng mô hình theo năm và trạng thái</title>"
        for tick in 0...4 {
            let value = step * tick
            let y = top + height - height * tick / 4
            out += "<line x1=\"\(left - 4)\" x2=\"\(width)\" y1=\"\(y)\" y2=\"\(y)\" class=\"grid\"/>"
                + "<text x=\"\(left - 8)\" y=\"\(y + 4)\" text-anchor=\"end\" class=\"axis\">\(value)</text>"
        }
        for (i, year) in years.enumerated() {
            let x = left + i * (barWidth + gap) + gap / 2
            var y = top + height
            for (s, status) in statuses.enumerated() {
                guard let cell = cells.first(where: { $0.year == year && $0.status == status }), cell.count > 0 else { continue }
                let h = max(1, Int((Double(cell.count) / Double(maximum) * Double(height)).rounded()))
                y -= h
                out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(h)\" fill=\"\(colours[s % colours.count])\">"
                    + "<title>\(year.isEmpty ? "không rõ năm" : year) · \(HTML.escape(Labels.status(status))): \(cell.count)</title></rect>"
            }
            out += "<text x=\"\(x + barWidth / 2)\" y=\"\(top + height + 16)\" text-anchor=\"middle\" class=\"axis\">\(year.isEmpty ? "?" : year)</text>"
        }
        out += "</svg><figcaption class=\"legend\">"
        for (s, status) in statuses.enumerated() {
            out += "<span><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"\(colours[s % colours.count])\"/></svg> \(HTML.escape(Labels.status(status)))</span> "
        }
        return out + "</figcaption></figure>"
    }

    /// The axis step: 1, 2 or 5 times a power of ten, so that four steps reach `maximum`.
    static func niceStep(_ maximum: Int) -> Int {
        var magnitude = 1
        while magnitude * 10 <= maximum / 4 { magnitude *= 10 }
        for factor in [1, 2, 5, 10] where magnitude * factor * 4 >= maximum { return magnitude * factor }
        return magnitude * 20
    }
}
