import Foundation

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
                utf8.withUnsafeBufferPointer { whole in
                    let p = UnsafeBufferPointer(rebasing: whole[range])
                    let written = Self.scan(p, table, into: buffer)
                    if range.lowerBound != 0 || scalarBase != 0 {
                        let byteShift = Int32(range.lowerBound)
                        let scalarShift = Int32(scalarBase)
                        for k in 0..<written {
                            buffer[k].start += byteShift; buffer[k].end += byteShift
                            buffer[k].scalarStart += scalarShift; buffer[k].scalarEnd += scalarShift
                        }
                    }
                    return written
                }
            }
        }
    }

    /// The key of the word that starts at byte `start` (a letter or digit) and the byte where it
    /// ends, computed exactly as the tokens' keys are; for scanning without tokenising.
    @inline(__always)
    static func wordKey(_ p: UnsafeBufferPointer<UInt8>, at start: Int, _ table: UnsafeBufferPointer<UInt16>) -> (key: UInt64, end: Int) {
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

    /// One pass over the bytes: raw bit operations, no per-scalar allocation (hot path).
    @inline(__always)
    private static func scan(_ p: UnsafeBufferPointer<UInt8>, _ table: UnsafeBufferPointer<UInt16>,
                             into tokens: UnsafeMutableBufferPointer<Token>) -> Int {
        var written = 0
        let count = p.count
        var index = 0
        var scalarIndex: Int32 = 0
        var gap: UInt16 = 0
        var newlines = 0
        var inWord = false
        var start = 0
        var scalarStart: Int32 = 0
        var hash: UInt64 = WordKey.seed
        var tone: UInt8 = 0
        var letters = 0
        var uppers = 0
        var flags: UInt8 = 0
        let prime = WordKey.prime

        @inline(__always) func finish(_ end: Int, _ scalarEnd: Int32) {
            hash = (hash ^ UInt64(0x90 | tone)) &* prime
            if letters >= 2 && uppers == letters { flags |= Flags.allCaps.rawValue }
            var wordGap = gap
            if newlines >= 2 { wordGap |= Gap.blankLine.rawValue }
            (tokens.baseAddress! + written).initialize(to: Token(start: Int32(start), end: Int32(end), scalarStart: scalarStart,
                                                                 scalarEnd: scalarEnd, key: hash, gap: Gap(rawValue: wordGap),
                                                                 flags: Flags(rawValue: flags)))
            written += 1
            gap = 0
            newlines = 0
        }

        while index < count {
            let lead = p[index]
            // ASCII fast path.
            if lead < 0x80 {
                let lower = lead | 0x20
                if lower >= 97 && lower <= 122 || (lead >= 48 && lead <= 57) {
                    let isDigit = lead <= 57
                    let isUpper = !isDigit && lead <= 90
                    if !inWord {
                        inWord = true
                        start = index; scalarStart = scalarIndex
                        hash = WordKey.seed; tone = 0; letters = 0; uppers = 0
                        flags = isUpper ? Flags.capitalized.rawValue : 0
                    }
                    hash = (hash ^ UInt64(isDigit ? lead : lower)) &* prime
                    if isDigit { flags |= Flags.hasDigit.rawValue } else {
                        flags |= Flags.hasLetter.rawValue
                        letters += 1
                        if isUpper { uppers += 1 } else if letters > 1 { flags |= Flags.hasLower.rawValue }
                    }
                } else {
                    if inWord { inWord = false; finish(index, scalarIndex) }
                    switch lead {
                    case 0x20, 0x09: gap |= Gap.space.rawValue
                    case 0x0A: gap |= Gap.newline.rawValue; newlines += 1
                    case 0x0D: break
                    case 0x2C: gap |= Gap.comma.rawValue
                    case 0x2E: gap |= Gap.period.rawValue
                    case 0x3B: gap |= Gap.semicolon.rawValue
                    case 0x3A: gap |= Gap.colon.rawValue
                    case 0x2D: gap |= Gap.hyphen.rawValue
                    case 0x22: gap |= Gap.straightQuote.rawValue
                    case 0x28, 0x29, 0x5B, 0x5D: gap |= Gap.paren.rawValue
                    case 0x2F: gap |= Gap.slash.rawValue
                    case 0x26: gap |= Gap.ampersand.rawValue
                    default: gap |= Gap.other.rawValue
                    }
                }
                index += 1
                scalarIndex += 1
                continue
            }
            var value: UInt32
            var length: Int
            if lead & 0xE0 == 0xC0 { length = 2; value = UInt32(lead & 0x1F) }
            else if lead & 0xF0 == 0xE0 { length = 3; value = UInt32(lead & 0x0F) }
            else if lead & 0xF8 == 0xF0 { length = 4; value = UInt32(lead & 0x07) }
            else { length = 1; value = 0xFFFD }
            if index + length > count { length = count - index }
            var k = 1
            while k < length { value = value << 6 | UInt32(p[index + k] & 0x3F); k += 1 }
            index += length
            if value >= 0x300 && value <= 0x36F {
                // A combining mark (NFD text): part of the word it follows.
                if inWord {
                    let (quality, markTone) = VietnameseLetters.combining(value)
                    if quality != 0 { hash = (hash ^ UInt64(0x80 | quality)) &* prime }
                    if markTone != 0 { tone = markTone }
                }
                scalarIndex += 1
                continue
            }
            var packed: UInt16 = 0
            if value >= 0xC0 && value < 0x1C0 { packed = table[Int(value - 0xC0)] }
            else if value >= 0x1E00 && value < 0x1F00 { packed = table[0x100 + Int(value - 0x1E00)] }
            if packed & (1 << 14) != 0 {
                let isUpper = packed & (1 << 13) != 0
                if !inWord {
                    inWord = true
                    start = index - length; scalarStart = scalarIndex
                    hash = WordKey.seed; tone = 0; letters = 0; uppers = 0
                    flags = isUpper ? Flags.capitalized.rawValue : 0
                }
                hash = (hash ^ UInt64(packed & 0x7F)) &* prime
                let quality = UInt8(packed >> 7 & 7)
                if quality != 0 { hash = (hash ^ UInt64(0x80 | quality)) &* prime }
                let letterTone = UInt8(packed >> 10 & 7)
                if letterTone != 0 { tone = letterTone }
                flags |= Flags.hasLetter.rawValue
                letters += 1
                if isUpper { uppers += 1 } else if letters > 1 { flags |= Flags.hasLower.rawValue }
            } else {
                if inWord { inWord = false; finish(index - length, scalarIndex) }
                switch value {
                case 0xA0, 0x2000...0x200B: gap |= Gap.space.rawValue
                case 0x2026: gap |= Gap.period.rawValue
                case 0x2010...0x2015, 0x2212: gap |= Gap.hyphen.rawValue
                case 0x201C, 0xAB, 0x201E: gap |= Gap.openQuote.rawValue
                case 0x201D, 0xBB, 0x201F: gap |= Gap.closeQuote.rawValue
                default: gap |= Gap.other.rawValue
                }
            }
            scalarIndex += 1
        }
        if inWord { finish(count, scalarIndex) }
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
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// Keys of the words of `text`, as `WordTokens` computes them.
    public static func keys(_ text: String) -> [UInt64] {
        WordTokens(text.precomposedStringWithCanonicalMapping).tokens.map(\.key)
    }

    public static func key(_ word: String) -> UInt64 {
        keys(word).first ?? 0
    }
}
