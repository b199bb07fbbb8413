import Foundation
import Testing
@testable import VanThuText

/// Texts to hold the byte scanners to simpler code with: Vietnamese with every diacritic, NFD,
/// other scripts, quotes and dashes, chrome lines, blank and blank-looking lines, CRLF, trailing
/// blanks, long lines, and random mixtures of all of them.
enum SpeedSamples {
    static let pieces: [String] = [
        "a", "Z", "0", "9", " ", "  ", "\n", "\n\n", "\r\n", "\t", ".", ",", "/", "-", "\"", "(", ")", ":", "@", "~",
        "à", "á", "ả", "ã", "ạ", "ă", "ằ", "ắ", "ẳ", "ẵ", "ặ", "â", "ầ", "ấ", "ẩ", "ẫ", "ậ", "đ", "Đ", "è", "é", "ẻ", "ẽ",
        "ẹ", "ê", "ề", "ế", "ể", "ễ", "ệ", "ì", "í", "ỉ", "ĩ", "ị", "ò", "ó", "ỏ", "õ", "ọ", "ô", "ồ", "ố", "ổ", "ỗ",
        "ộ", "ơ", "ờ", "ớ", "ở", "ỡ", "ợ", "ù", "ú", "ủ", "ũ", "ụ", "ư", "ừ", "ứ", "ử", "ữ", "ự", "ỳ", "ý", "ỷ", "ỹ",
        "ỵ", "Ầ", "Ỹ", "Ư", "Ơ", "Ă", "Â", "Ê", "Ô", "Ð", "ð", "ĐẢNG", "Ủy", "Uỷ", "hoà", "hòa",
        "e\u{0302}\u{0301}", "a\u{0306}\u{0323}", "u\u{031B}\u{0300}", "\u{0301}", "o\u{0323}\u{0302}",
        "“", "”", "‘", "’", "«", "»", "–", "—", "…", "©", "×", "\u{00A0}", "\u{200B}", "\u{FEFF}", "\u{2028}",
        "Ω", "Жизнь", "中文", "😀", "ǅ", "ß", "ﬁ",
        "Ban Dân vận Tỉnh ủy", "Kế hoạch số 06-KH/BCĐ", "ngày 14/8/2015", "Đang online: 2", "Hôm nay: 492",
        "Skip Ribbon Commands", "15 3 mohinh", "anh 1.jpg", "© 2020 Báo Nhân Dân", "Điện thoại: 0243",
        "UBND huyện Triệu Phong", "“Dân vận khéo”", "Nghị định 30/2020/NĐ-CP",
    ]

    /// A random text of `count` pieces.
    static func random(_ count: Int, using generator: inout some RandomNumberGenerator) -> String {
        (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    /// A random document of lines: article lines, chrome lines, blank lines, lines of blanks.
    static func document(using generator: inout some RandomNumberGenerator) -> String {
        let lines = ["Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết phong trào “Dân vận khéo” năm 2020.",
                     "Skip to main content", "Đang online: 3", "", "", "   ", "\t", "Tiêu đề bài", "Lượt xem: 12",
                     "UBND huyện Triệu Phong, ngày 30 tháng 7 năm 2019", "ảnh 1.jpg", "15 3 mohinh",
                     String(repeating: "Đoạn văn dài có dấu tiếng Việt. ", count: 20), "Tôi  ", "a\u{00A0}b",
                     "Đoạn “một” – hai.", "Ðoàn", "Hoa\u{0300}"]
        let count = Int.random(in: 0...30, using: &generator)
        var text = (0..<count).map { _ in lines.randomElement(using: &generator)! }
            .joined(separator: Bool.random(using: &generator) ? "\n" : "\r\n")
        if Bool.random(using: &generator) { text += "\n" }
        if Bool.random(using: &generator) { text = "\n\n" + text }
        return text
    }
}
