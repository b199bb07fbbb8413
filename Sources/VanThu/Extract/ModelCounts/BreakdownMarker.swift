/// Words that open a breakdown of the count before them: `trong đó`, `gồm`, `cụ thể` (and an
/// opening parenthesis, handled by the extractor). The counts after such a word, up to the end of
/// the sentence, are parts of that total.
enum BreakdownMarker {
    static let phrases: [FoldedPhrase] = [
        "trong so do", "trong so nay", "trong do", "bao gom", "gom co", "gom", "cu the", "chia ra", "phan ra",
    ].map(FoldedPhrase.init)

    /// Words after a count that name its holder, as written: `tập thể`, `cá nhân`.
    static let holders: [(phrase: FoldedPhrase, exact: String, holder: String)] = [
        (FoldedPhrase("tap the"), "tập thể", "collective"),
        (FoldedPhrase("ca nhan"), "cá nhân", "individual"),
    ]

    /// First words of a unit that recognises models before the verb ("Ban Dân vận Huyện ủy Chợ
    /// Mới đã công nhận 45 mô hình"), folded; the unit runs from there to the verb.
    static let recognizerHeads: [FoldedPhrase] = [
        "ban", "uy ban", "ubnd", "hoi dong", "hoi", "huyen uy", "tinh uy", "thanh uy", "thi uy", "quan uy", "dang uy",
        "mat tran", "mttq", "trung uong", "thuong truc", "ban chi dao", "bcd", "so", "phong", "cong an", "doan",
        "thanh doan", "tinh doan", "lien doan", "chi bo", "dang bo",
    ].map(FoldedPhrase.init)

    /// Words between a recognising unit and "công nhận": "đã", "vừa", "thẩm định và" …
    static let verbLead: Set<String> = ["đã", "vừa", "đều", "thẩm", "định", "xét", "và", "chính", "thức", "ra", "quyết"]

    /// Words that end the clause a count's status is read from ("… 50 mô hình góp phần xây dựng …").
    /// As written (lower case); folded for matching.
    static let clauseStops: [(phrase: FoldedPhrase, exact: String)] = [
        "góp phần", "nhằm", "để", "giúp", "gắn với", "trong việc", "phục vụ", "hướng tới", "tạo", "thu hút", "như",
    ].map { (FoldedPhrase(VietnameseFolding.searchFold($0)), $0) }
}
