/// Words that make the number after them a label or a date, not a count: `phường 4`, `khóm 2`,
/// `số 5`, `năm 2017`, `tháng 3`, `lần 2`, `Hình 3`. Compared as written (lower case), so `kỳ`
/// blocks "kỳ 2" but `ký` in "đăng ký 5 mô hình" does not.
package enum NumberLabelWord {
    package static let words: Set<String> = [
        "phường", "khóm", "ấp", "tổ", "quận", "số", "lớp", "thôn", "xóm", "khu", "đội", "khối", "xã",
        "năm", "tháng", "ngày", "quý", "kỳ", "khóa", "khoá", "lần", "đợt", "tuần", "giờ", "phút", "tiết",
        "điều", "khoản", "mục", "phần", "chương", "bước", "trang", "hình", "ảnh", "bảng", "phụ", "thứ",
        "bản", "đường", "km", "lô", "căn", "tầng", "phòng",
    ]

    /// Words that, before a label word, make it part of a count again: `tổng số 89 mô hình`.
    package static let unblockers: [String: Set<String>] = [
        "số": ["tổng", "với", "có", "trong"], "xã": ["cấp"], "phường": ["cấp"], "khu": ["cấp"], "tổ": ["cấp"], "khối": ["cấp"],
        // A level of a breakdown (`cấp thôn 36 mô hình`) and the compound `thôn bản` (villages:
        // `cấp chi bộ, thôn bản 449 mô hình`) name a kind of place, not one numbered place.
        "thôn": ["cấp"], "ấp": ["cấp"], "xóm": ["cấp"], "khóm": ["cấp"], "bản": ["thôn", "cấp"],
    ]

    /// Whether the word before a number (lower case, as written), and the one before it, make the
    /// number a label.
    package static func blocks(_ word: String, before previous: String?) -> Bool {
        guard words.contains(word) else { return false }
        if let previous, let allowed = unblockers[word], allowed.contains(previous) { return false }
        return true
    }
}
