import Foundation
import VanThuText

/// The words of a text, in one pass over its UTF-8 bytes: each word (a run of letters and digits)
/// with its byte and scalar span, a case- and tone-placement-independent key (`WordKey`), case
/// flags, and what separates it from the previous word (`Gap`). Phrase tables match sequences of
/// keys; the unit and header rules read case and punctuation from the flags.
public struct WordTokens: Sendable {
    /// What lies between a word and the one before it.
    public struct Gap: OptionSet, Sendable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        public static let space = Gap(rawValue: 1 << 0)
        public static let newline = Gap(rawValue: 1 << 1)
        public static let blankLine = Gap(rawValue: 1 << 2)
        public static let comma = Gap(rawValue: 1 << 3)
        public static let period = Gap(rawValue: 1 << 4)
        public static let semicolon = Gap(rawValue: 1 << 5)
        public static let colon = Gap(rawValue: 1 << 6)
        public static let hyphen = Gap(rawValue: 1 << 7)
        public static let openQuote = Gap(rawValue: 1 << 8)
        public static let closeQuote = Gap(rawValue: 1 << 9)
        public static let straightQuote = Gap(rawValue: 1 << 10)
        public static let paren = Gap(rawValue: 1 << 11)
        public static let slash = Gap(rawValue: 1 << 12)
        public static let other = Gap(rawValue: 1 << 13)
        /// `&` as in `GD&ĐT`.
        public static let ampersand = Gap(rawValue: 1 << 14)

        /// Punctuation that ends a name: anything but spaces (and a hyphen inside a word).
        public static let breaking: Gap = [.newline, .blankLine, .comma, .period, .semicolon, .colon, .openQuote,
                                           .closeQuote, .straightQuote, .paren, .slash, .other, .ampersand]
        public static let quotes: Gap = [.openQuote, .closeQuote, .straightQuote]
    }

    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// The first letter is upper case.
        public static let capitalized = Flags(rawValue: 1 << 0)
        /// Every letter is upper case (and there are at least two letters).
        public static let allCaps = Flags(rawValue: 1 << 1)
        public static let hasDigit = Flags(rawValue: 1 << 2)
        public static let hasLetter = Flags(rawValue: 1 << 3)
        /// Some letter after the first is lower case.
        public static let hasLower = Flags(rawValue: 1 << 4)
    }

    public struct Token: Sendable {
        public var start: Int32
        public var end: Int32
        public var scalarStart: Int32
        public var scalarEnd: Int32
        public var key: UInt64
        public var gap: Gap
        public var flags: Flags

        public var byteRange: Range<Int> { Int(start)..<Int(end) }
        @inline(__always) public var isCapitalized: Bool { flags.contains(.capitalized) }
        @inline(__always) public var isAllCaps: Bool { flags.contains(.allCaps) }
        @inline(__always) public var isNumber: Bool { flags.contains(.hasDigit) && !flags.contains(.hasLetter) }
    }

    public let tokens: [Token]

    public var count: Int { tokens.count }
    @inline(__always) public subscript(index: Int) -> Token { tokens[index] }

    public init(_ text: String) { self.init(utf8: Array(text.utf8)) }

    public init(utf8: [UInt8]) {
        self.init(utf8: utf8, range: 0..<utf8.count, scalarBase: 0)
    }

    /// The words of `utf8[range]`; offsets stay those of the whole text (`scalarBase` is the scalar
    /// offset of `range.lowerBound`).
    public init(utf8: [UInt8], range: Range<Int>, scalarBase: Int) {
        // A word is at least one byte and a separator another: at most (n + 1) / 2 words. The
        // buffer is written in place (pages that are never touched cost nothing).
        let capacity = (range.count + 1) / 2 + 1
        self.tokens = [Token](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = VietnameseLetters.withTable { table in
                Self.asciiClasses.withUnsafeBufferPointer { ascii in
                    utf8.withUnsafeBufferPointer { whole in
                        guard let base = whole.baseAddress, !range.isEmpty else { return 0 }
                        return Self.scan(base, range, scalarBase: Int32(scalarBase), table, ascii, into: buffer)
                    }
                }
            }
        }
    }

    /// The words of `utf8[range]`, as `init(utf8:range:scalarBase:)` finds them, taken where it can
    /// be from `previous`, the words of `utf8[previousRange]`: a window of text read again a little
    /// further on shares most of its words with the one before. After a word both passes are in
    /// the same state (byte, scalar count, no gap), so the words that follow are the same, as long
    /// as neither pass had a scalar cut by the end of its range where it read them. The first
    /// word in `range` is read again (its gap starts at `range`), and so is all after the last
    /// old word that no end came near. When the ranges do not meet on word boundaries, or the
    /// first word read again is not the old one, `range` is read afresh.
    package init(utf8: [UInt8], range: Range<Int>, scalarBase: Int, reusing previous: WordTokens, of previousRange: Range<Int>) {
        if let tokens = Self.reuse(utf8, range, scalarBase: scalarBase, previous.tokens, previousRange) {
            self.init(tokens: tokens)
        } else {
            self.init(utf8: utf8, range: range, scalarBase: scalarBase)
        }
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    private static func reuse(_ utf8: [UInt8], _ range: Range<Int>, scalarBase: Int, _ old: [Token],
                              _ oldRange: Range<Int>) -> [Token]? {
        guard !range.isEmpty, !old.isEmpty, range.lowerBound >= oldRange.lowerBound, range.lowerBound < oldRange.upperBound
        else { return nil }
        // The first old word at or after the start of `range`, which must not start inside a word.
        var low = 0
        var high = old.count
        while low < high {
            let mid = (low + high) / 2
            if Int(old[mid].start) < range.lowerBound { low = mid + 1 } else { high = mid }
        }
        let first = low
        guard first < old.count, first == 0 || Int(old[first - 1].end) <= range.lowerBound else { return nil }
        // The old words that start in `range` and end where no scalar read after them (at most
        // four bytes) could have been cut by the end of either range; the end of the text cuts
        // every pass alike.
        let textEnd = utf8.count
        var usable = first
        while usable < old.count && Int(old[usable].start) < range.upperBound {
            let end = Int(old[usable].end)
            guard (end + 4 <= oldRange.upperBound || oldRange.upperBound == textEnd)
                    && (end + 4 <= range.upperBound || range.upperBound == textEnd) else { break }
            usable += 1
        }
        guard usable > first else { return nil }
        let resume = Int(old[usable - 1].end)
        // Room for the words of the tail, and for as many words as the head's bytes could hold
        // (one is expected; more, and the old words are not used).
        let capacity = max(usable - first + (range.upperBound - resume + 1) / 2 + 1,
                           (Int(old[first].end) - range.lowerBound + 1) / 2 + 1)
        var matched = true
        let tokens = [Token](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = VietnameseLetters.withTable { table in
                Self.asciiClasses.withUnsafeBufferPointer { ascii in
                    utf8.withUnsafeBufferPointer { whole in
                        let base = whole.baseAddress!
                        // The first word, with the gap from the start of `range` before it: it
                        // must be the old word, scalar offsets and all, for the state after it to
                        // be the old pass's.
                        let head = Self.scan(base, range.lowerBound..<Int(old[first].end), scalarBase: Int32(scalarBase), table, ascii,
                                             into: buffer)
                        let word = old[first]
                        guard head == 1, buffer[0].start == word.start, buffer[0].end == word.end,
                              buffer[0].scalarStart == word.scalarStart, buffer[0].scalarEnd == word.scalarEnd else {
                            matched = false
                            return head
                        }
                        var written = 1
                        let count = usable - first - 1
                        if count > 0 {
                            old.withUnsafeBufferPointer { old in
                                (buffer.baseAddress! + 1).initialize(from: old.baseAddress! + first + 1, count: count)
                            }
                            written += count
                        }
                        if resume < range.upperBound {
                            written += Self.scan(base, resume..<range.upperBound, scalarBase: old[usable - 1].scalarEnd, table, ascii,
                                                 into: UnsafeMutableBufferPointer(rebasing: buffer[written...]))
                        }
                        return written
                    }
                }
            }
        }
        return matched ? tokens : nil
    }

    /// The key of the word that starts at byte `start` (a letter or digit) and the byte where it
    /// ends, computed exactly as the tokens' keys are; for scanning without tokenising.
    @inline(__always)
    package static func wordKey(_ p: UnsafeBufferPointer<UInt8>, at start: Int, _ table: UnsafeBufferPointer<UInt16>) -> (key: UInt64, end: Int) {
        var hash = WordKey.seed
        var tone: UInt8 = 0
        var index = start
        let count = p.count
        let prime = WordKey.prime
        while index < count {
            let lead = p[index]
            if lead < 0x80 {
                let lower = lead | 0x20
                if lower >= 97 && lower <= 122 { hash = (hash ^ UInt64(lower)) &* prime }
                else if lead >= 48 && lead <= 57 { hash = (hash ^ UInt64(lead)) &* prime }
                else { break }
                index += 1
                continue
            }
            var value: UInt32
            var length: Int
            if lead & 0xE0 == 0xC0 { length = 2; value = UInt32(lead & 0x1F) }
            else if lead & 0xF0 == 0xE0 { length = 3; value = UInt32(lead & 0x0F) }
            else if lead & 0xF8 == 0xF0 { length = 4; value = UInt32(lead & 0x07) }
            else { break }
            if index + length > count { break }
            var k = 1
            while k < length { value = value << 6 | UInt32(p[index + k] & 0x3F); k += 1 }
            if value >= 0x300 && value <= 0x36F {
                let (quality, markTone) = VietnameseLetters.combining(value)
                if quality != 0 { hash = (hash ^ UInt64(0x80 | quality)) &* prime }
                if markTone != 0 { tone = markTone }
                index += length
                continue
            }
            var packed: UInt16 = 0
            if value >= 0xC0 && value < 0x1C0 { packed = table[Int(value - 0xC0)] }
            else if value >= 0x1E00 && value < 0x1F00 { packed = table[0x100 + Int(value - 0x1E00)] }
            guard packed & (1 << 14) != 0 else { break }
            hash = (hash ^ UInt64(packed & 0x7F)) &* prime
            let quality = UInt8(packed >> 7 & 7)
            if quality != 0 { hash = (hash ^ UInt64(0x80 | quality)) &* prime }
            let letterTone = UInt8(packed >> 10 & 7)
            if letterTone != 0 { tone = letterTone }
            index += length
        }
        hash = (hash ^ UInt64(0x90 | tone)) &* prime
        return (hash, index)
    }

    /// What an ASCII byte is to the tokeniser: a letter or digit has `wordByte` set, the byte its
    /// key hashes (lower case) in the low eight bits, and `upperByte` or `digitByte`; any other
    /// byte is the `Gap` it makes (a carriage return none).
    private static let wordByte: UInt16 = 1 << 15
    private static let upperByte: UInt16 = 1 << 8
    private static let digitByte: UInt16 = 1 << 9
    private static let asciiClasses: [UInt16] = (0..<128).map { (byte: Int) -> UInt16 in
        switch byte {
        case 0x41...0x5A: return wordByte | upperByte | UInt16(byte | 0x20)
        case 0x61...0x7A: return wordByte | UInt16(byte)
        case 0x30...0x39: return wordByte | digitByte | UInt16(byte)
        case 0x20, 0x09: return Gap.space.rawValue
        case 0x0A: return Gap.newline.rawValue
        case 0x0D: return 0
        case 0x2C: return Gap.comma.rawValue
        case 0x2E: return Gap.period.rawValue
        case 0x3B: return Gap.semicolon.rawValue
        case 0x3A: return Gap.colon.rawValue
        case 0x2D: return Gap.hyphen.rawValue
        case 0x22: return Gap.straightQuote.rawValue
        case 0x28, 0x29, 0x5B, 0x5D: return Gap.paren.rawValue
        case 0x2F: return Gap.slash.rawValue
        case 0x26: return Gap.ampersand.rawValue
        default: return Gap.other.rawValue
        }
    }

    /// The scalar of the (non-ASCII) UTF-8 sequence at `index` and its length in bytes: a byte that
    /// begins no sequence is one U+FFFD; a sequence cut by `end` is what fits before it.
    @inline(__always)
    private static func decode(_ p: UnsafePointer<UInt8>, _ index: Int, _ end: Int) -> (value: UInt32, length: Int) {
        let lead = p[index]
        var value: UInt32
        var length: Int
        if lead & 0xE0 == 0xC0 { length = 2; value = UInt32(lead & 0x1F) }
        else if lead & 0xF0 == 0xE0 { length = 3; value = UInt32(lead & 0x0F) }
        else if lead & 0xF8 == 0xF0 { length = 4; value = UInt32(lead & 0x07) }
        else { return (0xFFFD, 1) }
        if index + length > end { length = end - index }
        var k = 1
        while k < length { value = value << 6 | UInt32(p[index + k] & 0x3F); k += 1 }
        return (value, length)
    }

    /// The letter table's entry for a non-ASCII scalar (bit 14: a letter; 0 for anything else).
    @inline(__always)
    private static func letterEntry(_ value: UInt32, _ table: UnsafeBufferPointer<UInt16>) -> UInt16 {
        if value >= 0xC0 && value < 0x1C0 { return table[Int(value - 0xC0)] }
        if value >= 0x1E00 && value < 0x1F00 { return table[0x100 + Int(value - 0x1E00)] }
        return 0
    }

    /// The gap a non-ASCII scalar that is no letter makes.
    private static func gap(of value: UInt32) -> UInt16 {
        switch value {
        case 0xA0, 0x2000...0x200B: return Gap.space.rawValue
        case 0x2026: return Gap.period.rawValue
        case 0x2010...0x2015, 0x2212: return Gap.hyphen.rawValue
        case 0x201C, 0xAB, 0x201E: return Gap.openQuote.rawValue
        case 0x201D, 0xBB, 0x201F: return Gap.closeQuote.rawValue
        default: return Gap.other.rawValue
        }
    }

    /// One pass over `p[range]` (hot path): separators are read in one loop, which collects the
    /// next word's gap, and each word in another, which keeps the word's key, case counts and flags
    /// in locals and writes its token when it ends; ASCII goes through a byte table. Offsets are
    /// those of `p`, scalar offsets count from `scalarBase`. Combining marks (NFD text) belong to
    /// the word they follow and are skipped between words.
    @inline(__always)
    private static func scan(_ p: UnsafePointer<UInt8>, _ range: Range<Int>, scalarBase: Int32,
                             _ table: UnsafeBufferPointer<UInt16>, _ ascii: UnsafeBufferPointer<UInt16>,
                             into tokens: UnsafeMutableBufferPointer<Token>) -> Int {
        let out = tokens.baseAddress!
        let end = range.upperBound
        let prime = WordKey.prime
        var written = 0
        var index = range.lowerBound
        var scalarIndex = scalarBase
        var gap: UInt16 = 0
        var newlines = 0
        while index < end {
            // Between words.
            let lead = p[index]
            var first: UInt16
            if lead < 0x80 {
                first = ascii[Int(lead)]
                if first & wordByte == 0 {
                    gap |= first
                    if lead == 0x0A { newlines += 1 }
                    index += 1
                    scalarIndex += 1
                    continue
                }
                first = first & upperByte != 0 ? 1 << 13 : 0
            } else {
                let (value, length) = decode(p, index, end)
                if value >= 0x300 && value <= 0x36F {
                    index += length
                    scalarIndex += 1
                    continue
                }
                first = letterEntry(value, table)
                if first & (1 << 14) == 0 {
                    gap |= Self.gap(of: value)
                    index += length
                    scalarIndex += 1
                    continue
                }
            }
            // A word: to the first scalar that is no letter, digit or combining mark.
            let start = index
            let scalarStart = scalarIndex
            var hash = WordKey.seed
            var tone: UInt8 = 0
            var letters = 0
            var uppers = 0
            var flags: UInt8 = first & (1 << 13) != 0 ? Flags.capitalized.rawValue : 0
            while index < end {
                let byte = p[index]
                if byte < 0x80 {
                    let entry = ascii[Int(byte)]
                    guard entry & wordByte != 0 else { break }
                    hash = (hash ^ UInt64(entry & 0xFF)) &* prime
                    if entry & digitByte != 0 {
                        flags |= Flags.hasDigit.rawValue
                    } else {
                        letters += 1
                        if entry & upperByte != 0 { uppers += 1 } else if letters > 1 { flags |= Flags.hasLower.rawValue }
                    }
                    index += 1
                    scalarIndex += 1
                    continue
                }
                let (value, length) = decode(p, index, end)
                if value >= 0x300 && value <= 0x36F {
                    let (quality, markTone) = VietnameseLetters.combining(value)
                    if quality != 0 { hash = (hash ^ UInt64(0x80 | quality)) &* prime }
                    if markTone != 0 { tone = markTone }
                    index += length
                    scalarIndex += 1
                    continue
                }
                let packed = letterEntry(value, table)
                guard packed & (1 << 14) != 0 else { break }
                hash = (hash ^ UInt64(packed & 0x7F)) &* prime
                let quality = UInt8(packed >> 7 & 7)
                if quality != 0 { hash = (hash ^ UInt64(0x80 | quality)) &* prime }
                let letterTone = UInt8(packed >> 10 & 7)
                if letterTone != 0 { tone = letterTone }
                letters += 1
                if packed & (1 << 13) != 0 { uppers += 1 } else if letters > 1 { flags |= Flags.hasLower.rawValue }
                index += length
                scalarIndex += 1
            }
            hash = (hash ^ UInt64(0x90 | tone)) &* prime
            if letters > 0 { flags |= Flags.hasLetter.rawValue }
            if letters >= 2 && uppers == letters { flags |= Flags.allCaps.rawValue }
            if newlines >= 2 { gap |= Gap.blankLine.rawValue }
            (out + written).initialize(to: Token(start: Int32(start), end: Int32(index), scalarStart: scalarStart,
                                                 scalarEnd: scalarIndex, key: hash, gap: Gap(rawValue: gap),
                                                 flags: Flags(rawValue: flags)))
            written += 1
            gap = 0
            newlines = 0
        }
        return written
    }

    /// Index of the first token that starts at or after byte `offset`.
    public func firstToken(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if Int(tokens[mid].start) < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// The key of a word: FNV-1a over its base letters, quality marks and (last) its tone, so that it
/// ignores case and tone placement but keeps the diacritics that make different words.
public enum WordKey {
    package static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    package static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// Keys of the words of `text`, as `WordTokens` computes them.
    public static func keys(_ text: String) -> [UInt64] {
        WordTokens(text.precomposedStringWithCanonicalMapping).tokens.map(\.key)
    }

    public static func key(_ word: String) -> UInt64 {
        keys(word).first ?? 0
    }
}
