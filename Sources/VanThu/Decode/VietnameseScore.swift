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
        self.init()
        self.unmapped = unmapped
        var word = WordBuffer()
        for scalar in scalars {
            let packed = VietnameseLetters.classify(scalar.value)
            let base = UInt8(packed & 0x1F)
            if base != 0 {
                word.append(base: base, tone: UInt8((packed >> 5) & 7), upper: packed & 0x100 != 0, ascii: scalar.value < 0x80)
                continue
            }
            if !word.isEmpty { count(&word) }
            if packed & 0x200 != 0 { junk += 1 }
        }
        if !word.isEmpty { count(&word) }
    }

    public init(text: String, unmapped: Int = 0) {
        self.init(scalars: text.unicodeScalars, unmapped: unmapped)
    }

    private mutating func count(_ word: inout WordBuffer) {
        words += 1
        let valid = Syllable.isValid(word)
        if word.isMarked {
            marked += 1
            if valid {
                markedValid += 1
                if Syllable.common.contains(word.hash) { common += 1 }
            }
        } else {
            plain += 1
            if valid { plainValid += 1 }
        }
        word.reset()
    }
}

/// The letters of one word as base codes and tones, with what the checks need.
struct WordBuffer {
    static let capacity = 8
    var bases: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
    var tones: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    /// Letters beyond the capacity, foreign letters, misplaced combining marks.
    var broken = false
    var isMarked = false
    var upperCount = 0
    var firstUpper = false
    /// Lower-case ASCII letters and upper-case others: both zero in a heading typed for the
    /// .VnTimeH font, whose lower-case codes are drawn as capitals ("CộNG HòA").
    var lowerASCII = 0
    var upperOther = 0

    var isEmpty: Bool { count == 0 && !broken }

    mutating func reset() { self = WordBuffer() }

    @inline(__always)
    func base(_ index: Int) -> UInt8 { withUnsafeBytes(of: bases) { $0[index] } }

    @inline(__always)
    func tone(_ index: Int) -> UInt8 { withUnsafeBytes(of: tones) { $0[index] } }

    @inline(__always)
    mutating func append(base: UInt8, tone: UInt8, upper: Bool, ascii: Bool) {
        if base == VietnameseLetters.combining {
            // A combining tone goes on the vowel before it, if that vowel has none yet.
            isMarked = true
            let last = count - 1
            guard count > 0, count <= Self.capacity, self.base(last) <= VietnameseLetters.vowelCount,
                  self.tone(last) == 0 else { broken = true; return }
            withUnsafeMutableBytes(of: &tones) { $0[last] = tone }
            return
        }
        if base == VietnameseLetters.foreign { broken = true; isMarked = true }
        if tone != 0 || VietnameseLetters.isModifiedVowel(base) || base == VietnameseLetters.dStroke { isMarked = true }
        if upper {
            if count == 0 { firstUpper = true }
            upperCount += 1
            if !ascii { upperOther += 1 }
        } else if ascii {
            lowerASCII += 1
        }
        if count < Self.capacity {
            let index = count
            withUnsafeMutableBytes(of: &bases) { $0[index] = base }
            withUnsafeMutableBytes(of: &tones) { $0[index] = tone }
        } else {
            broken = true
        }
        count += 1
    }

    /// FNV-1a of the letters with their tones (case folded), for the common-word set.
    var hash: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in 0..<min(count, Self.capacity) {
            hash = (hash ^ (UInt64(base(index)) | UInt64(tone(index)) << 8)) &* 0x100_0000_01b3
        }
        return hash
    }
}

/// The Vietnamese syllable: onset, vowel nucleus, coda, and where the tone may go.
enum Syllable {
    /// Onsets, longest first (the empty onset is tried last).
    static let onsets: [[UInt8]] = ["ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
                                    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"].map(codes)
    static let onsetsAndNone = onsets + [[]]
    /// Codas: first those after which the tone can only be sắc or nặng (stops), then the others
    /// (each group longest first), then none.
    static let stopCodas = ["ch", "c", "p", "t"]
    static let codasAndNone: [[UInt8]] = (stopCodas + ["ng", "nh", "m", "n"]).map(codes) + [[]]
    static var stopCodaCount: Int { stopCodas.count }

    /// Vowel nuclei: those that never take a coda, those that always do, and those that may.
    static let openNuclei = ["ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iu", "oi", "ôi", "ơi", "ua", "ui", "ưa",
                             "ưi", "ưu", "uơ", "iêu", "yêu", "oai", "oay", "oao", "oeo", "uây", "uôi", "uya", "uyu", "ươi", "ươu"]
    static let closedNuclei = ["ă", "â", "iê", "yê", "uô", "ươ", "uâ", "oă", "uyê", "oo"]
    static let eitherNuclei = ["a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "oa", "oe", "uê", "uy"]

    /// Nucleus (up to three vowel codes, 4 bits each) → 1 open only, 2 closed only, 3 either, 0 invalid.
    static let nuclei: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 4096)
        for (list, rule) in [(openNuclei, UInt8(1)), (closedNuclei, 2), (eitherNuclei, 3)] {
            for nucleus in list {
                table[codes(nucleus).reduce(0) { $0 << 4 | Int($1) }] = rule
            }
        }
        return table
    }()

    /// Common syllables with diacritics: a correct decoding is full of them.
    static let commonWords = """
        của và các được người năm ngày việt có không là những trong với đã này để một đến về theo tại từ \
        nhân dân công tác thực hiện động phát triển xã hội đảng ủy tỉnh huyện thành phố quốc nước nhà \
        chính phủ bộ sở kế hoạch văn số đồng chí cấp cơ đơn vị tổ chức mô hình vận khéo trào kết quả \
        xây dựng nông thôn mới địa phương phường thị trấn cán đoàn viên nghị quyết định trên lĩnh vực \
        kinh tế học giáo dục tình lên cũng đi làm nhiều sự vì như đó còn sẽ bị đây thì thư tiếp tục \
        điều đề lãnh đạo chỉ đạo toàn trưởng phó ban ngành liên quan hướng dẫn báo cáo gửi về nhằm
        """
    static let common: Set<UInt64> = {
        var set = Set<UInt64>()
        for word in commonWords.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            var buffer = WordBuffer()
            for scalar in word.unicodeScalars {
                let packed = VietnameseLetters.classify(scalar.value)
                buffer.append(base: UInt8(packed & 0x1F), tone: UInt8((packed >> 5) & 7), upper: false, ascii: scalar.value < 0x80)
            }
            if buffer.isMarked { set.insert(buffer.hash) }
        }
        return set
    }()

    static func codes(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8(VietnameseLetters.classify($0.value) & 0x1F) }
    }

    static func isValid(_ word: WordBuffer) -> Bool {
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
        return withUnsafeBytes(of: word.bases) { letters -> Bool in
            for onset in onsetsAndNone where onset.count < n && hasPrefix(letters, onset) {
                for (codaIndex, coda) in codasAndNone.enumerated()
                where onset.count + coda.count < n && hasSuffix(letters, n, coda) {
                    let from = onset.count, to = n - coda.count
                    guard to - from <= 3 else { continue }
                    var key = 0
                    var vowels = true
                    var lastModified = -1
                    for index in from..<to {
                        let letter = letters[index]
                        if letter > VietnameseLetters.vowelCount { vowels = false; break }
                        if VietnameseLetters.isModifiedVowel(letter) { lastModified = index }
                        key = key << 4 | Int(letter)
                    }
                    guard vowels else { continue }
                    let rule = nuclei[key]
                    guard rule != 0, coda.isEmpty ? rule & 1 != 0 : rule & 2 != 0 else { continue }
                    if tonePosition >= 0 {
                        guard tonePosition >= from && tonePosition < to else { continue }
                        // With a modified vowel (ă â ê ô ơ ư) the tone sits on the last of them.
                        if lastModified >= 0 && tonePosition != lastModified { continue }
                    }
                    // After p, t, c, ch only sắc or nặng.
                    if codaIndex < stopCodaCount && tone != 2 && tone != 5 { continue }
                    return true
                }
            }
            return false
        }
    }

    @inline(__always)
    static func hasPrefix(_ letters: UnsafeRawBufferPointer, _ prefix: [UInt8]) -> Bool {
        for (index, code) in prefix.enumerated() where letters[index] != code { return false }
        return true
    }

    @inline(__always)
    static func hasSuffix(_ letters: UnsafeRawBufferPointer, _ n: Int, _ suffix: [UInt8]) -> Bool {
        let start = n - suffix.count
        for (index, code) in suffix.enumerated() where letters[start + index] != code { return false }
        return true
    }
}
