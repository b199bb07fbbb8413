/// UTF-8 validation at a few instructions a byte, for the decode stage, which checks every input
/// file and every page's text: a shift-based DFA (Per Vognsen, "Shift-based DFAs"). Each byte
/// value has one 64-bit row holding, for every state, the next state at that state's bit offset;
/// the state is an offset, so a step is one load and one shift, with no branch.
///
/// Valid means what the standard library accepts: no overlong forms, no surrogates, nothing past
/// U+10FFFF, no sequence cut short.
package enum UTF8Validation {
    /// States, as bit offsets in a row. `error` is never left.
    private static let accept: UInt64 = 0, error: UInt64 = 6
    /// One, two or three continuation bytes expected (80–BF).
    private static let continuation1: UInt64 = 12, continuation2: UInt64 = 18, continuation3: UInt64 = 24
    /// After E0 (A0–BF next: no overlong form), ED (80–9F: no surrogate), F0 (90–BF: no overlong
    /// form), F4 (80–8F: nothing past U+10FFFF).
    private static let afterE0: UInt64 = 30, afterED: UInt64 = 36, afterF0: UInt64 = 42, afterF4: UInt64 = 48
    private static let states: [UInt64] = [accept, error, continuation1, continuation2, continuation3, afterE0, afterED, afterF0, afterF4]

    /// The state after `byte` in `state` (the table is built from this).
    private static func next(_ state: UInt64, _ byte: UInt8) -> UInt64 {
        let isContinuation = byte & 0xC0 == 0x80
        switch state {
        case accept:
            switch byte {
            case 0x00...0x7F: return accept
            case 0xC2...0xDF: return continuation1
            case 0xE0: return afterE0
            case 0xED: return afterED
            case 0xE1...0xEF: return continuation2
            case 0xF0: return afterF0
            case 0xF1...0xF3: return continuation3
            case 0xF4: return afterF4
            default: return error
            }
        case continuation1: return isContinuation ? accept : error
        case continuation2: return isContinuation ? continuation1 : error
        case continuation3: return isContinuation ? continuation2 : error
        case afterE0: return (0xA0...0xBF).contains(byte) ? continuation1 : error
        case afterED: return (0x80...0x9F).contains(byte) ? continuation1 : error
        case afterF0: return (0x90...0xBF).contains(byte) ? continuation2 : error
        case afterF4: return (0x80...0x8F).contains(byte) ? continuation2 : error
        default: return error
        }
    }

    /// Row of each byte value: the next state of every state, at that state's offset.
    private static let rows: [UInt64] = (0...255).map { byte in
        states.reduce(0) { row, state in row | next(state, UInt8(byte)) << state }
    }

    /// What a scan found: whether the bytes are valid UTF-8, and whether they are all ASCII.
    package struct Scan {
        package var isValid: Bool
        package var isASCII: Bool
    }

    package static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        rows.withUnsafeBufferPointer { rows in
            // Only the low six bits are the state: a shift by it (masked to six bits) moves the
            // next state's field to the bottom.
            var state: UInt64 = accept
            var high: UInt8 = 0
            for byte in bytes {
                high |= byte
                state = rows[Int(byte)] &>> state
            }
            let isValid = state & 63 == accept
            return Scan(isValid: isValid, isASCII: isValid && high < 0x80)
        }
    }

    package static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { scan(bytes).isValid }

    /// The bytes as a string when they are valid UTF-8: checked here once, and not again by the
    /// standard library, which copies them as they are.
    package static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.isEmpty else { return "" }
        let scan = scan(bytes)
        guard scan.isValid else { return nil }
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            return String(copying: UTF8Span(unchecked: Span(_unsafeElements: bytes), isKnownASCII: scan.isASCII))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Bytes known to be valid UTF-8 (made of pieces that were checked, joined at ASCII) as a
    /// string, without checking them again: only whether they are all ASCII is looked at.
    package static func knownValidString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        assert(isValid(bytes), "not valid UTF-8")
        guard !bytes.isEmpty else { return "" }
        if #available(macOS 26, iOS 26, tvOS 26, watchOS 26, visionOS 26, *) {
            let isASCII = !bytes.contains { $0 >= 0x80 }
            return String(copying: UTF8Span(unchecked: Span(_unsafeElements: bytes), isKnownASCII: isASCII))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `string`, or the bytes with what breaks UTF-8 replaced by U+FFFD as `String(decoding:as:)` does.
    package static func repairingString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        string(bytes) ?? String(decoding: bytes, as: UTF8.self)
    }
}
