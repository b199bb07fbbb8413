import VanThuText

/// Printing names found in capitals ("HUYỆN ỦY TRIỆU PHONG", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ")
/// as names are written: lexicon phrases in their written form (`Huyện ủy`, `Ban Thường vụ`,
/// `nhân dân`, `tỉnh`), positions with their first word (and the word after `Phó`) capitalised,
/// other words (names of places and people) capitalised.
extension UnitLexicon {
    public func displayCase(_ text: String) -> String {
        let tokens = WordTokens(text)
        guard tokens.count > 0 else { return text }
        let utf8 = Array(text.utf8)
        var words: [String] = []
        var i = 0
        while i < tokens.count {
            if let position = positions.match(tokens, at: i), heads.match(tokens, at: i).map({ $0.length <= position.length }) ?? true {
                for k in 0..<position.length {
                    let word = Self.lower(String(decoding: utf8[tokens[i + k].byteRange], as: UTF8.self))
                    let capital = k == 0 || (k == 1 && tokens[i].key == Self.pho)
                    words.append(capital ? Self.capitalized(word) : word)
                }
                i += position.length
                continue
            }
            if let written = writtenForms.match(tokens, at: i) {
                let parts = WordTokens(written.value)
                let writtenBytes = Array(written.value.utf8)
                for k in 0..<written.length {
                    words.append(k < parts.count ? String(decoding: writtenBytes[parts[k].byteRange], as: UTF8.self)
                                 : Self.lower(String(decoding: utf8[tokens[i + k].byteRange], as: UTF8.self)))
                }
                i += written.length
                continue
            }
            let word = String(decoding: utf8[tokens[i].byteRange], as: UTF8.self)
            // Abbreviations (UBND, HĐND, VP) stay in capitals; other words become names.
            words.append(word.count <= 5 && tokens[i].isAllCaps && !hasVowelSound(word) ? word : Self.capitalized(Self.lower(word)))
            i += 1
        }
        // Rebuild with the original separators.
        var out = ""
        var previousEnd = 0
        for (index, token) in tokens.tokens.enumerated() {
            out += String(decoding: utf8[previousEnd..<Int(token.start)], as: UTF8.self)
            out += words[index]
            previousEnd = Int(token.end)
        }
        out += String(decoding: utf8[previousEnd...], as: UTF8.self)
        if let first = out.first, first.isLowercase { out = first.uppercased() + out.dropFirst() }
        return out
    }

    private static let pho = WordKey.key("phó")

    package static func lower(_ word: String) -> String { word.lowercased() }

    package static func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    /// Whether a capitals word reads as a syllable (has a vowel), not as an abbreviation (UBND).
    private func hasVowelSound(_ word: String) -> Bool {
        var vowels = 0
        var consonantsAfter = 0
        for scalar in word.unicodeScalars {
            let base = VietnameseFolding.baseLetter(scalar) ?? 0
            if "aeiouy".utf8.contains(base) { vowels += 1; consonantsAfter = 0 } else { consonantsAfter += 1 }
        }
        return vowels > 0 && consonantsAfter <= 2
    }
}
