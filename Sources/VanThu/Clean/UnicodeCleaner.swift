import Foundation

/// Unicode clean-up of decoded text, by a scan over its UTF-8 bytes: CRLF, lone CR, form and line
/// feeds → LF; NFC per line (Foundation's normalisation is quadratic on long strings, so never a
/// whole document at once, and lines that are already NFC are not touched); Ð/ð (eth, often typed
/// for Đ) → Đ/đ; NBSP and other spaces → space; zero-width characters, soft hyphens, BOMs and C0/C1
/// controls removed; trailing blanks trimmed.
public enum UnicodeCleaner {
    public static func clean(_ text: String) -> String {
        var text = text
        return text.withUTF8 { clean(bytes: $0) }
    }

    public static func clean(bytes input: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var lineStart = 0          // start of the current line in `out`
        var needsNFC = false
        var index = 0
        let count = input.count

        func endLine(_ out: inout [UInt8]) {
            while out.count > lineStart, out[out.count - 1] == 0x20 { out.removeLast() }
            if needsNFC {
                let line = String(decoding: out[lineStart...], as: UTF8.self).precomposedStringWithCanonicalMapping
                out.removeSubrange(lineStart...)
                out.append(contentsOf: line.utf8)
                needsNFC = false
            }
        }

        while index < count {
            let byte = input[index]
            if byte < 0x80 {
                index += 1
                switch byte {
                case 0x0A, 0x0B, 0x0C:
                    endLine(&out); out.append(0x0A); lineStart = out.count
                case 0x0D:
                    endLine(&out); out.append(0x0A); lineStart = out.count
                    if index < count && input[index] == 0x0A { index += 1 }
                case 0x09: out.append(0x20)
                case 0x00...0x1F, 0x7F: continue
                default: out.append(byte)
                }
                continue
            }
            // Decode one multi-byte scalar (the input is valid UTF-8).
            var length = 2
            var value = UInt32(byte & 0x1F)
            if byte >= 0xF0 { length = 4; value = UInt32(byte & 0x07) } else if byte >= 0xE0 { length = 3; value = UInt32(byte & 0x0F) }
            if index + length > count { break }
            for k in 1..<length { value = value << 6 | UInt32(input[index + k] & 0x3F) }
            switch value {
            case 0x80...0x9F, 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF:
                break  // C1 controls, soft hyphen, zero-width characters, BOM
            case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                out.append(0x20)
            case 0x2028, 0x2029:
                endLine(&out); out.append(0x0A); lineStart = out.count
            case 0xD0:
                out.append(0xC4); out.append(0x90)  // Ð → Đ
            case 0xF0:
                out.append(0xC4); out.append(0x91)  // ð → đ
            default:
                if !needsNFC && !isNFCStable(value) { needsNFC = true }
                for k in 0..<length { out.append(input[index + k]) }
            }
            index += length
        }
        endLine(&out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Scalars that NFC leaves alone whatever surrounds them: no combining marks, no singletons,
    /// no Hangul jamo. Vietnamese precomposed letters (U+00C0–U+01B0, U+1EA0–U+1EF9) are among them.
    @inline(__always)
    static func isNFCStable(_ value: UInt32) -> Bool {
        if value < 0x300 { return true }
        if value >= 0x1E00 && value <= 0x1EFF { return true }
        if value >= 0x2010 && value <= 0x2125 { return true }
        if value >= 0x2190 && value <= 0x2328 { return true }
        if value >= 0x2400 && value <= 0x2FFF { return true }
        if value >= 0xE000 && value <= 0xF8FF { return true }
        if value >= 0x1F300 && value <= 0x1FAFF { return true }
        return false
    }
}
