import VanThuText

/// A count restated in a news article's headline, its lead or a duplicated photo caption is one
/// fact, not two: "Xã A công nhận 64 mô hình" (headline), "Năm 2023, xã A đã công nhận 64 mô hình"
/// (lead) and "Qua đánh giá, xã đã công nhận 64 mô hình" (body) give one count.
///
/// The restating places (`zones`) are the headline (the line that holds the record's title, or a
/// first line that reads as a heading), the lead (the first paragraph after it), and every line
/// written twice. A count in a zone merges into another count with the same number, holder and
/// precision whose status, year, field and scope do not contradict it: a count outside the zones
/// is kept first, else the later one. The kept count takes what only the restatement said (its
/// field, its year, a status where it had none). Parts of breakdowns are never merged: "20 mô hình
/// cấp huyện, 20 mô hình cấp xã" are two facts.
package struct ModelCountRestatements {
    package let text: ModelCountText
    /// Folded ranges of the headline, the lead and the duplicated lines.
    package let zones: [Range<Int>]
    /// The headline's folded range, when there is one.
    package let headline: Range<Int>?

    package init(text: ModelCountText, title: String?) {
        self.text = text
        // The headline is among the first 12 lines and the lead at most 6 after it: only those
        // lines are kept. The duplicates are found from a hash of each line, not a copy of it:
        // the lines of a 64 MB text and their folded strings took 130 MB (issue 14, item 8).
        var lines: [Range<Int>] = []
        var wordCounts: [Int] = []
        var candidates: [HashedLine] = []
        var captions: [Range<Int>] = []
        candidates.reserveCapacity(text.bytes.base.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 })
        Self.forEachLine(of: text) { line in
            let words = Self.words(in: line, of: text)
            if Self.isCaption(line, of: text) { captions.append(line) }
            if lines.count < Self.headLines {
                lines.append(line)
                wordCounts.append(words)
            }
            if words >= 4 { candidates.append(HashedLine(line, of: text)) }
        }
        var zones: [Range<Int>] = []
        // The headline: the line holding the title, else a first line that reads as a heading.
        var headline: Int?
        if let title = title?.trimmingCharacters(in: .whitespaces), title.count >= 10 {
            // The line is the title (with at most a short prefix such as a section label), not a
            // paragraph that happens to hold the title's words.
            headline = lines.prefix(12).firstIndex { line in
                let original = text.original(line)
                return original.contains(title) && original.count <= title.count + 24
            }
        }
        if headline == nil, let first = lines.first, wordCounts[0] <= 40, text.bytes[first.upperBound - 1] != UInt8(ascii: ".") {
            headline = 0
        }
        self.headline = headline.map { lines[$0] }
        if let headline {
            zones.append(lines[headline])
            // The lead: the first paragraph after it.
            if let lead = lines.indices.first(where: { $0 > headline && wordCounts[$0] >= 15 }), lead <= headline + 6 {
                zones.append(lines[lead])
            }
        }
        // Lines written twice (a photo caption repeated, a paragraph duplicated): every line
        // whose folded bytes another line has too.
        zones += Self.repeated(sorting: &candidates, of: text)
        // A photo caption sums up what the article says (`Ảnh: Xã A có 97 mô hình phát huy hiệu quả`).
        zones += captions
        self.zones = Self.sortedOnce(zones)
    }

    /// `ranges` sorted by start, each once, by sorting in place and skipping equal neighbours:
    /// the zones of a text of many repeated lines are most of its lines, and a `Set` of them
    /// beside the array took 17 MB for 64 MB of text (issue 14, item 8). Same result as
    /// `Array(Set(ranges)).sorted { $0.lowerBound < $1.lowerBound }` (zones are lines: no two
    /// different ones start at one place).
    package static func sortedOnce(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var sorted = ranges
        sorted.sort { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        var kept = 0
        for index in sorted.indices where kept == 0 || sorted[index] != sorted[kept - 1] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        sorted.removeSubrange(kept...)
        return sorted
    }

    /// The first lines kept for the headline (one of the first 12) and the lead (6 after it).
    private static let headLines = 19

    /// Each line of `text` (between line feeds) trimmed of blanks, the empty ones left out.
    private static func forEachLine(of text: ModelCountText, _ body: (Range<Int>) -> Void) {
        var start = 0
        for (index, byte) in text.bytes.base.enumerated() where byte == 0x0A {
            let line = trimmed(start..<index, in: text)
            if !line.isEmpty { body(line) }
            start = index + 1
        }
        let last = trimmed(start..<text.count, in: text)
        if !last.isEmpty { body(last) }
    }

    /// A line and a hash of its folded bytes, in 12 bytes: a text of 64 MB has a million lines
    /// (offsets fit: inputs stop at `maxFileBytes`, far under 4 GiB).
    private struct HashedLine {
        var hash: UInt32
        var start: UInt32
        var end: UInt32

        init(_ line: Range<Int>, of text: ModelCountText) {
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: text.bytes.base[line])))
            hash = UInt32(truncatingIfNeeded: hasher.finalize())
            start = UInt32(line.lowerBound)
            end = UInt32(line.upperBound)
        }

        var line: Range<Int> { Int(start)..<Int(end) }
    }

    /// The lines whose folded bytes equal another's, from lines sorted by hash: within a run of
    /// equal hashes, the lines are grouped by their bytes (a collision is a group of its own).
    private static func repeated(sorting sorted: inout [HashedLine], of text: ModelCountText) -> [Range<Int>] {
        sorted.sort { ($0.hash, $0.start) < ($1.hash, $1.start) }
        var repeated: [Range<Int>] = []
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count, sorted[end].hash == sorted[start].hash { end += 1 }
            if end - start > 1 {
                var groups: [[Range<Int>]] = []
                for member in sorted[start..<end] {
                    let bytes = text.bytes.base[member.line]
                    if let group = groups.firstIndex(where: { text.bytes.base[$0[0]].elementsEqual(bytes) }) {
                        groups[group].append(member.line)
                    } else {
                        groups.append([member.line])
                    }
                }
                for group in groups where group.count > 1 { repeated += group }
            }
            start = end
        }
        return repeated
    }

    /// How a photo caption opens (folded): `Ảnh: …`, `Ảnh minh họa: …`, `Trong ảnh: …`.
    package static let captionLabels: [[UInt8]] = ["anh:", "anh :", "anh minh hoa", "(anh", "hinh anh:", "trong anh:", "hinh:"]
        .map { Array($0.utf8) }

    /// Whether a line is a photo caption: it opens with a caption label, or it closes with one in
    /// brackets (`Xã A: 186 mô hình được công nhận (ảnh: hội nghị sơ kết)`).
    private static func isCaption(_ line: Range<Int>, of text: ModelCountText) -> Bool {
        let opens = captionLabels.contains { label in
            line.count > label.count && text.bytes.base[line.lowerBound..<(line.lowerBound + label.count)].elementsEqual(label)
        }
        return opens || closesWithCaptionLabel(line, of: text)
    }

    /// How a closing caption bracket opens (folded): `(ảnh: …)`, `(Ảnh minh họa)`, `(ảnh …)`.
    package static let closingCaptionLabel: [UInt8] = Array("(anh".utf8)

    /// The line ends with `)` and its last bracket opens with `(ảnh`, within the last 80 bytes.
    private static func closesWithCaptionLabel(_ line: Range<Int>, of text: ModelCountText) -> Bool {
        guard line.count > 10, text.bytes[line.upperBound - 1] == UInt8(ascii: ")") else { return false }
        var open = line.upperBound - 2
        while open > line.lowerBound, line.upperBound - open < 80, text.bytes[open] != UInt8(ascii: "(") { open -= 1 }
        guard open > line.lowerBound, text.bytes[open] == UInt8(ascii: "("),
              open + closingCaptionLabel.count < line.upperBound else { return false }
        let label = text.bytes.base[open..<(open + closingCaptionLabel.count)]
        // `(ảnh` as a whole word. (A person's `(anh Ba)` folds alike; a caption zone only lets a count that
        // repeats another one merge into it, so such a line loses nothing else.)
        return label.elementsEqual(closingCaptionLabel) && !FoldedText.isLetter(text.bytes[open + closingCaptionLabel.count])
    }

    /// At most this many counts in the zones are merged (a headline, a lead and a few captions):
    /// a text made of one line repeated must not cost more than a real article.
    package static let maximumMerges = 64

    private static func trimmed(_ range: Range<Int>, in text: ModelCountText) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, text.bytes[lower] == 0x20 || text.bytes[lower] == 0x09 || text.bytes[lower] == 0x0D { lower += 1 }
        while upper > lower, text.bytes[upper - 1] == 0x20 || text.bytes[upper - 1] == 0x09 || text.bytes[upper - 1] == 0x0D { upper -= 1 }
        return lower..<upper
    }

    private static func words(in range: Range<Int>, of text: ModelCountText) -> Int {
        var count = 0
        for index in range where FoldedText.isWordByte(text.bytes[index]) && text.bytes.isWordStart(at: index) {
            count += 1
        }
        return count
    }

    /// Whether `position` lies in a zone (binary search: the zones are sorted and disjoint).
    package func inZone(_ position: Int) -> Bool {
        var low = 0
        var high = zones.count
        while low < high {
            let middle = (low + high) / 2
            if zones[middle].upperBound <= position { low = middle + 1 } else { high = middle }
        }
        return low < zones.count && zones[low].contains(position)
    }

    /// Whether `a` may restate `b`: same number, holder and precision; no contradiction. A
    /// headline sums the article up in its own verb ("Xã A: 120 mô hình phát huy hiệu quả" over
    /// "xã đã xây dựng 120 mô hình"): with `headline`, `a` is the headline's count and a status of
    /// its own is no contradiction; the body's status is kept.
    package static func compatible(_ a: ModelCountCandidate, _ b: ModelCountCandidate, headline: Bool = false) -> Bool {
        guard a.partOf == nil, b.partOf == nil, let count = a.quantity.count, count == b.quantity.count,
              a.quantity.approximate == b.quantity.approximate, a.holder == b.holder else { return false }
        if !headline, a.status != b.status, a.status != .total, b.status != .total { return false }
        if a.yearSource == .own, b.yearSource == .own, a.year != b.year { return false }
        if let x = a.field, let y = b.field, x != y { return false }
        // A headline in capitals names the same place (`huyện VĨNH BẢO NAM`): scopes compare without case.
        if let x = a.scope?.lowercased(), let y = b.scope?.lowercased(), x != y, !x.contains(y), !y.contains(x) { return false }
        return true
    }

    /// The candidates with restatements merged: `partOf` indices are remapped.
    package func merge(_ candidates: [ModelCountCandidate]) -> [ModelCountCandidate] {
        var all = candidates
        var removed = Set<Int>()
        var target: [Int: Int] = [:]
        let totals = Set(all.compactMap(\.partOf))
        let zoned = all.indices.filter { inZone(all[$0].start) }
        guard !zoned.isEmpty else { return candidates }
        var byCount: [Int: [Int]] = [:]
        for index in all.indices where all[index].partOf == nil {
            if let count = all[index].quantity.count { byCount[count, default: []].append(index) }
        }
        var sentenceStarts: [Int: Int] = [:]
        func sentenceStart(_ index: Int) -> Int {
            if let known = sentenceStarts[index] { return known }
            let start = text.sentenceStart(of: all[index].start)
            sentenceStarts[index] = start
            return start
        }
        for index in zoned.prefix(Self.maximumMerges) {
            guard !removed.contains(index), let count = all[index].quantity.count else { continue }
            var outside: Int?
            var later: Int?
            let inHeadline = headline?.contains(all[index].start) ?? false
            for other in byCount[count] ?? [] where other != index && !removed.contains(other) {
                guard Self.compatible(all[index], all[other], headline: inHeadline), sentenceStart(other) != sentenceStart(index)
                else { continue }
                if !inZone(all[other].start) { outside = other; break }
                if later == nil, other > index { later = other }
            }
            guard var keep = outside ?? later else { continue }
            var gone = index
            // A total with a breakdown stays where its parts point.
            if totals.contains(gone) {
                guard !totals.contains(keep) else { continue }
                swap(&keep, &gone)
            }
            all[keep] = Self.absorb(all[gone], into: all[keep])
            removed.insert(gone)
            target[gone] = keep
        }
        guard !removed.isEmpty else { return candidates }
        var newIndex: [Int: Int] = [:]
        var next = 0
        for index in all.indices where !removed.contains(index) {
            newIndex[index] = next
            next += 1
        }
        var result: [ModelCountCandidate] = []
        for index in all.indices where !removed.contains(index) {
            var candidate = all[index]
            if var total = candidate.partOf {
                while let moved = target[total] { total = moved }
                candidate.partOf = newIndex[total]
            }
            result.append(candidate)
        }
        return result
    }

    /// `kept` with what only `restatement` said.
    private static func absorb(_ restatement: ModelCountCandidate, into kept: ModelCountCandidate) -> ModelCountCandidate {
        var merged = kept
        if merged.status == .total, restatement.status != .total {
            merged.status = restatement.status
            merged.statusIsOwn = restatement.statusIsOwn
        }
        if merged.field == nil, !merged.fieldSeveral { merged.field = restatement.field }
        // A year its own sentence states beats one read from the frame.
        if (merged.yearSource != .own && restatement.yearSource == .own) || (merged.yearSource == .none && restatement.yearSource != .none) {
            merged.year = restatement.year
            merged.yearSource = restatement.yearSource
        }
        if merged.scope == nil { merged.scope = restatement.scope }
        if merged.recognizedBy == nil { merged.recognizedBy = restatement.recognizedBy }
        return merged
    }
}
