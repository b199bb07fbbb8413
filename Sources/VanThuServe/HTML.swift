import VanThuExtract
import VanThuStore
import VanThuText

/// HTML text: every value that comes from a document, a query or the store goes through `escape`,
/// in text and in attributes alike (always double-quoted), so no text can become markup.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Controls other than tab and line breaks (a NUL in a document) are dropped: HTML has no place for them.
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The page around `body`: navigation, the style sheet, Vietnamese as the page's language.
    static func page(title: String, active: String, body: String) -> String {
        let links: [(String, String, String)] = [
            ("search", "/", "Tìm kiếm"), ("units", "/units", "Đơn vị"), ("deadlines", "/deadlines", "Thời hạn"),
            ("counts", "/counts", "Số lượng mô hình"), ("api", "/api", "API"),
        ]
        let nav = links.map { key, href, label in
            "<a href=\"\(href)\"\(key == active ? " aria-current=\"page\"" : "")>\(label)</a>"
        }.joined(separator: " ")
        return """
            <!doctype html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · VanThu</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/style.css">
            </head>
            <body>
            <header class="top"><a class="brand" href="/">VanThu</a><nav>\(nav)</nav></header>
            <main>
            \(body)
            </main>
            <footer>VanThu · kho lưu trữ văn bản (archive) · <a href="/openapi.json">OpenAPI</a></footer>
            </body>
            </html>

            """
    }

    static func errorPage(_ problem: RequestProblem) -> String {
        let heading = problem.status == 404 ? "Không tìm thấy" : problem.status >= 500 ? "Lỗi máy chủ" : "Yêu cầu không hợp lệ"
        return page(title: heading, active: "", body: """
            <h1>\(heading) <small>(\(problem.status))</small></h1>
            <p class="problem">\(escape(problem.message))</p>
            <p><a href="/">Về trang tìm kiếm</a></p>
            """)
    }
}

/// The Vietnamese labels of the archive's values, with the English term where it is technical.
enum Labels {
    static func kind(_ kind: String) -> String {
        switch kind {
        case "dispatch": return "Văn bản hành chính"
        case "news": return "Tin bài"
        case "unknown": return "Chưa phân loại"
        default: return kind
        }
    }

    static func field(_ field: String) -> String {
        switch field {
        case "economy": return "Kinh tế"
        case "culture-society": return "Văn hóa – xã hội"
        case "defense-security": return "Quốc phòng – an ninh"
        case "politics": return "Chính trị"
        default: return field
        }
    }

    /// The model-count statuses of the field contract, in the order of its table.
    static let statuses: [(key: String, label: String)] = [
        ("registered", "Đăng ký (registered)"), ("recognized", "Được công nhận (recognized)"),
        ("replicated", "Nhân rộng (replicated)"), ("new", "Xây dựng mới (new)"), ("built", "Xây dựng được (built)"),
        ("existing", "Hiện có (existing)"), ("effective", "Hoạt động hiệu quả (effective)"),
        ("commended", "Được khen thưởng (commended)"), ("target", "Chỉ tiêu (target)"), ("delta", "Tăng / giảm (delta)"),
        ("total", "Tổng số (total)"),
    ]

    static func status(_ status: String) -> String { statuses.first { $0.key == status }?.label ?? status }

    static let factKinds: [(key: String, label: String)] = [
        ("deadline", "Thời hạn (deadline)"), ("date", "Ngày tháng (date)"), ("period", "Giai đoạn (period)"),
        ("unit", "Đơn vị (unit)"), ("count", "Số lượng mô hình (model count)"), ("reference", "Văn bản dẫn chiếu (reference)"),
        ("person", "Người (person)"),
    ]

    static func factKind(_ key: String) -> String { factKinds.first { $0.key == key }?.label ?? key }

    /// "2025-03-05" as "05/03/2025" (month and year alone too); yearly "--MM-DD" as "DD/MM hằng năm".
    static func date(_ iso: String?) -> String {
        guard let iso, !iso.isEmpty else { return "—" }
        if iso.hasPrefix("---") { return "ngày \(iso.dropFirst(3)) hằng tháng" }
        if iso.hasPrefix("--") {
            let parts = iso.dropFirst(2).split(separator: "-")
            return parts.count == 2 ? "\(parts[1])/\(parts[0]) hằng năm" : iso
        }
        let parts = iso.split(separator: "-")
        switch parts.count {
        case 3: return "\(parts[2])/\(parts[1])/\(parts[0])"
        case 2: return "\(parts[1])/\(parts[0])"
        default: return iso
        }
    }
}
