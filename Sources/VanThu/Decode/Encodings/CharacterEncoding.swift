/// A character encoding that Vietnamese documents come in: it turns bytes into Unicode text and can
/// say how Vietnamese its reading of some bytes looks, which is how `EncodingDetector` chooses.
public protocol CharacterEncoding: Sendable {
    /// The name recorded in `source.encoding`: `tcvn3`, `vni`, `viscii`, `windows-1258`, `utf-16le` …
    var name: String { get }
    /// The bytes as text. Bytes the encoding does not define become U+FFFD and are counted; nil
    /// when the bytes cannot be in this encoding at all (an odd number of bytes for UTF-16).
    func decodeCounting(_ bytes: ArraySlice<UInt8>) -> DecodedText?
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

    /// How Vietnamese these bytes look when read in this encoding (nil when they cannot be in it).
    public func score(_ sample: ArraySlice<UInt8>) -> VietnameseScore? {
        decodeCounting(sample).map { VietnameseScore(text: $0.text, unmapped: $0.unmappedBytes) }
    }
}

/// Writes UTF-8 straight into a new string's storage: the decoders' output path, without
/// building a String character by character.
struct UTF8Sink {
    let base: UnsafeMutablePointer<UInt8>
    var count = 0

    @inline(__always)
    mutating func append(_ value: UInt32) {
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

    /// A string of at most `capacity` UTF-8 bytes, written by `body`.
    static func string(capacity: Int, _ body: (inout UTF8Sink) -> Void) -> String {
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
    let scalars: [UInt32]
    static let unmapped: UInt32 = 0xFFFF_FFFF

    /// The table: ASCII for 0x00–0x7F, `high` for 0x80–0xFF, and `low` overriding control positions
    /// that the encoding uses for letters.
    init(high: [UInt32], low: [UInt8: UInt32] = [:]) {
        precondition(high.count == 128)
        var scalars = (0..<128).map { UInt32($0) } + high.map { $0 == 0xFFFF ? Self.unmapped : $0 }
        for (byte, value) in low { scalars[Int(byte)] = value }
        self.scalars = scalars
    }

    func decode(_ bytes: ArraySlice<UInt8>) -> DecodedText {
        var unmapped = 0
        let text = scalars.withUnsafeBufferPointer { table in
            bytes.withUnsafeBufferPointer { input in
                UTF8Sink.string(capacity: input.count * 3) { sink in
                    var index = 0
                    let end = input.count
                    while index < end {
                        var value = table[Int(input[index])]
                        index += 1
                        if value == Self.unmapped {
                            unmapped += 1
                            value = 0xFFFD
                        } else if index < end && input[index] >= 0x80 {
                            // Tone bytes are all above ASCII in the encodings that have them.
                            let tone = VietnameseLetters.tone(ofCombining: table[Int(input[index])])
                            if tone != 0, let composed = VietnameseLetters.compose(value, tone: tone) {
                                value = composed
                                index += 1
                            }
                        }
                        sink.append(value)
                    }
                }
            }
        }
        return DecodedText(text: text, unmappedBytes: unmapped)
    }
}
