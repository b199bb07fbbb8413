/// VNI-Windows: Windows-1252 bytes shown in VNI fonts, where a toned vowel is its base letter
/// followed by one mark byte ("Vieät" = Việt: e + ä, "hoøa" = hòa: o + ø), and a few letters are
/// single bytes of their own (ñ đ, ô ơ, ö ư, ì í æ ó ò î for ì í ỉ ĩ ị ỵ). Upper-case mark bytes
/// are 0x20 below the lower-case ones; either case of mark is accepted after either case of base.
/// A mark byte after something that cannot carry it is read as its Windows-1252 letter (and a
/// decoding full of those scores badly).
public struct VNI: CharacterEncoding {
    public var name: String { "vni" }

    public init() {}

    /// Lower-case mark bytes and what they add to the base: a tone (1…5, as in
    /// `VietnameseAlphabet`) and a modifier (circumflex ^ or breve ˘).
    package static let marks: [(byte: UInt8, modifier: Character?, tone: Int)] = [
        (0xF8, nil, 1), (0xF9, nil, 2), (0xFB, nil, 3), (0xF5, nil, 4), (0xEF, nil, 5),  // ø ù û õ ï
        (0xE2, "^", 0), (0xE0, "^", 1), (0xE1, "^", 2), (0xE5, "^", 3), (0xE3, "^", 4), (0xE4, "^", 5),  // â à á å ã ä
        (0xEA, "˘", 0), (0xE8, "˘", 1), (0xE9, "˘", 2), (0xFA, "˘", 3), (0xFC, "˘", 4), (0xEB, "˘", 5),  // ê è é ú ü ë
    ]

    /// Bytes that are letters on their own (lower case; the capital is 0x20 below).
    package static let letters: [(byte: UInt8, letter: Character)] = [
        (0xF1, "đ"), (0xF4, "ơ"), (0xF6, "ư"), (0xEC, "ì"), (0xED, "í"), (0xE6, "ỉ"), (0xF3, "ĩ"), (0xF2, "ị"), (0xEE, "ỵ"),
    ]

    /// Letters that take marks: the base byte and its row in `VietnameseAlphabet.vowelRows` for
    /// no modifier, circumflex and breve.
    package static let bases: [(letter: Character, plain: Character, circumflex: Character?, breve: Character?)] = [
        ("a", "a", "â", "ă"), ("e", "e", "ê", nil), ("o", "o", "ô", nil), ("ơ", "ơ", nil, nil),
        ("u", "u", nil, nil), ("ư", "ư", nil, nil), ("y", "y", nil, nil), ("i", "i", nil, nil),
    ]

    /// Single-byte meaning of every byte: Windows-1252 with VNI's own letters.
    package static let single: [UInt32] = {
        var table = Windows1252.high
        for (byte, letter) in letters {
            table[Int(byte) - 0x80] = letter.unicodeScalars.first!.value
            table[Int(byte) - 0xA0] = Character(letter.uppercased()).unicodeScalars.first!.value
        }
        return (0..<128).map { UInt32($0) } + table
    }()

    /// Base byte → base slot + 1 (0: takes no mark).
    package static let baseSlot: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for (slot, base) in bases.enumerated() {
            for letter in [base.letter, Character(base.letter.uppercased())] {
                let value = letter.unicodeScalars.first!.value
                let byte = value < 0x80 ? Int(value) : Int(single.firstIndex(of: value)!)
                table[byte] = UInt8(slot + 1)
            }
        }
        return table
    }()

    /// Mark byte → mark slot + 1 (0: not a mark).
    package static let markSlot: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for (slot, mark) in marks.enumerated() {
            table[Int(mark.byte)] = UInt8(slot + 1)
            table[Int(mark.byte) - 0x20] = UInt8(slot + 1)
        }
        return table
    }()

    /// (base slot, case, mark slot) → the composed scalar, 0 where the base cannot take the mark.
    package static let composed: [UInt32] = {
        var table = [UInt32](repeating: 0, count: bases.count * 2 * marks.count)
        for (baseIndex, base) in bases.enumerated() {
            for upper in [false, true] {
                for (markIndex, mark) in marks.enumerated() {
                    let vowel: Character?
                    switch mark.modifier {
                    case "^": vowel = base.circumflex
                    case "˘": vowel = base.breve
                    default: vowel = base.plain
                    }
                    guard let vowel else { continue }
                    let cased = upper ? Character(vowel.uppercased()) : vowel
                    guard let row = VietnameseAlphabet.vowelRows.first(where: { $0.first == cased }) else { continue }
                    let letter = Array(row.unicodeScalars)[mark.tone]
                    table[(baseIndex * 2 + (upper ? 1 : 0)) * marks.count + markIndex] = letter.value
                }
            }
        }
        return table
    }()

    /// UTF-8 (as `SingleByteTable.utf8`) and scorer classes of `single` and `composed`.
    package static let singleUTF8: [UInt32] = single.map { SingleByteTable.packUTF8($0 == SingleByteTable.unmapped ? 0xFFFD : $0) }
    package static let singleClass: [UInt16] = single.map {
        $0 == SingleByteTable.unmapped ? VietnameseAlphabet.unmappedBit : VietnameseAlphabet.classify($0)
    }
    package static let composedClass: [UInt16] = composed.map { $0 == 0 ? 0 : VietnameseAlphabet.classify($0) }

    /// Walks the bytes, calling `letter` with a composed scalar's index in `composed` for a base
    /// and its mark, and `byte` for a byte that stands alone.
    @inline(__always)
    package static func walk(_ input: UnsafeBufferPointer<UInt8>, _ letter: (Int) -> Void, _ byte: (UInt8) -> Void) {
        baseSlot.withUnsafeBufferPointer { baseSlot in
            markSlot.withUnsafeBufferPointer { markSlot in
                composed.withUnsafeBufferPointer { composed in
                    var index = 0
                    let end = input.count
                    while index < end {
                        let current = input[index]
                        index += 1
                        let slot = baseSlot[Int(current)]
                        if slot != 0 && index < end {
                            let mark = markSlot[Int(input[index])]
                            if mark != 0 {
                                let upper = current < 0x80 ? current < 0x61 : current < 0xE0
                                let entry = (Int(slot - 1) * 2 + (upper ? 1 : 0)) * marks.count + Int(mark - 1)
                                if composed[entry] != 0 {
                                    letter(entry)
                                    index += 1
                                    continue
                                }
                            }
                        }
                        byte(current)
                    }
                }
            }
        }
    }

    public func decodeCounting(_ bytes: ArraySlice<UInt8>) -> DecodedText? {
        var unmapped = 0
        let text = UTF8Sink.string(capacity: bytes.count * 3 + 4) { sink in
            Self.composed.withUnsafeBufferPointer { composed in
                Self.singleUTF8.withUnsafeBufferPointer { utf8 in
                    bytes.withUnsafeBufferPointer { input in
                        Self.walk(input, { sink.append(composed[$0]) }, { byte in
                            if byte >= 0x80 && Self.single[Int(byte)] == SingleByteTable.unmapped { unmapped += 1 }
                            sink.appendPacked(utf8[Int(byte)])
                        })
                    }
                }
            }
        }
        return DecodedText(text: text, unmappedBytes: unmapped)
    }

    public func score(_ sample: ArraySlice<UInt8>, into scorer: inout VietnameseScorer) {
        Self.composedClass.withUnsafeBufferPointer { composedClass in
            Self.singleClass.withUnsafeBufferPointer { singleClass in
                sample.withUnsafeBufferPointer { input in
                    Self.walk(input, { scorer.feed(composedClass[$0]) }, { scorer.feed(singleClass[Int($0)]) })
                }
            }
        }
    }
}

/// Windows-1252's upper half, which VNI fonts reinterpret.
package enum Windows1252 {
    /// 0x80–0xFF; `SingleByteTable.unmapped` for 0x81, 0x8D, 0x8F, 0x90, 0x9D.
    package static let high: [UInt32] = {
        let c1: [UInt32] = [
            0x20AC, 0xFFFF_FFFF, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFF_FFFF, 0x017D, 0xFFFF_FFFF,
            0xFFFF_FFFF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFF_FFFF, 0x017E, 0x0178,
        ]
        return c1 + (0xA0...0xFF).map { UInt32($0) }
    }()
}
