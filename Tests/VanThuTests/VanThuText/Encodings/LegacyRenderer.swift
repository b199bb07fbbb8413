import Foundation
@testable import VanThuText

/// Renders Unicode text into the legacy encodings, as the word processors of the time wrote it, so
/// that tests can decode it back. Characters an encoding lacks (curly quotes in TCVN3 and VISCII …)
/// are replaced by ASCII ones, in the bytes and in the text the decoding is expected to give.
enum LegacyRenderer {
    /// The encodings the renderer knows, by the names the decoder records.
    static let names = ["tcvn3", "vni", "viscii", "windows-1258", "utf-16le", "utf-16be", "utf-16le-bom", "utf-16be-bom"]

    struct Rendering {
        var bytes: [UInt8]
        /// What decoding the bytes should give (NFC).
        var expected: String
    }

    /// ASCII stand-ins for punctuation an encoding may lack.
    static let fallbacks: [Character: String] = [
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{2018}": "'", "\u{2019}": "'", "\u{2013}": "-", "\u{2014}": "-",
        "\u{2026}": "...", "\u{2022}": "*", "\u{A0}": " ",
    ]

    /// `headingsInLowerCase`: TCVN3 capitals typed as lower-case codes for the .VnTimeH font.
    /// `windowsPunctuation`: TCVN3 saved from Word, curly quotes and dashes as Windows-1252 bytes.
    static func render(_ text: String, as name: String, headingsInLowerCase: Bool = false, windowsPunctuation: Bool = false) -> Rendering {
        let text = text.precomposedStringWithCanonicalMapping
        switch name {
        case "utf-16le", "utf-16be", "utf-16le-bom", "utf-16be-bom":
            let little = name.hasPrefix("utf-16le")
            var bytes: [UInt8] = name.hasSuffix("-bom") ? (little ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
            for unit in text.utf16 {
                bytes += little ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            }
            return Rendering(bytes: bytes, expected: text)
        case "vni":
            return renderVNI(text)
        case "tcvn3":
            return renderSingleByte(text, table: TCVN3.table, decomposeMissing: false, lowerCaseCapitals: headingsInLowerCase,
                                    extra: windowsPunctuation ? cp1252Punctuation : [:])
        case "viscii":
            return renderSingleByte(text, table: VISCII.table, decomposeMissing: false, lowerCaseCapitals: false)
        case "windows-1258":
            return renderSingleByte(text, table: Windows1258.table, decomposeMissing: true, lowerCaseCapitals: false)
        default:
            fatalError("no renderer for \(name)")
        }
    }

    /// (base letter, tone 0…5) of a Vietnamese vowel.
    static func split(_ scalar: Unicode.Scalar) -> (base: Unicode.Scalar, tone: Int)? {
        for row in VietnameseAlphabet.vowelRows {
            let scalars = Array(row.unicodeScalars)
            if let tone = scalars.firstIndex(of: scalar) { return (scalars[0], tone) }
        }
        return nil
    }

    /// Windows-1252 bytes of the punctuation Vietnamese texts use.
    static let cp1252Punctuation: [UInt32: UInt8] = [0x201C: 0x93, 0x201D: 0x94, 0x2018: 0x91, 0x2019: 0x92, 0x2013: 0x96,
                                                     0x2014: 0x97, 0x2026: 0x85, 0x2022: 0x95]

    static func renderSingleByte(_ text: String, table: SingleByteTable, decomposeMissing: Bool, lowerCaseCapitals: Bool,
                                 extra: [UInt32: UInt8] = [:]) -> Rendering {
        var inverse: [UInt32: UInt8] = extra
        for (byte, value) in table.scalars.enumerated() where inverse[value] == nil { inverse[value] = UInt8(byte) }
        var bytes: [UInt8] = []
        var expected = String.UnicodeScalarView()
        for original in text.unicodeScalars {
            // Scalar by scalar: the text is NFC, so a Vietnamese letter is one scalar (and "\r\n",
            // one Character, is two).
            let character = Character(original)
            var scalar = original
            if lowerCaseCapitals, character.isUppercase, let lower = Character(character.lowercased()).unicodeScalars.first,
               lower.value >= 0x80 {
                // .VnTimeH: capitals typed as lower-case codes and drawn by the font.
                scalar = lower
            }
            if let byte = inverse[scalar.value] {
                bytes.append(byte)
                expected.append(scalar)
            } else if decomposeMissing, let (base, tone) = split(scalar), let baseByte = inverse[base.value],
                      let toneByte = inverse[VietnameseAlphabet.combiningTones[tone - 1]] {
                bytes += [baseByte, toneByte]
                expected.append(scalar)
            } else {
                let fallback = fallbacks[character] ?? "?"
                bytes += Array(fallback.utf8)
                expected.append(contentsOf: fallback.unicodeScalars)
            }
        }
        return Rendering(bytes: bytes, expected: String(expected))
    }

    /// VNI as its keyboard driver typed it, written out independently of the decoder's tables:
    /// lower-case mark bytes per (modifier, tone); upper-case marks are 0x20 lower.
    static let vniMarks: [String: [UInt8]] = [
        // tone:   none  grave  acute  hook  tilde  dot
        "":  [0x00, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF],
        "^": [0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4],
        "˘": [0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB],
    ]
    /// Base vowel → (byte of the letter carrying the marks, modifier).
    static let vniBases: [Character: (UInt8, String)] = [
        "a": (0x61, ""), "ă": (0x61, "˘"), "â": (0x61, "^"), "e": (0x65, ""), "ê": (0x65, "^"),
        "o": (0x6F, ""), "ô": (0x6F, "^"), "ơ": (0xF4, ""), "u": (0x75, ""), "ư": (0xF6, ""), "y": (0x79, ""),
    ]
    /// Letters that are one byte: đ, and i with its tones, and ỵ.
    static let vniSingles: [Character: UInt8] = ["đ": 0xF1, "ì": 0xEC, "í": 0xED, "ỉ": 0xE6, "ĩ": 0xF3, "ị": 0xF2, "ỵ": 0xEE]

    static func renderVNI(_ text: String) -> Rendering {
        let cp1252 = cp1252Punctuation.merging([0xA0: 0xA0]) { a, _ in a }
        var bytes: [UInt8] = []
        var expected = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let character = Character(scalar)
            let upper = character.isUppercase
            let lower = Character(character.lowercased())
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else if let single = vniSingles[lower] {
                bytes.append(upper ? single - 0x20 : single)
            } else if let (base, tone) = split(lower.unicodeScalars.first!),
                      let (baseByte, modifier) = vniBases[Character(base)] {
                bytes.append(upper ? baseByte - 0x20 : baseByte)
                let mark = vniMarks[modifier]![tone]
                if mark != 0 { bytes.append(upper ? mark - 0x20 : mark) }
            } else if let byte = cp1252[scalar.value] {
                bytes.append(byte)
            } else {
                let fallback = fallbacks[character] ?? "?"
                bytes += Array(fallback.utf8)
                expected.append(contentsOf: fallback.unicodeScalars)
                continue
            }
            expected.append(contentsOf: character.unicodeScalars)
        }
        return Rendering(bytes: bytes, expected: String(expected))
    }
}
