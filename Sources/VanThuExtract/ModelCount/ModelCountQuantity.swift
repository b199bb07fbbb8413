import VanThuText

/// The quantity written before "mô hình": `543`, `2.071`, `05`, `mười lăm`, `hàng trăm`,
/// `trên 50`, `3-5`. Offsets are folded offsets.
package struct ModelCountQuantity: Sendable, Equatable {
    /// Where the quantity starts (its qualifier included).
    package var start: Int
    package var count: Int?
    package var approximate: Bool
    package var lowerBound: Int?
    package var upperBound: Int?
    package var rule: String
    /// `ít nhất 1 mô hình`: an exact count that is a quota to reach (status target).
    package var quota = false

    /// Reads the quantity that ends right before `anchor` (only spaces between), or nil when the
    /// word there is no count of models (a label `phường 4`, a year, a fraction, a counter).
    package static func read(before anchor: Int, in text: ModelCountText) -> ModelCountQuantity? {
        let end = text.skipSpacesBack(from: anchor)
        guard end < anchor, end > 0 else { return nil }
        if text.bytes[end - 1] == UInt8(ascii: ")") { return readSpelled(closingAt: end - 1, in: text) }
        if FoldedText.isDigit(text.bytes[end - 1]) {
            return readDigits(endingAt: end, in: text)
        }
        guard let word = text.previousWord(before: anchor) else { return nil }
        if let vague = readVague(endingWith: word, in: text) { return vague }
        if let multiplied = readMultiplied(word, in: text) { return multiplied }
        return readWords(endingWith: word, in: text)
    }

    // MARK: Digits

    /// The largest number read as a count; anything above is rejected, so that no later sum can
    /// overflow.
    package static let maximumCount = 999_999_999

    /// A number token in digits ending at `end`: `543`, `2.071`, `05`. Nil for decimals (`2,5`).
    /// Read by the kernel's number reader (`NumberToken`), up to `end`: a dot groups thousands, a
    /// comma is decimal (no count), a run without dots has at most 7 digits. A count of models
    /// never reaches a billion: a longer number is no count (and never wraps:
    /// "1.000.000.000.000.000.000.000 mô hình" has more groups than a token holds).
    package static func numberToken(endingAt end: Int, in text: ModelCountText) -> (range: Range<Int>, value: Int)? {
        guard end <= text.count else { return nil }
        // What follows `end` is not read: `2,5` ending at `2` is the number 2.
        let bytes = FoldedBytes(UnsafeBufferPointer(rebasing: text.bytes.base[..<end]))
        let start = bytes.numberStart(endingAt: end)
        guard start < end else { return nil }
        let token = NumberToken.read(bytes, at: start)
        guard token.end == end, let value = token.integer(groupedBy: NumberToken.dot, maximumDigits: 7),
              value <= maximumCount else { return nil }
        return (start..<end, value)
    }

    package static func readDigits(endingAt end: Int, in text: ModelCountText) -> ModelCountQuantity? {
        let bytes = text.bytes
        guard let token = numberToken(endingAt: end, in: text) else { return nil }
        let start = token.range.lowerBound
        if start > 0 {
            let before = bytes[start - 1]
            if FoldedText.isWordByte(before) || before == UInt8(ascii: "/") || before == UInt8(ascii: "%")
                || before == UInt8(ascii: "_") {
                return nil
            }
            if before == UInt8(ascii: ":"), start >= 2, FoldedText.isDigit(bytes[start - 2]) { return nil }
        }
        let hasDots = bytes[token.range].contains(UInt8(ascii: "."))
        if !hasDots, token.range.count == 4, (1900...2100).contains(token.value) { return nil }
        guard token.value > 0 else { return nil }
        // A range: "3-5 mô hình", "từ 3 đến 5 mô hình".
        if let range = readRangeStart(before: start, upper: token.value, in: text) { return range }
        // Another number right before: a counter ("2.200 0"), an image name ("15 3").
        let previousEnd = text.skipSpacesBack(from: start)
        if previousEnd > 0, previousEnd < start, FoldedText.isDigit(bytes[previousEnd - 1]) { return nil }
        let words = text.previousWords(before: start, limit: 3)
        if let label = words.first {
            let previous = words.count > 1 ? text.lowered(words[1]) : nil
            if NumberLabelWord.blocks(text.lowered(label), before: previous) { return nil }
        }
        let quantity = ModelCountQuantity(start: start, count: token.value, approximate: false, rule: "digits")
        return quantity.qualified(by: words, in: text)
    }

    /// The lower end of a range whose upper end starts at `start`.
    private static func readRangeStart(before start: Int, upper: Int, in text: ModelCountText) -> ModelCountQuantity? {
        let bytes = text.bytes
        var cursor = text.skipSpacesBack(from: start)
        var joined = false
        if cursor > 0, bytes[cursor - 1] == UInt8(ascii: "-") {
            cursor -= 1
            joined = true
        } else if let word = text.previousWord(before: start), text.lowered(word) == "đến" || text.lowered(word) == "tới" {
            cursor = word.lowerBound
            joined = true
        }
        guard joined else { return nil }
        let lowerEnd = text.skipSpacesBack(from: cursor)
        guard lowerEnd > 0, FoldedText.isDigit(bytes[lowerEnd - 1]),
              let lower = numberToken(endingAt: lowerEnd, in: text), lower.value < upper, lower.value > 0 else { return nil }
        var rangeStart = lower.range.lowerBound
        if rangeStart > 0, FoldedText.isWordByte(bytes[rangeStart - 1]) || bytes[rangeStart - 1] == UInt8(ascii: "/") { return nil }
        if let word = text.previousWord(before: rangeStart), text.lowered(word) == "từ" { rangeStart = word.lowerBound }
        return ModelCountQuantity(start: rangeStart, count: nil, approximate: true, lowerBound: lower.value,
                                  upperBound: upper, rule: "range")
    }

    /// A number spelled twice, one in parentheses: "mười (10) mô hình", "02 (hai) mô hình", "(10) mô hình".
    private static func readSpelled(closingAt close: Int, in text: ModelCountText) -> ModelCountQuantity? {
        guard close >= 1 else { return nil }
        var open = close - 1
        while open > max(0, close - 40), text.bytes[open] != UInt8(ascii: "("), text.bytes[open] != 0x0A { open -= 1 }
        guard text.bytes[open] == UInt8(ascii: "(") else { return nil }
        let innerEnd = text.skipSpacesBack(from: close)
        let innerStart = text.skipSpaces(from: open + 1)
        guard innerStart < innerEnd else { return nil }
        var inner: Int?
        if FoldedText.isDigit(text.bytes[innerEnd - 1]) {
            if let token = numberToken(endingAt: innerEnd, in: text), token.range.lowerBound == innerStart { inner = token.value }
        } else {
            let words = text.lowered(innerStart..<innerEnd).split(separator: " ").map(String.init)
            inner = VietnameseNumberWord.value(of: words) ?? (words == ["một"] ? 1 : nil)
        }
        guard let inner, inner > 0 else { return nil }
        let outerEnd = text.skipSpacesBack(from: open)
        if outerEnd > 0, FoldedText.isDigit(text.bytes[outerEnd - 1]) {
            guard let outer = readDigits(endingAt: outerEnd, in: text), outer.count == inner else { return nil }
            return outer
        }
        if let word = text.previousWord(before: open), let outer = readWords(endingWith: word, in: text) {
            return outer.count == inner ? outer : nil
        }
        return ModelCountQuantity(start: open, count: inner, approximate: false, rule: "digits")
    }

    // MARK: Words

    private static func readVague(endingWith word: Range<Int>, in text: ModelCountText) -> ModelCountQuantity? {
        let words = text.previousWords(before: word.upperBound, limit: 3)
        for vague in VagueQuantity.table where vague.words.count <= words.count {
            var matched = true
            for (offset, folded) in vague.words.reversed().enumerated() where text.folded(words[offset]) != folded {
                matched = false
                break
            }
            guard matched else { continue }
            let first = words[vague.words.count - 1]
            if let exact = vague.exactFirst, text.lowered(first) != exact { continue }
            return ModelCountQuantity(start: first.lowerBound, count: nil, approximate: true,
                                      lowerBound: vague.lowerBound, rule: "vague")
        }
        return nil
    }

    /// Digits times a number word: "2 nghìn mô hình".
    private static func readMultiplied(_ word: Range<Int>, in text: ModelCountText) -> ModelCountQuantity? {
        guard case .multiplier(let factor)? = VietnameseNumberWord.byWord[text.lowered(word)] else { return nil }
        let end = text.skipSpacesBack(from: word.lowerBound)
        guard end < word.lowerBound, end > 0, FoldedText.isDigit(text.bytes[end - 1]),
              let token = numberToken(endingAt: end, in: text), token.value > 0 else { return nil }
        if token.range.lowerBound > 0, FoldedText.isWordByte(text.bytes[token.range.lowerBound - 1]) { return nil }
        let (product, overflow) = token.value.multipliedReportingOverflow(by: factor)
        guard !overflow, product <= maximumCount else { return nil }
        let quantity = ModelCountQuantity(start: token.range.lowerBound, count: product, approximate: false,
                                          rule: "digits-multiplier")
        return quantity.qualified(by: text.previousWords(before: token.range.lowerBound, limit: 3), in: text)
    }

    /// Words before a standalone "năm" that make it a year word, not five ("trong năm mô hình …").
    private static let notFiveBefore: Set<String> = [
        "trong", "mỗi", "hằng", "hàng", "cuối", "đầu", "các", "những", "nhiều", "qua", "này", "một", "từng",
        "mọi", "sau", "trước", "giữa", "của", "cả", "nửa", "năm",
    ]

    private static func readWords(endingWith word: Range<Int>, in text: ModelCountText) -> ModelCountQuantity? {
        let words = text.previousWords(before: word.upperBound, limit: 8)
        var lowered: [String] = []
        for range in words {
            let value = text.lowered(range)
            guard VietnameseNumberWord.byWord[value] != nil else { break }
            lowered.append(value)
        }
        guard !lowered.isEmpty else { return nil }
        // The whole run of number words before the anchor must read as one number ("hai ba" does not).
        let reading = Array(lowered.reversed())
        let length = lowered.count
        // "ít nhất một mô hình": "một" alone is the article "a", but after a quota it is one.
        if reading == ["một"] {
            let one = ModelCountQuantity(start: words[0].lowerBound, count: 1, approximate: false, rule: "number-words")
                .qualified(by: Array(words.dropFirst()), in: text)
            return one.quota ? one : nil
        }
        guard let value = VietnameseNumberWord.value(of: reading), value > 0, value <= maximumCount else { return nil }
        let before = words.count > length ? text.lowered(words[length]) : nil
        if reading == ["năm"], let before, notFiveBefore.contains(before) { return nil }
        // "thứ hai mô hình", "lần ba": a label or an ordinal, not a count.
        if let before {
            let earlier = words.count > length + 1 ? text.lowered(words[length + 1]) : nil
            if NumberLabelWord.blocks(before, before: earlier) { return nil }
        }
        let quantity = ModelCountQuantity(start: words[length - 1].lowerBound, count: value, approximate: false,
                                          rule: "number-words")
        return quantity.qualified(by: Array(words.dropFirst(length)), in: text)
    }

    // MARK: Qualifiers

    /// This quantity with the qualifier among `before` (the words before it, nearest first) applied.
    package func qualified(by before: [Range<Int>], in text: ModelCountText) -> ModelCountQuantity {
        guard let count else { return self }
        for qualifier in CountQualifier.table where qualifier.words.count <= before.count {
            var matched = true
            for (offset, folded) in qualifier.words.reversed().enumerated() where text.folded(before[offset]) != folded {
                matched = false
                break
            }
            guard matched else { continue }
            let first = before[qualifier.words.count - 1]
            guard text.lowered(first.lowerBound..<before[0].upperBound) == qualifier.exact else { continue }
            var result = self
            result.start = first.lowerBound
            if qualifier.kind == .quota {
                result.quota = true
                result.rule += "-quota"
                return result
            }
            result.approximate = true
            switch qualifier.kind {
            case .atLeast: result.lowerBound = count
            case .atMost: result.upperBound = count
            case .about, .quota: break
            }
            result.rule += "-" + qualifier.kind.rawValue
            return result
        }
        return self
    }
}
