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
    /// Base ASCII letter (lower case) for every Latin letter with diacritics, built once from Unicode data.
    private static let baseLetters: [UInt32: UInt8] = {
        var table: [UInt32: UInt8] = [:]
        let ranges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x1E00...0x1EFF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                guard let first = decomposed.first, first.isASCII, first.properties.isAlphabetic else { continue }
                table[value] = UInt8(first.value) | 0x20
            }
        }
        table[0x110] = UInt8(ascii: "d")  // Đ
        table[0x111] = UInt8(ascii: "d")  // đ
        table[0xD0] = UInt8(ascii: "d")   // Ð (eth, often typed for Đ)
        table[0xF0] = UInt8(ascii: "d")   // ð
        return table
    }()

    /// The ASCII base letter (lower case) of a scalar, or nil when it is not a Latin letter.
    @inline(__always)
    public static func baseLetter(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value < 0x80 {
            let byte = UInt8(value)
            if byte >= 65 && byte <= 90 { return byte | 0x20 }
            if byte >= 97 && byte <= 122 { return byte }
            return nil
        }
        return baseLetters[value]
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
            } else {
                out.append(contentsOf: String(scalar).lowercased().utf8)
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
    ]

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
        let lowered = unifyTones(text.precomposedStringWithCanonicalMapping.lowercased())
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

    /// The canonical key of a name: NFC, lower case, one tone placement, đ → d (other diacritics
    /// kept), quotes and dashes unified (`a-b` and `a - b` alike), abbreviations expanded
    /// (`UBND huyện` and `Ủy ban nhân dân huyện` share a key), spaces collapsed.
    public static func canonicalKey(_ name: String) -> String {
        var tokens: [String] = []
        for raw in keyText(name).split(separator: " ") {
            var token = Substring(raw)
            var trailing = ""
            while let last = token.last, ",;:".contains(last) { token = token.dropLast(); trailing.append(last) }
            if let long = abbreviationKeys[String(token)] {
                tokens += long
            } else if token.hasPrefix("tp."), token.count > 3, let rest = Optional(String(token.dropFirst(3))) {
                tokens += abbreviationKeys["tp"]! + (abbreviationKeys[rest] ?? [rest])
            } else if token.contains("-"), abbreviationKeys[String(token)] == nil {
                // "CT-XH" is an abbreviation; "a-b" and "a - b" are the same name.
                let parts = token.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
                for (index, part) in parts.enumerated() {
                    if index > 0 { tokens.append("-") }
                    if !part.isEmpty { tokens.append(part) }
                }
            } else {
                tokens.append(String(token))
            }
        }
        var key = tokens.joined(separator: " ")
        while let last = key.last, ",.;: ".contains(last) { key.removeLast() }
        while let first = key.first, ",.;: ".contains(first) { key.removeFirst() }
        return key
    }
}
