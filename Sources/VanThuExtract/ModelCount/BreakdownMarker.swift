/// Words that open a breakdown of the count before them: `trong đó`, `gồm`, `cụ thể` (and an
/// opening parenthesis, handled by the extractor). The counts after such a word, up to the end of
/// the sentence, are parts of that total.
package enum BreakdownMarker {
    package static let phrases: [FoldedPhrase] = [
        "trong so do", "trong so nay", "trong do", "bao gom", "gom co", "gom", "cu the", "chia ra", "phan ra",
    ].map(FoldedPhrase.init)

    /// Words after a count that name its holder, as written: `tập thể`, `cá nhân`.
    package static let holders: [(phrase: FoldedPhrase, exact: String, holder: String)] = [
        (FoldedPhrase("tap the"), "tập thể", "collective"),
        (FoldedPhrase("ca nhan"), "cá nhân", "individual"),
    ]
}
