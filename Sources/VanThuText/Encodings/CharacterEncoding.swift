/// A character encoding that Vietnamese documents come in: it turns bytes into Unicode text and can
/// say how Vietnamese its reading of some bytes looks, which is how `EncodingDetector` chooses.
public protocol CharacterEncoding: Sendable {
    /// The name recorded in `source.encoding`: `tcvn3`, `vni`, `viscii`, `windows-1258`, `utf-16le` …
    var name: String { get }
    /// The bytes as text. Bytes the encoding does not define become U+FFFD and are counted; nil
    /// when the bytes cannot be in this encoding at all (an odd number of bytes for UTF-16).
    func decodeCounting(_ bytes: ArraySlice<UInt8>) -> DecodedText?
    /// Reads the bytes in this encoding into a scorer of how Vietnamese they look. The 8-bit
    /// encodings score straight from the bytes, without building the text; the detector feeds a
    /// sample in chunks cut at spaces.
    func score(_ bytes: ArraySlice<UInt8>, into scorer: inout VietnameseScorer)
}

/// Text decoded from bytes, with the number of bytes the encoding does not define.
public struct DecodedText: Sendable, Equatable {
    public var text: String
    public var unmappedBytes: Int

    public init(text: String, unmappedBytes: Int) {
        self.text = text; self.unmappedBytes = unmappedBytes
    }
}

extension CharacterEncoding {
    /// The bytes as text, or nil when some of them are not defined in this encoding.
    public func decode<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        let slice = (bytes as? ArraySlice<UInt8>) ?? ArraySlice(bytes)
        guard let decoded = decodeCounting(slice), decoded.unmappedBytes == 0 else { return nil }
        return decoded.text
    }

    /// How Vietnamese these bytes look when read in this encoding.
    public func score(_ sample: ArraySlice<UInt8>) -> VietnameseScore {
        var scorer = VietnameseScorer()
        score(sample, into: &scorer)
        return scorer.score
    }

    /// By decoding first (the 8-bit encodings do better).
    public func score(_ bytes: ArraySlice<UInt8>, into scorer: inout VietnameseScorer) {
        guard let decoded = decodeCounting(bytes) else {
            for _ in bytes { scorer.feed(VietnameseAlphabet.unmappedBit) }
            return
        }
        for scalar in decoded.text.unicodeScalars { scorer.feed(VietnameseAlphabet.classify(scalar.value)) }
        scorer.addUnmapped(decoded.unmappedBytes)
    }
}

/// Writes UTF-8 straight into a new string's storage: the decoders' output path, without
/// building a String character by character.
package struct UTF8Sink {
    package let base: UnsafeMutablePointer<UInt8>
    package var count = 0

    @inline(__always)
    package mutating func append(_ value: UInt32) {
        if value < 0x80 {
            base[count] = UInt8(truncatingIfNeeded: value)
            count += 1
        } else if value < 0x800 {
            base[count] = UInt8(truncatingIfNeeded: 0xC0 | value >> 6)
            base[count + 1] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            count += 2
        } else if value < 0x10000 {
            base[count] = UInt8(truncatingIfNeeded: 0xE0 | value >> 12)
            base[count + 1] = UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F)
            base[count + 2] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            count += 3
        } else {
            base[count] = UInt8(truncatingIfNeeded: 0xF0 | value >> 18)
            base[count + 1] = UInt8(truncatingIfNeeded: 0x80 | (value >> 12) & 0x3F)
            base[count + 2] = UInt8(truncatingIfNeeded: 0x80 | (value >> 6) & 0x3F)
            base[count + 3] = UInt8(truncatingIfNeeded: 0x80 | value & 0x3F)
            count += 4
        }
    }

    /// Appends UTF-8 packed little-endian with its length in bits 24–26 (the buffer has slack for a
    /// whole 4-byte store).
    @inline(__always)
    package mutating func appendPacked(_ packed: UInt32) {
        (UnsafeMutableRawPointer(base) + count).storeBytes(of: packed.littleEndian, as: UInt32.self)
        count += Int((packed >> 24) & 7)
    }

    /// A string of at most `capacity` UTF-8 bytes, written by `body`.
    package static func string(capacity: Int, _ body: (inout UTF8Sink) -> Void) -> String {
        String(unsafeUninitializedCapacity: max(capacity, 1)) { buffer in
            var sink = UTF8Sink(base: buffer.baseAddress!)
            body(&sink)
            return sink.count
        }
    }
}

/// An 8-bit encoding given by a table of 256 scalars. Combining tone marks that follow a vowel
/// (Windows-1258's tone bytes, TCVN3's 0xB0–0xB4) are composed with it; the cleaner's NFC would do
/// the same, this only saves it the work.
public struct SingleByteTable: Sendable {
    /// Scalar of each byte; `unmapped` for bytes the encoding does not define.
    package let scalars: [UInt32]
    package static let unmapped: UInt32 = 0xFFFF_FFFF
    /// UTF-8 of each byte's scalar (U+FFFD when unmapped), little-endian, its length in bits 24–26;
    /// `specialFlag` on unmapped bytes and bytes with a punctuation reading.
    package let utf8: [UInt32]
    package static var specialFlag: UInt32 { 0x8000_0000 }
    /// Tone 1…5 of bytes that are combining tone marks, else 0.
    package let tones: [UInt8]
    package let hasTones: Bool
    /// `VietnameseAlphabet.classify` of each byte's scalar, for scoring; bytes with a punctuation
    /// reading carry `contextualBit`.
    package let classes: [UInt16]
    /// Letters that are punctuation when typed in a Windows-1252 font (see `init`): the
    /// punctuation, or 0.
    package let punctuation: [UInt32]
    package let hasPunctuation: Bool
    package static var contextualBit: UInt16 { 0x1000 }

    /// The table: ASCII for 0x00–0x7F, `high` for 0x80–0xFF, and `low` overriding control positions
    /// that the encoding uses for letters. `punctuation` gives bytes that are letters in the table
    /// but were also typed as Windows-1252 punctuation (curly quotes, dashes): such a byte is read
    /// as its letter only where that letter makes a valid syllable with the letters around it.
    package init(high: [UInt32], low: [UInt8: UInt32] = [:], punctuation: [UInt8: UInt32] = [:]) {
        precondition(high.count == 128)
        var scalars = (0..<128).map { UInt32($0) } + high.map { $0 == 0xFFFF ? Self.unmapped : $0 }
        for (byte, value) in low { scalars[Int(byte)] = value }
        self.scalars = scalars
        var utf8 = scalars.map { $0 == Self.unmapped ? Self.packUTF8(0xFFFD) | Self.specialFlag : Self.packUTF8($0) }
        for byte in punctuation.keys { utf8[Int(byte)] |= Self.specialFlag }
        self.utf8 = utf8
        tones = scalars.map { UInt8(VietnameseAlphabet.tone(ofCombining: $0)) }
        hasTones = tones.contains { $0 != 0 }
        var classes = scalars.map { $0 == Self.unmapped ? VietnameseAlphabet.unmappedBit : VietnameseAlphabet.classify($0) }
        var alternatives = [UInt32](repeating: 0, count: 256)
        for (byte, value) in punctuation {
            alternatives[Int(byte)] = value
            classes[Int(byte)] |= Self.contextualBit
        }
        self.classes = classes
        self.punctuation = alternatives
        hasPunctuation = !punctuation.isEmpty
    }

    /// Whether the byte at `index` (one with a punctuation reading) is read as its letter: when it
    /// stands between two capitals ("HÒAXÃ"), or is part of a word that, with it, is a valid
    /// syllable ("CỘNG", not "“Dân").
    package func readsAsLetter(_ input: UnsafeBufferPointer<UInt8>, at index: Int, syllables: Syllable) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool {
            let packed = classes[Int(byte)]
            return packed & 0x1F != 0 && packed & Self.contextualBit == 0
        }
        func isCapital(_ position: Int) -> Bool {
            guard position >= 0 && position < input.count, isLetter(input[position]) else { return false }
            return classes[Int(input[position])] & VietnameseAlphabet.upperBit != 0
        }
        if isCapital(index - 1) && isCapital(index + 1) { return true }
        var start = index
        while start > 0 && index - start < WordBuffer.capacity && isLetter(input[start - 1]) { start -= 1 }
        var end = index + 1
        while end < input.count && end - index <= WordBuffer.capacity && isLetter(input[end]) { end += 1 }
        guard end - start > 1 else { return false }
        var word = WordBuffer()
        for position in start..<end {
            let packed = classes[Int(input[position])]
            word.append(base: UInt8(packed & 0x1F), tone: UInt8((packed >> 5) & 7), upper: packed & VietnameseAlphabet.upperBit != 0,
                        ascii: packed & VietnameseAlphabet.asciiBit != 0)
        }
        return syllables.isValid(word)
    }

    package static func packUTF8(_ value: UInt32) -> UInt32 {
        let bytes = Array(String(Character(Unicode.Scalar(value)!)).utf8)
        var packed = UInt32(bytes.count) << 24
        for (index, byte) in bytes.enumerated() { packed |= UInt32(byte) << (8 * UInt32(index)) }
        return packed
    }

    package func decode(_ bytes: ArraySlice<UInt8>) -> DecodedText {
        var unmapped = 0
        let text = UTF8Sink.string(capacity: bytes.count * 3 + 4) { sink in
            unmapped = scalars.withUnsafeBufferPointer { scalars in
                utf8.withUnsafeBufferPointer { utf8 in
                    tones.withUnsafeBufferPointer { tones in
                        bytes.withUnsafeBufferPointer { input in
                            decode(input, scalars: scalars, utf8: utf8, tones: tones, into: &sink)
                        }
                    }
                }
            }
        }
        return DecodedText(text: text, unmappedBytes: unmapped)
    }

    /// The decoding loop; returns the number of unmapped bytes.
    @inline(__always)
    package func decode(_ input: UnsafeBufferPointer<UInt8>, scalars: UnsafeBufferPointer<UInt32>, utf8: UnsafeBufferPointer<UInt32>,
                tones: UnsafeBufferPointer<UInt8>, into sink: inout UTF8Sink) -> Int {
        var unmapped = 0
        var index = 0
        let end = input.count
        let hasTones = self.hasTones
        let syllables = Syllable.tables
        while index < end {
            let byte = Int(input[index])
            let entry = utf8[byte]
            index += 1
            if entry & Self.specialFlag != 0 {
                if scalars[byte] == Self.unmapped {
                    unmapped += 1
                } else if punctuation[byte] != 0 && !readsAsLetter(input, at: index - 1, syllables: syllables) {
                    sink.append(punctuation[byte])
                    continue
                }
            }
            // Tone bytes are all above ASCII in the encodings that have them.
            if hasTones && index < end && input[index] >= 0x80 {
                let tone = tones[Int(input[index])]
                if tone != 0, let composed = VietnameseAlphabet.compose(scalars[byte], tone: Int(tone)) {
                    sink.append(composed)
                    index += 1
                    continue
                }
            }
            sink.appendPacked(entry)
        }
        return unmapped
    }

    package func score(_ bytes: ArraySlice<UInt8>, into scorer: inout VietnameseScorer) {
        let contextualBit = Self.contextualBit
        classes.withUnsafeBufferPointer { classes in
            bytes.withUnsafeBufferPointer { input in
                for index in input.indices {
                    let packed = classes[Int(input[index])]
                    if packed & contextualBit != 0 && !readsAsLetter(input, at: index, syllables: scorer.syllables) {
                        scorer.feed(VietnameseAlphabet.classify(punctuation[Int(input[index])]))
                    } else {
                        scorer.feed(packed)
                    }
                }
            }
        }
    }
}
