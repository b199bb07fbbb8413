/// UTF-32 in either byte order. With a byte order mark (`FF FE 00 00`, `00 00 FE FF`) or without
/// one, when every four bytes hold a scalar of Vietnamese text in the given order: the two high
/// bytes zero, the third one of `UTF16.vietnameseHighBytes`. It must be told from UTF-16 before
/// UTF-16 is tried: `FF FE 00 00` starts with UTF-16LE's mark, and reading UTF-32 as UTF-16 gives
/// text full of NULs.
public struct UTF32: CharacterEncoding {
    public var littleEndian: Bool

    public init(littleEndian: Bool) { self.littleEndian = littleEndian }

    public var name: String { littleEndian ? "utf-32le" : "utf-32be" }

    /// The byte order a UTF-32 byte order mark at the start of `bytes` gives.
    public static func byteOrderMark(_ bytes: some Collection<UInt8>) -> UTF32? {
        let head = Array(bytes.prefix(4))
        if head == [0xFF, 0xFE, 0x00, 0x00] { return UTF32(littleEndian: true) }
        if head == [0x00, 0x00, 0xFE, 0xFF] { return UTF32(littleEndian: false) }
        return nil
    }

    /// The byte order of BOM-less UTF-32 text, or nil when the sample does not have its pattern
    /// (at least `minimumShare` of its units look like scalars of Vietnamese text).
    public static func detectByteOrder(_ sample: ArraySlice<UInt8>, minimumShare: Double = 0.95) -> UTF32? {
        let units = sample.count / 4
        guard units >= 2 else { return nil }
        var little = 0, big = 0
        var index = sample.startIndex
        for _ in 0..<units {
            let b0 = sample[index], b1 = sample[index + 1], b2 = sample[index + 2], b3 = sample[index + 3]
            if b2 == 0 && b3 == 0 && UTF16.vietnameseHighBytes.contains(b1) && (b0 != 0 || b1 != 0) { little += 1 }
            if b0 == 0 && b1 == 0 && UTF16.vietnameseHighBytes.contains(b2) && (b2 != 0 || b3 != 0) { big += 1 }
            index += 4
        }
        if Double(little) >= minimumShare * Double(units) { return UTF32(littleEndian: true) }
        if Double(big) >= minimumShare * Double(units) { return UTF32(littleEndian: false) }
        return nil
    }

    /// Values past U+10FFFF and surrogates count as unmapped; a length not a multiple of four
    /// cannot be UTF-32.
    public func decodeCounting(_ bytes: ArraySlice<UInt8>) -> DecodedText? {
        guard bytes.count % 4 == 0 else { return nil }
        var unmapped = 0
        let littleEndian = littleEndian
        let text = bytes.withUnsafeBufferPointer { input in
            UTF8Sink.string(capacity: input.count) { sink in
                var index = 0
                while index < input.count {
                    let b = (UInt32(input[index]), UInt32(input[index + 1]), UInt32(input[index + 2]), UInt32(input[index + 3]))
                    let value = littleEndian ? b.0 | b.1 << 8 | b.2 << 16 | b.3 << 24 : b.3 | b.2 << 8 | b.1 << 16 | b.0 << 24
                    index += 4
                    if value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
                        unmapped += 4
                        sink.append(0xFFFD)
                    } else {
                        sink.append(value)
                    }
                }
            }
        }
        return DecodedText(text: text, unmappedBytes: unmapped)
    }
}
