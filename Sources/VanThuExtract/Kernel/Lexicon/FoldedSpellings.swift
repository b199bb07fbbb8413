import VanThuText

/// Short words that several spellings fold to, with the spelling a rule means: `đã`, not `đa` of
/// `đa khoa`; `về`, not `vệ` of `Bảo vệ`. A rule that matched such a word in the folded text asks
/// the table whether the word is written as it means; a word the table does not list always is.
/// One table for every reader (`DeadlineLexicon.spellings`), so a word's meant spelling is said once.
package struct FoldedSpellings: Sendable {
    /// Folded word → its meant spellings (lower-case, NFC).
    package let wanted: [String: Set<String>]

    package init(_ wanted: [String: Set<String>]) {
        self.wanted = wanted
    }

    /// Whether the folded word at `range` of `text` is written in `document` as the table wants.
    package func allows(_ text: FoldedBytes, _ range: Range<Int>, in document: TextDocument) -> Bool {
        let folded = String(decoding: UnsafeBufferPointer(rebasing: text.base[range]), as: UTF8.self)
        guard let wanted = wanted[folded] else { return true }
        return wanted.contains(document.string(folded: range).lowercased())
    }
}
