/// The unit that recognises models, written before the verb: "Ban Dân vận Huyện ủy Chợ Mới đã
/// thẩm định và công nhận 45 mô hình".
package enum RecognizerHead {
    /// First words of a unit that recognises models before the verb ("Ban Dân vận Huyện ủy Chợ
    /// Mới đã công nhận 45 mô hình"), folded; the unit runs from there to the verb.
    package static let heads = FoldedPhraseTable<Bool>(modelCount: [
        "ban", "uy ban", "ubnd", "hoi dong", "hoi", "huyen uy", "tinh uy", "thanh uy", "thi uy", "quan uy", "dang uy",
        "mat tran", "mttq", "trung uong", "thuong truc", "ban chi dao", "bcd", "so", "phong", "cong an", "doan",
        "thanh doan", "tinh doan", "lien doan", "chi bo", "dang bo",
    ].map { ($0, true) })

    /// Words between a recognising unit and "công nhận": "đã", "vừa", "thẩm định và", "đánh giá,
    /// bình chọn và", "tiến hành" …
    package static let verbLead: Set<String> = [
        "đã", "vừa", "đều", "thẩm", "định", "xét", "và", "chính", "thức", "ra", "quyết", "đánh", "giá", "bình", "chọn",
        "lựa", "tiến", "hành", "tổ", "chức", "kiểm", "tra",
    ]
}
