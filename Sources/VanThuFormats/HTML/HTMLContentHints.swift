#if canImport(Glibc)
import Glibc
#endif

/// The words and phrases the HTML reader weighs, as data. Each is one signal among several: a class
/// word moves a block's score, it never decides alone (an article in a column called `sidebar` is
/// still the article when its text says so).
package enum HTMLContentHints {
    /// class or id words of containers that usually hold the article (`fck_detail`,
    /// `detail-content`, `article__body`, `journal-content-article` …): matched as substrings of the
    /// lower-cased attribute.
    package static let strongContent = [
        "fck_detail", "detail-content", "content-detail", "detail__content", "article__body", "article-body", "articlebody",
        "article-content", "article__content", "news-content", "newscontent", "entry-content", "post-content", "cms-body",
        "journal-content", "main-content", "maincontent", "noidung", "noi-dung", "chitiet", "chi-tiet", "baiviet",
        "bai-viet", "detail-body", "body-text", "story-body", "contentdetail", "newsdetail", "news-detail",
    ]
    /// Weaker words for the same (`content` is on every portal's layout box).
    package static let content = ["article", "content", "detail", "body", "entry", "main", "post", "story", "text", "news"]

    /// class or id words of furniture: menus, related lists, tags, share bars, author boxes, players.
    package static let furniture = [
        "sidebar", "comment", "binhluan", "related", "relate", "lienquan", "lien-quan", "tinkhac", "tin-khac", "othernews",
        "other-news", "footer", "menu", "navbar", "breadcrumb", "share", "social", "banner", "advert", "quangcao",
        "quang-cao", "widget", "toolbar", "login", "dangnhap", "popup", "modal", "cookie", "counter", "visitor",
        "thongke", "thong-ke", "pagination", "paging", "rating", "author", "tacgia", "tac-gia", "audio", "player",
        "keyword", "topbar", "top-bar", "copyright", "weather", "thoitiet", "hotline", "mostview", "most-view",
        "xemnhieu", "tinmoi", "tin-moi", "newest", "latest", "print", "sendmail", "email", "promo", "sponsor",
        "recommend", "readmore", "read-more", "subscribe", "masthead", "logo", "search", "timkiem",
        "portlet-title", "box-", "block-", "list-news", "listnews", "news-list", "box_", "tool",
    ]
    /// Furniture words matched as whole tokens of the attribute (split at anything not a letter or
    /// digit), where a substring would catch too much (`tag` in `stage`, `nav` in `canvas`).
    package static let furnitureTokens: Set<String> = ["tag", "tags", "nav", "ad", "ads", "date", "time", "hidden", "meta", "byline", "source"]

    /// Examples: attribute → expected weight sign (+1 content, -1 furniture, 0 neither).
    package static let examples: [(String, Int)] = [
        ("fck_detail width_common", 1), ("article__body zce-content-body cms-body", 1), ("detail-content", 1),
        ("journal-content-article", 1), ("sub-col sidebar-right", -1), ("article-relate", -1), ("article__tag", -1),
        ("box-tag", -1), ("features article__social", -1), ("article__author", -1), ("main-nav", -1), ("stage", 0),
        ("canvas-wrap", 0), ("clearfix", 0), ("container", 0), ("block_timer", 0), ("audio-player", -1),
    ]

    /// +1 content, -1 furniture, +2 a strong content word, 0 neither (furniture wins over weak
    /// content words: `related-news`, `sidebar-content`). `attribute` is lower-cased.
    package static func weight(_ attribute: String) -> Int {
        var value = attribute
        return value.withUTF8 { bytes in
            if strongContentBytes.contains(where: { contains(bytes, $0) }) { return 2 }
            if furnitureBytes.contains(where: { contains(bytes, $0) }) { return -1 }
            // Whole tokens: split at anything not an ASCII letter or digit (or a byte of a longer letter).
            var start = 0
            for end in 0...bytes.count {
                let byte: UInt8 = end < bytes.count ? bytes[end] : 0x20
                let letter = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
                if letter { continue }
                if end > start, furnitureTokenBytes.contains(where: { $0.count == end - start && memcmp(bytes.baseAddress! + start, $0, $0.count) == 0 }) {
                    return -1
                }
                start = end + 1
            }
            if contentBytes.contains(where: { contains(bytes, $0) }) { return 1 }
            return 0
        }
    }

    package static let strongContentBytes = strongContent.map { Array($0.utf8) }
    package static let furnitureBytes = furniture.map { Array($0.utf8) }
    package static let furnitureTokenBytes = furnitureTokens.map { Array($0.utf8) }
    package static let contentBytes = content.map { Array($0.utf8) }

    /// Whether `bytes` hold `needle`: its first byte found by memchr, the rest compared by memcmp.
    package static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let base = bytes.baseAddress, let first = needle.first, bytes.count >= needle.count else { return false }
        return needle.withUnsafeBufferPointer { part in
            var start = 0
            let last = bytes.count - needle.count
            while start <= last {
                guard let found = memchr(base + start, Int32(first), last - start + 1) else { return false }
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, part.baseAddress!, needle.count) == 0 { return true }
                start = at + 1
            }
            return false
        }
    }

    /// Whether `text` holds `part`, compared as UTF-8 bytes (no Foundation search).
    package static func contains(_ text: String, _ part: String) -> Bool {
        var text = text
        return text.withUTF8 { contains($0, Array(part.utf8)) }
    }

    /// Lines of furniture that stand inside article containers: "Đọc thêm", ">>" links, print and
    /// send buttons, tag labels (lower-cased line starts; the line must also be short).
    package static let furnitureLineStarts = [
        "đọc thêm", "xem thêm", "tin liên quan", "bài liên quan", "tin cùng chuyên mục", "tin khác", "các tin khác",
        "tin mới", "tin đã đưa", "các bài đã đăng", "bài đã đăng", "các tin đã đưa", "bài viết khác", "tin bài khác", "xem tiếp", ">>", "»", "›", "tags:", "tag:", "từ khóa:", "từ khoá:", "chia sẻ", "bình luận",
        "in bài", "gửi email", "gửi bài", "quay lại", "trở về", "về đầu trang", "lên đầu trang", "bản in", "ý kiến bạn đọc",
        "ý kiến của bạn", "nguồn:", "theo dõi", "xem nhiều", "đọc nhiều", "liên kết website", "skip to content",
    ]
    /// Words of date and time stamps that carry no article text: a line of these, dates and times
    /// is a byline's or a player's.
    package static let stampWords: Set<String> = [
        "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "cn", "ngày", "cập", "nhật", "đăng", "lúc", "gmt",
        "am", "pm", "sa", "ch", "publish", "date", "published", "updated", "update", "view", "count", "lượt", "xem",
        "xem:", "giờ", "h", "tháng", "ngay", "dang", "cap", "nhat", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday",
    ]
    /// Labels of a legal document's own date on a document portal.
    package static let issuedLabels = ["ngày ban hành", "ban hành ngày", "ngày ký", "ngày văn bản"]
    /// Words naming a legal document, that make a date in its headline the document's own.
    package static let legalDocumentWords = [
        "luật", "nghị định", "nghị quyết", "quyết định", "thông tư", "chỉ thị", "pháp lệnh", "công văn", "thông báo số",
        "kế hoạch số", "hiến pháp", "văn bản hợp nhất",
    ]
}
