import VanThuText

/// Counts of mô hình (models) with status, field, year and scope.
///
/// It finds "mô hình" / "điển hình" in the folded text first, then reads the quantity right
/// before it (`ModelCountQuantity`), the status and field words of its clause
/// (`ModelCountStatusRule`, `ModelCountFieldPhrase`), the year and place of its sentence
/// (`ModelCountYears`, `ModelCountScopes`), and links breakdowns (`trong đó …`, `(29 tập thể,
/// 26 cá nhân)`) to their total, flagging those whose parts do not add up.
public struct ModelCountExtractor: Extractor {
    public let id = "modelCounts"
    public let summary = "Counts of mô hình (models) with status, field, year and scope."
    public var requires: [String] { ["dates"] }

    public init() {}

    public func describe(_ record: Record) -> [String] {
        var lines: [String] = []
        for fact in record.modelCounts {
            let number = Self.describeNumber(fact)
            lines.append("\(number) \(fact.status.rawValue) field=\(fact.field ?? "-") year=\(fact.year.map(String.init) ?? "-")")
            if let scope = fact.scope { lines.append("\(number) scope=\(scope)") }
            if let unit = fact.recognizedBy { lines.append("\(number) recognizedBy=\(unit)") }
            if let holder = fact.holder { lines.append("\(number) holder=\(holder)") }
            if let part = fact.partOf, part < record.modelCounts.count {
                lines.append("\(number) partOf=\(Self.describeNumber(record.modelCounts[part]))")
            }
            if fact.breakdownMismatch { lines.append("\(number) breakdownMismatch") }
        }
        return lines
    }

    /// `543`; `~50` (approximate), with ` min=100` / ` max=50` bounds: `~? min=100` for `hàng trăm`.
    package static func describeNumber(_ fact: ModelCountFact) -> String {
        guard fact.approximate else { return fact.count.map(String.init) ?? "?" }
        var text = "~" + (fact.count.map(String.init) ?? "?")
        if let low = fact.lowerBound { text += " min=\(low)" }
        if let high = fact.upperBound { text += " max=\(high)" }
        return text
    }

    public func extract(_ context: inout ExtractionContext) {
        let anchors = Self.anchors(in: context.document.folded.bytes)
        guard !anchors.isEmpty else { return }
        let (record, documentYear) = (context.record, context.documentYear)
        let found: [ModelCountCandidate] = ModelCountText.reading(context.document) { text in
            var candidates: [ModelCountCandidate] = []
            for anchor in anchors {
                // A count inside the quoted name of the count before it belongs to that name.
                if let last = candidates.last, anchor.lowerBound < last.nameEnd { continue }
                // "42 tập thể và 15 cá nhân điển hình": the holders are the models counted.
                let holders = Self.holderCounts(before: anchor.lowerBound, in: text)
                if !holders.isEmpty, candidates.last.map({ holders[0].start >= $0.end }) ?? true {
                    candidates += holders
                    continue
                }
                // "202 gương điển hình", "15 tấm gương điển hình": the number is before the example word.
                let numberEnd = Self.exemplarStart(before: anchor, in: text)
                guard let quantity = ModelCountQuantity.read(before: numberEnd, in: text),
                      candidates.last.map({ quantity.start >= $0.end }) ?? true else {
                    if let candidate = Self.countAfter(anchor, in: text) { candidates.append(candidate) }
                    continue
                }
                // "Mô hình" capitalised after a number is a heading or a list ("3 Mô hình tiêu biểu").
                if text.isUppercase(at: anchor.lowerBound), !text.isUppercase(at: anchor.lowerBound + 1) { continue }
                let extended = Self.extendAnchor(anchor, in: text)
                let nameEnd = Self.nameEnd(after: extended.upperBound, in: text)
                var candidate = ModelCountCandidate(quantity: quantity, anchor: extended, nameEnd: nameEnd)
                candidate.holder = Self.holder(after: extended.upperBound, nameEnd: nameEnd, in: text)
                candidates.append(candidate)
            }
            guard !candidates.isEmpty else { return [] }
            var builder = ModelCountBuilder(text: text, candidates: candidates, record: record,
                                            documentYear: documentYear)
            builder.run()
            return builder.candidates
        }
        guard !found.isEmpty else { return }
        let base = context.record.modelCounts.count
        for candidate in found {
            let bytes = context.document.folded.utf8Range(candidate.start..<candidate.end)
            let span = context.document.scalarSpan(bytes)
            let q = candidate.quantity
            context.record.modelCounts.append(ModelCountFact(
                text: context.document.string(bytes), count: q.count, approximate: q.approximate,
                lowerBound: q.lowerBound, upperBound: q.upperBound, status: candidate.status, field: candidate.field,
                year: candidate.year, scope: candidate.scope, recognizedBy: candidate.recognizedBy,
                holder: candidate.holder, partOf: candidate.partOf.map { $0 + base },
                breakdownMismatch: candidate.breakdownMismatch, start: span.start, end: span.end, rule: q.rule))
        }
    }

    /// The verbs between "số mô hình …" and its number, as written.
    private static let countVerbs = FoldedPhraseTable<String>(modelCount: ["là", "đạt", "lên đến", "lên tới", "lên"]
        .map { (VietnameseFolding.searchFold($0), $0) })

    /// "Tổng số mô hình đăng ký là 215", "số mô hình được công nhận: 339".
    package static func countAfter(_ anchor: Range<Int>, in text: ModelCountText) -> ModelCountCandidate? {
        let before = text.previousWords(before: anchor.lowerBound, limit: 2).map { text.lowered($0) }
        let start: Int
        if before.first == "số" {
            start = before.count > 1 && before[1] == "tổng"
                ? text.previousWords(before: anchor.lowerBound, limit: 2)[1].lowerBound
                : text.previousWord(before: anchor.lowerBound)!.lowerBound
        } else if before.count == 2, before[0] == "lượng", before[1] == "số" {
            start = text.previousWords(before: anchor.lowerBound, limit: 2)[1].lowerBound
        } else {
            return nil
        }
        let extended = extendAnchor(anchor, in: text)
        let nameEnd = nameEnd(after: extended.upperBound, in: text)
        var cursor = nameEnd
        var words = 0
        let limit = min(text.count, nameEnd + 160)
        while cursor < limit, words <= 10 {
            let byte = text.bytes[cursor]
            var verbEnd: Int?
            if byte == UInt8(ascii: ":") {
                verbEnd = cursor + 1
            } else if text.isClauseEnd(at: cursor) {
                return nil
            } else if FoldedText.isLetter(byte), text.bytes.isWordStart(at: cursor) {
                words += 1
                verbEnd = text.match(countVerbs, at: cursor, exact: { $0 })?.end
            }
            guard let verbEnd else { cursor += 1; continue }
            let numberStart = text.skipSpaces(from: verbEnd)
            var numberEnd = numberStart
            while numberEnd < text.count, FoldedText.isDigit(text.bytes[numberEnd]) || text.bytes[numberEnd] == UInt8(ascii: ".") {
                numberEnd += 1
            }
            while numberEnd > numberStart, text.bytes[numberEnd - 1] == UInt8(ascii: ".") { numberEnd -= 1 }
            guard numberEnd > numberStart, let token = ModelCountQuantity.numberToken(endingAt: numberEnd, in: text),
                  token.range.lowerBound == numberStart, token.value > 0 else { return nil }
            if numberEnd < text.count {
                let next = text.bytes[numberEnd]
                if FoldedText.isWordByte(next) || next == UInt8(ascii: "%") || next == UInt8(ascii: "/")
                    || (next == UInt8(ascii: ",") && numberEnd + 1 < text.count && FoldedText.isDigit(text.bytes[numberEnd + 1])) {
                    return nil
                }
            }
            // "… là 128 mô hình": the number has its own "mô hình" and is read there; "… đạt 3 tiêu
            // chí": the number counts something else.
            if text.nextWord(after: numberEnd) != nil { return nil }
            if numberEnd - numberStart == 4, (1900...2100).contains(token.value) { return nil }
            let quantity = ModelCountQuantity(start: start, count: token.value, approximate: false, rule: "count-after")
            var candidate = ModelCountCandidate(quantity: quantity, anchor: extended, nameEnd: nameEnd)
            candidate.numberEnd = numberEnd
            candidate.rightLimit = cursor
            return candidate
        }
        return nil
    }

    /// Words before "điển hình" that belong to the counted noun: `gương`, `tấm gương`.
    package static let exemplarWords: Set<String> = ["gương", "tấm"]

    /// Where the counted noun starts: before `gương` / `tấm gương` in "202 gương điển hình".
    package static func exemplarStart(before anchor: Range<Int>, in text: ModelCountText) -> Int {
        var start = anchor.lowerBound
        guard text.bytes[anchor.lowerBound] == UInt8(ascii: "d") else { return start }
        while let word = text.previousWord(before: start), exemplarWords.contains(text.lowered(word)) { start = word.lowerBound }
        return start
    }

    /// Words allowed between the holders and the noun: "15 cá nhân là điển hình".
    private static let holderLinks: Set<String> = ["là"]

    /// "42 tập thể và 15 cá nhân điển hình", "19 tập thể, 19 cá nhân điển hình": counts of holders
    /// joined by a comma or `và`, right before "điển hình" / "mô hình". Each is a count with its
    /// holder. Not "khen thưởng 10 tập thể và 4 cá nhân có thành tích" (no noun after them).
    package static func holderCounts(before anchorStart: Int, in text: ModelCountText) -> [ModelCountCandidate] {
        var end = text.skipSpacesBack(from: anchorStart)
        if let word = text.previousWord(before: anchorStart), holderLinks.contains(text.lowered(word)) {
            end = text.skipSpacesBack(from: word.lowerBound)
        }
        var found: [ModelCountCandidate] = []
        while true {
            var holderMatch: (range: Range<Int>, holder: String)?
            for words in stride(from: BreakdownMarker.holders.maximumWords, through: 1, by: -1) {
                let previous = text.previousWords(before: end, limit: words)
                guard previous.count == words, let first = previous.last, previous[0].upperBound == end,
                      let entry = text.match(BreakdownMarker.holders, at: first.lowerBound, where: { entry, found in
                          found == end && text.lowered(first.lowerBound..<found) == entry.exact
                      }) else { continue }
                holderMatch = (first.lowerBound..<end, entry.value.holder)
                break
            }
            guard let holderMatch else { break }
            let numberEnd = text.skipSpacesBack(from: holderMatch.range.lowerBound)
            guard numberEnd < holderMatch.range.lowerBound, numberEnd > 0, FoldedText.isDigit(text.bytes[numberEnd - 1]),
                  let quantity = ModelCountQuantity.readDigits(endingAt: numberEnd, in: text), !quantity.approximate else { break }
            var candidate = ModelCountCandidate(quantity: quantity, anchor: holderMatch.range, nameEnd: holderMatch.range.upperBound,
                                                holder: holderMatch.holder)
            candidate.quantity.rule = "holder-count"
            found.insert(candidate, at: 0)
            // The item before: after a comma or "và".
            var cursor = text.skipSpacesBack(from: quantity.start)
            if cursor > 0, text.bytes[cursor - 1] == UInt8(ascii: ",") {
                cursor = text.skipSpacesBack(from: cursor - 1)
            } else if let word = text.previousWord(before: quantity.start), text.lowered(word) == "và" {
                cursor = text.skipSpacesBack(from: word.lowerBound)
            } else {
                break
            }
            end = cursor
        }
        return found
    }

    // MARK: Anchors

    private static let mo = Array("mo".utf8)
    private static let dien = Array("dien".utf8)

    /// Every "mô hình" and "điển hình" (folded "mo hinh", "dien hinh") on word boundaries. The two
    /// words may stand apart by several blanks or one line break ("mô\nhình" in a wrapped line).
    package static func anchors(in bytes: [UInt8]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { p in
            let n = p.count
            guard n >= 7 else { return }
            var i = 3
            // Look for "hinh" preceded by blanks.
            while i + 4 <= n {
                if p[i] == 0x68, p[i + 1] == 0x69, p[i + 2] == 0x6E, p[i + 3] == 0x68, FoldedText.isSpace(p[i - 1]),
                   i + 4 == n || !FoldedText.isWordByte(p[i + 4]) {
                    // `j`: where the gap between the two words starts.
                    var j = i - 1
                    var lineBreaks = p[j] == 0x0A ? 1 : 0
                    while j > 0, FoldedText.isSpace(p[j - 1]) {
                        j -= 1
                        if p[j] == 0x0A { lineBreaks += 1 }
                    }
                    if lineBreaks > 1 || j < 2 {
                        // a paragraph break is no gap inside a word pair
                    } else if p[j - 2] == 0x6D, p[j - 1] == 0x6F, j == 2 || !FoldedText.isWordByte(p[j - 3]) {
                        found.append(j - 2..<i + 4)
                    } else if j >= 4, p[j - 4] == 0x64, p[j - 3] == 0x69, p[j - 2] == 0x65, p[j - 1] == 0x6E,
                              j == 4 || !FoldedText.isWordByte(p[j - 5]) {
                        found.append(j - 4..<i + 4)
                    }
                    i += 4
                    continue
                }
                i += 1
            }
        }
        return found
    }

    private static let alsoExemplars = FoldedPhraseTable<Bool>(modelCount: ["dien hinh", "va dien hinh", "mo hinh", "va mo hinh"].map { ($0, true) })

    /// "mô hình, điển hình", "mô hình và điển hình", "điển hình, mô hình" are one thing counted once.
    package static func extendAnchor(_ anchor: Range<Int>, in text: ModelCountText) -> Range<Int> {
        var cursor = anchor.upperBound
        while cursor < text.count, FoldedText.isBlank(text.bytes[cursor]) || text.bytes[cursor] == UInt8(ascii: ",") {
            cursor += 1
        }
        guard cursor > anchor.upperBound else { return anchor }
        if let end = text.match(alsoExemplars, at: cursor)?.end { return anchor.lowerBound..<end }
        return anchor
    }

    /// The end of the quoted name right after "mô hình" (`mô hình “Dân vận khéo”`), else `position`.
    package static func nameEnd(after position: Int, in text: ModelCountText) -> Int {
        let start = text.skipSpaces(from: position)
        guard start < text.count, text.bytes[start] == UInt8(ascii: "\""),
              let close = text.closingQuote(after: start) else { return position }
        return close + 1
    }

    /// `mô hình cá nhân`, `mô hình tập thể`, `mô hình “…” của tập thể`.
    package static func holder(after anchorEnd: Int, nameEnd: Int, in text: ModelCountText) -> String? {
        for position in Set([anchorEnd, nameEnd]).sorted() {
            var cursor = text.skipSpaces(from: position)
            if let word = text.nextWord(after: cursor), ["của", "do"].contains(text.lowered(word)) {
                cursor = text.skipSpaces(from: word.upperBound)
            }
            if let entry = text.match(BreakdownMarker.holders, at: cursor, exact: { $0.exact }) { return entry.value.holder }
        }
        return nil
    }
}
