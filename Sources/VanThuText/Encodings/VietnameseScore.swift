/// How Vietnamese a decoded text looks: its words checked against the Vietnamese syllable
/// (onset + vowel nucleus + coda, one tone on a legal vowel), common words counted, and the
/// residue of wrong decodings — symbols, controls, unmapped bytes — held against it.
public struct VietnameseScore: Sendable, Equatable, CustomStringConvertible {
    /// Words (runs of letters).
    public var words = 0
    /// Words with at least one letter outside ASCII (a diacritic, đ, a combining tone …).
    public var marked = 0
    /// Marked words that are valid Vietnamese syllables.
    public var markedValid = 0
    /// Words of ASCII letters only, and how many of them are valid syllables.
    public var plain = 0
    public var plainValid = 0
    /// Marked words among the most common Vietnamese syllables ("của", "được", "người" …).
    public var common = 0
    /// Controls, stray symbols and replacement characters.
    public var junk = 0
    /// Bytes the encoding does not define.
    public var unmapped = 0

    public init() {}

    /// Evidence against the decoding.
    public var bad: Int { (marked - markedValid) + junk + 2 * unmapped }

    /// Share of the evidence that is for the decoding: valid marked syllables against everything
    /// that looks wrong (0 when there is no evidence at all).
    public var confidence: Double {
        let total = markedValid + bad
        return total == 0 ? 0 : Double(markedValid) / Double(total)
    }

    /// One number to rank decodings of the same bytes by.
    public var points: Int { markedValid + common - 2 * bad }

    public var description: String {
        "\(markedValid)/\(marked) marked words valid (\(common) common), \(plainValid)/\(plain) plain, junk \(junk), unmapped \(unmapped), confidence \(Int((confidence * 100).rounded()))%"
    }
}

extension VietnameseScore {
    /// Scores a decoded text.
    public init<S: Sequence>(scalars: S, unmapped: Int = 0) where S.Element == Unicode.Scalar {
        var scorer = VietnameseScorer()
        for scalar in scalars { scorer.feed(VietnameseAlphabet.classify(scalar.value)) }
        scorer.addUnmapped(unmapped)
        self = scorer.score
    }

    public init(text: String, unmapped: Int = 0) {
        self.init(scalars: text.unicodeScalars, unmapped: unmapped)
    }
}

/// Builds a `VietnameseScore` from the classes (`VietnameseAlphabet.classify`) of a text's scalars,
/// one at a time, so that the decoders can score bytes without building a string.
public struct VietnameseScorer {
    package var counts = VietnameseScore()
    package var word = WordBuffer()
    /// The syllable tables, fetched once rather than at every word.
    package let syllables = Syllable.tables

    public init() {}

    /// The score so far (a word still open counts as if it ended here).
    public var score: VietnameseScore {
        var copy = self
        return copy.finish()
    }

    package mutating func addUnmapped(_ count: Int) { counts.unmapped += count }

    @inline(__always)
    package mutating func feed(_ packed: UInt16) {
        let base = UInt8(truncatingIfNeeded: packed & 0x1F)
        if base != 0 {
            word.append(base: base, tone: UInt8(truncatingIfNeeded: (packed >> 5) & 7), upper: packed & VietnameseAlphabet.upperBit != 0,
                        ascii: packed & VietnameseAlphabet.asciiBit != 0)
            return
        }
        if !word.isEmpty { countWord() }
        if packed & VietnameseAlphabet.junkBit != 0 { counts.junk += 1 }
        if packed & VietnameseAlphabet.unmappedBit != 0 { counts.unmapped += 1 }
    }

    package mutating func finish() -> VietnameseScore {
        if !word.isEmpty { countWord() }
        return counts
    }

    private mutating func countWord() {
        counts.words += 1
        let valid = syllables.isValid(word)
        if word.isMarked {
            counts.marked += 1
            if valid {
                counts.markedValid += 1
                if syllables.common.contains(word.letters) { counts.common += 1 }
            }
        } else {
            counts.plain += 1
            if valid { counts.plainValid += 1 }
        }
        word.reset()
    }
}

/// The letters of one word, with what the checks need. Letter i is byte i of `letters`: its base
/// code in the low five bits, its tone in the high three (case folded away).
package struct WordBuffer {
    package static var capacity: Int { 8 }
    package var letters: UInt64 = 0
    package var count = 0
    /// Letters beyond the capacity, foreign letters, misplaced combining marks.
    package var broken = false
    package var isMarked = false
    package var firstUpper = false
    package var upperCount = 0
    /// Lower-case ASCII letters and upper-case others: both zero in a heading typed for the
    /// .VnTimeH font, whose lower-case codes are drawn as capitals ("CộNG HòA").
    package var lowerASCII = 0
    package var upperOther = 0

    package var isEmpty: Bool { count == 0 && !broken }

    package mutating func reset() { self = WordBuffer() }

    @inline(__always)
    package func base(_ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: letters >> (8 * UInt64(index))) & 0x1F }

    @inline(__always)
    package func tone(_ index: Int) -> UInt8 { UInt8(truncatingIfNeeded: letters >> (8 * UInt64(index) + 5)) & 7 }

    @inline(__always)
    package mutating func append(base: UInt8, tone: UInt8, upper: Bool, ascii: Bool) {
        if base == VietnameseAlphabet.combining {
            // A combining tone goes on the vowel before it, if that vowel has none yet.
            isMarked = true
            let last = count - 1
            guard count > 0, count <= Self.capacity, self.base(last) <= VietnameseAlphabet.vowelCount,
                  self.tone(last) == 0 else { broken = true; return }
            letters |= UInt64(tone) << (8 * UInt64(last) + 5)
            return
        }
        if base == VietnameseAlphabet.foreign { broken = true; isMarked = true }
        if tone != 0 || VietnameseAlphabet.isModifiedVowel(base) || base == VietnameseAlphabet.dStroke { isMarked = true }
        if upper {
            if count == 0 { firstUpper = true }
            upperCount += 1
            if !ascii { upperOther += 1 }
        } else if ascii {
            lowerASCII += 1
        }
        if count < Self.capacity {
            letters |= UInt64(base | tone << 5) << (8 * UInt64(count))
        } else {
            broken = true
        }
        count += 1
    }
}

/// A small open-addressing set of words (their `WordBuffer.letters`): cheaper than `Set` here.
package struct WordSet: Sendable {
    private var slots: [UInt64]
    private let shift: UInt64

    package init<S: Sequence>(_ words: S) where S.Element == UInt64 {
        let words = Array(Set(words))
        var bits: UInt64 = 4
        while (1 << bits) < words.count * 4 { bits += 1 }
        shift = 64 - bits
        slots = [UInt64](repeating: 0, count: 1 << bits)
        for word in words where word != 0 {
            var index = Int((word &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[index] != 0 { index = (index + 1) & (slots.count - 1) }
            slots[index] = word
        }
    }

    @inline(__always)
    package func contains(_ word: UInt64) -> Bool {
        var index = Int((word &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let slot = slots[index]
            if slot == word { return true }
            if slot == 0 { return false }
            index = (index + 1) & (slots.count - 1)
        }
    }
}

/// The Vietnamese syllable: onset, vowel nucleus, coda, and where the tone may go.
package struct Syllable {
    package static let tables = Syllable()

    package let onsetLength = Self.makeOnsetLength()
    package let codaKind = Self.makeCodaKind()
    package let nuclei = Self.makeNuclei()
    package let common = Self.makeCommon()

    /// Onsets (the empty onset is allowed too).
    package static let onsets = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
                         "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"]
    /// Codas after which the tone can only be sắc or nặng, and the others.
    package static let stopCodas = ["ch", "c", "p", "t"]
    package static let otherCodas = ["ng", "nh", "m", "n"]

    /// Letters packed 5 bits each, first letter highest: a 1-, 2- or 3-letter onset → its length.
    package static func makeOnsetLength() -> [UInt8] {
        var table = [UInt8](repeating: 0, count: 1 << 15)
        for onset in onsets {
            let c = codes(onset)
            table[pack(c)] = UInt8(c.count)
        }
        return table
    }

    /// Two letters packed → coda length + 4 when it is a stop (so 1…2 other, 5…6 stop; 0 none).
    package static func makeCodaKind() -> [UInt8] {
        var table = [UInt8](repeating: 0, count: 1 << 10)
        for (list, extra) in [(stopCodas, UInt8(4)), (otherCodas, 0)] {
            for coda in list {
                let c = codes(coda)
                table[pack(c)] = UInt8(c.count) + extra
            }
        }
        return table
    }

    package static func pack(_ codes: [UInt8]) -> Int { codes.reduce(0) { $0 << 5 | Int($1) } }

    /// Vowel nuclei: those that never take a coda, those that always do, and those that may.
    package static let openNuclei = ["ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa",
                             "ưi", "ưu", "uơ", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu"]
    package static let closedNuclei = ["ă", "â", "iê", "yê", "uô", "ươ", "uâ", "oă", "uyê", "oo"]
    package static let eitherNuclei = ["a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy"]

    /// Nucleus (up to three vowel codes, 4 bits each) → 1 open only, 2 closed only, 3 either, 0 invalid.
    package static func makeNuclei() -> [UInt8] {
        var table = [UInt8](repeating: 0, count: 4096)
        for (list, rule) in [(openNuclei, UInt8(1)), (closedNuclei, 2), (eitherNuclei, 3)] {
            for nucleus in list {
                table[codes(nucleus).reduce(0) { $0 << 4 | Int($1) }] = rule
            }
        }
        return table
    }

    /// Common syllables with diacritics: a correct decoding is full of them.
    package static let commonWords = """
        của và các được người năm ngày việt có không là những trong với đã này để một đến về theo tại từ \
        nhân dân công tác thực hiện động phát triển xã hội đảng ủy tỉnh huyện thành phố quốc nước nhà \
        chính phủ bộ sở kế hoạch văn số đồng chí cấp cơ đơn vị tổ chức mô hình vận khéo trào kết quả \
        xây dựng nông thôn mới địa phương phường thị trấn cán đoàn viên nghị quyết định trên lĩnh vực \
        kinh tế học giáo dục tình lên cũng đi làm nhiều sự vì như đó còn sẽ bị đây thì thư tiếp tục \
        điều đề lãnh đạo chỉ đạo toàn trưởng phó ban ngành liên quan hướng dẫn báo cáo gửi về nhằm
        """
    package static func makeCommon() -> WordSet {
        var set: [UInt64] = []
        for word in commonWords.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            var buffer = WordBuffer()
            for scalar in word.unicodeScalars {
                let packed = VietnameseAlphabet.classify(scalar.value)
                buffer.append(base: UInt8(packed & 0x1F), tone: UInt8((packed >> 5) & 7), upper: false, ascii: true)
            }
            if buffer.isMarked { set.append(buffer.letters) }
        }
        return WordSet(set)
    }

    package static func codes(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8(VietnameseAlphabet.classify($0.value) & 0x1F) }
    }

    package func isValid(_ word: WordBuffer) -> Bool {
        let n = word.count
        guard !word.broken, n > 0, n <= WordBuffer.capacity else { return false }
        // Case: all lower, all upper, capitalised, or a .VnTimeH heading.
        if word.upperCount != 0 && word.upperCount != n && !(word.upperCount == 1 && word.firstUpper)
            && !(word.lowerASCII == 0 && word.upperOther == 0) { return false }
        var tonePosition = -1
        var tone: UInt8 = 0
        for index in 0..<n {
            let t = word.tone(index)
            if t != 0 {
                if tonePosition >= 0 { return false }
                tonePosition = index
                tone = t
            }
        }
        do {
            let letters = word
            // Onset: the longest that matches; "gi" may also be "g" before an i ("gì", "gìn").
            let l0 = Int(letters.base(0)), l1 = Int(letters.base(1)), l2 = Int(letters.base(2))
            var onset = 0
            if n > 3, onsetLength[l0 << 10 | l1 << 5 | l2] == 3 { onset = 3 }
            else if n > 2, onsetLength[l0 << 5 | l1] == 2 { onset = 2 }
            else if n > 1, onsetLength[l0] == 1 { onset = 1 }
            // Coda: the longest that matches.
            var coda = 0
            var stop = false
            let last = Int(letters.base(n - 1))
            if n > 2, case let kind = codaKind[Int(letters.base(n - 2)) << 5 | last], kind != 0 {
                coda = Int(kind & 3); stop = kind > 4
            } else if n > 1, case let kind = codaKind[last], kind != 0 {
                coda = Int(kind & 3); stop = kind > 4
            }
            if onset + coda < n,
               check(letters, from: onset, to: n - coda, coda: coda, stop: stop, tonePosition: tonePosition, tone: tone) { return true }
            if onset == 2 && l0 == Int(Self.gLetter) && l1 == Int(Self.iLetter) {
                return check(letters, from: 1, to: n - coda, coda: coda, stop: stop, tonePosition: tonePosition, tone: tone)
            }
            return false
        }
    }

    package static var gLetter: UInt8 { 17 }
    package static var iLetter: UInt8 { 6 }

    @inline(__always)
    package func check(_ letters: WordBuffer, from: Int, to: Int, coda: Int, stop: Bool, tonePosition: Int, tone: UInt8) -> Bool {
        guard to > from, to - from <= 3 else { return false }
        var key = 0
        var lastModified = -1
        for index in from..<to {
            let letter = letters.base(index)
            if letter > VietnameseAlphabet.vowelCount { return false }
            if VietnameseAlphabet.isModifiedVowel(letter) { lastModified = index }
            key = key << 4 | Int(letter)
        }
        let rule = nuclei[key]
        guard rule != 0, coda == 0 ? rule & 1 != 0 : rule & 2 != 0 else { return false }
        if tonePosition >= 0 {
            guard tonePosition >= from && tonePosition < to else { return false }
            // With a modified vowel (ă â ê ô ơ ư) the tone sits on the last of them.
            if lastModified >= 0 && tonePosition != lastModified { return false }
        }
        // After p, t, c, ch only sắc or nặng.
        if stop && tone != 2 && tone != 5 { return false }
        return true
    }
}
