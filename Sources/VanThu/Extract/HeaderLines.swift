/// The lines of a document as the header rules read them: folded bytes per line (one byte per
/// scalar, see `FoldedText`), trimmed of spaces and of markdown emphasis (`**`, `__`), and the
/// original text on demand.
struct HeaderLines {
    let document: TextDocument
    /// Folded range of every line, trimmed.
    let ranges: [Range<Int>]

    init(_ document: TextDocument) {
        self.document = document
        let bytes = document.folded.bytes
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(document.lines.count)
        var start = 0
        bytes.withUnsafeBufferPointer { p in
            while let newline = p.firstIndex(ofByte: 0x0A, from: start) {
                ranges.append(Self.trim(p, start..<newline))
                start = newline + 1
            }
        }
        if start < bytes.count || bytes.isEmpty || bytes.last == 0x0A {
            ranges.append(bytes.withUnsafeBufferPointer { Self.trim($0, start..<bytes.count) })
        }
        self.ranges = ranges
    }

    private static func trim(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var low = range.lowerBound
        var high = range.upperBound
        @inline(__always) func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x2A || b == 0x5F || b == 0x0D }
        while low < high && blank(p[low]) { low += 1 }
        while high > low && blank(p[high - 1]) { high -= 1 }
        return low..<high
    }

    var count: Int { ranges.count }

    func isEmpty(_ line: Int) -> Bool { ranges[line].isEmpty }

    /// The folded bytes of a line.
    func folded(_ line: Int) -> ArraySlice<UInt8> { document.folded.bytes[ranges[line]] }

    /// The folded line as a string (ASCII).
    func foldedString(_ line: Int) -> String { String(decoding: folded(line), as: UTF8.self) }

    /// Whether the folded line starts with `prefix` (folded ASCII).
    func starts(_ line: Int, with prefix: String) -> Bool {
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
    func text(_ line: Int) -> String {
        let range = ranges[line]
        guard !range.isEmpty else { return "" }
        return document.string(document.folded.utf8Range(range))
    }

    /// The original text of a folded sub-range of a line.
    func text(folded range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return document.string(document.folded.utf8Range(range))
    }

    /// UTF-8 offset of a folded offset.
    func byte(_ folded: Int) -> Int { Int(document.folded.origin[folded]) }

    /// Whether every letter of the line is upper case (and it has at least two letters), read
    /// from the UTF-8 bytes.
    func isAllCaps(_ line: Int) -> Bool {
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
    func startsUppercase(_ line: Int) -> Bool {
        let range = ranges[line]
        guard !range.isEmpty else { return false }
        let byteRange = document.folded.utf8Range(range.lowerBound..<range.lowerBound + 1)
        return document.string(byteRange).unicodeScalars.first?.properties.isUppercase ?? false
    }
}
