/// Vietnamese letters taken apart: base ASCII letter, vowel quality (â ê ô / ă / ơ ư / đ), tone
/// mark and case, for every precomposed Latin letter, from one flat table built once from Unicode
/// data. Word keys built from these parts are independent of tone placement (`hoà` = `hòa`,
/// `uỷ` = `ủy`) and of case, but keep every other diacritic (`Sở` ≠ `Số`, `Ban` ≠ `Bản`).
public enum VietnameseLetters {
    /// Quality marks, as stored in `Parts.quality`.
    public static let circumflex: UInt8 = 1, breve: UInt8 = 2, horn: UInt8 = 3, stroke: UInt8 = 4

    public struct Parts: Sendable, Equatable {
        /// Lower-case ASCII base letter.
        public var base: UInt8
        /// 0 none, 1 circumflex, 2 breve, 3 horn, 4 stroke (đ).
        public var quality: UInt8
        /// 0 none, 1 grave, 2 acute, 3 hook above, 4 tilde, 5 dot below.
        public var tone: UInt8
        public var isUppercase: Bool
    }

    /// Packed parts for U+00C0…U+01BF (first 0x100 entries) and U+1E00…U+1EFF (next 0x100).
    /// Bits: 0–6 base, 7–9 quality, 10–12 tone, 13 upper case, 14 valid.
    private static let table: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x200)
        func fill(_ value: UInt32, slot: Int) {
            guard let scalar = Unicode.Scalar(value) else { return }
            var base: UInt8 = 0
            var quality: UInt8 = 0
            var tone: UInt8 = 0
            if value == 0x110 || value == 0x111 || value == 0xD0 || value == 0xF0 {
                base = UInt8(ascii: "d"); quality = stroke
            } else {
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                guard let first = decomposed.first, first.isASCII, first.properties.isAlphabetic else { return }
                base = UInt8(first.value) | 0x20
                for mark in decomposed.dropFirst() {
                    switch mark.value {
                    case 0x302: quality = circumflex
                    case 0x306: quality = breve
                    case 0x31B: quality = horn
                    case 0x300: tone = 1
                    case 0x301: tone = 2
                    case 0x309: tone = 3
                    case 0x303: tone = 4
                    case 0x323: tone = 5
                    default: break
                    }
                }
            }
            let upper: UInt16 = scalar.properties.isUppercase ? 1 << 13 : 0
            table[slot] = UInt16(base) | UInt16(quality) << 7 | UInt16(tone) << 10 | upper | 1 << 14
        }
        for value in UInt32(0xC0)...0x1BF { fill(value, slot: Int(value - 0xC0)) }
        for value in UInt32(0x1E00)...0x1EFF { fill(value, slot: 0x100 + Int(value - 0x1E00)) }
        return table
    }()

    /// Calls `body` with the packed table (see `table`), for hot loops.
    @inline(__always)
    public static func withTable<R>(_ body: (UnsafeBufferPointer<UInt16>) -> R) -> R {
        table.withUnsafeBufferPointer(body)
    }

    /// The parts of a non-ASCII scalar, or nil when it is not a Latin letter of the tables.
    @inline(__always)
    public static func parts(_ value: UInt32) -> Parts? {
        let slot: Int
        if value >= 0xC0 && value < 0x1C0 { slot = Int(value - 0xC0) }
        else if value >= 0x1E00 && value < 0x1F00 { slot = 0x100 + Int(value - 0x1E00) }
        else { return nil }
        let packed = table[slot]
        guard packed & (1 << 14) != 0 else { return nil }
        return Parts(base: UInt8(packed & 0x7F), quality: UInt8(packed >> 7 & 7), tone: UInt8(packed >> 10 & 7),
                     isUppercase: packed & (1 << 13) != 0)
    }

    /// Tone of a combining mark (U+0300…U+036F), or quality as a negative number; 0 for others.
    @inline(__always)
    public static func combining(_ value: UInt32) -> (quality: UInt8, tone: UInt8) {
        switch value {
        case 0x302: return (circumflex, 0)
        case 0x306: return (breve, 0)
        case 0x31B: return (horn, 0)
        case 0x300: return (0, 1)
        case 0x301: return (0, 2)
        case 0x309: return (0, 3)
        case 0x303: return (0, 4)
        case 0x323: return (0, 5)
        default: return (0, 0)
        }
    }
}
