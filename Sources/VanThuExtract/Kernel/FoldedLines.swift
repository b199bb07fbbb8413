import VanThuText

/// The lines of a document's folded text (`FoldedText`: one byte per scalar, lower-case ASCII),
/// as every line rule reads them: the classifier's rules, the header reader and the title's. One splitting
/// (every `\n` ends a line; a text of N newlines has N + 1 lines), one trimming (`Blanks`, which
/// says what a reader trims) and one line value (`FoldedLine`).
///
/// `FoldedLines` keeps each line's trimmed folded range and reads the original text on demand;
/// `forEachLine` walks the lines without keeping them, for a reader that looks at each once.
package struct FoldedLines {
    /// What a line is trimmed of at both ends.
    package enum Blanks: Sendable {
        /// Spaces only: the classifier's rules.
        case spaces
        /// Spaces, tabs, carriage returns and markdown emphasis (`**`, `__`): the header's lines.
        case header
        /// Spaces, tabs and `FoldedText.other` (what other spaces fold to, with every other
        /// scalar that is not a Latin letter): the title's lines.
        case white

        @inline(__always)
        package func isBlank(_ b: UInt8) -> Bool {
            switch self {
            case .spaces: return b == 0x20
            case .header: return b == 0x20 || b == 0x09 || b == 0x2A || b == 0x5F || b == 0x0D
            case .white: return b == 0x20 || b == 0x09 || b == FoldedText.other
            }
        }

        /// `range` of `p` without the blanks at its ends.
        @inline(__always)
        package func trim(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
            var low = range.lowerBound
            var high = range.upperBound
            while low < high && isBlank(p[low]) { low += 1 }
            while high > low && isBlank(p[high - 1]) { high -= 1 }
            return low..<high
        }
    }

    package let document: TextDocument
    /// Folded range of every line, trimmed.
    package var ranges: [Range<Int>]
    /// The document's full dates, by where they start (the one date reader's, `calendarDays()`),
    /// for rules that read a line's date; empty unless a reader sets them.
    package var days = CalendarDays()

    /// Every line of `document`, trimmed of `blanks`.
    package init(_ document: TextDocument, trimming blanks: Blanks) {
        self.document = document
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(document.lines.count)
        document.folded.bytes.withUnsafeBufferPointer { p in
            Self.forEachLine(p) { _, line in ranges.append(blanks.trim(p, line)); return true }
        }
        self.ranges = ranges
    }

    /// Calls `body` with the index and the range (without its `\n`) of every line of `p`, while
    /// it returns true.
    @inline(__always)
    package static func forEachLine(_ p: UnsafeBufferPointer<UInt8>, _ body: (_ index: Int, _ line: Range<Int>) -> Bool) {
        var start = 0
        var index = 0
        while true {
            let end = p.firstIndex(ofByte: 0x0A, from: start) ?? p.count
            guard body(index, start..<end), end < p.count else { return }
            start = end + 1
            index += 1
        }
    }

    package var count: Int { ranges.count }

    package func isEmpty(_ line: Int) -> Bool { ranges[line].isEmpty }

    /// The folded bytes of a line.
    package func folded(_ line: Int) -> ArraySlice<UInt8> { document.folded.bytes[ranges[line]] }

    /// The folded line as a string (ASCII).
    package func foldedString(_ line: Int) -> String { String(decoding: folded(line), as: UTF8.self) }

    /// Whether the folded line starts with `prefix` (folded ASCII).
    package func starts(_ line: Int, with prefix: String) -> Bool {
        let bytes = document.folded.bytes
        let range = ranges[line]
        var k = range.lowerBound
        for b in prefix.utf8 {
            guard k < range.upperBound, bytes[k] == b else { return false }
            k += 1
        }
        return true
    }

    /// The original text of a line, trimmed.
    package func text(_ line: Int) -> String {
        let range = ranges[line]
        guard !range.isEmpty else { return "" }
        return document.string(document.folded.utf8Range(range))
    }

    /// The original text of a folded sub-range of a line.
    package func text(folded range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return document.string(document.folded.utf8Range(range))
    }

    /// UTF-8 offset of a folded offset.
    package func byte(_ folded: Int) -> Int { Int(document.folded.origin[folded]) }

    /// Whether every letter of the line is upper case (and it has at least two letters), read
    /// from the UTF-8 bytes.
    package func isAllCaps(_ line: Int) -> Bool {
        let range = document.folded.utf8Range(ranges[line])
        return VietnameseLetters.withTable { table in
            document.utf8.withUnsafeBufferPointer { p in
                var letters = 0
                var k = range.lowerBound
                while k < range.upperBound {
                    let b = p[k]
                    if b < 0x80 {
                        if b >= 0x61 && b <= 0x7A { return false }
                        if b >= 0x41 && b <= 0x5A { letters += 1 }
                        k += 1
                        continue
                    }
                    guard let (value, length) = NumberSymbol.decode(p, k) else { k += 1; continue }
                    k += length
                    var packed: UInt16 = 0
                    if value >= 0xC0 && value < 0x1C0 { packed = table[Int(value - 0xC0)] }
                    else if value >= 0x1E00 && value < 0x1F00 { packed = table[0x100 + Int(value - 0x1E00)] }
                    if packed & (1 << 14) != 0 {
                        if packed & (1 << 13) == 0 { return false }
                        letters += 1
                    }
                }
                return letters >= 2
            }
        }
    }

    /// Whether the first letter of the line is upper case.
    package func startsUppercase(_ line: Int) -> Bool {
        let range = ranges[line]
        guard !range.isEmpty else { return false }
        let byteRange = document.folded.utf8Range(range.lowerBound..<range.lowerBound + 1)
        return document.string(byteRange).unicodeScalars.first?.properties.isUppercase ?? false
    }

    /// Calls `body` with line `line` as a `FoldedLine` (valid only inside `body`).
    package func withLine<Result>(_ line: Int, _ body: (FoldedLine) -> Result) -> Result {
        document.folded.bytes.withUnsafeBufferPointer { p in body(FoldedLine(bytes: UnsafeBufferPointer(rebasing: p[ranges[line]]))) }
    }
}

/// One trimmed line of folded bytes, as the rules read it. Its `count` is its length in
/// characters (a folded byte is one scalar, and a line of them has no multi-scalar character).
/// Valid only while the rules run (it points into the document's folded bytes).
public struct FoldedLine {
    public let bytes: UnsafeBufferPointer<UInt8>

    public var count: Int { bytes.count }

    /// Whether the line starts with `prefix` (folded ASCII).
    @inline(__always)
    public func hasPrefix(_ prefix: StaticString) -> Bool { Self.starts(bytes, at: 0, with: prefix) }

    /// Whether `word` (folded ASCII) occurs anywhere at or after offset `from`.
    public func contains(_ word: StaticString, from: Int = 0) -> Bool {
        let first = word.utf8Start.pointee
        var k = from
        while k + word.utf8CodeUnitCount <= bytes.count {
            if bytes[k] == first && Self.starts(bytes, at: k, with: word) { return true }
            k += 1
        }
        return false
    }

    /// Whether the byte occurs at or after offset `from`.
    public func contains(_ byte: UInt8, from: Int = 0) -> Bool {
        var k = from
        while k < bytes.count {
            if bytes[k] == byte { return true }
            k += 1
        }
        return false
    }

    /// The first offset of `byte`, if any.
    public func firstIndex(of byte: UInt8) -> Int? {
        var k = 0
        while k < bytes.count {
            if bytes[k] == byte { return k }
            k += 1
        }
        return nil
    }

    /// The first offset at or after `from` whose byte is not skipped.
    @inline(__always)
    public func skip(from: Int, while skipped: (UInt8) -> Bool) -> Int {
        var k = from
        while k < bytes.count && skipped(bytes[k]) { k += 1 }
        return k
    }

    /// Whether the line is exactly `text` (folded ASCII).
    public func equals(_ text: [UInt8]) -> Bool {
        text.count == bytes.count && text.withUnsafeBufferPointer { t in
            for k in 0..<t.count where t[k] != bytes[k] { return false }
            return true
        }
    }

    @inline(__always)
    package static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, with prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard offset + length <= bytes.count else { return false }
        let p = prefix.utf8Start
        for k in 0..<length where bytes[offset + k] != p[k] { return false }
        return true
    }
}
