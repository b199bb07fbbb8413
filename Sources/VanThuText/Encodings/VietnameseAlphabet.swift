/// The Vietnamese alphabet as data: vowels with their tones, consonants, and what every Unicode
/// scalar a decoder can produce means for a Vietnamese reader. The decoders compose base + tone
/// from these rows; the scorer reads letters back into (base, tone) to judge syllables.
public enum VietnameseAlphabet {
    /// A vowel and its five toned forms, in tone order: huyền (grave), sắc (acute), hỏi (hook
    /// above), ngã (tilde), nặng (dot below). Lower case first, then upper case.
    public static let vowelRows: [String] = [
        "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
        "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
        "AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ",
        "OÒÓỎÕỌ", "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ",
    ]

    /// Combining marks of the five tones, in the same order as the rows (tone 1…5).
    public static let combiningTones: [UInt32] = [0x0300, 0x0301, 0x0309, 0x0303, 0x0323]

    /// Consonant letters, in the order of their base codes (after the twelve vowels).
    package static let consonants: [Character] = ["b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x"]

    /// Latin letters that are not Vietnamese (in Vietnamese text they only appear in loanwords,
    /// and in mojibake they are everywhere).
    package static let foreignASCII: Set<Character> = ["f", "j", "w", "z"]

    // MARK: base codes

    /// Base codes: 0 no letter; 1…12 the vowels a ă â e ê i o ô ơ u ư y; 13…29 the consonants;
    /// `foreign` a letter Vietnamese does not use; `combining` a combining tone mark.
    package static var vowelCount: UInt8 { 12 }
    package static var foreign: UInt8 { 30 }
    package static var combining: UInt8 { 31 }

    package static func baseCode(of consonant: Character) -> UInt8 {
        UInt8(consonants.firstIndex(of: consonant)!) + vowelCount + 1
    }

    /// Whether a base code is a vowel that carries a modifier: ă â ê ô ơ ư.
    @inline(__always)
    package static func isModifiedVowel(_ base: UInt8) -> Bool {
        base == 2 || base == 3 || base == 5 || base == 8 || base == 9 || base == 11
    }

    /// The base code of đ (checked against `consonants` by the tests).
    package static var dStroke: UInt8 { 16 }

    // MARK: composition

    /// Base vowel scalar + tone (1…5) → the precomposed letter, or nil when there is none.
    @inline(__always)
    public static func compose(_ base: UInt32, tone: Int) -> UInt32? {
        let row: Int
        if base < UInt32(composeRowLow.count) {
            row = Int(composeRowLow[Int(base)])
        } else {
            return nil
        }
        guard row > 0, (1...5).contains(tone) else { return nil }
        return rowScalars[row - 1][tone]
    }

    /// The tone (1…5) a combining mark stands for, or 0.
    @inline(__always)
    public static func tone(ofCombining value: UInt32) -> Int {
        switch value {
        case 0x0300: return 1
        case 0x0301: return 2
        case 0x0309: return 3
        case 0x0303: return 4
        case 0x0323: return 5
        default: return 0
        }
    }

    package static let rowScalars: [[UInt32]] = vowelRows.map { $0.unicodeScalars.map(\.value) }

    /// For untoned vowel scalars below U+0250: their row number + 1 (0 = not a base vowel).
    package static let composeRowLow: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x250)
        for (index, row) in rowScalars.enumerated() { table[Int(row[0])] = UInt8(index + 1) }
        return table
    }()

    // MARK: classification of scalars

    /// What a scalar is for the scorer.
    package struct Letter {
        /// Base code (see above); 0 when the scalar is not part of a word.
        package var base: UInt8
        /// Tone 0…5.
        package var tone: UInt8
        package var isUpper: Bool
        /// A symbol or control that does not belong in Vietnamese text (mojibake's residue).
        package var isJunk: Bool
    }

    package static var upperBit: UInt16 { 0x100 }
    package static var junkBit: UInt16 { 0x200 }
    /// An ASCII letter.
    package static var asciiBit: UInt16 { 0x400 }
    /// A byte the encoding does not define (set by the decoders' byte classes, never by `classify`).
    package static var unmappedBit: UInt16 { 0x800 }

    /// Packed `Letter`s: bits 0–4 base, 5–7 tone, 8 upper case, 9 junk (10 ASCII, 11 unmapped).
    package static func unpack(_ packed: UInt16) -> Letter {
        Letter(base: UInt8(packed & 0x1F), tone: UInt8((packed >> 5) & 7), isUpper: packed & 0x100 != 0, isJunk: packed & 0x200 != 0)
    }

    package static func pack(_ letter: Letter) -> UInt16 {
        UInt16(letter.base) | UInt16(letter.tone) << 5 | (letter.isUpper ? 0x100 : 0) | (letter.isJunk ? 0x200 : 0)
    }

    /// Classes of U+0000…U+024F.
    package static let lowTable: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x250)
        let junk = pack(Letter(base: 0, tone: 0, isUpper: false, isJunk: true))
        // Controls other than tab, line feed, vertical tab, form feed and carriage return; C1 controls.
        for value in 0x00...0x1F where ![0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(value) { table[value] = junk }
        for value in 0x7F...0x9F { table[value] = junk }
        // Latin-1 symbols, except the degree, copyright and section signs, which real texts use.
        for value in 0xA1...0xBF where ![0xA7, 0xA9, 0xB0].contains(value) { table[value] = junk }
        table[0xD7] = junk  // ×
        table[0xF7] = junk  // ÷
        // Every other letter of Latin-1 and Latin Extended-A/B is a letter, but not a Vietnamese one.
        for value in 0xC0...0x24F where table[value] == 0 {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            table[value] = pack(Letter(base: foreign, tone: 0, isUpper: scalar.properties.isUppercase, isJunk: false))
        }
        for value in UInt32(0x41)...0x7A {
            let character = Character(Unicode.Scalar(value)!)
            guard character.isLetter else { continue }
            let lower = Character(character.lowercased())
            let base: UInt8
            if let row = rowScalars.firstIndex(where: { $0[0] == lower.unicodeScalars.first!.value }) {
                base = UInt8(row % 12 + 1)
            } else if consonants.contains(lower) {
                base = baseCode(of: lower)
            } else {
                base = foreign
            }
            table[Int(value)] = pack(Letter(base: base, tone: 0, isUpper: character.isUppercase, isJunk: false)) | asciiBit
        }
        for (row, scalars) in rowScalars.enumerated() {
            for (tone, value) in scalars.enumerated() where value < 0x250 {
                table[Int(value)] = pack(Letter(base: UInt8(row % 12 + 1), tone: UInt8(tone), isUpper: row >= 12, isJunk: false))
                    | (value < 0x80 ? asciiBit : 0)
            }
        }
        let dStroke = baseCode(of: "đ")
        for (value, upper) in [(0x111, false), (0x110, true), (0xF0, false), (0xD0, true)] {
            // Ð/ð (eth) is often typed for Đ/đ; the cleaner turns it into Đ.
            table[value] = pack(Letter(base: dStroke, tone: 0, isUpper: upper, isJunk: false))
        }
        return table
    }()

    /// Classes of U+1EA0…U+1EFF (the precomposed Vietnamese letters).
    package static let extendedTable: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x60)
        for (row, scalars) in rowScalars.enumerated() {
            for (tone, value) in scalars.enumerated() where value >= 0x1EA0 && value < 0x1F00 {
                table[Int(value - 0x1EA0)] = pack(Letter(base: UInt8(row % 12 + 1), tone: UInt8(tone), isUpper: row >= 12, isJunk: false))
            }
        }
        return table
    }()

    @inline(__always)
    package static func classify(_ value: UInt32) -> UInt16 {
        if value < 0x250 { return lowTable[Int(value)] }
        if value >= 0x1EA0 && value < 0x1F00 { return extendedTable[Int(value - 0x1EA0)] }
        switch value {
        case 0x0300, 0x0301, 0x0309, 0x0303, 0x0323:
            return pack(Letter(base: combining, tone: UInt8(tone(ofCombining: value)), isUpper: false, isJunk: false))
        case 0x0300...0x036F:
            return pack(Letter(base: foreign, tone: 0, isUpper: false, isJunk: false))
        case 0x02C6, 0x02DC, 0x2020, 0x2021, 0x2030, 0x2039, 0x203A, 0xFFFD:
            // ˆ ˜ † ‡ ‰ ‹ › (Windows-1252 odds and ends) and the replacement character.
            return pack(Letter(base: 0, tone: 0, isUpper: false, isJunk: true))
        default:
            return 0
        }
    }
}
