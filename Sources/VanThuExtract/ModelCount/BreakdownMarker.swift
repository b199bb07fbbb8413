/// Words that open a breakdown of the count before them: `trong đó`, `gồm`, `cụ thể` (and an
/// opening parenthesis, handled by the extractor). The counts after such a word, up to the end of
/// the sentence, are parts of that total.
package enum BreakdownMarker {
    package static let phrases = FoldedPhraseTable<Bool>(modelCount: [
        "trong so do", "trong so nay", "trong do", "bao gom", "gom co", "gom", "cu the", "chia ra", "phan ra",
    ].map { ($0, true) })

    /// Words after a count that name its holder, as written: `tập thể`, `cá nhân`.
    package static let holders = FoldedPhraseTable<Holder>(modelCount: [
        ("tap the", Holder(exact: "tập thể", holder: "collective")),
        ("ca nhan", Holder(exact: "cá nhân", holder: "individual")),
    ])

    package struct Holder: Sendable {
        package let exact: String
        package let holder: String
    }
}
