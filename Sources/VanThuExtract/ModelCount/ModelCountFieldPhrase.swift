import VanThuText

/// The four fields of the movement. A field is named after a head (`trên lĩnh vực văn hóa – xã
/// hội`, `lĩnh vực về quốc phòng an ninh`, `mô hình về phát triển kinh tế`) or, for the phrases
/// marked `bare`, anywhere in the words that describe the counted models ("39 mô hình vận động
/// nhân dân tham gia bảo hiểm y tế", "mô hình làm kinh tế giỏi") and in the label of a breakdown's
/// part ("xây dựng hệ thống chính trị có 32 mô hình"). Separators between words are free (`văn
/// hóa-xã hội`, `quốc phòng, an ninh`); longest first.
///
/// `an ninh trật tự` names no field: it is a theme, not the listed `quốc phòng - an ninh`.
package struct ModelCountFieldPhrase: Sendable {
    package let folded: String
    package let field: String
    /// Whether the phrase names the field without a head.
    package let bare: Bool
    /// Words that must not follow ("an ninh trật tự").
    package let notFollowedBy: FoldedPhraseTable<Bool>

    package init(_ folded: String, _ field: String, bare: Bool = false, notFollowedBy: [String] = []) {
        self.folded = folded
        self.field = field
        self.bare = bare
        self.notFollowedBy = FoldedPhraseTable(modelCount: notFollowedBy.map { ($0, true) })
    }

    /// What introduces a field: `lĩnh vực` (and `lĩnh vực về`), `về`, `trong`, `thuộc`.
    package static let heads = FoldedPhraseTable<Bool>(modelCount: ["linh vuc ve", "linh vuc", "ve", "trong", "thuoc"].map { ($0, true) })

    /// The heads that several spellings fold to, as they must be written: `về` (about), not `vệ`
    /// of `bảo vệ an ninh Tổ quốc` (to protect).
    package static let headSpellings: [String: String] = ["ve": "về"]

    /// Whether a head as written (lower case) is spelled as its fold means.
    package static func isSpelledHead(_ written: String) -> Bool {
        let folded = VietnameseFolding.searchFold(written)
        guard let spelled = headSpellings[folded] else { return true }
        return written == spelled
    }

    /// Heads that name several fields at once: the count then has none ("trên các lĩnh vực", "trên
    /// tất cả lĩnh vực", "trên 4 lĩnh vực").
    package static let pluralHeads = FoldedPhraseTable<Bool>(modelCount: [
        "cac linh vuc", "nhieu linh vuc", "moi linh vuc", "tat ca linh vuc", "nhung linh vuc", "cac mat",
    ].map { ($0, true) })

    package static let table: [ModelCountFieldPhrase] = [
        .init("xay dung dang va he thong chinh tri", "politics", bare: true),
        .init("xay dung dang he thong chinh tri", "politics", bare: true),
        .init("xay dung dang chinh quyen", "politics", bare: true),
        .init("xay dung he thong chinh tri", "politics", bare: true),
        .init("xay dung chinh quyen", "politics", bare: true),
        .init("he thong chinh tri", "politics", bare: true),
        .init("xay dung dang", "politics", bare: true),
        .init("chinh quyen", "politics"),
        .init("chinh tri", "politics"),
        .init("quoc phong an ninh", "defense-security", bare: true),
        .init("an ninh quoc phong", "defense-security", bare: true),
        .init("quoc phong", "defense-security", bare: true),
        .init("an ninh", "defense-security", notFollowedBy: ["trat tu"]),
        .init("van hoa xa hoi", "culture-society", bare: true),
        .init("an sinh xa hoi", "culture-society"),
        .init("giao duc", "culture-society", bare: true),
        .init("y te", "culture-society", bare: true),
        .init("van hoa", "culture-society"),
        .init("xa hoi", "culture-society"),
        .init("xay dung nong thon moi", "economy", bare: true),
        .init("nong thon moi", "economy", bare: true),
        .init("phat trien kinh te", "economy", bare: true),
        .init("kinh te xa hoi", "economy"),
        .init("kinh te", "economy", bare: true),
        .init("san xuat", "economy", bare: true),
        .init("giam ngheo", "economy", bare: true),
    ]

    package static let phrases = FoldedPhraseTable<ModelCountFieldPhrase>(modelCount: table.map { ($0.folded, $0) })
}
