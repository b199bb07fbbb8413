/// The four fields of the movement, as written after `lĩnh vực` ("trên lĩnh vực văn hóa – xã hội").
/// Separators between words are free (`văn hóa-xã hội`, `văn hóa, xã hội`); longest first.
struct ModelCountFieldPhrase: Sendable {
    let phrase: FoldedPhrase
    let field: String
    /// Whether the phrase names the field right after "mô hình", without `lĩnh vực`
    /// ("20 mô hình phát triển kinh tế").
    let direct: Bool

    init(_ folded: String, _ field: String, direct: Bool = false) {
        self.phrase = FoldedPhrase(folded)
        self.field = field
        self.direct = direct
    }

    /// What introduces a field: `lĩnh vực` (and `lĩnh vực về`). `các lĩnh vực` (plural) does not.
    static let heads: [FoldedPhrase] = [FoldedPhrase("linh vuc ve"), FoldedPhrase("linh vuc")]

    static let table: [ModelCountFieldPhrase] = [
        .init("xay dung dang va he thong chinh tri", "politics"),
        .init("xay dung dang he thong chinh tri", "politics"),
        .init("xay dung dang chinh quyen", "politics"),
        .init("xay dung he thong chinh tri", "politics", direct: true),
        .init("he thong chinh tri", "politics"),
        .init("xay dung dang", "politics"),
        .init("chinh tri", "politics"),
        .init("quoc phong an ninh", "defense-security", direct: true),
        .init("an ninh quoc phong", "defense-security", direct: true),
        .init("an ninh trat tu", "defense-security", direct: true),
        .init("quoc phong", "defense-security"),
        .init("an ninh", "defense-security"),
        .init("van hoa xa hoi", "culture-society", direct: true),
        .init("an sinh xa hoi", "culture-society"),
        .init("van hoa", "culture-society"),
        .init("xa hoi", "culture-society"),
        .init("phat trien kinh te", "economy", direct: true),
        .init("kinh te xa hoi", "economy"),
        .init("kinh te", "economy", direct: true),
    ].sorted { $0.phrase.words.count > $1.phrase.words.count }
}
