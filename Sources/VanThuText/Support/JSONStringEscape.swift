/// The escapes of a JSON string (RFC 8259, section 7), read in one place: `JSONValue.parse`
/// reads them while parsing, and the search index while it folds a record's text straight out of
/// the record's JSON a piece at a time.
public enum JSONStringEscape {
    public struct Failure: Error, Equatable, Sendable {
        /// Where the escape went wrong, in the bytes given.
        public var offset: Int
        public var reason: String
    }

    /// Decodes the escape whose backslash is at `position` in `bytes`, appends the UTF-8 of what it
    /// stands for to `out`, and moves `position` past it. A `\u` high surrogate followed by a `\u`
    /// low surrogate is one scalar; a lone surrogate stands for U+FFFD.
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at position: inout Int,
                              into out: inout [UInt8]) throws(Failure) {
        guard position + 1 < bytes.count else { throw Failure(offset: position, reason: "unterminated string") }
        let escape = bytes[position + 1]
        position += 2
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "u"):
            var scalar = try hex4(bytes, at: &position)
            if (0xD800..<0xDC00).contains(scalar), position + 1 < bytes.count,
               bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                position += 2
                let low = try hex4(bytes, at: &position)
                guard (0xDC00..<0xE000).contains(low) else { throw Failure(offset: position, reason: "bad surrogate pair") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            UTF8.encode(Unicode.Scalar(scalar) ?? "\u{FFFD}") { out.append($0) }
        default: throw Failure(offset: position, reason: "bad escape")
        }
    }

    /// Four hexadecimal digits at `position`, which moves past them.
    static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, at position: inout Int) throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw Failure(offset: position, reason: "short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw Failure(offset: position, reason: "bad \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }
}
