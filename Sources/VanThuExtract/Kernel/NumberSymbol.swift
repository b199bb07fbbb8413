import VanThuText

/// A document's number and symbol as written after `Số`: `374 - CV/HU`, `123/UBND-VP`,
/// `11/2023/TT-BLĐTBXH`, `05- CT/TW`, `01/2022/TTLT-VKSNDTC-⏎TANDTC`. Read by hand from UTF-8
/// bytes: the number, then separators (`/`, `-`, dashes; spaces around them and a line break after
/// them are allowed) each followed by a segment of upper-case letters and digits. `id` is the
/// whole without spaces, dashes unified: `374-CV/HU`.
public struct NumberSymbol: Sendable, Equatable {
    /// Byte range in the text, from the first digit to the end of the last segment.
    public var range: Range<Int>
    public var id: String
    public var number: String
    /// The segments after the number, in order (`["2015", "NĐ", "CP"]`).
    public var segments: [String]
    /// The separator before each segment (`/` or `-`).
    public var separators: [UInt8]

    /// The four-digit year segment right after the number, if any.
    public var year: String? {
        guard let first = segments.first, first.utf8.count == 4, first.utf8.allSatisfy({ FoldedText.isDigit($0) }),
              separators.first == UInt8(ascii: "/") else { return nil }
        return first
    }

    /// The segments that contain letters (type code and issuer codes).
    public var letterSegments: [String] {
        segments.filter { $0.utf8.contains { !FoldedText.isDigit($0) } }
    }

    /// Party form: number `-` type `/` issuer (`374-CV/HU`).
    public var isPartyForm: Bool { separators.first == UInt8(ascii: "-") }

    /// The type code, if the first letter segment is one (`CV`, `KH`, `NĐ`, `TT`).
    public func typeCode(in lexicon: DocumentLexicon) -> String? {
        guard let first = letterSegments.first else { return nil }
        return lexicon.typeName(code: first) != nil ? first : nil
    }

    /// The issuer codes: the letter segments after the type code (`HU`; `UBND`, `VP`; `BTCTU`, `BDVTU`).
    public func issuerCodes(in lexicon: DocumentLexicon) -> [String] {
        let letters = letterSegments
        if let code = typeCode(in: lexicon), letters.first == code { return Array(letters.dropFirst()) }
        return letters
    }

    /// Whether the symbol has the shape of a document symbol on its own, without `số` before it:
    /// two letter segments, or a year and a letter segment.
    public var isStrongShape: Bool {
        letterSegments.count >= 2 || (year != nil && !letterSegments.isEmpty)
    }

    /// Parses a number-symbol starting at byte `start` (which must be a digit).
    public static func parse(_ bytes: [UInt8], at start: Int, mixedCase: Set<String> = DocumentLexicon.standard.mixedCaseCodes)
        -> NumberSymbol? {
        bytes.withUnsafeBufferPointer { parse($0, at: start, mixedCase: mixedCase) }
    }

    public static func parse(_ p: UnsafeBufferPointer<UInt8>, at start: Int, mixedCase: Set<String>) -> NumberSymbol? {
        let count = p.count
        guard start < count, FoldedText.isDigit(p[start]) else { return nil }
        // Not in the middle of a word or number.
        if start > 0, isASCIIAlnum(p[start - 1]) || p[start - 1] >= 0x80 && isLetterBefore(p, start) { return nil }
        var index = start
        var number: [UInt8] = []
        while index < count {
            let byte = p[index]
            if FoldedText.isDigit(byte) { number.append(byte); index += 1; continue }
            // "66.16": a dot between digits stays part of the number.
            if byte == UInt8(ascii: "."), index + 1 < count, FoldedText.isDigit(p[index + 1]), !number.isEmpty {
                number.append(byte); index += 1; continue
            }
            break
        }
        // A letter right after the digits ("12a") is part of the number only before a separator.
        if index < count, isASCIILower(p[index]), index + 1 < count, p[index + 1] == UInt8(ascii: "/") {
            number.append(p[index]); index += 1
        }
        var segments: [String] = []
        var separators: [UInt8] = []
        var end = index
        var id = number
        while true {
            var k = end
            k = skipSpaces(p, k, allowNewline: false)
            guard k < count, let (separator, width) = separatorAt(p, k) else { break }
            k += width
            k = skipSpaces(p, k, allowNewline: true)
            guard let (segment, segmentEnd) = readSegment(p, k, mixedCase: mixedCase) else { break }
            segments.append(segment)
            separators.append(separator)
            id.append(separator)
            id.append(contentsOf: segment.utf8)
            end = segmentEnd
        }
        guard !segments.isEmpty,
              segments.contains(where: { $0.utf8.contains { !FoldedText.isDigit($0) } }) else { return nil }
        return NumberSymbol(range: start..<end, id: String(decoding: id, as: UTF8.self),
                            number: String(decoding: number, as: UTF8.self), segments: segments, separators: separators)
    }

    // MARK: - bytes

    @inline(__always) package static func isASCIIUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    @inline(__always) package static func isASCIILower(_ b: UInt8) -> Bool { FoldedText.isLetter(b) }
    @inline(__always) package static func isASCIIAlnum(_ b: UInt8) -> Bool { FoldedText.isDigit(b) || isASCIIUpper(b) || isASCIILower(b) }

    /// Whether the scalar ending right before `index` is a letter (non-ASCII lead byte case).
    package static func isLetterBefore(_ p: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        var k = index - 1
        while k > 0 && p[k] & 0xC0 == 0x80 { k -= 1 }
        guard let (value, _) = decode(p, k) else { return false }
        return VietnameseLetters.parts(value) != nil
    }

    package static func decode(_ p: UnsafeBufferPointer<UInt8>, _ index: Int) -> (UInt32, Int)? {
        let lead = p[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        var length = 0
        var value: UInt32 = 0
        if lead & 0xE0 == 0xC0 { length = 2; value = UInt32(lead & 0x1F) }
        else if lead & 0xF0 == 0xE0 { length = 3; value = UInt32(lead & 0x0F) }
        else if lead & 0xF8 == 0xF0 { length = 4; value = UInt32(lead & 0x07) }
        else { return nil }
        guard index + length <= p.count else { return nil }
        for k in 1..<length { value = value << 6 | UInt32(p[index + k] & 0x3F) }
        return (value, length)
    }

    /// Spaces (and NBSP); a single line break too when `allowNewline`.
    package static func skipSpaces(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, allowNewline: Bool) -> Int {
        var k = start
        var spaces = 0
        var newlines = 0
        while k < p.count {
            let b = p[k]
            if b == 0x20 || b == 0x09 { k += 1; spaces += 1 }
            else if b == 0xC2, k + 1 < p.count, p[k + 1] == 0xA0 { k += 2; spaces += 1 }
            else if b == 0x0A && allowNewline && newlines == 0 { k += 1; newlines += 1 }
            else { break }
            if spaces > 3 { return start }
        }
        return k
    }

    /// OCR's misreadings of abbreviations, as UTF-8: what was read and what is meant.
    private static let ocrSlips: [([UInt8], [UInt8])] = VietnameseFolding.ocrAbbreviationSlips.map { (Array($0.read.utf8), Array($0.meant.utf8)) }

    /// When an abbreviation misread by OCR starts at `k` (and ends there, before no letter): its
    /// length in bytes and the abbreviation meant.
    private static func ocrSlip(_ p: UnsafeBufferPointer<UInt8>, _ k: Int) -> (Int, [UInt8])? {
        for (read, meant) in ocrSlips where k + read.count <= p.count {
            guard (0..<read.count).allSatisfy({ p[k + $0] == read[$0] }) else { continue }
            let next = k + read.count
            if next < p.count, isASCIIAlnum(p[next]) || p[next] >= 0x80 { continue }
            return (read.count, meant)
        }
        return nil
    }

    /// `/`, `-`, en or em dash, minus sign, or Unicode hyphen at `k`: the separator and its byte width.
    package static func separatorAt(_ p: UnsafeBufferPointer<UInt8>, _ k: Int) -> (UInt8, Int)? {
        let b = p[k]
        if b == UInt8(ascii: "/") { return (b, 1) }
        if b == UInt8(ascii: "-") { return (b, 1) }
        if b == 0xE2, k + 2 < p.count, p[k + 1] == 0x80, (0x90...0x94).contains(p[k + 2]) { return (UInt8(ascii: "-"), 3) }
        if b == 0xE2, k + 2 < p.count, p[k + 1] == 0x88, p[k + 2] == 0x92 { return (UInt8(ascii: "-"), 3) }
        return nil
    }

    /// A segment: upper-case letters (with Đ) and digits, lower-case letters only in the known
    /// mixed-case codes; it must end where the word ends. An abbreviation as OCR misreads it
    /// (`ƯBND`, `VietnameseFolding.ocrAbbreviationSlips`) is read as the abbreviation; other
    /// horned capitals are kept out (`NQ/TƯ` is written so).
    package static func readSegment(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, mixedCase: Set<String>) -> (String, Int)? {
        var k = start
        var bytes: [UInt8] = []
        var lower = 0
        // A misread abbreviation that starts with an ASCII letter (`BCDĐ`) is the whole segment.
        if let (read, meant) = ocrSlip(p, k), p[k] < 0x80 {
            bytes.append(contentsOf: meant); k += read
        }
        while k < p.count {
            let b = p[k]
            if FoldedText.isDigit(b) || isASCIIUpper(b) {
                bytes.append(b); k += 1
            } else if isASCIILower(b) {
                bytes.append(b); k += 1; lower += 1
            } else if b == 0xC4, k + 1 < p.count, p[k + 1] == 0x90 || p[k + 1] == 0x91 {
                bytes.append(0xC4); bytes.append(0x90); k += 2  // đ typed for Đ in "Qđ"
            } else if b >= 0x80, let (read, meant) = ocrSlip(p, k) {
                bytes.append(contentsOf: meant); k += read  // OCR's "ƯBND" for UBND
            } else if b >= 0x80, let (value, _) = decode(p, k), VietnameseLetters.parts(value) != nil {
                return nil  // a Vietnamese letter: this is a word, not a code
            } else {
                break
            }
        }
        guard !bytes.isEmpty else { return nil }
        let segment = String(decoding: bytes, as: UTF8.self)
        // Lower-case letters only in known mixed-case codes ("TTg", "QyĐ"); else it is a word ("Nghi").
        if lower > 0 && !mixedCase.contains(segment) { return nil }
        return (segment, k)
    }
}
