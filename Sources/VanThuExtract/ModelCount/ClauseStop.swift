import VanThuText

/// Words after a count where its clause, read for the status, ends: "… 50 mô hình góp phần xây
/// dựng nông thôn mới" is not "built".
package enum ClauseStop {
    /// Words that end the clause a count's status is read from ("… 50 mô hình góp phần xây dựng …").
    /// As written (lower case); folded for matching.
    /// Each phrase's value is its spelling.
    package static let phrases = FoldedPhraseTable<String>(modelCount: [
        "góp phần", "nhằm", "để", "giúp", "gắn với", "trong việc", "phục vụ", "hướng tới", "tạo", "thu hút", "như",
    ].map { (VietnameseFolding.searchFold($0), $0) })
}
