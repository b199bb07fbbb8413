import Foundation

/// Unicode clean-up of decoded text: CRLF and lone CR → LF; NFC per paragraph (Foundation's
/// normalisation is quadratic on long strings, so never a whole document at once, and text that
/// is already NFC is skipped); Ð/ð (eth, often typed for Đ) → Đ/đ; NBSP and other spaces → space;
/// zero-width characters, soft hyphens, BOMs and stray C0 controls removed; trailing blanks trimmed.
public enum UnicodeCleaner {
    public static func clean(_ text: String) -> String {
        var out = String()
        out.reserveCapacity(text.utf8.count)
        var paragraph = String.UnicodeScalarView()
        var needsNFC = false
        var pendingCR = false

        func flush(_ out: inout String, _ paragraph: inout String.UnicodeScalarView, _ needsNFC: inout Bool) {
            // Trim trailing blanks of the line.
            while let last = paragraph.last, last == " " || last == "\t" { paragraph.removeLast() }
            let line = String(paragraph)
            out += needsNFC ? line.precomposedStringWithCanonicalMapping : line
            paragraph.removeAll(keepingCapacity: true)
            needsNFC = false
        }

        for scalar in text.unicodeScalars {
            let value = scalar.value
            if pendingCR {
                pendingCR = false
                if value == 0x0A { continue }
            }
            switch value {
            case 0x0D:
                flush(&out, &paragraph, &needsNFC); out += "\n"; pendingCR = true
            case 0x0A:
                flush(&out, &paragraph, &needsNFC); out += "\n"
            case 0x09:
                paragraph.append(" ")
            case 0x0C, 0x0B:
                flush(&out, &paragraph, &needsNFC); out += "\n"
            case 0x00...0x1F, 0x7F:
                continue
            case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                paragraph.append(" ")
            case 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF:
                continue
            case 0xD0:
                paragraph.append("\u{110}")
            case 0xF0:
                paragraph.append("\u{111}")
            default:
                if !needsNFC && !isNFCStable(value) { needsNFC = true }
                paragraph.append(scalar)
            }
        }
        flush(&out, &paragraph, &needsNFC)
        return out
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
