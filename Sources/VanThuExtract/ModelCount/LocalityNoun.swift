/// Nouns of administrative places, for a count's scope: `huyện Chợ Đồn`, `thành phố Bến Tre`,
/// `TP Hà Tĩnh`, `phường 4`, and the generic `toàn thành phố` that the document names elsewhere.
package struct LocalityNoun: Sendable {
    package let folded: String
    /// How the scope writes the noun: `TP` → `thành phố`.
    package let canonical: String
    /// Whether a number may name it (`phường 4`).
    package let numbered: Bool
    /// The noun as written (lower case) when the folded form is ambiguous (`xã`, not `xa`).
    package let exact: String?

    package init(_ folded: String, _ canonical: String, numbered: Bool = false, exact: Bool = false) {
        self.folded = folded
        self.canonical = canonical
        self.numbered = numbered
        self.exact = exact ? canonical : nil
    }

    /// The longest match is taken ("tp." over "tp", "tinh uy" over "tinh").
    package static let table: [LocalityNoun] = [
        // The Party committee of a place names the place: "Huyện ủy Chợ Đồn" → huyện Chợ Đồn.
        .init("thanh uy", "thành phố"), .init("tinh uy", "tỉnh"), .init("huyen uy", "huyện"),
        .init("quan uy", "quận", numbered: true), .init("thi uy", "thị xã"),
        .init("thanh pho", "thành phố"), .init("tp.", "thành phố"), .init("tp", "thành phố"),
        .init("thi xa", "thị xã"), .init("tx.", "thị xã"), .init("tx", "thị xã"),
        .init("thi tran", "thị trấn", exact: true), .init("tinh", "tỉnh", exact: true), .init("huyen", "huyện", exact: true),
        .init("quan", "quận", numbered: true, exact: true), .init("xa", "xã", exact: true),
        .init("phuong", "phường", numbered: true, exact: true),
    ]

    package static let phrases = FoldedPhraseTable<LocalityNoun>(modelCount: table.map { ($0.folded, $0) })

    /// Words before a noun that make it the whole place of the document ("toàn thành phố").
    package static let wholePrefixes = FoldedPhraseTable<Bool>(modelCount: [("toan", true), ("ca", true), ("tren dia ban", true)])

    /// Scopes that need no name.
    package static let national = FoldedPhraseTable<String>(modelCount: [
        ("toan quoc", "toàn quốc"), ("ca nuoc", "toàn quốc"),
    ])

    /// Words (folded) after a noun that make it another word: "xã hội" (society) is no commune.
    package static let notNouns: [String: Set<String>] = ["xã": ["hoi"], "thành phố": ["hoa"]]

    /// Capitalised words after a noun that are not a place name ("Tỉnh Ủy", "Thành Đoàn").
    package static let notNames: Set<String> = ["uy", "doan", "hoi", "bo"]
}
