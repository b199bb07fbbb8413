import VanThuText

/// Completes the candidates of one document: holder parts, breakdown links, status, field,
/// recognising unit, year and scope, and the breakdown sum check.
package struct ModelCountBuilder {
    package let text: ModelCountText
    package private(set) var candidates: [ModelCountCandidate]
    package let record: Record
    package let documentYear: Int?

    /// Where each candidate's clause ends on the right (folded offset).
    private var rightEnds: [Int] = []

    package init(text: ModelCountText, candidates: [ModelCountCandidate], record: Record, documentYear: Int?) {
        self.text = text
        self.candidates = candidates
        self.record = record
        self.documentYear = documentYear
    }

    package mutating func run() {
        addHolderParts()
        linkBreakdowns()
        rightEnds = candidates.indices.map { rightEnd(of: $0) }
        for index in candidates.indices { readClause(index) }
        // "45 mô hình (tăng 5 mô hình so với năm 2019)": a change or a target is no part.
        for index in candidates.indices where candidates[index].partOf != nil && candidates[index].statusIsOwn
            && [.delta, .target].contains(candidates[index].status) {
            candidates[index].partOf = nil
            candidates[index].partClauseStart = nil
        }
        placeInTime()
        candidates = ModelCountRestatements(text: text, title: record.title).merge(candidates)
        inheritFromTotals()
        checkSums()
    }

    /// Parts take what their total says and they do not: its status, year and field (after a
    /// restatement may have told the total more).
    private mutating func inheritFromTotals() {
        for index in candidates.indices {
            guard let total = candidates[index].partOf, total < index else { continue }
            let whole = candidates[total]
            if !candidates[index].statusIsOwn { candidates[index].status = whole.status }
            if candidates[index].yearSource != .own, whole.yearSource != .none {
                candidates[index].year = whole.year
                candidates[index].yearSource = .inherited
            }
            if candidates[index].field == nil, !candidates[index].fieldSeveral { candidates[index].field = whole.field }
        }
    }

    // MARK: Holder parts: "(29 tập thể, 26 cá nhân)", "trong đó 29 tập thể, 26 cá nhân"

    private mutating func addHolderParts() {
        var added: [(total: Int, part: ModelCountCandidate)] = []
        for (index, total) in candidates.enumerated() where total.quantity.count != nil {
            guard let region = holderRegion(after: total, next: index + 1 < candidates.count ? candidates[index + 1].start : nil)
            else { continue }
            let kind = kindWords(after: total)
            var cursor = region.lowerBound
            while cursor < region.upperBound {
                defer { cursor += 1 }
                guard FoldedText.isDigit(text.bytes[cursor]), cursor == 0 || !FoldedText.isDigit(text.bytes[cursor - 1])
                else { continue }
                var end = cursor
                while end < region.upperBound, FoldedText.isDigit(text.bytes[end]) || text.bytes[end] == UInt8(ascii: ".") { end += 1 }
                while end > cursor, text.bytes[end - 1] == UInt8(ascii: ".") { end -= 1 }
                guard let token = ModelCountQuantity.numberToken(endingAt: end, in: text), token.range.lowerBound == cursor,
                      token.value > 0 else { continue }
                let after = text.skipSpaces(from: end)
                if after > end, let (holderRange, holder) = holderWord(at: after) {
                    // "29 tập thể"
                    let quantity = ModelCountQuantity(start: cursor, count: token.value, approximate: false, rule: "holder-part")
                    var part = ModelCountCandidate(quantity: quantity, anchor: holderRange, nameEnd: holderRange.upperBound,
                                                   holder: holder)
                    part.partClauseStart = region.lowerBound
                    added.append((index, part))
                } else if after > end, let kind, let kindRange = kindMatch(kind, at: after, before: region.upperBound) {
                    // "610 mô hình dòng họ học tập, trong đó có 235 dòng họ …": the part names the models' kind.
                    let quantity = ModelCountQuantity(start: cursor, count: token.value, approximate: false, rule: "kind-part")
                    var part = ModelCountCandidate(quantity: quantity, anchor: kindRange, nameEnd: kindRange.upperBound)
                    part.partClauseStart = region.lowerBound
                    added.append((index, part))
                } else if let (labelStart, holder) = itemLabel(before: cursor, from: region.lowerBound),
                          endsItem(at: after, regionEnd: region.upperBound) {
                    // "cấp tỉnh 125", "tập thể: 29"
                    let quantity = ModelCountQuantity(start: labelStart, count: token.value, approximate: false, rule: "level-part")
                    var part = ModelCountCandidate(quantity: quantity, anchor: cursor..<end, nameEnd: end, holder: holder)
                    part.partClauseStart = region.lowerBound
                    added.append((index, part))
                }
                cursor = end
            }
        }
        guard !added.isEmpty else { return }
        // Insert the parts in text order and point them at their totals.
        var all: [(candidate: ModelCountCandidate, total: Int?, original: Int?)] =
            candidates.enumerated().map { ($0.element, nil, $0.offset) }
        all += added.map { ($0.part, $0.total, nil) }
        all.sort { $0.candidate.start < $1.candidate.start }
        var newIndex: [Int: Int] = [:]
        for (index, item) in all.enumerated() { if let original = item.original { newIndex[original] = index } }
        candidates = all.map { item in
            var candidate = item.candidate
            if let total = item.total { candidate.partOf = newIndex[total] }
            return candidate
        }
    }

    /// The first two words naming the kind of the counted models, as written (lower case): `dòng
    /// họ` in "610 mô hình dòng họ học tập" or "mô hình “Dòng họ học tập”". Nil when they are not two
    /// plain words (a number, a status or field word, the end of the clause).
    private func kindWords(after total: ModelCountCandidate) -> [String]? {
        var cursor = text.skipSpaces(from: total.anchor.upperBound)
        if cursor < text.count, text.bytes[cursor] == UInt8(ascii: "\"") { cursor += 1 }
        var words: [String] = []
        while words.count < 2, let word = text.nextWord(after: cursor) {
            guard FoldedText.isLetter(text.bytes[word.lowerBound]) else { return nil }
            words.append(text.lowered(word))
            cursor = word.upperBound
        }
        guard words.count == 2, !Self.notKindWords.contains(words[0]) else { return nil }
        return words
    }

    /// Words after "mô hình" that say something about the models, not their kind.
    private static let notKindWords: Set<String> = [
        "mới", "được", "đã", "đang", "về", "trong", "trên", "thuộc", "của", "do", "ở", "tại", "cấp", "và", "với", "có", "là",
        "điển", "tiêu", "điểm", "tập", "cá",
    ]

    /// The range of `kind`'s words at `position`, when they stand there before `limit`.
    private func kindMatch(_ kind: [String], at position: Int, before limit: Int) -> Range<Int>? {
        var cursor = position
        for expected in kind {
            guard let word = text.nextWord(after: cursor), word.upperBound <= limit, text.lowered(word) == expected else { return nil }
            cursor = word.upperBound
        }
        return position..<cursor
    }

    /// `tập thể` / `cá nhân` at `position`, as written.
    private func holderWord(at position: Int) -> (Range<Int>, String)? {
        guard let (entry, end) = text.match(BreakdownMarker.holders, at: position, exact: { $0.exact }) else { return nil }
        return (position..<end, entry.holder)
    }

    /// The label of a breakdown item whose number follows it: `cấp tỉnh 125`, `tập thể: 29`. Returns
    /// where the label starts and the holder it names, if any.
    private func itemLabel(before number: Int, from floor: Int) -> (Int, String?)? {
        var cursor = text.skipSpacesBack(from: number)
        if cursor > floor, text.bytes[cursor - 1] == UInt8(ascii: ":") { cursor = text.skipSpacesBack(from: cursor - 1) }
        let words = text.previousWords(before: cursor, limit: 3).filter { $0.lowerBound >= floor }
        guard !words.isEmpty else { return nil }
        if words.count >= 2, let (range, holder) = holderWord(at: words[1].lowerBound), range.upperBound == words[0].upperBound {
            return (range.lowerBound, holder)
        }
        for (offset, word) in words.enumerated() where offset >= 1 && text.lowered(word) == "cấp" {
            return (word.lowerBound, nil)
        }
        return nil
    }

    /// Whether a breakdown item ends at `position`: a comma, semicolon, closing parenthesis, full
    /// stop, `và`, or the region's end.
    private func endsItem(at position: Int, regionEnd: Int) -> Bool {
        guard position < regionEnd, position < text.count else { return true }
        let byte = text.bytes[position]
        if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: ".") {
            return true
        }
        return text.match(Self.and, at: position, exact: { $0 }) != nil
    }

    /// The text after a total where holder parts may be listed: inside the parenthesis that
    /// follows it, or after a breakdown word, to the end of the sentence (or the next count).
    private func holderRegion(after total: ModelCountCandidate, next: Int?) -> Range<Int>? {
        // Walk the rest of the total's clause ("… 2.071 mô hình được các cấp công nhận (cấp tỉnh 125, …)").
        var cursor = total.nameEnd
        let limit = min(text.count, total.nameEnd + 200, next ?? Int.max)
        while cursor < limit {
            let byte = text.bytes[cursor]
            if byte == UInt8(ascii: "\""), let close = text.closingQuote(after: cursor) {
                cursor = close + 1
                continue
            }
            if byte == UInt8(ascii: "(") {
                var end = cursor + 1
                while end < min(text.count, cursor + 240), text.bytes[end] != UInt8(ascii: ")"), text.bytes[end] != 0x0A { end += 1 }
                guard end < text.count, text.bytes[end] == UInt8(ascii: ")") else { return nil }
                return cursor + 1..<end
            }
            if FoldedText.isLetter(byte), text.bytes.isWordStart(at: cursor),
               let markerEnd = text.match(BreakdownMarker.phrases, at: cursor)?.end {
                var end = text.sentenceEnd(of: markerEnd)
                if let next, next < end { end = next }
                return markerEnd..<end
            }
            if text.isClauseEnd(at: cursor) {
                guard byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ";") else { return nil }
                let after = text.skipSpaces(from: cursor + 1)
                guard after < text.count else { return nil }
                if text.bytes[after] == UInt8(ascii: "(") || text.match(BreakdownMarker.phrases, at: after) != nil {
                    cursor = after
                    continue
                }
                return nil
            }
            cursor += 1
        }
        return nil
    }

    // MARK: Breakdowns: "… 339 mô hình được công nhận, trong đó có 36 …, 285 …, 18 …"

    private mutating func linkBreakdowns() {
        var openTotal: Int?
        var openUntil = 0
        var lastPartEnd = 0
        for index in candidates.indices {
            if let total = candidates[index].partOf {
                // A holder part: it keeps a breakdown open after its total.
                openTotal = total
                openUntil = max(openUntil, text.sentenceEnd(of: candidates[index].start))
                lastPartEnd = candidates[index].end
                continue
            }
            let candidate = candidates[index]
            // "Trong đó có 54 mô hình đạt hiệu quả, bao gồm 14 …": a part broken down in its turn.
            if index > 0, candidates[index - 1].partOf != nil, candidates[index - 1].holder == nil,
               let markerEnd = marker(between: candidates[index - 1].nameEnd, and: candidate.start, wordsOnly: true) {
                candidates[index].partOf = index - 1
                candidates[index].partClauseStart = markerEnd
                openTotal = index - 1
                openUntil = text.sentenceEnd(of: candidate.start)
                lastPartEnd = candidate.nameEnd
                continue
            }
            if openTotal != nil, candidate.start < openUntil,
               startsNewClause(lastPartEnd..<candidate.start) || startsNewSentence(lastPartEnd..<candidate.start) {
                openTotal = nil
            }
            if let total = openTotal, candidate.start < openUntil {
                candidates[index].partOf = total
                candidates[index].partClauseStart = lastPartEnd
                lastPartEnd = candidate.nameEnd
                continue
            }
            openTotal = nil
            guard index > 0, candidates[index - 1].partOf == nil,
                  let markerEnd = marker(between: candidates[index - 1].nameEnd, and: candidate.start) else { continue }
            // "có 30 mô hình, tăng 3 mô hình so với năm trước. Trong đó, …": a change is not broken
            // down; the breakdown is of the stock before it.
            var total = index - 1
            if total > 0, candidates[total - 1].partOf == nil, isChange(total),
               text.sentenceStart(of: candidates[total - 1].start) == text.sentenceStart(of: candidates[total].start) {
                total -= 1
            }
            candidates[index].partOf = total
            candidates[index].partClauseStart = markerEnd
            openTotal = total
            openUntil = listEnd(from: candidate.start)
            lastPartEnd = candidate.nameEnd
        }
    }

    /// Whether the count at `index` is a change ("tăng 3 mô hình"): a delta row right before its number.
    private func isChange(_ index: Int) -> Bool {
        let floor = text.sentenceStart(of: candidates[index].start)
        return existential(before: candidates[index].start, floor: floor)?.status == .delta
    }

    /// Whether a semicolon between two counts opens a clause of its own ("…; năm 2020 có thêm 50
    /// mô hình"), not the next item of a list ("…; 728 mô hình cá nhân").
    private func startsNewClause(_ gap: Range<Int>) -> Bool {
        // The next item of a list, one a line.
        if let newline = gap.last(where: { text.bytes[$0] == 0x0A }), isBulletLine(newline + 1) { return false }
        guard let semicolon = gap.last(where: { text.bytes[$0] == UInt8(ascii: ";") }) else { return false }
        // "…; lĩnh vực văn hóa - xã hội 48 mô hình; …", "…; cấp xã 20 mô hình": a label, the next item.
        let after = semicolon + 1..<gap.upperBound
        if !fields(in: after, bare: true).mentions.isEmpty { return false }
        if let last = text.previousWords(before: gap.upperBound, limit: 3).first(where: { text.lowered($0) == "cấp" }),
           last.lowerBound > semicolon { return false }
        var words = 0
        for index in semicolon + 1..<gap.upperBound
        where FoldedText.isWordByte(text.bytes[index]) && text.bytes.isWordStart(at: index) {
            words += 1
        }
        // "…; an ninh, trật tự 6 mô hình": a longer label is still the next item when nothing in it
        // reads as a clause of its own (a status cue, `có`, `đã`, a year).
        if words > 3, words <= 6, !readsAsClause(after) { return false }
        return words > 3
    }

    /// Whether a sentence ends between two counts in running text ("…, 382 mô hình ở đô thị. Năm
    /// 2019, tỉnh củng cố 203 mô hình"): the breakdown is over. Items of a list one a line may
    /// each end with a full stop.
    private func startsNewSentence(_ gap: Range<Int>) -> Bool {
        guard let stop = gap.first(where: { text.isSentenceEnd(at: $0) }) else { return false }
        if let newline = gap.last(where: { text.bytes[$0] == 0x0A }), newline >= stop, isBulletLine(newline + 1) { return false }
        return true
    }

    /// Words that make the stretch after a semicolon a clause, not a label: "…; năm 2020 có thêm".
    private static let clauseWords: Set<String> = ["có", "đã", "được", "năm", "đạt", "là"]

    private func readsAsClause(_ range: Range<Int>) -> Bool {
        if !statuses(in: range, right: false, sentence: range).isEmpty { return true }
        var index = range.lowerBound
        while index < range.upperBound {
            guard FoldedText.isWordByte(text.bytes[index]), text.bytes.isWordStart(at: index) else { index += 1; continue }
            var end = index
            while end < range.upperBound, FoldedText.isWordByte(text.bytes[end]) { end += 1 }
            if Self.clauseWords.contains(text.lowered(index..<end)) { return true }
            index = end
        }
        return false
    }

    /// The end of a breakdown word between a total (ending at `start`) and a count (at `end`):
    /// in the same line, the count in the marker's sentence, the total in it or the one before.
    private func marker(between start: Int, and end: Int, wordsOnly: Bool = false) -> Int? {
        guard end > start, end - start <= 320 else { return nil }
        var sentenceEnds: [Int] = []
        var found: (start: Int, end: Int)?
        var index = start
        var listMode = false
        while index < end {
            let byte = text.bytes[index]
            if byte == 0x0A {
                // "… đăng ký 120 mô hình, cụ thể:⏎- Lĩnh vực kinh tế: 45 mô hình;⏎- …": a list after a
                // colon, one item a line.
                let before = text.skipSpacesBack(from: index)
                if !listMode, !wordsOnly, before > start, text.bytes[before - 1] == UInt8(ascii: ":"), isBulletLine(index + 1) {
                    listMode = true
                    found = (before - 1, index + 1)
                } else if !(listMode && isBulletLine(index + 1)) {
                    return nil
                }
                index += 1
                continue
            }
            if text.isSentenceEnd(at: index) {
                // "…xã hội... Trong đó,": a run of stops is one sentence end, at its last stop.
                if let last = sentenceEnds.last, last == index - 1 { sentenceEnds[sentenceEnds.count - 1] = index } else {
                    sentenceEnds.append(index)
                }
            }
            if byte == UInt8(ascii: ":"), let word = found, text.skipSpacesBack(from: index) == word.end {
                found = (word.start, index + 1)  // "Cụ thể: …", "trong đó:"
            } else if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ":"), !wordsOnly, !listMode {
                found = (index, index + 1)
            } else if FoldedText.isLetter(byte), text.bytes.isWordStart(at: index),
                      let markerEnd = text.match(BreakdownMarker.phrases, at: index, limit: end)?.end {
                found = (index, markerEnd)
                index = markerEnd
                continue
            }
            index += 1
        }
        guard let found else { return nil }
        if listMode { return found.end }
        // "60 mô hình: 20 mô hình về kinh tế": a colon opens a breakdown when the part follows it
        // closely, not "…; kết quả kiểm tra cho thấy: có 30 mô hình …".
        if text.bytes[found.start] == UInt8(ascii: ":") {
            if wordCount(found.end..<end) > 6 || wordCount(start..<found.start) > 10 { return nil }
            if (start..<found.start).contains(where: { text.bytes[$0] == UInt8(ascii: ";") || text.isSentenceEnd(at: $0) }) { return nil }
        }
        // No sentence ends between the marker and the part; at most one, right before the marker,
        // between the total and the marker ("… 253 mô hình. Trong đó, 157 …").
        if sentenceEnds.contains(where: { $0 >= found.end }) { return nil }
        let before = sentenceEnds.filter { $0 < found.start }
        if before.count > 1 { return nil }
        if let last = before.first {
            var gap = last + 1
            while gap < found.start, FoldedText.isBlank(text.bytes[gap]) || text.bytes[gap] == 0x0A { gap += 1 }
            if gap != found.start { return nil }
        }
        return found.end
    }

    /// Bullets that open the items of a list, one a line.
    private static let bullets: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"), 0x80]

    /// Whether the line starting at `position` is a list item: a bullet (`-`, `+`, `•`) or `a)`, `1)`.
    private func isBulletLine(_ position: Int) -> Bool {
        let start = text.skipSpaces(from: position)
        guard start < text.count else { return false }
        if Self.bullets.contains(text.bytes[start]) { return true }
        let next = start + 1 < text.count ? text.bytes[start + 1] : 0
        return (FoldedText.isLetter(text.bytes[start]) || FoldedText.isDigit(text.bytes[start])) && next == UInt8(ascii: ")")
    }

    /// The end of the list that holds the line of `position`: the last consecutive item line.
    private func listEnd(from position: Int) -> Int {
        var lineStart = text.lineStart(of: position)
        guard isBulletLine(lineStart) else { return text.sentenceEnd(of: position) }
        var end = position
        while lineStart < text.count, isBulletLine(lineStart) {
            var lineEnd = lineStart
            while lineEnd < text.count, text.bytes[lineEnd] != 0x0A { lineEnd += 1 }
            end = lineEnd
            lineStart = lineEnd + 1
        }
        return end
    }

    private func wordCount(_ range: Range<Int>) -> Int {
        var words = 0
        for index in range where FoldedText.isWordByte(text.bytes[index]) && text.bytes.isWordStart(at: index) {
            words += 1
        }
        return words
    }

    // MARK: Clauses: status, field, recognising unit

    /// The right end of a count's clause: a clause end, the next count, a purpose word ("góp
    /// phần", "để") or 14 words after the anchor or its quoted name.
    private func rightEnd(of index: Int) -> Int {
        let candidate = candidates[index]
        let next = index + 1 < candidates.count ? candidates[index + 1].start : Int.max
        var cursor = candidate.nameEnd
        var words = 0
        var lastAnd: Int?
        let limit = min(text.count, candidate.nameEnd + 260, candidate.rightLimit ?? Int.max)
        while cursor < limit {
            let byte = text.bytes[cursor]
            if byte == UInt8(ascii: "\""), let close = text.closingQuote(after: cursor) {
                cursor = close + 1
                continue
            }
            if cursor >= next { return lastAnd ?? cursor }
            if cursor >= limit - 1, candidate.rightLimit != nil { return limit }
            if text.isClauseEnd(at: cursor), !(byte == UInt8(ascii: ",") && isInsideFieldName(cursor)) { return cursor }
            if FoldedText.isLetter(byte) || FoldedText.isDigit(byte), text.bytes.isWordStart(at: cursor) {
                words += 1
                if words > 14 { return cursor }
                if byte == UInt8(ascii: "v"), text.match(Self.and, at: cursor, exact: { $0 }) != nil { lastAnd = cursor }
                if text.match(ClauseStop.phrases, at: cursor, exact: { $0 }) != nil { return cursor }
            }
            cursor += 1
        }
        return cursor
    }

    /// The left start of a count's clause: a clause end, the previous count, or a part's marker.
    private func leftStart(of index: Int) -> Int {
        let candidate = candidates[index]
        var floor = max(0, candidate.start - 200)
        if index > 0 { floor = max(floor, candidates[index - 1].nameEnd) }
        if let partStart = candidate.partClauseStart { floor = max(floor, partStart) }
        floor = min(floor, candidate.start)
        var cursor = candidate.start
        while cursor > floor {
            let byte = text.bytes[cursor - 1]
            if byte == UInt8(ascii: "\""), let open = text.openingQuote(before: cursor - 1), open >= floor {
                cursor = open
                continue
            }
            // "…; văn hóa, xã hội 10 mô hình": a comma inside a field's name ends no clause.
            if text.isClauseEnd(at: cursor - 1), !(byte == UInt8(ascii: ",") && isInsideFieldName(cursor - 1)) { return cursor }
            cursor -= 1
        }
        return floor
    }

    /// `range` without the quoted stretches in it.
    private func unquoted(_ range: Range<Int>) -> [Range<Int>] {
        var segments: [Range<Int>] = []
        var start = range.lowerBound
        var index = range.lowerBound
        while index < range.upperBound {
            if text.bytes[index] == UInt8(ascii: "\""), let close = text.closingQuote(after: index), close < range.upperBound {
                if start < index { segments.append(start..<index) }
                index = close + 1
                start = index
                continue
            }
            index += 1
        }
        if start < range.upperBound { segments.append(start..<range.upperBound) }
        return segments
    }

    private struct StatusMatch {
        var range: Range<Int>
        var status: ModelCountStatus
        var right: Bool
        var rank: Int
    }

    private mutating func readClause(_ index: Int) {
        let candidate = candidates[index]
        let left = leftStart(of: index)
        let right = rightEnds[index]
        // A count written after its noun ("nâng tổng số mô hình lên 38") reads its left side up to
        // "mô hình": the words before the number's noun ("tổng số") may end a cue.
        let leftSegments = unquoted(left..<(candidate.numberEnd != nil ? candidate.anchor.lowerBound : candidate.start))
        let rightSegments = unquoted(candidate.nameEnd..<max(candidate.nameEnd, right))
        // Fields first: their words ("xây dựng hệ thống chính trị") are not statuses. The right
        // side describes the counted models; the left names a field only as a part's label.
        var rightMentions: [FieldMention] = []
        var rightSeveral = false
        var leftMentions: [FieldMention] = []
        for segment in rightSegments where !rightSeveral {
            let found = fields(in: segment, bare: true)
            rightMentions += found.mentions
            rightSeveral = found.several
        }
        for segment in leftSegments {
            leftMentions += fields(in: segment, bare: true).mentions
        }
        let fieldRanges = (rightMentions + leftMentions).map(\.range)
        let ownLeft = candidate.partOf != nil ? leftMentions : leftMentions.filter(\.headed)
        candidates[index].field = Self.field(of: rightMentions) ?? Self.field(of: Array(ownLeft.suffix(1)))
        candidates[index].fieldSeveral = rightSeveral && candidates[index].field == nil
        var matches: [StatusMatch] = []
        let sentence = text.sentenceStart(of: candidate.start)..<text.sentenceEnd(of: candidate.end)
        var negated = false
        for (segments, isRight) in [(leftSegments, false), (rightSegments, true)] {
            for segment in segments {
                matches += statuses(in: segment, right: isRight, sentence: sentence, negated: &negated)
                    .filter { match in !fieldRanges.contains { $0.overlaps(match.range) } }
            }
        }
        // "duy trì 146 mô hình đã xây dựng từ các năm trước": a verb before the count governs it; the
        // models' past told after the noun (`đã …`) is no status of this count.
        if matches.contains(where: { !$0.right && $0.rank < ModelCountStatusRule.weakRank }) {
            matches.removeAll { $0.right && tellsPast(before: $0.range.lowerBound) }
        }
        // "35 mô hình được thẩm định, công nhận": a list of passive verbs goes on after the comma.
        if matches.isEmpty, right < text.count, text.bytes[right] == UInt8(ascii: ","),
           rightSegments.contains(where: { segment in segment.contains { text.match(Self.passive, at: $0, exact: { $0 }) != nil } }) {
            let next = text.skipSpaces(from: right + 1)
            var clauseEnd = next
            while clauseEnd < text.count, !text.isClauseEnd(at: clauseEnd) { clauseEnd += 1 }
            if index + 1 >= candidates.count || candidates[index + 1].start > clauseEnd {
                let more = statuses(in: next..<clauseEnd, right: true, sentence: sentence)
                if let first = more.first, first.range.lowerBound == next { matches.append(first) }
            }
        }
        // "toàn xã có 40 mô hình": the existential right before the number, not in a part ("trong đó có …").
        if candidate.partOf == nil, let match = existential(before: candidate.start, floor: left) { matches.append(match) }
        // "đăng ký 54 mô hình cá nhân và 69 mô hình tập thể", "đã xây dựng được 14 mô hình “…” ở
        // vùng giáo, 168 mô hình “…”": one verb for coordinated counts and for a list of counts.
        if matches.isEmpty, !negated, index > 0,
           candidates[index].partOf == nil || candidates[index].partOf == candidates[index - 1].partOf,
           candidates[index - 1].statusFromLeft,
           isCoordination(candidates[index - 1].nameEnd..<candidate.start) || isListItem(candidates[index - 1].nameEnd..<candidate.start) {
            candidates[index].status = candidates[index - 1].status
            candidates[index].statusIsOwn = true
            candidates[index].statusFromLeft = true
            return
        }
        for position in Set([text.skipSpaces(from: candidate.anchor.upperBound), text.skipSpaces(from: candidate.nameEnd)]) {
            if let (rule, end) = text.match(ModelCountStatusRule.phrases, at: position, where: { rule, end in
                rule.placement == .afterAnchor && rule.exact.map { text.reads(position..<end, as: $0) } != false
            }) {
                matches.append(StatusMatch(range: position..<end, status: rule.status, right: true, rank: rule.rank))
            }
        }
        // "ít nhất 1 mô hình": a quota.
        if candidate.quantity.quota {
            matches.append(StatusMatch(range: candidate.start..<candidate.start, status: .target, right: false, rank: -1))
        }
        guard let best = matches.min(by: { $0.rank < $1.rank }) else { return }
        candidates[index].status = best.status
        candidates[index].statusIsOwn = true
        candidates[index].statusFromLeft = !best.right
        if best.status == .recognized {
            candidates[index].recognizedBy = best.right
                ? recognizingUnit(from: candidate.nameEnd, to: best.range.lowerBound)
                : recognizingSubject(from: left, to: best.range.lowerBound)
        }
    }

    private func statuses(in segment: Range<Int>, right: Bool, sentence: Range<Int>) -> [StatusMatch] {
        var negated = false
        return statuses(in: segment, right: right, sentence: sentence, negated: &negated)
    }

    /// The status rows that fire in `segment`; `negated` tells whether a row was denied there
    /// ("7 mô hình chưa được công nhận": the count has a predicate of its own).
    private func statuses(in segment: Range<Int>, right: Bool, sentence: Range<Int>, negated: inout Bool) -> [StatusMatch] {
        var found: [StatusMatch] = []
        var index = segment.lowerBound
        while index < segment.upperBound {
            let byte = text.bytes[index]
            guard FoldedText.isLetter(byte), text.bytes.isWordStart(at: index) else { index += 1; continue }
            let fired = text.match(ModelCountStatusRule.phrases, at: index, limit: segment.upperBound) { rule, end in
                guard rule.placement == .clause, rule.exact.map({ text.reads(index..<end, as: $0) }) != false else { return false }
                // "Hội đồng Thi đua – Khen thưởng": a capitalised word mid-sentence is part of a name.
                if !rule.capitalised, text.isUppercase(at: index) {
                    let before = text.skipSpacesBack(from: index)
                    if before > 0, FoldedText.isWordByte(text.bytes[before - 1]) || text.bytes[before - 1] == UInt8(ascii: ",") {
                        return false
                    }
                }
                if text.match(rule.notFollowedBy, at: text.skipSpaces(from: end)) != nil { return false }
                if let required = rule.requires, !contains(required, in: sentence) { return false }
                return true
            }
            // A denied row ("chưa được công nhận") fires no status; the words after it are read on.
            if let (rule, end) = fired, !isNegated(index) {
                found.append(StatusMatch(range: index..<end, status: rule.status, right: right, rank: rule.rank))
                index = end
            } else {
                if fired != nil { negated = true }
                index += 1
            }
        }
        return found
    }

    /// Words before a status row after the noun that put it in the models' past (`mô hình đã xây dựng`,
    /// `mô hình đã được công nhận`).
    static let pastMarkers: Set<String> = ["đã", "đã được", "đã từng"]

    /// Whether `đã`, `đã được` stand right before `start`.
    private func tellsPast(before start: Int) -> Bool {
        let words = text.previousWords(before: start, limit: 2)
        guard let nearest = words.first else { return false }
        if Self.pastMarkers.contains(text.lowered(nearest)) { return true }
        guard words.count == 2 else { return false }
        return Self.pastMarkers.contains(text.lowered(words[1].lowerBound..<nearest.upperBound))
    }

    /// A `beforeNumber` status row that ends right before the number at `start` (over `tổng số`).
    private func existential(before start: Int, floor: Int) -> StatusMatch? {
        var end = start
        while let word = text.previousWord(before: end), word.lowerBound >= floor,
              ModelCountStatusRule.beforeNumberFillers.contains(text.lowered(word)) {
            end = word.lowerBound
        }
        guard let word = text.previousWord(before: end), word.lowerBound >= floor,
              text.skipSpaces(from: word.upperBound) == end else { return nil }
        // Longer rows first: a row of `words` words ends at the word before the number.
        for words in stride(from: ModelCountStatusRule.phrases.maximumWords, through: 1, by: -1) {
            guard let ruleStart = text.previousWords(before: end, limit: words).last, ruleStart.lowerBound >= floor,
                  let (rule, _) = text.match(ModelCountStatusRule.phrases, at: ruleStart.lowerBound, limit: word.upperBound, where: { rule, found in
                      rule.placement == .beforeNumber && found == word.upperBound
                          && rule.exact.map { text.reads(ruleStart.lowerBound..<found, as: $0) } != false
                  }),
                  !isNegated(ruleStart.lowerBound) else { continue }
            if let blockers = ModelCountStatusRule.notAfter[rule.folded], let previous = text.previousWord(before: ruleStart.lowerBound),
               blockers.contains(text.lowered(previous)) { continue }
            // "trong đó có 9 mô hình": the existential of a breakdown, not a stock.
            let markerWords = text.previousWords(before: ruleStart.lowerBound, limit: 3)
            if markerWords.indices.contains(where: { k in
                text.match(BreakdownMarker.phrases, at: markerWords[k].lowerBound, where: { $1 == markerWords[0].upperBound }) != nil
            }) { continue }
            return StatusMatch(range: ruleStart.lowerBound..<word.upperBound, status: rule.status, right: false, rank: rule.rank)
        }
        return nil
    }

    /// Whether a count is the next item of a list after the one before it: nothing but a comma,
    /// a semicolon or `và` right before its number, in the same sentence ("…, 168 mô hình “…”").
    private func isListItem(_ gap: Range<Int>) -> Bool {
        guard gap.count > 0, gap.count <= 240 else { return false }
        for index in gap where text.isSentenceEnd(at: index) { return false }
        let cursor = text.skipSpacesBack(from: gap.upperBound)
        guard cursor > gap.lowerBound else { return false }
        if text.bytes[cursor - 1] == UInt8(ascii: ",") || text.bytes[cursor - 1] == UInt8(ascii: ";") { return true }
        if let word = text.previousWord(before: cursor), word.upperBound == cursor, word.lowerBound >= gap.lowerBound,
           text.lowered(word) == "và" {
            return true
        }
        return false
    }

    /// Whether the text between two counts only joins them: "và" or a comma and at most three words
    /// ("… 54 mô hình cá nhân và 69 …"), not a clause of its own ("…, đến nay đã hoàn thành 280 …").
    private func isCoordination(_ gap: Range<Int>) -> Bool {
        guard gap.count > 0, gap.count <= 60 else { return false }
        var joined = false
        var words = 0
        var index = gap.lowerBound
        while index < gap.upperBound {
            let byte = text.bytes[index]
            if byte == UInt8(ascii: ",") { joined = true } else if text.isClauseEnd(at: index) { return false }
            if FoldedText.isLetter(byte), text.bytes.isWordStart(at: index) {
                words += 1
                if text.match(Self.and, at: index, exact: { $0 }) != nil { joined = true }
                if text.match(Self.with, at: index, exact: { $0 }) != nil { joined = true }
            }
            index += 1
        }
        return joined && words <= 3
    }

    /// "chưa được công nhận", "không còn hoạt động", "kém hiệu quả" (but "không ngừng nhân rộng").
    private func isNegated(_ position: Int) -> Bool {
        let words = text.previousWords(before: position, limit: 3).map { text.lowered($0) }
        for (offset, word) in words.enumerated() where ModelCountStatusRule.negators.contains(word) {
            if offset > 0, ModelCountStatusRule.notNegating.contains(words[offset - 1]) { return false }
            return true
        }
        return false
    }

    private func contains(_ table: FoldedPhraseTable<Bool>, in range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            if text.match(table, at: index, limit: range.upperBound) != nil { return true }
            index += 1
        }
        return false
    }

    /// Single words the builder reads, with their spelling: `và`, `cùng`, `được`.
    private static let and = FoldedPhraseTable<String>(modelCount: [("va", "và")])
    private static let with = FoldedPhraseTable<String>(modelCount: [("cung", "cùng")])
    private static let passive = FoldedPhraseTable<String>(modelCount: [("duoc", "được")])

    /// A field named in a segment.
    private struct FieldMention {
        var range: Range<Int>
        var field: String
        /// After a head (`lĩnh vực`, `về` …), not a bare phrase.
        var headed: Bool
    }

    /// The fields named in a segment: after a head (`lĩnh vực kinh tế`, `về phát triển kinh tế`)
    /// and, when `bare`, the bare phrases. Scanning stops at a plural head (`các lĩnh vực`): the
    /// count then spans several fields, and `several` is set.
    private func fields(in segment: Range<Int>, bare: Bool = false) -> (mentions: [FieldMention], several: Bool) {
        var found: [FieldMention] = []
        var index = segment.lowerBound
        while index < segment.upperBound {
            guard FoldedText.isLetter(text.bytes[index]), text.bytes.isWordStart(at: index) else {
                index += 1
                continue
            }
            if text.match(ModelCountFieldPhrase.pluralHeads, at: index, limit: segment.upperBound) != nil {
                return (found, true)
            }
            if let headEnd = text.match(ModelCountFieldPhrase.heads, at: index, limit: segment.upperBound)?.end,
               ModelCountFieldPhrase.isSpelledHead(text.lowered(index..<headEnd)) {
                // "trên 4 lĩnh vực": several fields.
                if let previous = text.previousWord(before: index), FoldedText.isDigit(text.bytes[previous.lowerBound]),
                   text.bytes[index] == UInt8(ascii: "l") {
                    return (found, true)
                }
                let start = text.skipSpaces(from: headEnd)
                if start < segment.upperBound, let (end, field) = fieldPhrase(at: start, limit: segment.upperBound, bareOnly: false) {
                    found.append(FieldMention(range: index..<end, field: field, headed: true))
                    index = end
                    continue
                }
            }
            if bare, let (end, field) = fieldPhrase(at: index, limit: segment.upperBound, bareOnly: true) {
                found.append(FieldMention(range: index..<end, field: field, headed: false))
                index = end
                continue
            }
            index += 1
        }
        return (found, false)
    }

    /// The field phrase starting at `start`: its end and field.
    private func fieldPhrase(at start: Int, limit: Int, bareOnly: Bool) -> (Int, String)? {
        let found = text.match(ModelCountFieldPhrase.phrases, at: start, limit: limit) { entry, end in
            // "an ninh, trật tự": the words that deny a field may follow a comma or a dash.
            var next = text.skipSpaces(from: end)
            while next < text.count, [UInt8(ascii: ","), UInt8(ascii: "-")].contains(text.bytes[next]) {
                next = text.skipSpaces(from: next + 1)
            }
            return (!bareOnly || entry.bare) && text.match(entry.notFollowedBy, at: next) == nil
        }
        return found.map { ($0.end, $0.value.field) }
    }

    /// The one field of a list of mentions: the first headed one, else the bare ones when they agree.
    private static func field(of mentions: [FieldMention]) -> String? {
        if let headed = mentions.first(where: \.headed) { return headed.field }
        let bare = Set(mentions.map(\.field))
        return bare.count == 1 ? bare.first : nil
    }

    /// "mô hình được Ban Dân vận Tỉnh ủy công nhận": the capitalised unit before the verb.
    private func recognizingUnit(from start: Int, to verb: Int) -> String? {
        var cursor = text.skipSpaces(from: start)
        while let word = text.nextWord(after: cursor), word.upperBound <= verb,
              ["được", "đã", "đều", "do", "bởi"].contains(text.lowered(word)) {
            cursor = text.skipSpaces(from: word.upperBound)
        }
        let end = text.skipSpacesBack(from: verb)
        guard cursor < end, end - cursor <= 90, text.isUppercase(at: cursor) else { return nil }
        for index in cursor..<end where text.isClauseEnd(at: index) { return nil }
        return text.original(cursor..<end)
    }

    /// "Ban Dân vận Huyện ủy Chợ Mới đã thẩm định và công nhận 45 mô hình": the unit that opens the
    /// clause, up to the words that lead to the verb.
    private func recognizingSubject(from start: Int, to verb: Int) -> String? {
        var end = text.skipSpacesBack(from: verb)
        while let word = text.previousWord(before: end), word.lowerBound >= start,
              !text.isUppercase(at: word.lowerBound), RecognizerHead.verbLead.contains(text.lowered(word)) {
            end = text.skipSpacesBack(from: word.lowerBound)
        }
        var cursor = text.skipSpaces(from: start)
        while cursor < end {
            if FoldedText.isLetter(text.bytes[cursor]), text.bytes.isWordStart(at: cursor),
               text.isUppercase(at: cursor),
               text.match(RecognizerHead.heads, at: cursor, limit: end) != nil {
                guard end - cursor <= 90 else { return nil }
                return text.original(cursor..<end)
            }
            cursor += 1
        }
        return nil
    }

    // MARK: Year and scope

    /// How far (folded bytes) apart joined holder counts stand: `, ` or ` và `.
    package static let holderJoinGap = 6

    private mutating func placeInTime() {
        let years = ModelCountYears(text, documentYear: documentYear)
        let scopes = ModelCountScopes(text)
        var titleYear: Int?
        var titleScope: String?
        if let title = record.title, !title.isEmpty {
            (titleYear, titleScope) = ModelCountText.reading(TextDocument(title)) { titleText in
                let titleYears = ModelCountYears(titleText).mentions.filter(\.usable)
                let year = titleYears.count >= 1 && titleYears.allSatisfy({ $0.year != nil && $0.year == titleYears[0].year })
                    ? titleYears[0].year : nil
                return (year, ModelCountScopes(titleText).named.first?.scope)
            }
        }
        // "9 tập thể và 6 cá nhân điển hình năm 2024": holders joined before one noun are one phrase;
        // each reads its year up to the end of the last one's clause.
        var joinedRight = candidates.indices.map { max(candidates[$0].end, rightEnds[$0]) }
        for index in candidates.indices.reversed() where index + 1 < candidates.count {
            let candidate = candidates[index], next = candidates[index + 1]
            guard candidate.quantity.rule == "holder-count", next.quantity.rule == "holder-count", candidate.partOf == nil,
                  next.partOf == nil, next.start >= candidate.end, next.start - candidate.end <= Self.holderJoinGap else { continue }
            joinedRight[index] = max(joinedRight[index], joinedRight[index + 1])
        }
        for index in candidates.indices {
            let candidate = candidates[index]
            let right = joinedRight[index]
            if let total = candidate.partOf {
                let own = min(candidate.partClauseStart ?? candidate.start, candidate.start)
                let totalCandidate = candidates[total]
                switch years.resolve(before: own..<candidate.start, after: candidate.start..<right) {
                case .stated(let year):
                    candidates[index].year = year
                    candidates[index].yearSource = .own
                case .unstated:
                    candidates[index].year = totalCandidate.year
                    candidates[index].yearSource = totalCandidate.yearSource == .none ? .none : .inherited
                }
                candidates[index].scope = scopes.scope(in: own..<right, around: candidate.start) ?? totalCandidate.scope
                if !candidate.statusIsOwn { candidates[index].status = totalCandidate.status }
                // "- Lĩnh vực kinh tế: 45 mô hình": a part on a line of its own may head it with its field.
                if candidate.field == nil, text.lineStart(of: candidate.start) > totalCandidate.end {
                    candidates[index].field = headingField(before: candidate.start)
                }
                if candidates[index].field == nil, !candidate.fieldSeveral { candidates[index].field = totalCandidate.field }
                continue
            }
            let sentenceStart = text.sentenceStart(of: candidate.start)
            // The counts of the sentence before this one (candidates are in text order).
            var earlierCounts: [Int] = []
            var earlier = index - 1
            while earlier >= 0, candidates[earlier].start >= sentenceStart, earlierCounts.count < 8 {
                if candidates[earlier].start < candidate.start { earlierCounts.append(candidates[earlier].start) }
                earlier -= 1
            }
            var resolution = years.resolve(before: sentenceStart..<candidate.start, after: candidate.start..<right,
                                           otherCounts: earlierCounts)
            var source = ModelCountCandidate.YearSource.own
            if resolution == .unstated {
                resolution = years.frame(before: sentenceStart)
                source = .frame
            }
            if resolution == .unstated, let titleYear { resolution = .stated(titleYear) }
            if case .stated(let year) = resolution {
                candidates[index].year = year
                candidates[index].yearSource = source
            }
            candidates[index].scope = scopes.scope(in: sentenceStart..<right, around: candidate.start) ?? titleScope
            if candidates[index].field == nil, !candidate.fieldSeveral {
                candidates[index].field = headingField(before: candidate.start)
            }
        }
    }

    /// The field a line or sentence opens with ("Về lĩnh vực quốc phòng, an ninh: có 11 mô hình …",
    /// "Trên lĩnh vực kinh tế, …"), for a count after it that names none itself.
    private func headingField(before position: Int) -> String? {
        for start in [text.lineStart(of: position), text.sentenceStart(of: position)] where start < position {
            var end = start
            var words = 0
            while end < position, words <= 8 {
                let byte = text.bytes[end]
                if byte == UInt8(ascii: ":") || (byte == UInt8(ascii: ",") && words >= 2 && !isInsideFieldName(end)) { break }
                if FoldedText.isWordByte(byte), text.bytes.isWordStart(at: end) { words += 1 }
                end += 1
            }
            guard end < position, words <= 8 else { continue }
            if let field = fields(in: start..<end).mentions.first(where: \.headed)?.field { return field }
        }
        return nil
    }

    /// Whether the comma at `index` is inside a field name ("quốc phòng, an ninh").
    private func isInsideFieldName(_ index: Int) -> Bool {
        let lineStart = text.lineStart(of: index)
        var from = max(lineStart, index - 60)
        // Only the words after the last colon or semicolon: a "trên các lĩnh vực:" before them
        // would end the reading of fields there.
        if let stop = (from..<index).last(where: { [UInt8(ascii: ":"), UInt8(ascii: ";")].contains(text.bytes[$0]) }) {
            from = stop + 1
        }
        for mention in fields(in: from..<min(text.count, index + 40), bare: true).mentions where mention.range.contains(index) { return true }
        return false
    }

    // MARK: Sums

    private mutating func checkSums() {
        var parts: [Int: [ModelCountCandidate]] = [:]
        for candidate in candidates { if let total = candidate.partOf { parts[total, default: []].append(candidate) } }
        for (total, list) in parts {
            guard let whole = candidates[total].quantity.count, !candidates[total].quantity.approximate else { continue }
            let exact = list.filter { $0.quantity.count != nil && !$0.quantity.approximate }
            guard exact.count == list.count else { continue }
            let sum = exact.map { $0.quantity.count! }.saturatingSum()
            if sum > whole || (list.count >= 2 && sum != whole) { candidates[total].breakdownMismatch = true }
        }
    }
}
