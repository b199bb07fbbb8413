import Foundation

/// Folding of Vietnamese text for keys and search.
///
/// - `searchFold`: lower case, no diacritics, đ → d ("Dân vận khéo" → "dan van kheo"). SQLite's
///   `unicode61 remove_diacritics 2` does not fold đ, so search folds text itself.
/// - `unifyTones`: one tone placement (old `hoà`, `uỷ` → new `hòa`, `ủy`) at the end of a syllable;
///   NFC does not unify them.
/// - `canonicalKey`: the key of a unit name: NFC, lower case, one tone placement, đ folded,
///   abbreviations expanded, quotes and dashes unified, spaces collapsed.
public enum VietnameseFolding {
    /// Base ASCII letter (lower case) of every scalar below U+0250 and in U+1E00–U+1EFF (0 where
    /// there is none), built once from Unicode data: two arrays, so folding is a lookup.
    private static let latinBase: [UInt8] = table(0..<0x250)
    private static let extendedBase: [UInt8] = table(0x1E00..<0x1F00)

    private static func table(_ range: Range<UInt32>) -> [UInt8] {
        range.map { value -> UInt8 in
            switch value {
            case 0x41...0x5A: return UInt8(value) | 0x20
            case 0x61...0x7A: return UInt8(value)
            case 0x110, 0x111, 0xD0, 0xF0: return UInt8(ascii: "d")  // Đ đ, and Ð ð (eth, often typed for Đ)
            case 0..<0xC0: return 0
            default:
                guard let scalar = Unicode.Scalar(value) else { return 0 }
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                guard let first = decomposed.first, first.isASCII, first.properties.isAlphabetic else { return 0 }
                return UInt8(first.value) | 0x20
            }
        }
    }

    /// The ASCII base letter (lower case) of a scalar value, or nil when it is not a Latin letter.
    @inline(__always)
    public static func baseLetter(value: UInt32) -> UInt8? {
        let base: UInt8
        if value < 0x250 { base = latinBase[Int(value)] }
        else if value >= 0x1E00 && value < 0x1F00 { base = extendedBase[Int(value - 0x1E00)] }
        else { return nil }
        return base == 0 ? nil : base
    }

    /// The ASCII base letter (lower case) of a scalar, or nil when it is not a Latin letter.
    @inline(__always)
    public static func baseLetter(_ scalar: Unicode.Scalar) -> UInt8? {
        baseLetter(value: scalar.value)
    }

    /// Lower case, diacritics removed, đ → d, combining marks dropped; other characters kept.
    public static func searchFold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let base = baseLetter(scalar) {
                out.append(base)
            } else if scalar.value >= 0x300 && scalar.value <= 0x36F {
                continue  // combining marks of NFD text
            } else if scalar.isASCII {
                out.append(UInt8(scalar.value))
            } else if !scalar.properties.changesWhenLowercased {
                // Punctuation, symbols and letters of other scripts without case: as they are.
                var value = scalar.value
                if value < 0x800 {
                    out.append(UInt8(0xC0 | (value >> 6))); out.append(UInt8(0x80 | (value & 0x3F)))
                } else if value < 0x10000 {
                    out.append(UInt8(0xE0 | (value >> 12))); out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                    out.append(UInt8(0x80 | (value & 0x3F)))
                } else {
                    out.append(UInt8(0xF0 | (value >> 18))); out.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
                    out.append(UInt8(0x80 | ((value >> 6) & 0x3F))); out.append(UInt8(0x80 | (value & 0x3F)))
                }
                value = 0
            } else {
                out.append(contentsOf: String(scalar).lowercased().utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Folded words for the full-text index: lower-case ASCII letters and digits, everything else a
    /// space ("“Dân vận khéo”" → " dan van kheo ").
    public static func indexText(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let base = baseLetter(scalar) {
                out.append(base)
            } else if scalar.value >= 0x30 && scalar.value <= 0x39 {
                out.append(UInt8(scalar.value))
            } else if scalar.value >= 0x300 && scalar.value <= 0x36F {
                continue
            } else if out.last != 0x20 {
                out.append(0x20)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let oldToNewTones: [(String, String)] = [
        ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
        ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
        ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    ]

    /// Old placement → new, by the second scalar of the pair, for `o` and `u` first.
    private static let toneMoves: [UInt32: (UInt32, UInt32)] = {
        var table: [UInt32: (UInt32, UInt32)] = [:]
        for (old, new) in oldToNewTones {
            let o = Array(old.unicodeScalars)
            let n = Array(new.unicodeScalars)
            table[o[0].value << 21 | o[1].value] = (n[0].value, n[1].value)
        }
        return table
    }()

    /// Moves old-style tone marks (`hoà`, `uỷ`) to the new placement (`hòa`, `ủy`) where the vowel
    /// pair ends the syllable. Expects NFC, lower-case text.
    public static func unifyTones(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0xE0 }) else { return text }
        var scalars = Array(text.unicodeScalars)
        var changed = false
        var index = 0
        while index + 1 < scalars.count {
            let first = scalars[index].value
            if first == 0x6F || first == 0x75, let (newFirst, newSecond) = toneMoves[first << 21 | scalars[index + 1].value] {
                let next = index + 2 < scalars.count ? scalars[index + 2] : nil
                let endsSyllable = next.map { !$0.properties.isAlphabetic } ?? true
                // "qu" + y: "quý" is already the new placement's form; only touch vowel pairs.
                let afterQ = index > 0 && scalars[index - 1] == "q"
                if endsSyllable && !afterQ, let a = Unicode.Scalar(newFirst), let b = Unicode.Scalar(newSecond) {
                    scalars[index] = a
                    scalars[index + 1] = b
                    changed = true
                }
            }
            index += 1
        }
        guard changed else { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Abbreviations of unit names and their long forms, as written; `canonicalKey` folds both
    /// sides the same way.
    public static let abbreviations: [(String, String)] = [
        ("UBND", "Ủy ban nhân dân"), ("HĐND", "Hội đồng nhân dân"), ("MTTQ", "Mặt trận Tổ quốc"),
        ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"), ("BCĐ", "Ban Chỉ đạo"), ("CT-XH", "chính trị - xã hội"),
        ("TP", "thành phố"), ("TP.", "thành phố"), ("Tp.", "thành phố"), ("TPHCM", "thành phố Hồ Chí Minh"),
        ("HCM", "Hồ Chí Minh"), ("LHPN", "Liên hiệp Phụ nữ"), ("CCB", "Cựu chiến binh"), ("BTV", "Ban Thường vụ"),
        ("TVTU", "Thường vụ Tỉnh ủy"), ("Cty", "Công ty"), ("TNHH", "trách nhiệm hữu hạn"), ("MTV", "một thành viên"),
        ("HND", "Hội Nông dân"), ("TNCS", "Thanh niên Cộng sản"), ("BDV", "Ban Dân vận"), ("HTX", "hợp tác xã"),
        ("ĐH", "Đại học"), ("THPT", "Trung học phổ thông"), ("THCS", "Trung học cơ sở"),
        ("GD&ĐT", "Giáo dục và Đào tạo"), ("BHXH", "Bảo hiểm xã hội"), ("CA", "Công an"),
    ] + ocrAbbreviationSlips.compactMap { slip in
        abbreviationLongForms[slip.meant].map { (slip.read, $0) }
    }

    private static let abbreviationLongForms: [String: String] = [
        "UBND": "Ủy ban nhân dân", "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    ]

    /// Abbreviations as OCR reads them off a scan, and what they stand for: a `U` read with a horn
    /// (`ƯBND`, measured on the Vietnamese model's readings of 150–300 dpi scans); an `Đ` read as
    /// `DĐ`, its bar taken for a letter of its own (`BCDĐ`, in a 300 dpi scan of a plan's
    /// references). Codes and abbreviations are written in ASCII capitals and `Đ`, so a horned
    /// capital inside one, or a `D` doubling the `Đ` beside it, is the scan's, not the writer's.
    /// The lexicons read these forms as the abbreviation (the text keeps them as read).
    public static let ocrAbbreviationSlips: [(read: String, meant: String)] = [
        ("ƯBND", "UBND"), ("ƯBMTTQ", "UBMTTQ"), ("BCDĐ", "BCĐ"),
    ]

    /// Marks that change a vowel's letter (breve ă, circumflex â ê ô, horn ơ ư) and that OCR
    /// confuses among themselves (`cơng` for `công`): combining breve, circumflex, horn.
    private static let vowelShapeMarks: Set<UInt32> = [0x306, 0x302, 0x31B]

    /// Lower case with the vowel-shape marks dropped and the tone marks kept: the form in which a
    /// word read by OCR with the wrong vowel mark (`cơng nhận`, `trưóc`) equals the word as typed
    /// (`công nhận`, `trước`) while words that differ by tone stay apart (`công nhân`). For rules
    /// that must read a phrase's marks, not only its folded letters.
    public static func ignoringVowelShape(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        where !vowelShapeMarks.contains(scalar.value) {
            scalars.append(scalar)
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// Abbreviation (folded as a key token) → long form's key tokens.
    private static let abbreviationKeys: [String: [String]] = {
        var table: [String: [String]] = [:]
        for (short, long) in abbreviations {
            table[keyText(short)] = keyText(long).split(separator: " ").map(String.init)
        }
        return table
    }()

    /// NFC, lower case, one tone placement, đ → d, quotes and dashes unified.
    private static func keyText(_ text: String) -> String {
        // NFC only when something may need composing (combining marks); cleaned text already is.
        let composed = text.unicodeScalars.contains(where: { $0.value >= 0x300 && $0.value <= 0x36F })
            ? text.precomposedStringWithCanonicalMapping : text
        let lowered = unifyTones(composed.lowercased())
        var scalars = String.UnicodeScalarView()
        for scalar in lowered.unicodeScalars {
            switch scalar.value {
            case 0x111, 0xF0: scalars.append("d")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB: scalars.append("\"")
            case 0x2010...0x2015, 0x2212: scalars.append("-")
            case 0xA0, 0x09, 0x0A: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Abbreviations by the FNV hash of their key text (ASCII after đ → d), for `canonicalKey`.
    private static let abbreviationsByHash: [UInt64: [String]] = {
        var table: [UInt64: [String]] = [:]
        for (short, long) in abbreviationKeys { table[asciiHash(Array(short.unicodeScalars.map(\.value)))] = long }
        return table
    }()

    @inline(__always)
    private static func asciiHash(_ scalars: [UInt32]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars { hash = (hash ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    /// Long forms of the abbreviations by the FNV hash of their key text, as the UTF-8 bytes of
    /// their key tokens joined by spaces.
    private static let abbreviationBytesByHash: [UInt64: [UInt8]] = {
        abbreviationsByHash.mapValues { Array($0.joined(separator: " ").utf8) }
    }()

    /// The canonical key of a name: NFC, lower case, one tone placement, đ → d (other diacritics
    /// kept), quotes and dashes unified (`a-b` and `a - b` alike), abbreviations expanded
    /// (`UBND huyện` and `Ủy ban nhân dân huyện` share a key), spaces collapsed. One pass over the
    /// UTF-8 bytes, word by word, into bytes (it runs for every new unit name: building it with
    /// `String.UnicodeScalarView` and trimming it by `Character` cost some 17,000 instructions).
    public static func canonicalKey(_ name: String) -> String {
        // NFC only when something may need composing (combining marks U+0300–U+036F, whose
        // UTF-8 starts with CC or CD 80–AF); cleaned text already is NFC.
        var name = name
        let composed = name.withUTF8 { utf8 -> Bool in
            for index in utf8.indices where utf8[index] == 0xCC || utf8[index] == 0xCD {
                if utf8[index] == 0xCC || (index + 1 < utf8.count && utf8[index + 1] <= 0xAF) { return false }
            }
            return true
        }
        if !composed { name = name.precomposedStringWithCanonicalMapping }
        return name.withUTF8 { canonicalKey(utf8: $0) }
    }

    /// The key being written: its bytes, and the scalars of the word being read. A struct with
    /// mutating methods, not local functions capturing both (those made every access a dynamic
    /// exclusivity check: a third of the instructions).
    private struct KeyBuilder {
        var out: [UInt8] = []
        var word: [UInt32] = []

        @inline(__always) mutating func appendScalar(_ value: UInt32) {
            if value < 0x80 {
                out.append(UInt8(value))
            } else if value < 0x800 {
                out.append(UInt8(0xC0 | value >> 6)); out.append(UInt8(0x80 | value & 0x3F))
            } else if value < 0x10000 {
                out.append(UInt8(0xE0 | value >> 12)); out.append(UInt8(0x80 | value >> 6 & 0x3F))
                out.append(UInt8(0x80 | value & 0x3F))
            } else {
                out.append(UInt8(0xF0 | value >> 18)); out.append(UInt8(0x80 | value >> 12 & 0x3F))
                out.append(UInt8(0x80 | value >> 6 & 0x3F)); out.append(UInt8(0x80 | value & 0x3F))
            }
        }

        mutating func append(_ scalars: ArraySlice<UInt32>) {
            if !out.isEmpty { out.append(0x20) }
            for value in scalars { appendScalar(value) }
        }

        mutating func append(bytes: [UInt8]) {
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: bytes)
        }

        mutating func flushWord() {
            guard !word.isEmpty else { return }
            defer { word.removeAll(keepingCapacity: true) }
            VietnameseFolding.unifyTones(&word)
            while let last = word.last, last == 0x2C || last == 0x3B || last == 0x3A { word.removeLast() }
            guard !word.isEmpty else { return }
            let ascii = word.allSatisfy { $0 < 0x80 }
            // (A word with ư or ơ is looked up too: OCR's `ƯBND`, see `ocrAbbreviationSlips`.)
            if word.count <= 8, ascii || word.contains(0x1B0) || word.contains(0x1A1), let long = abbreviationBytesByHash[asciiHash(word)] {
                append(bytes: long)
                return
            }
            if ascii, word.count > 3, word[0] == 0x74, word[1] == 0x70, word[2] == 0x2E {  // "tp."
                let rest = Array(word[3...])
                append(bytes: abbreviationBytesByHash[asciiHash([0x74, 0x70])]!)
                if let long = abbreviationBytesByHash[asciiHash(rest)] {
                    append(bytes: long)
                } else {
                    append(rest[...])
                }
                return
            }
            if word.contains(0x2D) {
                // "a-b" and "a - b" are the same name.
                let parts = word
                var partStart = 0
                for (index, value) in parts.enumerated() where value == 0x2D {
                    if partStart < index { append(parts[partStart..<index]) }
                    append(bytes: [0x2D])
                    partStart = index + 1
                }
                if partStart < parts.count { append(parts[partStart...]) }
                return
            }
            let whole = word
            append(whole[...])
        }
    }

    private static func canonicalKey(utf8 input: UnsafeBufferPointer<UInt8>) -> String {
        var key = KeyBuilder()
        key.out.reserveCapacity(input.count + 32)
        key.word.reserveCapacity(32)
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            var value = UInt32(byte)
            if byte < 0x80 {
                index += 1
            } else {
                // Valid UTF-8: the lead byte gives the length.
                var length = 2
                value = UInt32(byte & 0x1F)
                if byte >= 0xF0 { length = 4; value = UInt32(byte & 0x07) } else if byte >= 0xE0 { length = 3; value = UInt32(byte & 0x0F) }
                for k in 1..<length { value = value << 6 | UInt32(input[index + k] & 0x3F) }
                index += length
            }
            switch value {
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0:
                key.flushWord()
            case 0x41...0x5A:
                key.word.append(value + 0x20)
            case 0x110, 0x111, 0xD0, 0xF0:
                key.word.append(0x64)  // đ → d
            case 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB:
                key.word.append(0x22)
            case 0x2010...0x2015, 0x2212:
                key.word.append(0x2D)
            default:
                if value < 0x80 {
                    key.word.append(value)
                } else if let parts = VietnameseLetters.parts(value) {
                    key.word.append(parts.isUppercase ? (value < 0x100 ? value + 0x20 : value + 1) : value)
                } else if let scalar = Unicode.Scalar(value), scalar.properties.isUppercase {
                    for lower in String(scalar).lowercased().unicodeScalars { key.word.append(lower.value) }
                } else {
                    key.word.append(value)
                }
            }
        }
        key.flushWord()
        return trimmedKey(key.out)
    }

    /// The key without `,.;: ` at its ends, as `Character`s: by bytes where the neighbour of the
    /// trimmed byte is a scalar that cannot join it in one grapheme (ASCII, or a Latin letter),
    /// by `Character` otherwise.
    private static func trimmedKey(_ bytes: [UInt8]) -> String {
        @inline(__always) func isTrimmed(_ byte: UInt8) -> Bool {
            byte == 0x2C || byte == 0x2E || byte == 0x3B || byte == 0x3A || byte == 0x20
        }
        /// Whether a lead byte starts a scalar in U+0080–U+02FF (leads C2–CB): no Prepend, Extend
        /// or SpacingMark there, so no grapheme joins it and an ASCII mark. U+1E00–U+1EFF (E1 B8–BB)
        /// is checked beside it.
        @inline(__always) func isLatin(_ lead: UInt8) -> Bool {
            lead >= 0xC2 && lead <= 0xCB
        }
        var end = bytes.count
        while end > 0, isTrimmed(bytes[end - 1]) {
            if end >= 2 && bytes[end - 2] >= 0x80 {
                // The scalar before: a Latin letter cannot be a Prepend that joins the mark.
                var lead = end - 2
                while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                let isLetter = isLatin(bytes[lead])
                    || (bytes[lead] == 0xE1 && lead + 1 < bytes.count && bytes[lead + 1] & 0xFC == 0xB8)
                if !isLetter { return slowTrimmedKey(String(decoding: bytes, as: UTF8.self)) }
            }
            end -= 1
        }
        var start = 0
        while start < end, isTrimmed(bytes[start]) {
            if start + 1 < end && bytes[start + 1] >= 0x80 {
                // The scalar after: a Latin letter is no combining mark that joins the mark.
                let lead = bytes[start + 1]
                let isLetter = isLatin(lead) || (lead == 0xE1 && start + 2 < end && bytes[start + 2] & 0xFC == 0xB8)
                if !isLetter { return slowTrimmedKey(String(decoding: bytes, as: UTF8.self)) }
            }
            start += 1
        }
        if start == 0 && end == bytes.count { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func slowTrimmedKey(_ text: String) -> String {
        var key = text
        while let last = key.last, ",.;: ".contains(last) { key.removeLast() }
        while let first = key.first, ",.;: ".contains(first) { key.removeFirst() }
        return key
    }

    /// `unifyTones` on the scalars of one lower-case word.
    private static func unifyTones(_ word: inout [UInt32]) {
        guard word.count >= 2 else { return }
        var index = 0
        while index + 1 < word.count {
            let first = word[index]
            if first == 0x6F || first == 0x75, word[index + 1] >= 0xE0,
               let (newFirst, newSecond) = toneMoves[first << 21 | word[index + 1]] {
                let endsSyllable = index + 2 >= word.count
                    || !(Unicode.Scalar(word[index + 2])?.properties.isAlphabetic ?? false)
                let afterQ = index > 0 && word[index - 1] == 0x71
                if endsSyllable && !afterQ {
                    word[index] = newFirst
                    word[index + 1] = newSecond
                }
            }
            index += 1
        }
    }
}
