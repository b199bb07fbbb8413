import Foundation
import VanThuText

/// Reads the name of an organisational unit that starts at a folded offset, as the receiving unit of
/// a deadline (`về Ban Tuyên giáo Đảng ủy Khối`, `(qua Ban Dân vận Huyện ủy)`): a capitalised head
/// noun from `heads`, then words up to punctuation, a stop word or a second unit. This is a small
/// reader for deadlines only; the units extractor owns the full unit grammar.
package struct UnitPhraseReader {
    /// The run lexicon's receiving-unit words (`UnitLexicon.Recipients`), folded once: the heads a
    /// name starts with, and the lower-case words that may follow a lower-case word inside a name
    /// (`Ủy ban nhân dân huyện`, `Đảng ủy Khối cơ quan Dân Chính Đảng thành phố`; after a capitalised
    /// word any lower-case syllable may follow: `Dân vận`, `Huyện ủy`).
    package struct Vocabulary: Sendable {
        package let heads: FoldedPhraseTable<Bool>
        package let nameWords: FoldedPhraseTable<Bool>
        /// What goes on with a name after a comma inside it (`Cục Quản lý khám, chữa bệnh`).
        package let commaParts: FoldedPhraseTable<Bool>

        package init(_ lexicon: UnitLexicon) {
            heads = FoldedPhraseTable(Self.folded(lexicon.recipients.openings).map { ($0, true) })
            nameWords = FoldedPhraseTable(Self.folded(lexicon.recipients.nameWords).map { ($0, true) })
            commaParts = FoldedPhraseTable(Self.folded(lexicon.recipients.commaParts).map { ($0, true) })
        }

        /// Each phrase folded (`Ủy ban MTTQ` → `uy ban mttq`), once.
        static func folded(_ phrases: [String]) -> [String] {
            var seen = Set<[UInt8]>()
            var result: [String] = []
            for phrase in phrases {
                // Words joined by one space (a configuration may add 100,000 phrases: bytes, not strings).
                var words: [UInt8] = []
                for byte in FoldedText(utf8: Array(phrase.utf8)).bytes {
                    if FoldedText.isSpace(byte) {
                        if let last = words.last, last != 0x20 { words.append(0x20) }
                    } else {
                        words.append(byte)
                    }
                }
                if words.last == 0x20 { words.removeLast() }
                if !words.isEmpty, seen.insert(words).inserted { result.append(String(decoding: words, as: UTF8.self)) }
            }
            return result
        }

        package static let standard = Vocabulary(.standard)
    }

    /// A lexicon's `Vocabulary`, folded when the first document needs it, once: a configuration may
    /// add 100,000 heads, and loading it should not wait for them.
    package final class LazyVocabulary: @unchecked Sendable {
        private let units: UnitLexicon?
        private let lock = NSLock()
        private var folded: Vocabulary?

        /// The standard lexicon's words are folded already (`Vocabulary.standard`).
        package init(_ units: UnitLexicon) {
            let isStandard = units.recipients == UnitLexicon.standard.recipients
            self.units = isStandard ? nil : units
            self.folded = isStandard ? .standard : nil
        }

        package var value: Vocabulary {
            lock.lock()
            defer { lock.unlock() }
            if let folded { return folded }
            let made = Vocabulary(units ?? .standard)
            folded = made
            return made
        }
    }

    /// Words that end a unit name (folded).
    package static let stops = FoldedPhraseTable<Bool>([
        ("truoc", true), ("cham", true), ("han", true), ("trong", true), ("de", true), ("qua", true), ("theo", true),
        ("dung", true), ("kem", true), ("bang", true), ("hoac", true), ("sau", true), ("khi", true), ("ngay", true),
        ("tren", true), ("ve", true), ("cho", true), ("dong thoi", true), ("tong hop", true), ("xem", true),
        ("biet", true), ("phoi hop", true), ("thuc hien", true), ("bao cao", true), ("gui", true), ("nop", true),
        ("trinh", true), ("doi voi", true), ("chu tri", true), ("tham muu", true), ("vao", true), ("luc", true),
        ("den", true), ("neu", true), ("thi", true), ("la", true), ("co", true), ("duoc", true),
        ("de nghi", true), ("cac", true), ("nhung", true), ("mot", true), ("tat ca", true), ("chi dao", false),
        ("truoc khi", true), ("chua", true), ("va", true), ("cua", true), ("nay", true), ("do", true),
    ])

    /// Words that complete a name: a lower-case word after them starts something else.
    package static let closers = FoldedPhraseTable<Bool>([("viet nam", true)])

    /// Heads that are verbs when written in lower case (`về tổ chức Kỳ thi …`, `lãnh đạo Sở …`): only a
    /// capitalised one starts a name.
    package static let verbHeads = FoldedPhraseTable<Bool>([("to chuc", true), ("lanh dao", true), ("thanh tra", true)])

    /// Words dropped from the end of a name: `từ` (folded like `tư` of `Đầu tư`, so it cannot stop a name).
    package static let trailing = FoldedPhraseTable<Bool>([("tu", true)])
    /// Words that keep a trailing `tư`: `Đầu tư`, `Bộ Tư pháp`.
    package static let keepsTrailing = FoldedPhraseTable<Bool>([("dau tu", true), ("dau", true)])

    package static let maximumWords = 14

    package let document: TextDocument
    package let text: FoldedBytes
    package var vocabulary: Vocabulary = .standard

    package init(document: TextDocument, text: FoldedBytes, vocabulary: Vocabulary = .standard) {
        self.document = document
        self.text = text
        self.vocabulary = vocabulary
    }

    /// The folded range of the unit name that starts at `start`, if one does.
    package func read(at start: Int) -> Range<Int>? {
        // A head in lower case in running text counts before a capitalised name: `về phòng Nội vụ`.
        guard let head = vocabulary.heads.match(text, at: start),
              isCapitalized(start) || (isCapitalized(text.skipSpaces(from: head.end, limit: 2))
                                       && Self.verbHeads.match(text, at: start)?.end != head.end) else { return nil }
        var end = head.end
        var words = 1
        while words < Self.maximumWords {
            // A line wrapped inside the name (`gửi về Bộ⏎Lao động - Thương binh và Xã hội`) goes on.
            var gap = end
            while text[gap] == 0x20 || text[gap] == 0x09 { gap += 1 }
            var wrapped: Int?
            if text[gap] == 0x0A { wrapped = text.continuation(afterWrapAt: gap) }
            // `Cục Quản lý khám, chữa bệnh`: a comma inside an official name, before the part that
            // the lexicon's names put after it; the name goes on to that part's end.
            // A second unit after the comma joins the recipient phrase, as after `và` (`gửi về Bộ Tài
            // chính, Kiểm toán nhà nước`: a deadline sent to two bodies has the whole phrase).
            if gap == end, text[gap] == UInt8(ascii: ","), text[gap + 1] == 0x20 {
                let after = text.skipSpaces(from: gap + 1, limit: 2)
                if isCapitalized(after), vocabulary.heads.match(text, at: after) != nil {
                    if let second = read(at: after) { end = second.upperBound }
                    break
                }
                if let part = vocabulary.commaParts.match(text, at: after), !FoldedText.isLetter(text[part.end]),
                   !FoldedText.isDigit(text[part.end]) {
                    end = part.end
                    words += 2
                    continue
                }
            }
            guard gap > end || wrapped != nil else { break }
            let next = wrapped ?? text.skipSpaces(from: gap, limit: 2)
            guard text[next] != 0x0A, !FoldedText.isSpace(text[next]) else { break }
            let first = text[next]
            if FoldedText.isDigit(first) {
                guard let number = text.number(at: next), number.digits <= 3,
                      !FoldedText.isLetter(text[number.end]) || text.wordStarting(at: number.end)?.count == 1,
                      text[number.end] != NumberToken.slash else { break }
                end = number.end
                words += 1
                continue
            }
            if first == NumberToken.dash, text[next + 1] == 0x20 || text[next + 1] == 0x0A {
                // `Sở Lao động - Thương binh và Xã hội`: a dash inside a name, before a capitalised word;
                // also where the line wraps right after the dash (`về Sở Lao động -⏎Thương binh …`).
                var after = next + 1
                while text[after] == 0x20 || text[after] == 0x09 { after += 1 }
                if text[after] == 0x0A {
                    guard let line = text.continuation(afterWrapAt: after) else { break }
                    after = text.skipSpaces(from: line, limit: 2)
                }
                guard isCapitalized(after), vocabulary.heads.match(text, at: after) == nil else { break }
                end = wordEnd(from: after)
                words += 1
                continue
            }
            guard FoldedText.isLetter(first) else { break }
            // A capitalised word inside a name is no stop word (`Ban Thi đua`, folded like `thì`).
            if let stop = Self.stops.match(text, at: next), !isCapitalized(next), isSpelled(next..<stop.end) {
                // `và` continues a name before a capitalised word that is not a new unit (`Sở Kế hoạch và Đầu tư`),
                // and before a second unit, which joins the recipient phrase (`Bộ Nội vụ và Bộ Tài chính`).
                let isAnd = stop.end - next == 2 && text[next] == UInt8(ascii: "v") && text[next + 1] == UInt8(ascii: "a")
                guard isAnd || !stop.value else { break }
                if isAnd {
                    let after = text.skipSpaces(from: stop.end, limit: 2)
                    guard isCapitalized(after) else { break }
                    if vocabulary.heads.match(text, at: after) != nil, let second = read(at: after) {
                        end = second.upperBound
                        break
                    }
                    end = wordEnd(from: after)
                    words += 2
                    continue
                }
                if !stop.value { break }
            }
            let previous = wordStart(before: end)
            // `Bảo hiểm xã hội Việt Nam danh sách …`: a name that ends in a country's name is complete,
            // but for the level of its branch (`Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh`).
            if !isCapitalized(next), Self.closers.match(text, endingAt: end) != nil {
                guard let level = Self.levels.match(text, at: next), !FoldedText.isLetter(text[level.end]),
                      isSpelled(next..<level.end) else { break }
                end = level.end
                words += 1
                continue
            }
            if !isCapitalized(next) && (!isCapitalized(previous) || isAcronym(previous..<end)) {
                guard let phrase = vocabulary.nameWords.match(text, at: next), isSpelled(next..<phrase.end) else {
                    // `Hội Cựu chiến binh tỉnh`: a name word of several words whose first is capitalised
                    // (`Cựu`) goes on in lower case to its end.
                    if let phrase = nameWordStarted(before: next, after: head.end) {
                        end = phrase
                        words += 1
                        continue
                    }
                    if let glued = gluedLevelEnd(at: next) { end = glued }
                    break
                }
                end = phrase.end
                words += 1
                continue
            }
            end = wordEnd(from: next)
            words += 1
        }
        while let last = Self.trailing.match(text, endingAt: end), last.start > head.end,
              Self.keepsTrailing.match(text, endingAt: end) == nil {
            end = text.skipSpacesBack(from: last.start, limit: 2)
        }
        return start..<end
    }

    /// The levels of a branch that may follow a name ending in a closer (`… Việt Nam huyện`).
    package static let levels = FoldedPhraseTable<Bool>([
        ("tinh", true), ("huyen", true), ("xa", true), ("phuong", true), ("quan", true), ("thi xa", true),
        ("thi tran", true), ("thanh pho", true),
    ])

    /// The end of a name word of several words (`cựu chiến binh`) that starts at one of the two words
    /// before `next` (after the head) and runs past `next`, or nil.
    package func nameWordStarted(before next: Int, after headEnd: Int) -> Int? {
        var start = next
        for _ in 0..<2 {
            let end = text.skipSpacesBack(from: start, limit: 2)
            guard end < start, end > headEnd else { return nil }
            start = wordStart(before: end)
            guard start < end, start >= headEnd else { return nil }
            if let phrase = vocabulary.nameWords.match(text, at: start), phrase.end > next,
               !FoldedText.isLetter(text[phrase.end]), isSpelled(start..<phrase.end) {
                return phrase.end
            }
        }
        return nil
    }

    /// Level words that end a name and may lose the space before a trigger (folded).
    package static let gluedLevels: [[UInt8]] = ["huyen", "tinh", "xa", "phuong", "quan"].map { Array($0.utf8) }

    /// `Phòng Nội vụ huyệntrước ngày …`, `Ban Dân vận tỉnhchậm nhất …`: a level word glued to the
    /// trigger after it (the source lost the space) still ends the name; where it ends.
    package func gluedLevelEnd(at start: Int) -> Int? {
        let wordEnd = wordEnd(from: start)
        let nextWordEnd = self.wordEnd(from: text.skipSpaces(from: wordEnd, limit: 2))
        for level in Self.gluedLevels where level.indices.allSatisfy({ text[start + $0] == level[$0] }) {
            let split = start + level.count
            guard split < wordEnd, isSpelled(start..<split) else { continue }
            for end in [wordEnd, nextWordEnd] {
                if let trigger = DeadlineLexicon.gluedTriggers.match(text, endingAt: end, gluedStart: true), trigger.start == split {
                    return split
                }
            }
        }
        return nil
    }

    /// Whether the word at `range` is spelled as `DeadlineLexicon.spellings` wants, when it lists it.
    package func isSpelled(_ range: Range<Int>) -> Bool {
        DeadlineLexicon.spellings.allows(text, range, in: document)
    }

    /// `GD-ĐT`, `UBND`: an abbreviation, after which a lower-case word is no longer part of the name.
    package func isAcronym(_ range: Range<Int>) -> Bool {
        var capitals = 0
        for offset in range where FoldedText.isLetter(text[offset]) {
            guard isCapitalized(offset) else { return false }
            capitals += 1
        }
        return capitals >= 2
    }

    /// The start of the word that ends at `end`.
    package func wordStart(before end: Int) -> Int {
        var i = end
        while i > 0, FoldedText.isLetter(text[i - 1]) || FoldedText.isDigit(text[i - 1]) { i -= 1 }
        return i
    }

    /// A word of a name: letters and digits, with inner hyphens (`CT-XH`).
    package func wordEnd(from start: Int) -> Int {
        var i = start
        while i < text.count {
            let byte = text[i]
            if FoldedText.isLetter(byte) || FoldedText.isDigit(byte) { i += 1; continue }
            if byte == NumberToken.dash || byte == UInt8(ascii: "&"), FoldedText.isLetter(text[i + 1]),
               FoldedText.isLetter(text[i - 1]) { i += 1; continue }
            break
        }
        return i
    }

    /// Whether the letter at folded offset `offset` is upper case in the original text.
    package func isCapitalized(_ offset: Int) -> Bool {
        guard offset < text.count, FoldedText.isLetter(text[offset]) else { return false }
        let byte = Int(document.folded.origin[offset])
        let lead = document.utf8[byte]
        if lead < 0x80 { return lead >= 65 && lead <= 90 }
        var value: UInt32
        var length: Int
        if lead & 0xE0 == 0xC0 { value = UInt32(lead & 0x1F); length = 2 }
        else if lead & 0xF0 == 0xE0 { value = UInt32(lead & 0x0F); length = 3 }
        else { value = UInt32(lead & 0x07); length = 4 }
        guard byte + length <= document.utf8.count else { return false }
        for k in 1..<length { value = value << 6 | UInt32(document.utf8[byte + k] & 0x3F) }
        return Unicode.Scalar(value)?.properties.isUppercase ?? false
    }
}
