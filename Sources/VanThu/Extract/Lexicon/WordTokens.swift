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
        var tokens: [Token] = []
        tokens.reserveCapacity(utf8.count / 5)
        utf8.withUnsafeBufferPointer { p in
            let count = p.count
            var index = 0
            var scalarIndex: Int32 = 0
            var gap: Gap = []
            var inWord = false
            var current = Token(start: 0, end: 0, scalarStart: 0, scalarEnd: 0, key: 0, gap: [], flags: [])
            var hash: UInt64 = WordKey.seed
            var tone: UInt8 = 0
            var letters = 0
            var uppers = 0
            var newlines = 0

            @inline(__always) func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* WordKey.prime }

            while index < count {
                let lead = p[index]
                var value = UInt32(lead)
                var length = 1
                if lead >= 0x80 {
                    if lead & 0xE0 == 0xC0 { length = 2; value = UInt32(lead & 0x1F) }
                    else if lead & 0xF0 == 0xE0 { length = 3; value = UInt32(lead & 0x0F) }
                    else if lead & 0xF8 == 0xF0 { length = 4; value = UInt32(lead & 0x07) }
                    if index + length > count { length = count - index }
                    var k = 1
                    while k < length { value = value << 6 | UInt32(p[index + k] & 0x3F); k += 1 }
                }
                // Classify the scalar.
                var base: UInt8 = 0
                var quality: UInt8 = 0
                var scalarTone: UInt8 = 0
                var upper = false
                var isDigit = false
                var isMark = false
                if value < 0x80 {
                    if value >= 97 && value <= 122 { base = UInt8(value) }
                    else if value >= 65 && value <= 90 { base = UInt8(value) | 0x20; upper = true }
                    else if value >= 48 && value <= 57 { base = UInt8(value); isDigit = true }
                } else if value >= 0x300 && value <= 0x36F {
                    isMark = true
                    (quality, scalarTone) = VietnameseLetters.combining(value)
                } else if let parts = VietnameseLetters.parts(value) {
                    base = parts.base; quality = parts.quality; scalarTone = parts.tone; upper = parts.isUppercase
                }
                if isMark {
                    if inWord {
                        if quality != 0 { mix(0x80 | quality) }
                        if scalarTone != 0 { tone = scalarTone }
                    }
                } else if base != 0 {
                    if !inWord {
                        inWord = true
                        current = Token(start: Int32(index), end: 0, scalarStart: scalarIndex, scalarEnd: 0, key: 0,
                                        gap: tokens.isEmpty && gap.isEmpty ? [] : gap, flags: [])
                        if newlines >= 2 { current.gap.insert(.blankLine) }
                        hash = WordKey.seed; tone = 0; letters = 0; uppers = 0
                        if upper { current.flags.insert(.capitalized) }
                    }
                    mix(base)
                    if quality != 0 { mix(0x80 | quality) }
                    if scalarTone != 0 { tone = scalarTone }
                    if isDigit { current.flags.insert(.hasDigit) } else {
                        current.flags.insert(.hasLetter)
                        letters += 1
                        if upper { uppers += 1 } else if letters > 1 { current.flags.insert(.hasLower) }
                    }
                } else {
                    if inWord {
                        inWord = false
                        mix(0x90 | tone)
                        current.key = hash
                        current.end = Int32(index)
                        current.scalarEnd = scalarIndex
                        if letters >= 2 && uppers == letters { current.flags.insert(.allCaps) }
                        tokens.append(current)
                        gap = []
                        newlines = 0
                    }
                    switch value {
                    case 0x20, 0x09, 0xA0: gap.insert(.space)
                    case 0x0A: gap.insert(.newline); newlines += 1
                    case 0x0D: break
                    case 0x2C: gap.insert(.comma)
                    case 0x2E, 0x2026: gap.insert(.period)
                    case 0x3B: gap.insert(.semicolon)
                    case 0x3A: gap.insert(.colon)
                    case 0x2D, 0x2010...0x2015, 0x2212: gap.insert(.hyphen)
                    case 0x201C, 0xAB, 0x201E: gap.insert(.openQuote)
                    case 0x201D, 0xBB, 0x201F: gap.insert(.closeQuote)
                    case 0x22: gap.insert(.straightQuote)
                    case 0x28, 0x29, 0x5B, 0x5D: gap.insert(.paren)
                    case 0x2F: gap.insert(.slash)
                    case 0x26: gap.insert(.ampersand)
                    default:
                        if value >= 0x2000 && value <= 0x200B { gap.insert(.space) } else { gap.insert(.other) }
                    }
                }
                index += max(length, 1)
                scalarIndex += 1
            }
            if inWord {
                mix(0x90 | tone)
                current.key = hash
                current.end = Int32(count)
                current.scalarEnd = scalarIndex
                if letters >= 2 && uppers == letters { current.flags.insert(.allCaps) }
                tokens.append(current)
            }
        }
        self.tokens = tokens
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
