import VanThuText

/// Bytes → Unicode text, by the reader of the file's format (`FormatRegistry`): what the bytes are
/// is detected there, by their signature or their name. For plain text: byte order marks first;
/// bytes with NULs are UTF-16 when they have its pattern, else binary; valid UTF-8 is UTF-8;
/// anything else goes to the `EncodingDetector`, which tells TCVN3, VNI, VISCII and Windows-1258
/// apart by how Vietnamese each reading looks. What cannot be decoded with confidence is refused,
/// so nothing is archived as mojibake.
public struct DecodeStage: Stage {
    public var name: StageName { .decode }
    /// The formats read.
    public var formats = FormatRegistry.standard
    /// The most bytes a format may make of a file (an unpacked gzip, a .docx's text):
    /// `limits.maxFileBytes`.
    public var maxBytes: Int
    /// How PDFs and scans are read: pipeline.json's `ocr` section and `limits.maxPages`.
    package var ocr = OCRSettings()

    /// `maxBytes` defaults to the default of `limits.maxFileBytes`, 64 MB.
    public init(maxBytes: Int = 64 << 20) { self.maxBytes = maxBytes }

    public func run(_ raw: RawDocument) throws(StageFailure) -> DecodedDocument {
        let reading: FormatReading
        do { reading = try formats.read(raw.bytes, named: raw.format, maxBytes: maxBytes, ocr: ocr) } catch {
            throw StageFailure(.decode, error.reason)
        }
        return DecodedDocument(raw: raw.withoutBytes, text: reading.text, encoding: reading.encoding, hints: reading.hints, format: reading.format)
    }

    /// The text of a file's bytes and the name of their encoding, or the reason they are refused.
    public func decode(_ bytes: [UInt8]) throws(StageFailure) -> (text: String, encoding: String) {
        try Self.decode(bytes, detector: EncodingDetector())
    }

    /// `decode` with the given detector (`TextReader` keeps one).
    static func decode(_ bytes: [UInt8], detector: EncodingDetector) throws(StageFailure) -> (text: String, encoding: String) {
        // UTF-32's little-endian mark starts with UTF-16LE's: it goes first.
        if let utf32 = UTF32.byteOrderMark(bytes) {
            guard let decoded = utf32.decodeCounting(bytes.dropFirst(4)), decoded.unmappedBytes == 0 else {
                throw StageFailure(.decode, "UTF-32 byte order mark, but the text after it is not valid UTF-32")
            }
            return (decoded.text, utf32.name)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let utf16 = UTF16(littleEndian: bytes[0] == 0xFF)
            guard let decoded = utf16.decodeCounting(bytes.dropFirst(2)), decoded.unmappedBytes == 0 else {
                throw StageFailure(.decode, "UTF-16 byte order mark, but the text after it is not valid UTF-16")
            }
            return (decoded.text, utf16.name)
        }
        var body = bytes[...]
        let hasUTF8BOM = body.starts(with: [0xEF, 0xBB, 0xBF])
        if hasUTF8BOM { body = body.dropFirst(3) }
        // One pass finds the NULs and counts the control bytes; the UTF-8 check is the one that
        // making the string does.
        let census = ControlCensus(body)
        if !hasUTF8BOM, let nul = census.firstNUL {
            if let utf32 = UTF32.detectByteOrder(EncodingDetector.sample(bytes, size: detector.sampleSize)),
               let decoded = utf32.decodeCounting(bytes[...]), decoded.unmappedBytes == 0,
               Self.controlRatio(decoded.text.utf8) <= 0.01 {
                return (decoded.text, utf32.name)
            }
            if let utf16 = UTF16.detectByteOrder(EncodingDetector.sample(bytes, size: detector.sampleSize)),
               let decoded = utf16.decodeCounting(bytes[...]), decoded.unmappedBytes == 0,
               Self.controlRatio(decoded.text.utf8) <= 0.01 {
                return (decoded.text, utf16.name)
            }
            // Text extracted from PDFs sometimes carries a stray NUL: rare NULs in valid UTF-8 are
            // dropped by the cleaner, not a reason to refuse the file.
            if census.nuls * 10_000 < bytes.count, Self.firstInvalidUTF8(body) == nil, census.ratio <= 0.01 {
                return (String(decoding: body, as: UTF8.self), "utf-8")
            }
            throw StageFailure(.decode, "binary file (NUL byte at offset \(nul))")
        }
        if let text = Self.validUTF8(body) {
            if census.ratio > 0.01 {
                throw StageFailure(.decode, "binary file (more than 1% control characters)")
            }
            return (text, "utf-8")
        }
        let invalidAt = Self.firstInvalidUTF8(body) ?? 0
        if hasUTF8BOM {
            throw StageFailure(.decode, "UTF-8 byte order mark, but not valid UTF-8 (first bad byte at offset \(invalidAt + 3))")
        }
        if Self.isCutUTF8(body, invalidAt: invalidAt) {
            throw StageFailure(.decode, "UTF-8 that ends in the middle of a character (a truncated file?)")
        }
        switch detector.detect(bytes) {
        case .identified(let encoding, _):
            guard let decoded = encoding.decodeCounting(bytes[...]) else {
                throw StageFailure(.decode, "not valid UTF-8, and not readable as \(encoding.name) either")
            }
            // The sample decided; the rest of the file must not be full of bytes the encoding lacks.
            if decoded.unmappedBytes > bytes.count / 1000 {
                throw StageFailure(.decode, "read as \(encoding.name), but \(decoded.unmappedBytes) bytes are not defined in it")
            }
            return (decoded.text, encoding.name)
        case .refused(let reason, _):
            if Self.looksBinary(bytes) {
                throw StageFailure(.decode, "binary file: not text in any encoding VanThu reads (few letters, invalid UTF-8 from offset \(invalidAt))")
            }
            throw StageFailure(.decode, "not valid UTF-8 (first bad byte at offset \(invalidAt)); its 8-bit encoding could not be identified with confidence: \(reason)")
        }
    }

    /// The bytes as a string if they are valid UTF-8: one validating pass, then a copy (the common
    /// case, so it must be fast); `firstInvalidUTF8` locates the fault only when there is one.
    package static func validUTF8(_ bytes: ArraySlice<UInt8>) -> String? {
        bytes.withUnsafeBufferPointer { UTF8Validation.string($0) }
    }

    /// Offset of the first byte that breaks UTF-8, or nil when the bytes are valid UTF-8.
    public static func firstInvalidUTF8<C: Collection>(_ bytes: C) -> Int? where C.Element == UInt8, C.Index == Int {
        if let offset = bytes.withContiguousStorageIfAvailable(firstInvalidUTF8(in:)) { return offset }
        return ContiguousArray(bytes).withUnsafeBufferPointer(firstInvalidUTF8(in:))
    }

    /// `firstInvalidUTF8` over contiguous bytes. The DFA of `UTF8Validation` answers whether there
    /// is a fault (the common answer is no); when there is one, it is located sequence by sequence:
    /// other sequences than ASCII checked by their lead byte and the second
    /// byte's range (no overlong forms, surrogates or values past U+10FFFF).
    private static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if UTF8Validation.isValid(bytes) { return nil }
        guard let start = bytes.baseAddress else { return nil }
        func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
        var index = 0
        let end = bytes.count
        while index < end {
            let lead = start[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            switch lead {
            case 0xC2...0xDF:
                guard index + 2 <= end, isContinuation(start[index + 1]) else { return index }
                index += 2
            case 0xE0...0xEF:
                guard index + 3 <= end else { return index }
                let second = start[index + 1]
                guard isContinuation(second), isContinuation(start[index + 2]),
                      lead != 0xE0 || second >= 0xA0, lead != 0xED || second < 0xA0 else { return index }
                index += 3
            case 0xF0...0xF4:
                guard index + 4 <= end else { return index }
                let second = start[index + 1]
                guard isContinuation(second), isContinuation(start[index + 2]), isContinuation(start[index + 3]),
                      lead != 0xF0 || second >= 0x90, lead != 0xF4 || second < 0x90 else { return index }
                index += 4
            default:
                return index
            }
        }
        return nil
    }

    /// Whether bytes that are valid UTF-8 up to `invalidAt` stop there in the middle of a character
    /// (a lead byte and too few continuation bytes, at the very end).
    package static func isCutUTF8(_ bytes: ArraySlice<UInt8>, invalidAt: Int) -> Bool {
        let start = bytes.startIndex + invalidAt
        let tail = bytes[start...]
        guard invalidAt > 0, let lead = tail.first, tail.count < 4 else { return false }
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return false
        }
        return tail.count < length && tail.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
    }

    /// Share of bytes that are C0 controls other than tab, newline, carriage return and form feed.
    package static func controlRatio<C: Collection>(_ bytes: C) -> Double where C.Element == UInt8 {
        guard !bytes.isEmpty else { return 0 }
        var controls = 0
        for byte in bytes where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
        return Double(controls) / Double(bytes.count)
    }

    /// The NULs and control bytes of a file's bytes, counted in one pass:
    /// `controls` counts what `controlRatio` counts (C0 controls but tab, newline, carriage return
    /// and form feed; NUL among them), so `ratio` equals `controlRatio` of the same bytes.
    package struct ControlCensus {
        package var controls = 0
        package var nuls = 0
        /// Offset of the first NUL from the start of the bytes counted.
        package var firstNUL: Int?
        package var count = 0

        package var ratio: Double { count == 0 ? 0 : Double(controls) / Double(count) }

        package init(_ bytes: ArraySlice<UInt8>) {
            let total = bytes.count
            count = total
            bytes.withUnsafeBufferPointer { buffer in
                for index in 0..<total { tally(buffer[index], at: index) }
            }
        }

        @inline(__always)
        private mutating func tally(_ byte: UInt8, at index: Int) {
            guard byte < 0x20 else { return }
            switch byte {
            case 0x09, 0x0A, 0x0C, 0x0D: return
            case 0:
                nuls += 1
                if firstNUL == nil { firstNUL = index }
            default: break
            }
            controls += 1
        }
    }

    /// Random or compiled data: many control bytes, or high bytes with hardly any text structure.
    package static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(65536)
        if controlRatio(sample) > 0.05 { return true }
        var letters = 0
        var spaces = 0
        for byte in sample {
            if (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) { letters += 1 }
            if byte == 0x20 || byte == 0x0A { spaces += 1 }
        }
        let count = Double(sample.count)
        // Text in any 8-bit Latin encoding is mostly ASCII letters and spaces.
        return Double(letters + spaces) / count < 0.4
    }
}
