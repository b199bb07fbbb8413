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

    /// Moves old-style tone marks (`hoà`, `uỷ`) to the new placement (`hòa`, `ủy`) where the vowel
    /// pair ends the syllable. Expects NFC, lower-case text.
    public static func unifyTones(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0xE0 }) else { return text }
        var scalars = Array(text.unicodeScalars)
        var index = 0
        while index + 1 < scalars.count {
            let pair = String(String.UnicodeScalarView(scalars[index...index + 1]))
            if let replacement = oldToNewTones.first(where: { $0.0 == pair })?.1 {
                let next = index + 2 < scalars.count ? scalars[index + 2] : nil
                let endsSyllable = next.map { !$0.properties.isAlphabetic } ?? true
                // "qu" + y: "quý" is already the new placement's form; only touch vowel pairs.
                let afterQ = index > 0 && scalars[index - 1] == "q"
                if endsSyllable && !afterQ {
                    let new = Array(replacement.unicodeScalars)
                    scalars[index] = new[0]
                    scalars[index + 1] = new[1]
                }
            }
            index += 1
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Abbreviations of unit names and their long forms, as keys write them (lower case, tones
    /// unified, đ folded).
    public static let abbreviations: [(String, String)] = [
        ("ubnd", "ủy ban nhân dân"), ("hdnd", "hội dồng nhân dân"), ("mttq", "mặt trận tổ quốc"),
        ("bcd", "ban chỉ dạo"), ("ct-xh", "chính trị - xã hội"), ("tp", "thành phố"), ("tp.", "thành phố"),
        ("lhpn", "liên hiệp phụ nữ"), ("ccb", "cựu chiến binh"), ("btv", "ban thường vụ"),
        ("tvtu", "thường vụ tỉnh ủy"), ("cty", "công ty"), ("tnhh", "trách nhiệm hữu hạn"),
    ]

    /// The canonical key of a name: NFC, lower case, one tone placement, đ → d (other diacritics
    /// kept), quotes and dashes unified, abbreviations expanded, spaces collapsed.
    public static func canonicalKey(_ name: String) -> String {
        let lowered = unifyTones(name.precomposedStringWithCanonicalMapping.lowercased())
        var scalars = String.UnicodeScalarView()
        for scalar in lowered.unicodeScalars {
            switch scalar.value {
            case 0x111, 0xF0: scalars.append("d")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB: scalars.append("\"")
            case 0x2013, 0x2014, 0x2212: scalars.append("-")
            default: scalars.append(scalar)
            }
        }
        var tokens = String(scalars).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        tokens = tokens.flatMap { token -> [String] in
            let bare = token.trimmingCharacters(in: CharacterSet(charactersIn: ",;:"))
            if let long = abbreviations.first(where: { $0.0 == bare })?.1 { return long.split(separator: " ").map(String.init) }
            return [token]
        }
        var key = tokens.joined(separator: " ")
        while let last = key.last, ",.;: ".contains(last) { key.removeLast() }
        return key
    }
}
