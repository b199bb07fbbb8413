import VanThuText

/// Runs the unit grammar (`UnitParser`) only where a unit name can start, without tokenising the
/// whole text: one pass over the UTF-8 bytes, eight at a time, stops at capital letters that begin
/// a word, computes their key, and where one starts a head, a position or a law's title (its first
/// two words are checked; or a lower-case head such as `trường` stands before the capital) the
/// words around it are tokenised (from the start of a short line, or a few words before, to a few
/// dozen words after, across line breaks) and the parser takes one step there. A window is reused
/// while later candidates fall inside it, and read again wider when a step came near its end.
/// A capitalised place name after a locality noun also sends the scanner a few words back, to a
/// head written in lower case ("công an xã Bình Lâm"; the parser reads such names only within
/// that reach).
/// `UnitScannerTests` checks that this finds what a full pass of the parser finds.
package struct UnitScanner {
    package let lexicon: UnitLexicon

    package struct Result {
        package var mentions: [UnitParser.Mention] = []
        package var people: [UnitParser.Person] = []
    }

    /// Byte classes: 0 separator, 1 part of a word (lower case ASCII, digits, UTF-8 letters and
    /// continuation bytes, combining marks), 2 upper-case ASCII letter.
    private static let classes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for b in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(b)] = 1 }
        for b in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(b)] = 1 }
        for b in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(b)] = 2 }
        for b in 0x80...0xBF { table[b] = 1 }           // continuation bytes
        for b in [0xC3, 0xC4, 0xC5, 0xC6, 0xCC, 0xCD, 0xE1] { table[b] = 1 }  // Latin letters, marks
        return table
    }()

    package static let before = 24
    /// Words looked back from a locality noun for a lower-case head.
    package static let lookBack = 6
    package static let after = 128
    package static let margin = 64
    package static let shortLine = 160

    package func scan(_ document: TextDocument) -> Result {
        let utf8 = document.utf8
        var quotes: QuoteSpans?
        var result = Result()
        // The current window: its byte range and the end of its line; one parser for the document.
        var windowRange = 0..<0
        var windowLineEnd = 0
        var parser: UnitParser?
        /// The bytes that the parser's words were read from.
        var tokensRange = 0..<0

        /// One parser step at byte `start`; returns the byte to continue scanning from.
        func step(at start: Int) -> Int {
            let reusable = parser != nil && start >= windowRange.lowerBound && start < windowRange.upperBound
                && (start + Self.after / 2 <= windowRange.upperBound || windowRange.upperBound >= windowLineEnd)
            if !reusable { open(window(utf8, around: start)) }
            let parser = parser!
            let found = (parser.mentions.count, parser.people.count)
            var i = parser.tokens.firstToken(atOrAfter: start)
            parser.readToEnd = false
            var next = parser.step(at: i) ?? (i + 1)
            // Look-ahead past the end of a name is a few words (a person's name, a locality); the
            // topic of a steering committee reads further and says so.
            let endByte = next < parser.tokens.count ? Int(parser.tokens[next].start) : windowRange.upperBound
            if windowRange.upperBound < windowLineEnd && (windowRange.upperBound - endByte < Self.margin || parser.readToEnd) {
                // The step read to the window's end: the name may go on; read again with the line.
                parser.rollBack(mentions: found.0, people: found.1)
                var high = min(windowLineEnd, start + 6 * Self.after)
                while high < utf8.count && high < windowLineEnd && Self.classes[Int(utf8[high])] != 0 { high += 1 }
                open((windowRange.lowerBound..<high, windowLineEnd))
                i = parser.tokens.firstToken(atOrAfter: start)
                next = parser.step(at: i) ?? (i + 1)
            }
            if next < parser.tokens.count { return Int(parser.tokens[next].start) }
            return windowRange.upperBound
        }

        func open(_ window: (Range<Int>, lineEnd: Int)) {
            windowRange = window.0
            windowLineEnd = window.lineEnd
            let range = window.0
            let scalarBase = document.scalarOffset(ofByte: range.lowerBound)
            if quotes == nil { quotes = QuoteSpans(utf8) }
            if let parser {
                // Windows overlap: the words of the last one are read again only where they must be.
                let tokens = WordTokens(utf8: utf8, range: range, scalarBase: scalarBase, reusing: parser.tokens, of: tokensRange)
                tokensRange = range
                parser.retarget(tokens, quotes: quotes!)
            } else {
                let tokens = WordTokens(utf8: utf8, range: range, scalarBase: scalarBase)
                tokensRange = range
                parser = UnitParser(tokens: tokens, lexicon: lexicon, utf8: utf8, quotes: quotes)
            }
        }

        VietnameseLetters.withTable { table in
            utf8.withUnsafeBufferPointer { p in
                let count = p.count
                guard count > 0 else { return }
                /// Bytes before this were read by the parser: no step starts there again.
                var handledUntil = 0
                var k = 0

                /// A capital letter at `start`: if it begins a word, the scanner's work there; returns
                /// where to go on.
                func visit(_ start: Int) -> Int {
                    guard Self.startsWord(p, start, table) else { return start + 1 }
                    let (key, end) = WordTokens.wordKey(p, at: start, table)
                    var resume = max(end, start + 1)
                    // A lower-case head before this capital ("trường Tiểu học") goes first.
                    var consumed = false
                    // ("bệnh viện Mắt": a head of two words starts the word before that.)
                    func lowercaseHead(_ word: Int) -> Bool {
                        lexicon.lowercaseStartBytes[Int(p[word])]
                            && lexicon.lowercaseStartWords.contains(WordTokens.wordKey(p, at: word, table).key)
                    }
                    if let previous = Self.previousWord(p, before: start), previous >= handledUntil {
                        var head: Int? = lowercaseHead(previous) ? previous : nil
                        if head == nil, let before = Self.previousWord(p, before: previous), before >= handledUntil,
                           lowercaseHead(before) {
                            head = before
                        }
                        if let head {
                            let next = step(at: head)
                            consumed = next > start
                            resume = max(next, resume)
                        }
                    }
                    if !consumed, let next = lowercaseHeadBeforeLocality(start) {
                        consumed = true
                        resume = max(next, resume)
                    }
                    if !consumed && opens(p, key: key, end: end, table) {
                        resume = max(step(at: start), resume)
                    }
                    if resume > end { handledUntil = resume }
                    return resume
                }

                /// A lower-case head a few words before a locality noun and the place name or number at
                /// `start` ("chi bộ công an xã Bình Lâm", "chi hội phụ nữ thôn 3"): the farthest that
                /// makes a name goes first. Returns where to go on when one did.
                func lowercaseHeadBeforeLocality(_ start: Int) -> Int? {
                    guard let previous = Self.previousWord(p, before: start), previous >= handledUntil,
                          lexicon.localityWords.contains(WordTokens.wordKey(p, at: previous, table).key) else { return nil }
                    var candidates: [Int] = []
                    var cursor = previous
                    for _ in 0..<Self.lookBack {
                        guard let word = Self.previousWord(p, before: cursor), word >= handledUntil,
                              !Self.isCapital(p, word) else { break }
                        if lexicon.lowercaseLocalityHeadWords.contains(WordTokens.wordKey(p, at: word, table).key) {
                            candidates.append(word)
                        }
                        cursor = word
                    }
                    for candidate in candidates.reversed() {
                        let next = step(at: candidate)
                        if next > start { return next }
                    }
                    return nil
                }

                /// A figure at `start`: only a locality's number ends a lower-case name there.
                func visitNumber(_ start: Int) -> Int {
                    guard Self.startsWord(p, start, table) else { return start + 1 }
                    let end = WordTokens.wordKey(p, at: start, table).end
                    guard let next = lowercaseHeadBeforeLocality(start) else { return max(end, start + 1) }
                    handledUntil = max(handledUntil, next)
                    return max(next, end)
                }

                Self.capitalLeads.withUnsafeBufferPointer { capitalLeads in
                    while k < count {
                        if capitalLeads[Int(p[k])] && Self.isCapital(p, k) {
                            k = visit(k)
                        } else if FoldedText.isDigit(p[k]) {
                            k = visitNumber(k)
                        } else {
                            k += 1
                        }
                    }
                }
            }
        }
        if let parser {
            result.mentions = parser.mentions
            result.people = parser.people
        }
        return result
    }

    /// Whether a head, a position or a law word starts with the word of key `key` (ending at
    /// `end`): a one-word one, or a longer one whose second word follows.
    @inline(__always)
    private func opens(_ p: UnsafeBufferPointer<UInt8>, key: UInt64, end: Int, _ table: UnsafeBufferPointer<UInt16>) -> Bool {
        if lexicon.startSingles.contains(key) { return true }
        guard lexicon.startWords.contains(key) else { return false }
        var next = end
        var breaks = 0
        while next < p.count && (p[next] == 0x20 || (p[next] == 0x0A && breaks == 0)) {
            if p[next] == 0x0A { breaks += 1 }
            next += 1
        }
        // A phrase written with a period of its own ("T.Ư").
        if next == end, next + 1 < p.count, p[next] == 0x2E { next += 1 }
        guard next > end, next < p.count, Self.classes[Int(p[next])] != 0 else { return false }
        let (second, _) = WordTokens.wordKey(p, at: next, table)
        return lexicon.startPairs.contains(PhraseTable<Bool>.pairKey(key, second))
    }

    /// The bytes an upper-case letter can start with (`isCapital` decides): one table lookup a
    /// byte skips the rest, where comparing each byte's range mispredicted on most letters.
    private static let capitalLeads: [Bool] = (0...255).map { byte in
        (0x41...0x5A).contains(byte) || [0xC3, 0xC4, 0xC5, 0xC6, 0xE1].contains(byte)
    }

    /// Whether the scalar at `k` is an upper-case letter, from its first bytes only.
    @inline(__always)
    package static func isCapital(_ p: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        let b = p[k]
        if b < 0x80 { return b >= 0x41 && b <= 0x5A }
        guard k + 1 < p.count else { return false }
        let c = p[k + 1]
        switch b {
        case 0xC3: return c >= 0x80 && c <= 0x9E && c != 0x97         // À … Þ, not ×
        case 0xC4, 0xC5: return c & 1 == 0                            // Ă Đ Ĩ …: even code points
        case 0xC6: return c == 0xA0 || c == 0xAF                      // Ơ Ư
        case 0xE1:
            guard k + 2 < p.count, c == 0xBA || c == 0xBB || c == 0xB8 || c == 0xB9 else { return false }
            return p[k + 2] & 1 == 0                                  // Ạ … Ỹ: even code points
        default: return false
        }
    }

    /// Whether the scalar before `k` is not a letter, digit or combining mark.
    @inline(__always)
    package static func startsWord(_ p: UnsafeBufferPointer<UInt8>, _ k: Int, _ table: UnsafeBufferPointer<UInt16>) -> Bool {
        guard k > 0 else { return true }
        let before = p[k - 1]
        if before < 0x80 { return classes[Int(before)] == 0 }
        var lead = k - 1
        while lead > 0 && p[lead] & 0xC0 == 0x80 && k - lead < 4 { lead -= 1 }
        guard let (value, _) = NumberSymbol.decode(p, lead) else { return true }
        if value >= 0x300 && value <= 0x36F { return false }
        var packed: UInt16 = 0
        if value >= 0xC0 && value < 0x1C0 { packed = table[Int(value - 0xC0)] }
        else if value >= 0x1E00 && value < 0x1F00 { packed = table[0x100 + Int(value - 0x1E00)] }
        return packed & (1 << 14) == 0
    }

    /// The start of the word before the one at `start`, when only spaces separate them.
    package static func previousWord(_ p: UnsafeBufferPointer<UInt8>, before start: Int) -> Int? {
        var k = start - 1
        guard k > 0, p[k] == 0x20 else { return nil }
        while k > 0 && p[k] == 0x20 { k -= 1 }
        guard classes[Int(p[k])] != 0 else { return nil }
        var wordStart = k
        while wordStart > 0 && classes[Int(p[wordStart - 1])] != 0 && k - wordStart < 32 { wordStart -= 1 }
        // Continuation bytes count as word bytes: step forward to a scalar's first byte.
        while wordStart < k && p[wordStart] & 0xC0 == 0x80 { wordStart += 1 }
        return wordStart
    }

    /// Whether the scalar at `k` (a UTF-8 lead byte) is an upper-case letter.
    @inline(__always)
    package static func isUppercaseLetter(_ p: UnsafeBufferPointer<UInt8>, _ k: Int, _ table: UnsafeBufferPointer<UInt16>) -> Bool {
        let lead = p[k]
        var value: UInt32
        var length: Int
        if lead & 0xE0 == 0xC0 { length = 2; value = UInt32(lead & 0x1F) }
        else if lead & 0xF0 == 0xE0 { length = 3; value = UInt32(lead & 0x0F) }
        else { return false }
        guard k + length <= p.count else { return false }
        for i in 1..<length { value = value << 6 | UInt32(p[k + i] & 0x3F) }
        var packed: UInt16 = 0
        if value >= 0xC0 && value < 0x1C0 { packed = table[Int(value - 0xC0)] }
        else if value >= 0x1E00 && value < 0x1F00 { packed = table[0x100 + Int(value - 0x1E00)] }
        return packed & (1 << 14) != 0 && packed & (1 << 13) != 0
    }

    /// The word before is separated from this one by spaces only (and it ends where they start).
    package static func onlySpaces(_ p: UnsafeBufferPointer<UInt8>, from previous: Int, to start: Int) -> Bool {
        var k = start - 1
        guard k > previous, p[k] == 0x20 else { return false }
        while k > previous && p[k] == 0x20 { k -= 1 }
        return classes[Int(p[k])] != 0
    }

    /// The words around `start`: from the start of its line (or a few words before it, in a long
    /// line) to a few dozen words after it, across line breaks (text wrapped inside a name), on
    /// word boundaries. `lineEnd` is how far a window could grow (the end of the text).
    private func window(_ utf8: [UInt8], around start: Int) -> (Range<Int>, lineEnd: Int) {
        var lineStart = start
        while lineStart > 0 && utf8[lineStart - 1] != 0x0A && start - lineStart <= Self.shortLine { lineStart -= 1 }
        var low = lineStart
        if start - lineStart > Self.shortLine || (lineStart > 0 && utf8[lineStart - 1] != 0x0A) {
            low = max(lineStart, start - Self.before)
            while low > 0 && Self.classes[Int(utf8[low - 1])] != 0 { low -= 1 }
            // Continuation bytes of punctuation (“ …) count as word bytes: start on a scalar.
            while low > 0 && utf8[low] & 0xC0 == 0x80 { low -= 1 }
        }
        var high = min(utf8.count, start + Self.after)
        while high < utf8.count && Self.classes[Int(utf8[high])] != 0 { high += 1 }
        return (low..<high, utf8.count)
    }
}
