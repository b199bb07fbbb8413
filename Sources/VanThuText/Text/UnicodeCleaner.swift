import Foundation

/// Unicode clean-up of decoded text, by a scan over its UTF-8 bytes: CRLF, lone CR, form and line
/// feeds → LF; NFC per line (Foundation's normalisation is quadratic on long strings, so never a
/// whole document at once, and lines that are already NFC are not touched); Ð/ð (eth, often typed
/// for Đ) → Đ/đ; NBSP and other spaces → space; zero-width characters, soft hyphens, BOMs and C0/C1
/// controls removed; trailing blanks trimmed; `&nbsp` and `&amp` left by a site's export read as
/// what they stand for.
public enum UnicodeCleaner {
    public static func clean(_ text: String) -> String {
        var text = text
        return text.withUTF8 { clean(bytes: $0) }
    }

    public static func clean(bytes input: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: cleanedBytes(input), as: UTF8.self)
    }

    /// The cleaned text as UTF-8 bytes: valid UTF-8 when `input` is, so callers that go on
    /// working on bytes make a `String` once, at the end.
    package static func cleanedBytes(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // Every step but NFC writes at most as many bytes as it reads, so output sized like the
        // input is enough; a line that NFC makes longer than that grows it and the scan resumes.
        var out = [UInt8](repeating: 0, count: input.count)
        var scan = Scan()
        while !out.withUnsafeMutableBufferPointer({ scan.run(input, into: $0) }) {
            out.append(contentsOf: repeatElement(0, count: max(out.count, 64)))
        }
        out.removeSubrange(scan.written...)
        replaceEntityResidue(&out)
        return out
    }

    /// The HTML entities a site's text export or a copy and paste left in the text, often without
    /// their `;` (`quán&nbspbar`, `T&ampT Group`, `Sở VH,TT&ampDL`): `&nbsp` reads as the space the
    /// page showed and `&amp` as `&`. Only these two, in lower case: the ones such texts hold, and
    /// words no Vietnamese text spells. In place (the text only gets shorter); `memchr` finds each
    /// `&`, so a text without one costs one fast pass.
    package static func replaceEntityResidue(_ bytes: inout [UInt8]) {
        let count = bytes.count
        let kept = bytes.withUnsafeMutableBufferPointer { p -> Int in
            guard let base = p.baseAddress else { return 0 }
            var read = 0
            var write = 0
            var spaced = false
            while read < count, let found = memchr(base + read, 0x26, count - read) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                guard let (length, replacement) = entityResidue(p, at: at) else {
                    let end = at + 1
                    if write != read { memmove(base + write, base + read, end - read) }
                    write += end - read
                    read = end
                    continue
                }
                if write != read { memmove(base + write, base + read, at - read) }
                write += at - read
                read = at + length
                if replacement == 0x20 { spaced = true }
                p[write] = replacement
                write += 1
            }
            if write != read { memmove(base + write, base + read, count - read) }
            let length = write + (count - read)
            return spaced ? trimmingLineEnds(UnsafeMutableBufferPointer(rebasing: p[..<length])) : length
        }
        bytes.removeSubrange(kept...)
    }

    /// Drops the blanks before each `\n` and at the end, in place; returns the new length (a space
    /// an entity stood for may end a line, and lines end without blanks).
    private static func trimmingLineEnds(_ p: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var write = 0
        for read in 0..<p.count {
            if p[read] == 0x0A { while write > 0 && p[write - 1] == 0x20 { write -= 1 } }
            p[write] = p[read]
            write += 1
        }
        while write > 0 && p[write - 1] == 0x20 { write -= 1 }
        return write
    }

    /// The entity at `at` (an `&`): its length with its `;` if it has one, and the byte it stands for.
    private static func entityResidue(_ p: UnsafeMutableBufferPointer<UInt8>, at: Int) -> (Int, UInt8)? {
        for (name, replacement) in entityNames {
            guard at + name.count <= p.count,
                  p[at..<(at + name.count)].elementsEqual(name) else { continue }
            let end = at + name.count
            return (end < p.count && p[end] == UInt8(ascii: ";") ? name.count + 1 : name.count, replacement)
        }
        return nil
    }

    private static let entityNames: [(name: [UInt8], replacement: UInt8)] = [
        (Array("&nbsp".utf8), 0x20), (Array("&amp".utf8), UInt8(ascii: "&")),
    ]

    /// The state of a scan, kept across the runs that growing the output takes.
    private struct Scan {
        var index = 0              // next input byte
        var written = 0            // output bytes
        var lineStart = 0          // start of the current line in the output
        var needsNFC = false

        /// Cleans from `index` to the end of `input`: true when done, false when a line's NFC
        /// form does not fit in `out` (then the scan stopped before that line's end).
        mutating func run(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Bool {
            let count = input.count
            while index < count {
                // Copy the run of bytes that need nothing, in one go.
                let runStart = index
                index = UnicodeCleaner.endOfPlainRun(input, from: index)
                if index > runStart {
                    (out.baseAddress! + written).update(from: input.baseAddress! + runStart, count: index - runStart)
                    written += index - runStart
                    if index == count { break }
                }
                let byte = input[index]
                if byte < 0x80 {
                    switch byte {
                    case 0x0A, 0x0B, 0x0C, 0x0D:
                        guard endLine(input, out) else { return false }
                        index += 1
                        if byte == 0x0D && index < count && input[index] == 0x0A { index += 1 }
                    case 0x09:
                        out[written] = 0x20; written += 1
                        index += 1
                    default:
                        index += 1  // C0 control, DEL
                    }
                    continue
                }
                // Any other scalar: decode it (the input is valid UTF-8).
                var length = 2
                var value = UInt32(byte & 0x1F)
                if byte >= 0xF0 { length = 4; value = UInt32(byte & 0x07) } else if byte >= 0xE0 { length = 3; value = UInt32(byte & 0x0F) }
                if index + length > count { break }
                for k in 1..<length { value = value << 6 | UInt32(input[index + k] & 0x3F) }
                switch value {
                case 0x80...0x9F, 0xAD, 0x200B...0x200D, 0x2060, 0xFEFF:
                    break  // C1 controls, soft hyphen, zero-width characters, BOM
                case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                    out[written] = 0x20; written += 1
                case 0x2028, 0x2029:
                    guard endLine(input, out) else { return false }
                case 0xD0:
                    out[written] = 0xC4; out[written + 1] = 0x90; written += 2  // Ð → Đ
                case 0xF0:
                    out[written] = 0xC4; out[written + 1] = 0x91; written += 2  // ð → đ
                default:
                    if !needsNFC && !isNFCStable(value) { needsNFC = true }
                    for k in 0..<length { out[written + k] = input[index + k] }
                    written += length
                }
                index += length
            }
            return endLine(input, out, final: true)
        }

        /// Ends the current line: trailing spaces go, NFC if needed, then a `\n` unless `final`.
        /// False, with nothing changed that matters, when the NFC form does not fit.
        private mutating func endLine(_ input: UnsafeBufferPointer<UInt8>, _ out: UnsafeMutableBufferPointer<UInt8>,
                                      final: Bool = false) -> Bool {
            while written > lineStart, out[written - 1] == 0x20 { written -= 1 }
            if needsNFC {
                var line = String(decoding: UnsafeBufferPointer(rebasing: out[lineStart..<written]), as: UTF8.self)
                    .precomposedStringWithCanonicalMapping
                let fits = line.withUTF8 { nfc in
                    // Room for the line and for what the rest of the input can write.
                    guard lineStart + nfc.count + (input.count - index) <= out.count else { return false }
                    for k in 0..<nfc.count { out[lineStart + k] = nfc[k] }
                    written = lineStart + nfc.count
                    return true
                }
                guard fits else { return false }
                needsNFC = false
            }
            if !final {
                out[written] = 0x0A; written += 1
                lineStart = written
            }
            return true
        }
    }

    /// The end of the run from `start` of what text is mostly made of and cleaning copies as it
    /// is: printable ASCII, and the two- and three-byte letters of Vietnamese (U+00C0–U+02FF and
    /// U+1E00–U+1EFF, but Ð and ð), which need no NFC. A byte at a time by `plainBytes`, where the
    /// continuation bytes of a letter are plain when its lead byte is.
    @inline(__always)
    package static func endOfPlainRun(_ input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let count = input.count
        var index = start
        plainBytes.withUnsafeBufferPointer { plain in
            while index < count {
                let byte = input[index]
                switch plain[Int(byte)] {
                case 0:
                    index += 1
                case 1:  // U+00C0–U+00FF: all but Ð and ð
                    guard index + 1 < count, input[index + 1] & 0xDF != 0x90 else { return }
                    index += 2
                case 2:  // U+1000–U+1FFF: U+1E00–U+1EFF
                    guard index + 2 < count, input[index + 1] & 0xFC == 0xB8 else { return }
                    index += 3
                default:
                    return
                }
            }
        }
        return index
    }

    /// For every byte: 0 when it is plain (printable ASCII, a continuation byte, the lead byte of
    /// U+0100–U+02FF), 1 for the lead of U+00C0–U+00FF, 2 for the lead of U+1000–U+1FFF, 3 when
    /// the cleaner has to look at it.
    private static let plainBytes: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x20..<0x7F, 0x80..<0xC0, 0xC4...0xCB: return 0
        case 0xC3: return 1
        case 0xE1: return 2
        default: return 3
        }
    }

    /// Scalars that NFC leaves alone whatever surrounds them: no combining marks, no singletons,
    /// no Hangul jamo. Vietnamese precomposed letters (U+00C0–U+01B0, U+1EA0–U+1EF9) are among them.
    @inline(__always)
    package static func isNFCStable(_ value: UInt32) -> Bool {
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
