import VanThuText

/// The quoted stretches of a text (“…”, "…"), per paragraph and up to about sixty words, found by
/// one pass over the UTF-8 bytes. A unit name does not start inside a quoted title ("Vai trò của
/// Hội Nông dân …" in quotes is a title, not a unit).
package struct QuoteSpans: Sendable {
    /// Byte ranges strictly between an opening and its closing quote, in order.
    package private(set) var spans: [Range<Int>] = []

    package static let maximumLength = 480

    /// The bytes the scan stops at: `\n`, `"`, and the lead bytes of “ ” « » (0xE2, 0xC2).
    private static let significant: [Bool] = (0...255).map { [0x0A, 0x22, 0xE2, 0xC2].contains($0) }

    package init(_ utf8: [UInt8]) {
        var stack: [(offset: Int, straight: Bool)] = []
        var spans: [Range<Int>] = []
        utf8.withUnsafeBufferPointer { p in
            Self.significant.withUnsafeBufferPointer { significant in
                let count = p.count
                guard count > 0 else { return }
                var k = 0
                while k < count {
                    // Only \n, " and the lead bytes of “ ” « » (0xE2, 0xC2) matter: one table lookup a
                    // byte, a branch that rarely goes the other way (four comparisons mispredicted on
                    // every Vietnamese letter's lead byte).
                    let b = p[k]
                    if !significant[Int(b)] { k += 1; continue }
                    if b == 0x0A {
                        stack.removeAll(keepingCapacity: true)
                    } else if b == 0x22 {
                        if let last = stack.last, last.straight {
                            stack.removeLast()
                            if k - last.offset <= Self.maximumLength { spans.append(last.offset..<k) }
                        } else {
                            stack.append((k + 1, true))
                        }
                    } else if b == 0xE2, k + 2 < count, p[k + 1] == 0x80 {
                        let c = p[k + 2]
                        if c == 0x9C || c == 0x9E {
                            stack.append((k + 3, false))
                        } else if c == 0x9D || c == 0x9F, let last = stack.popLast() {
                            if k - last.offset <= Self.maximumLength { spans.append(last.offset..<k) }
                        }
                        k += 2
                    } else if b == 0xC2, k + 1 < count, p[k + 1] == 0xAB || p[k + 1] == 0xBB {
                        if p[k + 1] == 0xAB { stack.append((k + 2, false)) }
                        else if let last = stack.popLast(), k - last.offset <= Self.maximumLength { spans.append(last.offset..<k) }
                        k += 1
                    }
                    k += 1
                }
            }
        }
        // Inner spans close first; keep them sorted by start for lookups.
        self.spans = spans.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Whether any quoted stretch shares a byte with `range`.
    package func intersects(_ range: Range<Int>) -> Bool {
        guard !spans.isEmpty, !range.isEmpty else { return false }
        // Spans that start before the range's end, nearest first; none reaches back further than
        // `maximumLength`.
        var low = 0
        var high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].lowerBound < range.upperBound { low = mid + 1 } else { high = mid }
        }
        var k = low - 1
        while k >= 0 {
            if spans[k].overlaps(range) { return true }
            if range.lowerBound - spans[k].lowerBound > Self.maximumLength { break }
            k -= 1
        }
        return false
    }

    /// Whether byte `offset` lies inside a quoted stretch.
    package func contains(_ offset: Int) -> Bool {
        guard !spans.isEmpty else { return false }
        // The spans are few; nested ones overlap, so check every span that starts before offset.
        var low = 0
        var high = spans.count
        while low < high {
            let mid = (low + high) / 2
            if spans[mid].lowerBound <= offset { low = mid + 1 } else { high = mid }
        }
        var k = low - 1
        while k >= 0 {
            if spans[k].contains(offset) { return true }
            if offset - spans[k].lowerBound > Self.maximumLength { break }
            k -= 1
        }
        return false
    }
}
