/// UTF-16 in either byte order, with or without a byte order mark. Without one, the byte order is
/// read from the pattern of high bytes: Vietnamese text is mostly ASCII (high byte 0x00), with
/// letters in U+00xx, U+01xx (ă đ ơ ư), U+1Exx (the toned letters), U+03xx (combining marks of
/// NFD text) and U+20xx (quotes, dashes); so one byte of each pair is almost always one of those
/// and often zero, and the other rarely zero.
public struct UTF16: CharacterEncoding {
    public var littleEndian: Bool

    public init(littleEndian: Bool) { self.littleEndian = littleEndian }

    public var name: String { littleEndian ? "utf-16le" : "utf-16be" }

    /// High bytes of the code units Vietnamese text is made of.
    package static let vietnameseHighBytes: Set<UInt8> = [0x00, 0x01, 0x03, 0x1E, 0x20]

    /// The byte order of BOM-less UTF-16 Vietnamese text, or nil when the bytes do not have its
    /// pattern: at least `minimumHighShare` of the high bytes among `vietnameseHighBytes`, at
    /// least `minimumZeroShare` of them zero, and at most `maximumLowZeroShare` of the low bytes zero.
    public static func detectByteOrder(_ sample: ArraySlice<UInt8>, minimumHighShare: Double = 0.95,
                                       minimumZeroShare: Double = 0.3, maximumLowZeroShare: Double = 0.05) -> UTF16? {
        let pairs = sample.count / 2
        guard pairs >= 2 else { return nil }
        var evenZero = 0, oddZero = 0, evenUsual = 0, oddUsual = 0
        var index = sample.startIndex
        for _ in 0..<pairs {
            let even = sample[index], odd = sample[index + 1]
            if even == 0 { evenZero += 1 }
            if odd == 0 { oddZero += 1 }
            if vietnameseHighBytes.contains(even) { evenUsual += 1 }
            if vietnameseHighBytes.contains(odd) { oddUsual += 1 }
            index += 2
        }
        let count = Double(pairs)
        func fits(usual: Int, zero: Int, lowZero: Int) -> Bool {
            Double(usual) >= minimumHighShare * count && Double(zero) >= minimumZeroShare * count
                && Double(lowZero) <= maximumLowZeroShare * count
        }
        if fits(usual: oddUsual, zero: oddZero, lowZero: evenZero) { return UTF16(littleEndian: true) }
        if fits(usual: evenUsual, zero: evenZero, lowZero: oddZero) { return UTF16(littleEndian: false) }
        return nil
    }

    /// Lone surrogates count as unmapped; an odd number of bytes cannot be UTF-16.
    public func decodeCounting(_ bytes: ArraySlice<UInt8>) -> DecodedText? {
        guard bytes.count % 2 == 0 else { return nil }
        var unmapped = 0
        let littleEndian = littleEndian
        let text = bytes.withUnsafeBufferPointer { input in
            UTF8Sink.string(capacity: input.count / 2 * 3) { sink in
                var index = 0
                let end = input.count
                @inline(__always) func unit(_ at: Int) -> UInt32 {
                    littleEndian ? UInt32(input[at]) | UInt32(input[at + 1]) << 8 : UInt32(input[at]) << 8 | UInt32(input[at + 1])
                }
                while index < end {
                    let first = unit(index)
                    index += 2
                    if first < 0xD800 || first > 0xDFFF {
                        sink.append(first)
                    } else if first <= 0xDBFF, index < end, case let second = unit(index), (0xDC00...0xDFFF).contains(second) {
                        sink.append(0x10000 + ((first - 0xD800) << 10 | (second - 0xDC00)))
                        index += 2
                    } else {
                        unmapped += 1
                        sink.append(0xFFFD)
                    }
                }
            }
        }
        return DecodedText(text: text, unmappedBytes: unmapped)
    }
}
