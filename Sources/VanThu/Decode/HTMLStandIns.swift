import Foundation

/// libxml2's HTML parser reads text a character at a time, some eighty instructions each: most of
/// the decode stage's time on pages of Vietnamese text. So long runs of plain text are given to it
/// as short stand-ins, and the reader puts the runs back where the stand-ins come out.
///
/// A run is what follows a `>` up to the next byte that could mean anything to the parser: `<`,
/// `>`, `&`, quotes, control bytes other than tab, line feed and carriage return (which libxml2
/// drops), and the lead bytes of U+E000–U+FFFF (the stand-ins' own and U+FFFE/U+FFFF, which it
/// also drops). Its white space at either end stays in the stream (whether a piece of text is all
/// white space decides where libxml2 opens implied paragraphs), as do the `-` and `!` at its end
/// (a comment ends at `-->` or `--!>`). What is left, the run's core, is the stand-in's if it is
/// long enough to be worth it.
///
/// Wherever the parser is — in text, a script or style, a comment, a processing instruction, a
/// quoted attribute value or doctype identifier after a `>` — such a run is a sequence of ordinary
/// characters it copies one by one and never looks into, and so is a stand-in: U+E000, then the
/// run's offset (six digits) and length (three digits) in the base-64 digits below, none of which
/// means anything to it either. The events are the same but for the text they carry, in which the
/// reader expands stand-ins (in text, CDATA and the attribute values it reads; comments,
/// processing instructions and doctypes it does not read).
///
/// U+E000 in the output must be a stand-in: pages that hold it, or a character reference that
/// could make it, are streamed as they are.
enum HTMLStandIns {
    /// Runs shorter than this are left to libxml2: the stand-in is 12 bytes.
    static let minimumRun = 24
    static let length = 12
    /// Longest run one stand-in holds (three base-64 digits); the rest of a longer one is streamed as it is.
    static let maximumRun = 64 * 64 * 64 - 1
    static let lead: (UInt8, UInt8, UInt8) = (0xEE, 0x80, 0x80)

    /// Digits of the offset and length: letters, decimal digits, `+` and `.` (not `-`, which
    /// could complete a comment's end).
    static let digits: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+.".utf8)

    @inline(__always)
    static func digit(_ value: Int) -> UInt8 {
        switch value {
        case 0..<10: return UInt8(truncatingIfNeeded: value) &+ UInt8(ascii: "0")
        case 10..<36: return UInt8(truncatingIfNeeded: value - 10) &+ UInt8(ascii: "A")
        case 36..<62: return UInt8(truncatingIfNeeded: value - 36) &+ UInt8(ascii: "a")
        case 62: return UInt8(ascii: "+")
        default: return UInt8(ascii: ".")
        }
    }

    /// A digit's value, or -1.
    @inline(__always)
    static func value(_ digit: UInt8) -> Int {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(digit &- UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(digit &- UInt8(ascii: "A")) + 10
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(digit &- UInt8(ascii: "a")) + 36
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "."): return 63
        default: return -1
        }
    }

    /// Bytes that end a run (1), the others (0).
    static let stops: [UInt8] = (0...255).map { byte in
        switch byte {
        case 0x09, 0x0A, 0x0D: return 0
        case 0x00...0x1F: return 1
        case 0x22, 0x26, 0x27, 0x3C, 0x3E, 0xEE, 0xEF: return 1
        default: return 0
        }
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Whether the page can be given with stand-ins: it holds no U+E000 and no character reference
    /// whose value (read as libxml2 reads it: digits up to the first other byte) is 0xE000.
    static func canStandIn(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        /// Offsets of `byte` in the page, in order, until `body` says stop (memchr reads 32 bytes a step).
        func each(_ byte: UInt8, _ body: (Int) -> Bool) -> Bool {
            var index = 0
            while index < count, let found = memchr(base + index, Int32(byte), count - index) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if !body(at) { return false }
                index = at + 1
            }
            return true
        }
        return each(0xEE) { at in !(at + 2 < count && base[at + 1] == 0x80 && base[at + 2] == 0x80) }
            && each(0x26) { at in !(at + 1 < count && base[at + 1] == UInt8(ascii: "#") && characterReference(base, at: at + 2, count: count) == 0xE000) }
    }

    /// The value of the character reference whose digits start at `start` (after `&#`), as
    /// libxml2's htmlParseCharRef reads it; values past U+10FFFF read as 0x110000.
    static func characterReference(_ base: UnsafePointer<UInt8>, at start: Int, count: Int) -> Int {
        var index = start
        var radix = 10
        if index < count, base[index] | 0x20 == UInt8(ascii: "x") {
            radix = 16
            index += 1
        }
        var value = 0
        while index < count {
            let byte = base[index]
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = Int(byte - UInt8(ascii: "A")) + 10
            default: return value
            }
            if value < 0x110000 { value = value * radix + digit }
            index += 1
        }
        return value
    }

    /// The page as libxml2 is given it, made chunk by chunk as it asks: the page's bytes, with the
    /// cores of long runs replaced by stand-ins.
    struct Source {
        let base: UnsafePointer<UInt8>
        let count: Int
        /// Next byte of the page to give.
        var position = 0
        /// Bytes of the page up to here are given as they are.
        var literalEnd = 0
        /// A run whose stand-in comes after the literal bytes.
        var nextRun: (start: Int, length: Int)?
        /// The stand-in being given, and how much of it has been.
        var standIn = [UInt8](repeating: 0, count: HTMLStandIns.length)
        var standInGiven = HTMLStandIns.length

        /// Without stand-ins, the page is given as it is.
        init(_ bytes: UnsafeBufferPointer<UInt8>, standIns: Bool) {
            base = bytes.baseAddress!
            count = bytes.count
            if !standIns { literalEnd = count }
        }

        /// Fills up to `capacity` bytes at `out`; 0 at the end of the page.
        mutating func fill(_ out: UnsafeMutablePointer<UInt8>, capacity: Int) -> Int {
            var written = 0
            while written < capacity {
                if standInGiven < HTMLStandIns.length {
                    let n = min(HTMLStandIns.length - standInGiven, capacity - written)
                    standIn.withUnsafeBufferPointer { (out + written).update(from: $0.baseAddress! + standInGiven, count: n) }
                    standInGiven += n
                    written += n
                } else if position < literalEnd {
                    let n = min(literalEnd - position, capacity - written)
                    (out + written).update(from: base + position, count: n)
                    position += n
                    written += n
                } else if let run = nextRun {
                    HTMLStandIns.encode(run, into: &standIn)
                    standInGiven = 0
                    position = run.start + run.length
                    literalEnd = position
                    nextRun = nil
                } else if position < count {
                    plan()
                } else {
                    break
                }
            }
            return written
        }

        /// Finds the next run worth a stand-in: the page's bytes up to its core are given as they are.
        private mutating func plan() {
            HTMLStandIns.stops.withUnsafeBufferPointer { stops in
                var index = position
                while index < count {
                    // The next `>`.
                    guard let close = memchr(base + index, 0x3E, count - index) else { break }
                    var end = base.distance(to: close.assumingMemoryBound(to: UInt8.self)) + 1
                    let start = end
                    // Four bytes at a time, then the one that stops.
                    while end &+ 4 <= count, stops[Int(base[end])] | stops[Int(base[end &+ 1])] | stops[Int(base[end &+ 2])]
                                                | stops[Int(base[end &+ 3])] == 0 {
                        end &+= 4
                    }
                    while end < count, stops[Int(base[end])] == 0 { end += 1 }
                    var coreStart = start
                    while coreStart < end, HTMLStandIns.isBlank(base[coreStart]) { coreStart += 1 }
                    var coreEnd = end
                    while coreEnd > coreStart, HTMLStandIns.isBlank(base[coreEnd - 1]) || base[coreEnd - 1] == UInt8(ascii: "-")
                                                || base[coreEnd - 1] == UInt8(ascii: "!") {
                        coreEnd -= 1
                    }
                    if coreEnd - coreStart > HTMLStandIns.maximumRun {
                        // At a character's first byte.
                        coreEnd = coreStart + HTMLStandIns.maximumRun
                        while base[coreEnd] & 0xC0 == 0x80 { coreEnd -= 1 }
                    }
                    if coreEnd - coreStart >= HTMLStandIns.minimumRun {
                        literalEnd = coreStart
                        nextRun = (coreStart, coreEnd - coreStart)
                        return
                    }
                    index = end
                }
                literalEnd = count
            }
        }
    }

    /// Each digit's value, -1 for other bytes.
    static let digitValues: [Int8] = (0...255).map { Int8(value(UInt8($0))) }

    static func encode(_ run: (start: Int, length: Int), into standIn: inout [UInt8]) {
        digits.withUnsafeBufferPointer { digits in
            standIn.withUnsafeMutableBufferPointer { standIn in
                standIn[0] = lead.0
                standIn[1] = lead.1
                standIn[2] = lead.2
                var offset = run.start
                for k in stride(from: 8, through: 3, by: -1) {
                    standIn[k] = digits[offset & 63]
                    offset >>= 6
                }
                var length = run.length
                for k in stride(from: 11, through: 9, by: -1) {
                    standIn[k] = digits[length & 63]
                    length >>= 6
                }
            }
        }
    }

    /// The run a stand-in's twelve bytes name, or nil if they are not one within `count` bytes.
    static func decode(_ standIn: UnsafePointer<UInt8>, count: Int) -> (start: Int, length: Int)? {
        guard standIn[0] == lead.0, standIn[1] == lead.1, standIn[2] == lead.2 else { return nil }
        return digitValues.withUnsafeBufferPointer { values in
            // A byte that is not a digit makes the OR of the values negative.
            var start = 0
            var length = 0
            var all = 0
            for k in 3..<9 {
                let digit = Int(values[Int(standIn[k])])
                all |= digit
                start = start << 6 | digit
            }
            for k in 9..<12 {
                let digit = Int(values[Int(standIn[k])])
                all |= digit
                length = length << 6 | digit
            }
            guard all >= 0, start + length <= count else { return nil }
            return (start, length)
        }
    }

    /// Puts runs back where their stand-ins come out of libxml2, in the pieces of text its callbacks
    /// give (a stand-in can be cut between two of them, as any text can).
    struct Expander {
        let page: UnsafeBufferPointer<UInt8>
        /// The start of a stand-in that the last piece ended in.
        var partial = [UInt8]()

        init(page: UnsafeBufferPointer<UInt8>) {
            self.page = page
            partial.reserveCapacity(HTMLStandIns.length)
        }

        /// Calls `body` with the text of `piece`, in order, stand-ins replaced by their runs. Only a
        /// stand-in's lead can be U+E000 here. libxml2 gives whole characters, so a stand-in can be
        /// cut between two pieces only after its lead; a cut anywhere is put together all the same.
        mutating func expand(_ piece: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            guard let base = piece.baseAddress else { return }
            let count = piece.count
            var index = 0
            // What the last piece began.
            while !partial.isEmpty && index < count {
                partial.append(base[index])
                index += 1
                if partial.count == 3 && (partial[1] != HTMLStandIns.lead.1 || partial[2] != HTMLStandIns.lead.2) {
                    // Not a stand-in after all.
                    partial.withUnsafeBufferPointer { body($0) }
                    partial.removeAll(keepingCapacity: true)
                } else if partial.count == HTMLStandIns.length {
                    partial.withUnsafeBufferPointer { emit($0, body) }
                    partial.removeAll(keepingCapacity: true)
                }
            }
            var literal = index
            while index < count, let found = memchr(base + index, Int32(HTMLStandIns.lead.0), count - index) {
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                let available = count - at
                if available >= 3, base[at + 1] != HTMLStandIns.lead.1 || base[at + 2] != HTMLStandIns.lead.2 {
                    index = at + 1
                    continue
                }
                if at > literal { body(UnsafeBufferPointer(start: base + literal, count: at - literal)) }
                if available < HTMLStandIns.length {
                    // Cut between two pieces: finished by the next.
                    partial.append(contentsOf: UnsafeBufferPointer(start: base + at, count: available))
                    return
                }
                emit(UnsafeBufferPointer(start: base + at, count: HTMLStandIns.length), body)
                index = at + HTMLStandIns.length
                literal = index
            }
            if count > literal { body(UnsafeBufferPointer(start: base + literal, count: count - literal)) }
        }

        private func emit(_ standIn: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            if let run = HTMLStandIns.decode(standIn.baseAddress!, count: page.count) {
                body(UnsafeBufferPointer(rebasing: page[run.start..<(run.start + run.length)]))
            } else {
                body(standIn)
            }
        }

        /// A whole value (an attribute's) with its stand-ins replaced.
        func expanded(_ value: UnsafePointer<UInt8>) -> [UInt8] {
            var copy = self
            copy.partial.removeAll()
            var out: [UInt8] = []
            var length = 0
            while value[length] != 0 { length += 1 }
            copy.expand(UnsafeBufferPointer(start: value, count: length)) { out.append(contentsOf: $0) }
            out.append(contentsOf: copy.partial)
            return out
        }
    }
}
