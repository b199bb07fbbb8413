import Testing
import Foundation
@testable import VanThuText

/// `canonicalKey` as it was before it worked on UTF-8 bytes (scalars into a
/// `String.UnicodeScalarView`, trimmed by `Character`), kept as the oracle of the byte version.
enum PreviousCanonicalKey {
    static let oldToNewTones: [(String, String)] = [
        ("oà", "òa"), ("oá", "óa"), ("oả", "ỏa"), ("oã", "õa"), ("oạ", "ọa"),
        ("oè", "òe"), ("oé", "óe"), ("oẻ", "ỏe"), ("oẽ", "õe"), ("oẹ", "ọe"),
        ("uỳ", "ùy"), ("uý", "úy"), ("uỷ", "ủy"), ("uỹ", "ũy"), ("uỵ", "ụy"),
    ]

    static let toneMoves: [UInt32: (UInt32, UInt32)] = {
        var table: [UInt32: (UInt32, UInt32)] = [:]
        for (old, new) in oldToNewTones {
            let o = Array(old.unicodeScalars)
            let n = Array(new.unicodeScalars)
            table[o[0].value << 21 | o[1].value] = (n[0].value, n[1].value)
        }
        return table
    }()

    static func keyText(_ text: String) -> String {
        let composed = text.unicodeScalars.contains(where: { $0.value >= 0x300 && $0.value <= 0x36F })
            ? text.precomposedStringWithCanonicalMapping : text
        let lowered = VietnameseFolding.unifyTones(composed.lowercased())
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

    static let abbreviationsByHash: [UInt64: [String]] = {
        var table: [UInt64: [String]] = [:]
        for (short, long) in VietnameseFolding.abbreviations {
            table[asciiHash(Array(keyText(short).unicodeScalars.map(\.value)))] = keyText(long).split(separator: " ").map(String.init)
        }
        return table
    }()

    static func asciiHash(_ scalars: [UInt32]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars { hash = (hash ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3 }
        return hash
    }

    static func canonicalKey(_ name: String) -> String {
        let composed = name.unicodeScalars.contains(where: { $0.value >= 0x300 && $0.value <= 0x36F })
            ? name.precomposedStringWithCanonicalMapping : name
        var out = String.UnicodeScalarView()
        var word: [UInt32] = []

        func append(_ scalars: some Sequence<UInt32>) {
            if !out.isEmpty { out.append(" ") }
            for value in scalars { out.append(Unicode.Scalar(value) ?? "?") }
        }

        func flushWord() {
            guard !word.isEmpty else { return }
            defer { word.removeAll(keepingCapacity: true) }
            unifyTones(&word)
            while let last = word.last, last == 0x2C || last == 0x3B || last == 0x3A { word.removeLast() }
            guard !word.isEmpty else { return }
            let ascii = word.allSatisfy { $0 < 0x80 }
            if ascii, word.count <= 8, let long = abbreviationsByHash[asciiHash(word)] {
                for part in long { append(part.unicodeScalars.map(\.value)) }
                return
            }
            if ascii, word.count > 3, word[0] == 0x74, word[1] == 0x70, word[2] == 0x2E {
                let rest = Array(word[3...])
                for part in abbreviationsByHash[asciiHash([0x74, 0x70])]! { append(part.unicodeScalars.map(\.value)) }
                if let long = abbreviationsByHash[asciiHash(rest)] {
                    for part in long { append(part.unicodeScalars.map(\.value)) }
                } else {
                    append(rest)
                }
                return
            }
            if word.contains(0x2D) {
                var part: [UInt32] = []
                for value in word {
                    if value == 0x2D {
                        if !part.isEmpty { append(part); part.removeAll() }
                        append([0x2D])
                    } else {
                        part.append(value)
                    }
                }
                if !part.isEmpty { append(part) }
                return
            }
            append(word)
        }

        for scalar in composed.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0:
                flushWord()
            case 0x41...0x5A:
                word.append(value + 0x20)
            case 0x110, 0x111, 0xD0, 0xF0:
                word.append(0x64)
            case 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB:
                word.append(0x22)
            case 0x2010...0x2015, 0x2212:
                word.append(0x2D)
            default:
                if value < 0x80 {
                    word.append(value)
                } else if let parts = VietnameseLetters.parts(value) {
                    word.append(parts.isUppercase ? (value < 0x100 ? value + 0x20 : value + 1) : value)
                } else if scalar.properties.isUppercase {
                    for lower in String(scalar).lowercased().unicodeScalars { word.append(lower.value) }
                } else {
                    word.append(value)
                }
            }
        }
        flushWord()
        var key = String(out)
        while let last = key.last, ",.;: ".contains(last) { key.removeLast() }
        while let first = key.first, ",.;: ".contains(first) { key.removeFirst() }
        return key
    }

    static func unifyTones(_ word: inout [UInt32]) {
        guard word.count >= 2 else { return }
        var index = 0
        while index + 1 < word.count {
            let first = word[index]
            if first == 0x6F || first == 0x75, let (newFirst, newSecond) = toneMoves[first << 21 | word[index + 1]] {
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


/// Pieces of text that exercise folding and keys: every Vietnamese letter with every tone in both
/// cases (NFC and NFD), đ/Đ and eth, abbreviations, punctuation at word ends, quotes and dashes,
/// every kind of blank, other scripts, combining marks alone, Prepend and joiners, emoji.
enum FoldingSamples {
    static let letters: [String] = {
        var letters: [String] = []
        let bases = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
        let tones = ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]
        for base in bases {
            for tone in tones {
                let nfc = (base + tone).precomposedStringWithCanonicalMapping
                letters += [nfc, nfc.uppercased(), nfc.decomposedStringWithCanonicalMapping,
                            nfc.uppercased().decomposedStringWithCanonicalMapping]
            }
        }
        return letters + ["đ", "Đ", "ð", "Ð", "d", "D", "q", "Q"]
    }()

    static let pieces: [String] = letters + [
        "UBND", "HĐND", "MTTQ", "UBMTTQ", "BCĐ", "CT-XH", "TP", "TP.", "Tp.", "tp.", "TP.HCM", "Tp.Hà", "TPHCM", "HCM",
        "GD&ĐT", "Cty", "TNHH", "MTV", "CA", "ĐH", "THPT", "hoà", "HOÀ", "uỷ", "Uỷ", "quý", "Quỳ", "khoẻ", "thuỵ", "oà,",
        "a", "b", "k", "n", "t", "1", "7", "2024", ",", ".", ";", ":", "-", "\"", "'", "(", ")", "&", "/",
        "“", "”", "„", "‟", "«", "»", "‐", "‑", "‒", "–", "—", "―", "−",
        " ", " ", "  ", "\t", "\n", "\r", "\r\n", "\u{A0}", "\u{2003}", "\u{200B}",
        "Σ", "σ", "Д", "д", "İ", "ẞ", "ß", "ﬁ", "Ω", "中", "文", "😀", "👩‍💻", "\u{1F1FB}\u{1F1F3}",
        "\u{301}", "\u{323}", "\u{300}\u{302}", "\u{200D}", "\u{0600}", "\u{0915}\u{093F}", "\u{0E33}", "ǅ", "Ǆ", "ǆ",
    ]

    static func random(_ generator: inout SplitMix64, maxPieces: Int = 12) -> String {
        let count = Int.random(in: 0...maxPieces, using: &generator)
        var text = ""
        for _ in 0..<count {
            let piece = pieces.randomElement(using: &generator)!
            text += piece
            if Bool.random(using: &generator) { text += " " }
        }
        return text
    }
}

struct CanonicalKeyEquivalenceTests {
    @Test func sameAsPreviousOnEveryPiece() {
        for piece in FoldingSamples.pieces {
            for text in [piece, " \(piece) ", "\(piece).", ",\(piece)", "Ban \(piece) xã", "UBND \(piece);", "\(piece)-\(piece)"] {
                #expect(VietnameseFolding.canonicalKey(text) == PreviousCanonicalKey.canonicalKey(text),
                        "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func sameAsPreviousOnRandomText() {
        var generator = SplitMix64(state: 0x5EED_CAFE)
        for _ in 0..<20_000 {
            let text = FoldingSamples.random(&generator)
            #expect(VietnameseFolding.canonicalKey(text) == PreviousCanonicalKey.canonicalKey(text),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func sameAsPreviousOnEdges() {
        let long = String(repeating: "Ủy ban nhân dân huyện Hoà Vang, ", count: 400)
        for text in ["", " ", ",", ".,;: ", "\u{301}", ",\u{301}", "a.\u{301}", "\u{0600}.", "x \u{0600}.", ".\u{200D}",
                     "a,\u{200D}", "—", "-", "--", "a--b", "tp.", "tp.x", "tp.ubnd", "TP.-", "Đ", long,
                     long.decomposedStringWithCanonicalMapping, "xã.", "XÃ.", ".Ủy", ",ủy ban", "中.", ".中", "😀.", ".😀"] {
            #expect(VietnameseFolding.canonicalKey(text) == PreviousCanonicalKey.canonicalKey(text),
                    "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }
}
