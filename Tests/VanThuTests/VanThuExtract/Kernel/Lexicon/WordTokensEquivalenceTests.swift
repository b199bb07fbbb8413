import Foundation
import Testing
@testable import VanThuText
@testable import VanThuExtract

/// The tokeniser against the one it replaced (a single loop with the word's state around it, kept
/// here as the reference): the same tokens, field for field, on texts of every kind of byte.
struct WordTokensEquivalenceTests {
    enum Reference {
        static func tokens(_ utf8: [UInt8], _ range: Range<Int>, scalarBase: Int) -> [WordTokens.Token] {
            let capacity = (range.count + 1) / 2 + 1
            return [WordTokens.Token](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                initialized = VietnameseLetters.withTable { table in
                    utf8.withUnsafeBufferPointer { whole in
                        let p = UnsafeBufferPointer(rebasing: whole[range])
                        let written = scan(p, table, into: buffer)
                        for k in 0..<written {
                            buffer[k].start += Int32(range.lowerBound); buffer[k].end += Int32(range.lowerBound)
                            buffer[k].scalarStart += Int32(scalarBase); buffer[k].scalarEnd += Int32(scalarBase)
                        }
                        return written
                    }
                }
            }
        }

        static func scan(_ p: UnsafeBufferPointer<UInt8>, _ table: UnsafeBufferPointer<UInt16>,
                                 into tokens: UnsafeMutableBufferPointer<WordTokens.Token>) -> Int {
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
                if letters >= 2 && uppers == letters { flags |= WordTokens.Flags.allCaps.rawValue }
                var wordGap = gap
                if newlines >= 2 { wordGap |= WordTokens.Gap.blankLine.rawValue }
                (tokens.baseAddress! + written).initialize(to: WordTokens.Token(start: Int32(start), end: Int32(end), scalarStart: scalarStart,
                                                                     scalarEnd: scalarEnd, key: hash, gap: WordTokens.Gap(rawValue: wordGap),
                                                                     flags: WordTokens.Flags(rawValue: flags)))
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
                            flags = isUpper ? WordTokens.Flags.capitalized.rawValue : 0
                        }
                        hash = (hash ^ UInt64(isDigit ? lead : lower)) &* prime
                        if isDigit { flags |= WordTokens.Flags.hasDigit.rawValue } else {
                            flags |= WordTokens.Flags.hasLetter.rawValue
                            letters += 1
                            if isUpper { uppers += 1 } else if letters > 1 { flags |= WordTokens.Flags.hasLower.rawValue }
                        }
                    } else {
                        if inWord { inWord = false; finish(index, scalarIndex) }
                        switch lead {
                        case 0x20, 0x09: gap |= WordTokens.Gap.space.rawValue
                        case 0x0A: gap |= WordTokens.Gap.newline.rawValue; newlines += 1
                        case 0x0D: break
                        case 0x2C: gap |= WordTokens.Gap.comma.rawValue
                        case 0x2E: gap |= WordTokens.Gap.period.rawValue
                        case 0x3B: gap |= WordTokens.Gap.semicolon.rawValue
                        case 0x3A: gap |= WordTokens.Gap.colon.rawValue
                        case 0x2D: gap |= WordTokens.Gap.hyphen.rawValue
                        case 0x22: gap |= WordTokens.Gap.straightQuote.rawValue
                        case 0x28, 0x29, 0x5B, 0x5D: gap |= WordTokens.Gap.paren.rawValue
                        case 0x2F: gap |= WordTokens.Gap.slash.rawValue
                        case 0x26: gap |= WordTokens.Gap.ampersand.rawValue
                        default: gap |= WordTokens.Gap.other.rawValue
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
                        flags = isUpper ? WordTokens.Flags.capitalized.rawValue : 0
                    }
                    hash = (hash ^ UInt64(packed & 0x7F)) &* prime
                    let quality = UInt8(packed >> 7 & 7)
                    if quality != 0 { hash = (hash ^ UInt64(0x80 | quality)) &* prime }
                    let letterTone = UInt8(packed >> 10 & 7)
                    if letterTone != 0 { tone = letterTone }
                    flags |= WordTokens.Flags.hasLetter.rawValue
                    letters += 1
                    if isUpper { uppers += 1 } else if letters > 1 { flags |= WordTokens.Flags.hasLower.rawValue }
                } else {
                    if inWord { inWord = false; finish(index - length, scalarIndex) }
                    switch value {
                    case 0xA0, 0x2000...0x200B: gap |= WordTokens.Gap.space.rawValue
                    case 0x2026: gap |= WordTokens.Gap.period.rawValue
                    case 0x2010...0x2015, 0x2212: gap |= WordTokens.Gap.hyphen.rawValue
                    case 0x201C, 0xAB, 0x201E: gap |= WordTokens.Gap.openQuote.rawValue
                    case 0x201D, 0xBB, 0x201F: gap |= WordTokens.Gap.closeQuote.rawValue
                    default: gap |= WordTokens.Gap.other.rawValue
                    }
                }
                scalarIndex += 1
            }
            if inWord { finish(count, scalarIndex) }
            return written
        }
    }

    static func same(_ a: [WordTokens.Token], _ b: [WordTokens.Token]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy {
            $0.start == $1.start && $0.end == $1.end && $0.scalarStart == $1.scalarStart && $0.scalarEnd == $1.scalarEnd
                && $0.key == $1.key && $0.gap == $1.gap && $0.flags == $1.flags
        }
    }

    static let samples: [String] = [
        "Ban Dân vận, UBND tỉnh\n“Dân vận khéo”", "ỦY BAN NHÂN DÂN TỈNH Quảng Trị; Sở GD&ĐT (Hà Nội) [1] 12/2020/NĐ-CP",
        "Trường THPT Lê\u{00A0}Lợi — “Hội” «Nông dân» … a\r\n\n\nB 3a A1 aB Ab ÀB",
        "Ủy ban".decomposedStringWithCanonicalMapping + " và Ủ\u{0301}y\u{0323} \u{0301}x \u{2212}5 \u{2010}",
        "ü ß × ÷ ǅ ǈ ḁ Ḁ ẞ ỹ Ỹ ơ Ơ ư Ư đ Đ 😀 中文 x\u{200B}y \u{2026}",
    ]

    @Test func sameTokensAsTheReference() throws {
        var texts = Self.samples
        if SharedSeedsTests.available {
            let seeds = SharedSeedsTests.shared.appendingPathComponent("seeds")
            for file in try FileManager.default.contentsOfDirectory(atPath: seeds.path) where file.hasSuffix(".txt") {
                texts.append(try String(contentsOf: seeds.appendingPathComponent(file), encoding: .utf8))
            }
        }
        for text in texts {
            let utf8 = Array(text.utf8)
            #expect(Self.same(WordTokens(utf8: utf8).tokens, Reference.tokens(utf8, 0..<utf8.count, scalarBase: 0)))
            // Windows that start and end anywhere, inside a scalar too.
            var start = 0
            while start < utf8.count {
                let end = min(utf8.count, start + 1 + (start * 7919) % 300)
                let new = WordTokens(utf8: utf8, range: start..<end, scalarBase: start + 3).tokens
                #expect(Self.same(new, Reference.tokens(utf8, start..<end, scalarBase: start + 3)), "\(start)..<\(end)")
                start += 1 + (start * 104_729) % 97
            }
        }
    }

    @Test func sameTokensOnAnyBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x20, 0x0A, 0x0D, 0x41, 0x61, 0x31, 0x2C, 0x2E, 0x22, 0x26, 0xC3, 0x80, 0xA0, 0xC4, 0x91,
                                 0xCC, 0x81, 0xE1, 0xBA, 0xBB, 0xE2, 0x80, 0x9C, 0x9D, 0xF0, 0x9F, 0xFF, 0xC6, 0xAF]
        for _ in 0..<2000 {
            let count = Int.random(in: 0...40, using: &generator)
            let bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator)! }
            let low = count == 0 ? 0 : Int.random(in: 0..<count, using: &generator)
            let high = Int.random(in: low...count, using: &generator)
            #expect(Self.same(WordTokens(utf8: bytes, range: low..<high, scalarBase: 0).tokens,
                              Reference.tokens(bytes, low..<high, scalarBase: 0)), "\(bytes) \(low)..<\(high)")
        }
    }
}
