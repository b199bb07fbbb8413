import VanThuText

/// The header reader's lines: the document's `FoldedLines`, trimmed of blanks and markdown
/// emphasis (`**`, `__`), with a header block flattened into one paragraph (text extracted from a
/// PDF or a document viewer: `UBND TỈNH A SỞ B CỘNG HÒA … Số: 12/SB-VP A, ngày … Độc lập - Tự do
/// - Hạnh phúc V/v … Kính gửi: - …; - …; Căn cứ …`) read as the lines it was: a line in the head
/// that holds the motto and a subject or recipients is split before each landmark of `FlatHeader`.
extension FoldedLines {
    package init(header document: TextDocument) {
        self.init(document, trimming: .header)
        let bytes = document.folded.bytes
        var unflattened: [Range<Int>] = []
        unflattened.reserveCapacity(ranges.count)
        for (index, range) in ranges.enumerated() {
            if index < FlatHeader.headLines, FlatHeader.isFlattened(bytes, range) {
                let cuts = FlatHeader.cuts(document, range)
                var from = range.lowerBound
                for cut in cuts + [range.upperBound] where cut > from {
                    let piece = bytes.withUnsafeBufferPointer { Blanks.header.trim($0, from..<cut) }
                    if !piece.isEmpty { unflattened.append(piece) }
                    from = cut
                }
            } else {
                unflattened.append(range)
            }
        }
        ranges = unflattened
    }
}

/// The landmarks of a header block flattened into one paragraph, where its lines are cut apart.
package enum FlatHeader {
    /// Lines of the head (from the top) where a flattened header is looked for.
    package static let headLines = 80

    /// Mottos: a line of their own.
    package static let mottos = HeaderLexicon.standard.flatMottos
    /// A line starts before these.
    package static let lineStarts = HeaderLexicon.standard.flatLineStarts
    /// A line ends after these.
    package static let lineEnds = HeaderLexicon.standard.flatLineEnds
    /// Any of these and a motto in one line make it a flattened header.
    package static let cues = HeaderLexicon.standard.flatCues

    package static func isFlattened(_ f: [UInt8], _ range: Range<Int>) -> Bool {
        guard range.count > 80 else { return false }
        let line = f[range]
        return mottos.matches(line) && cues.matches(line)
    }

    /// The folded offsets where the line is cut: before and after a motto, before `Độc lập`, `V/v`,
    /// `Kính gửi`, `Căn cứ`, `Nơi nhận` and `Số` with a number, after the number-symbol and after
    /// `Hạnh phúc`; in a list, before a `- ` item that follows `;`, `,` or `:`, and after a `;` that a
    /// capital follows.
    package static func cuts(_ document: TextDocument, _ range: Range<Int>) -> [Int] {
        let f = document.folded.bytes
        var cuts: [Int] = []
        var k = range.lowerBound
        func wordStart(_ k: Int) -> Bool { k == range.lowerBound || !FoldedText.isWordByte(f[k - 1]) }
        var recipientsFrom: Int?
        while k < range.upperBound {
            defer { k += 1 }
            // After `Kính gửi`, a full stop ends the list: the body's first sentence follows.
            if let from = recipientsFrom, k > from, f[k] == UInt8(ascii: "."), k + 2 < range.upperBound, f[k + 1] == 0x20,
               k >= 3, FoldedText.isWordByte(f[k - 1]), FoldedText.isWordByte(f[k - 2]), FoldedText.isWordByte(f[k - 3]),
               document.string(Int(document.folded.origin[k + 2])..<min(document.utf8.count, Int(document.folded.origin[k + 2]) + 4))
                .unicodeScalars.first?.properties.isUppercase == true {
                cuts.append(k + 1)
            }
            if recipientsFrom == nil, wordStart(k), matches(f, k, "kinh gui", range) { recipientsFrom = k }
            if f[k] == UInt8(ascii: ";") {
                var n = k + 1
                while n < range.upperBound && f[n] == 0x20 { n += 1 }
                if n < range.upperBound, FoldedText.isWordByte(f[n]),
                   document.string(Int(document.folded.origin[n])..<min(document.utf8.count, Int(document.folded.origin[n]) + 4))
                    .unicodeScalars.first?.properties.isUppercase == true {
                    cuts.append(k + 1)
                }
            }
            guard wordStart(k) else { continue }
            // Words that end on a word boundary.
            func ends(_ table: FoldedWordTable) -> [Int] {
                table.ends(in: f[range], at: k - range.lowerBound).map { range.lowerBound + $0 }
                    .filter { $0 == range.upperBound || !FoldedText.isWordByte(f[$0]) }
            }
            for end in ends(mottos) { cuts.append(k); cuts.append(end) }
            if !ends(lineStarts).isEmpty { cuts.append(k) }
            cuts += ends(lineEnds)
            // `Số` (capital S) and a number-symbol.
            if matches(f, k, "so", range), document.utf8[Int(document.folded.origin[k])] == UInt8(ascii: "S") {
                var n = k + 2
                while n < range.upperBound && (f[n] == 0x20 || f[n] == UInt8(ascii: ":")) { n += 1 }
                if n < range.upperBound, FoldedText.isDigit(f[n]),
                   let symbol = NumberSymbol.parse(document.utf8, at: Int(document.folded.origin[n])) {
                    cuts.append(k)
                    var end = n
                    while end < range.upperBound && Int(document.folded.origin[end]) < symbol.range.upperBound { end += 1 }
                    cuts.append(end)
                }
            }
            // A list item: "- " after ";" or ":".
            if f[k] == UInt8(ascii: "-"), k + 1 < range.upperBound, f[k + 1] == 0x20 {
                var b = k - 1
                while b > range.lowerBound && f[b] == 0x20 { b -= 1 }
                if f[b] == UInt8(ascii: ";") || f[b] == UInt8(ascii: ":") || f[b] == UInt8(ascii: ",") { cuts.append(k) }
            }
        }
        return Array(Set(cuts)).sorted()
    }

    private static func matches(_ f: [UInt8], _ k: Int, _ word: String, _ range: Range<Int>) -> Bool {
        let bytes = word.utf8
        guard k + bytes.count <= range.upperBound else { return false }
        var i = k
        for b in bytes {
            guard f[i] == b else { return false }
            i += 1
        }
        return i == range.upperBound || !FoldedText.isWordByte(f[i])
    }
}
