import Foundation
import VanThuText

/// Drops the lines of site chrome that text dumps of web pages carry around the article: visitor
/// counters, login prompts, SharePoint commands and field labels, image file names, portal footers
/// with address, phone and e-mail. The rules are data; each has an id that says why a line went.
public struct ChromeFilter: Sendable {
    public struct Rule: Sendable {
        public enum Test: Sendable {
            /// The whole line equals one of these (compared search-folded).
            case exactly([String])
            /// The line starts with one of these (search-folded), then a colon, a bar, only a number,
            /// or nothing: a label with its value.
            case label([String])
            /// The line starts with one of these (search-folded), whatever follows.
            case startsWith([String])
            /// The line contains one of these (search-folded).
            case contains([String])
            /// A single file name of an image.
            case imageFileName
            /// A short line of bare ASCII words and numbers with no Vietnamese letter ("15 3 mohinh").
            case bareAsciiLabel
            /// One of these (search-folded), then only a date and weekday words, no clock time: a
            /// portal's "today" line (`Hôm nay, ngày 17 tháng 2 năm 2019`). With `atTopOnly`, only
            /// before any line of the page is kept (`Thứ Năm, 02/05/2024` above the menu; under a
            /// headline the same line is the article's byline).
            case dateLine([String], atTopOnly: Bool)
        }

        public var id: String
        public var test: Test
        /// Kinds of document whose own text such a line is (a dispatch's `ĐT:`, `Email:` lines):
        /// the line is chrome only in documents of other kinds, decided once the kind is known.
        public var keptIn: Set<DocumentKind> = []

        public init(id: String, test: Test, keptIn: Set<DocumentKind> = []) {
            self.id = id; self.test = test; self.keptIn = keptIn
        }
    }

    /// A line the filter took out (or, for a kind-dependent rule, set aside until the kind is
    /// known), with the rule that did it: what was dropped stays recoverable.
    /// The record keeps them (`Record.droppedLines`, stored but not archived; `vanthu show ID
    /// --dropped` prints them).
    public struct DroppedLine: JSONSchemaObject, Sendable, Equatable {
        /// The line's index among the lines of the text the filter read (0-based).
        public var line: Int
        /// The id of the rule that dropped it (`chrome.contact`, `chrome.counter` …).
        public var rule: String
        public var text: String
        public init(rule: String, text: String, line: Int) { self.rule = rule; self.text = text; self.line = line }

        public static let fields: [JSONField<DroppedLine>] = [
            .member("line", \.line, default: 0), .member("rule", \.rule, default: ""), .member("text", \.text, default: ""),
        ]
        public static let blank = DroppedLine(rule: "", text: "", line: 0)
    }

    /// What filtering dropped: counts by rule and the lines themselves.
    public struct Log: Sendable {
        public var counts: [String: Int] = [:]
        public var lines: [DroppedLine] = []
        /// Keep the lines of kind-dependent rules (marked `KeptLine.pendingRule`) instead of
        /// dropping them.
        public var deferKindDependent: Bool
        public init(deferKindDependent: Bool) { self.deferKindDependent = deferKindDependent }
    }

    /// The rules whose lines are the text of documents of some kinds, by id.
    public static let keptInByRule: [String: Set<DocumentKind>] = Dictionary(
        uniqueKeysWithValues: rules.filter { !$0.keptIn.isEmpty }.map { ($0.id, $0.keptIn) })

    public static let rules: [Rule] = [
        Rule(id: "chrome.counter", test: .label([
            "dang online", "dang truy cap", "hom nay", "hom qua", "trong tuan", "tuan truoc", "trong thang",
            "thang truoc", "tat ca", "tong truy cap", "tong luot truy cap", "luot truy cap", "luot nguoi xem",
            "luot xem", "so luot nguoi doc", "so luot truy cap", "truy cap hien tai", "thong ke truy cap",
        ])),
        Rule(id: "chrome.sharepoint", test: .exactly([
            "skip ribbon commands", "skip to main content", "manage permissionsmanage permissions",
            "manage permissions", "attachments", "created at by", "last modified at by",
            "tieu de", "hinh anh", "hinh anh mo ta", "tom tat", "noi dung", "link thay the noi dung",
            "ngay xuat ban", "tin noi bat", "tac gia", "phan loai", "loai bai viet", "trang thai", "lich su",
            "so luot nguoi doc", "dang nhap", "dang xuat", "thong ke truy cap",
            "chia se", "in bai viet", "gui email", "ve dau trang",
        ])),
        // The heading of a list of other articles; the items under it that end with their own
        // date (`Hội nghị tổng kết năm 2023 (28/12/2023)`) go with it (`relatedItem`).
        Rule(id: "chrome.related", test: .label(relatedHeadings)),
        Rule(id: "chrome.sharepoint-field", test: .label(["content type"])),
        Rule(id: "chrome.login", test: .contains([
            "bam vao day de duy tri trang thai dang nhap", "ban da khong su dung site",
        ])),
        // Contact lines: a portal's footer, but a dispatch's own text (its issuer's phone, fax and
        // e-mail under the header or the signature).
        Rule(id: "chrome.contact", test: .label([
            "dien thoai", "dt", "fax", "email", "e-mail", "tru so", "dia chi", "hotline",
        ]), keptIn: [.dispatch]),
        Rule(id: "chrome.footer", test: .label([
            "co quan chu quan", "truong ban bien tap", "giay phep", "chiu trach nhiem noi dung", "chiu trach nhiem xuat ban",
        ])),
        Rule(id: "chrome.copyright", test: .startsWith([
            "ban quyen thuoc", "copyright", "(c)", "ghi ro nguon", "cong thong tin dien tu", "trang thong tin dien tu",
        ])),
        Rule(id: "chrome.today", test: .dateLine(["hom nay", "hom nay la"], atTopOnly: false)),
        Rule(id: "chrome.today", test: .dateLine([
            "thu hai", "thu ba", "thu tu", "thu nam", "thu sau", "thu bay", "chu nhat",
            "thu 2", "thu 3", "thu 4", "thu 5", "thu 6", "thu 7",
        ], atTopOnly: true)),
        Rule(id: "chrome.image-name", test: .imageFileName),
        Rule(id: "chrome.image-label", test: .bareAsciiLabel),
    ]

    /// Headings of a page's lists of other articles (folded).
    public static let relatedHeadings = [
        "tin lien quan", "bai lien quan", "cac tin lien quan", "cac bai lien quan", "tin khac", "cac tin khac",
        "tin bai khac", "cac tin bai khac", "bai viet khac", "cac bai viet khac", "cac bai khac",
        "tin cung chuyen muc", "bai cung chuyen muc", "tin moi hon", "cac tin moi hon", "tin cu hon", "cac tin cu hon",
        "tin da dua", "cac tin da dua", "xem them", "doc them", "tin moi nhat",
        // `Tin mới` over a list of the portal's latest items, each with its date.
        "tin moi", "cac tin moi", "bai moi", "tin bai moi",
    ]

    /// The id of the lines of a related list under its heading.
    public static let relatedItemRule = "chrome.related-item"

    /// Longest line (bytes) that may be an item of a related list.
    package static let relatedItemLength = 300

    /// Whether a line under a related list's heading is one of its items: a short line that ends
    /// with a date in figures, bare or in brackets (`• Ra mắt câu lạc bộ (05/10/2022)`,
    /// `Hội nghị giao ban quý III - 14-10-2022`).
    package static func isRelatedItem(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        let (start, initialEnd) = trimmed(raw)
        var end = initialEnd
        guard end - start >= 12, end - start <= relatedItemLength else { return false }
        if raw[end - 1] == UInt8(ascii: ")") || raw[end - 1] == UInt8(ascii: "]") { end -= 1 }
        var tokenStart = end
        while tokenStart > start, raw[tokenStart - 1] != 0x20, raw[tokenStart - 1] != UInt8(ascii: "("),
              raw[tokenStart - 1] != UInt8(ascii: "[") {
            tokenStart -= 1
        }
        // Words must stand before the date: a line of a date alone is a byline, not an item.
        guard tokenStart - start >= 8, end - tokenStart >= 8, end - tokenStart <= 10 else { return false }
        let token = Array(raw[tokenStart..<end])
        return token.allSatisfy { FoldedText.isDigit($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
            && ClassifyStage.hasFullNumericDate(token)
    }

    public init() {}

    /// A rule ready for matching: its words as folded bytes, grouped by their first byte.
    private struct Prepared {
        enum Kind { case exactly, label, startsWith, contains, imageFileName, bareAsciiLabel, dateLine }
        var id: String
        var kind: Kind
        var atTopOnly = false
        var words: [[UInt8]]
        /// `byFirstByte[b]`: the words that start with byte `b`, so a line is compared only with them.
        var byFirstByte: [[[UInt8]]]

        init(_ rule: Rule) {
            id = rule.id
            let words: [String]
            switch rule.test {
            case .exactly(let list): kind = .exactly; words = list
            case .label(let list): kind = .label; words = list
            case .startsWith(let list): kind = .startsWith; words = list
            case .contains(let list): kind = .contains; words = list
            case .imageFileName: kind = .imageFileName; words = []
            case .bareAsciiLabel: kind = .bareAsciiLabel; words = []
            case .dateLine(let list, let top): kind = .dateLine; words = list; atTopOnly = top
            }
            self.words = words.map { Array($0.utf8) }
            var byFirstByte = [[[UInt8]]](repeating: [], count: 256)
            for word in self.words where !word.isEmpty { byFirstByte[Int(word[0])].append(word) }
            self.byFirstByte = byFirstByte
        }
    }

    /// The rules, prepared once.
    private static let prepared: [Prepared] = rules.map(Prepared.init)

    private static let imageExtensions: [[UInt8]] = ["jpg", "jpeg", "png", "gif", "webp", "bmp"].map { Array($0.utf8) }

    /// What the rules' folding makes of a non-ASCII scalar, for U+0080–U+07FF and then
    /// U+1E00–U+1EFF: its base letter, 0x80 for any other scalar, 0 for a combining mark (dropped)
    /// and `copyrightSign` for ©.
    private static let foldTable: [UInt8] = ((UInt32(0x80)..<0x800).map(tableEntry) + (UInt32(0x1E00)..<0x1F00).map(tableEntry))
    private static let copyrightSign: UInt8 = 0xFF

    private static func tableEntry(_ value: UInt32) -> UInt8 {
        if value >= 0x300 && value <= 0x36F { return 0 }
        if value == 0xA9 { return copyrightSign }
        return VietnameseFolding.baseLetter(value: value) ?? 0x80
    }

    /// The id of the rule that marks `line` as chrome, or nil for a line of the document.
    /// `atTop`: no line of the page has been kept above this one.
    public func ruleID(for line: Substring, atTop: Bool = false) -> String? {
        var bytes = Array(line.utf8)
        return bytes.withUnsafeMutableBufferPointer { ruleID(line: UnsafeBufferPointer($0), atTop: atTop) }
    }

    /// Longest line (in bytes, trimmed) that can be chrome: longer ones are text.
    package static let maximumLineLength = 400

    /// The same for a line given as UTF-8 bytes (no newline).
    package func ruleID(line raw: UnsafeBufferPointer<UInt8>, atTop: Bool = false) -> String? {
        let (start, end) = Self.trimmed(raw)
        guard start < end, end - start <= Self.maximumLineLength else { return nil }
        let line = UnsafeBufferPointer(rebasing: raw[start..<end])
        // Folding writes at most 3 bytes for 2 (© → "(c)"), so the scratch space lives on the stack.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * Self.maximumLineLength) { scratch in
            let (count, ascii) = Self.fold(line, into: scratch.baseAddress!)
            return Self.ruleID(folded: UnsafeBufferPointer(start: scratch.baseAddress!, count: count), line: line, ascii: ascii,
                               atTop: atTop)
        }
    }

    /// The line without its blanks and leading bullets ("•", "·", "-", "*", "+", "–"), as offsets.
    private static func trimmed(_ raw: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int) {
        var start = 0
        var end = raw.count
        while true {
            while start < end && (raw[start] == 0x20 || raw[start] == 0x09) { start += 1 }
            if start < end && (raw[start] == UInt8(ascii: "-") || raw[start] == UInt8(ascii: "*") || raw[start] == UInt8(ascii: "+")) {
                start += 1; continue
            }
            if start + 2 < end && raw[start] == 0xE2 && raw[start + 1] == 0x80 && (raw[start + 2] == 0xA2 || raw[start + 2] == 0x93) {
                start += 3; continue  // • –
            }
            if start + 1 < end && raw[start] == 0xC2 && raw[start + 1] == 0xB7 { start += 2; continue }  // ·
            break
        }
        while end > start && (raw[end - 1] == 0x20 || raw[end - 1] == 0x09) { end -= 1 }
        return (start, end)
    }

    /// Folds a line for the rules: lower-case ASCII letters without diacritics, one byte per
    /// scalar (0x80 for a scalar that is not a Latin letter), combining marks dropped, © → "(c)".
    /// Returns the folded length and whether the line is all ASCII.
    private static func fold(_ line: UnsafeBufferPointer<UInt8>, into folded: UnsafeMutablePointer<UInt8>) -> (Int, Bool) {
        var written = 0
        var index = 0
        var ascii = true
        let count = line.count
        foldTable.withUnsafeBufferPointer { table in
            while index < count {
                let byte = line[index]
                if byte < 0x80 {
                    folded[written] = byte &- 65 < 26 ? byte | 0x20 : byte
                    written += 1
                    index += 1
                    continue
                }
                ascii = false
                let entry: UInt8
                if byte >= 0xC2 && byte < 0xE0 && index + 1 < count {
                    entry = table[(Int(byte & 0x1F) << 6 | Int(line[index + 1] & 0x3F)) - 0x80]
                    index += 2
                } else if byte == 0xE1 && index + 2 < count && line[index + 1] & 0xFC == 0xB8 {
                    entry = table[0x780 + (Int(line[index + 1] & 0x03) << 6 | Int(line[index + 2] & 0x3F))]
                    index += 3
                } else {
                    var length = 2
                    var value = UInt32(byte & 0x1F)
                    if byte >= 0xF0 { length = 4; value = UInt32(byte & 0x07) } else if byte >= 0xE0 { length = 3; value = UInt32(byte & 0x0F) }
                    if index + length > count { break }
                    for k in 1..<length { value = value << 6 | UInt32(line[index + k] & 0x3F) }
                    index += length
                    entry = tableEntry(value)
                }
                if entry == 0 { continue }
                if entry == copyrightSign {  // © → (c)
                    folded[written] = 0x28; folded[written + 1] = 0x63; folded[written + 2] = 0x29
                    written += 3
                    continue
                }
                folded[written] = entry
                written += 1
            }
        }
        return (written, ascii)
    }

    /// The first rule that matches a folded line (`line` is the line itself, for the rules that
    /// read it as it is).
    private static func ruleID(folded: UnsafeBufferPointer<UInt8>, line: UnsafeBufferPointer<UInt8>, ascii: Bool,
                               atTop: Bool) -> String? {
        let count = folded.count
        // Nothing left (only combining marks): every rule needs letters.
        guard count > 0, let base = folded.baseAddress else { return nil }
        @inline(__always) func startsWith(_ word: [UInt8]) -> Bool {
            guard word.count <= count else { return false }
            for k in 1..<word.count where word[k] != base[k] { return false }
            return true
        }
        let first = Int(base[0])
        // The rules are read in place: a copy of one would retain and release its arrays each line.
        return prepared.withUnsafeBufferPointer { rules -> String? in
            for rule in rules.indices {
                switch rules[rule].kind {
                case .exactly:
                    if rules[rule].byFirstByte[first].contains(where: { $0.count == count && startsWith($0) }) { return rules[rule].id }
                case .label:
                    for word in rules[rule].byFirstByte[first] where startsWith(word) {
                        // The label, then blanks, then a colon or a bar, or only a number, or nothing.
                        var at = word.count
                        while at < count && base[at] == 0x20 { at += 1 }
                        if at == count || base[at] == UInt8(ascii: ":") || base[at] == UInt8(ascii: "|") { return rules[rule].id }
                        while at < count && (FoldedText.isDigit(base[at]) || base[at] == 0x20 || base[at] == UInt8(ascii: ".") || base[at] == UInt8(ascii: ",")) {
                            at += 1
                        }
                        if at == count { return rules[rule].id }
                    }
                case .startsWith:
                    if rules[rule].byFirstByte[first].contains(where: startsWith) { return rules[rule].id }
                case .contains:
                    for word in rules[rule].words where contains(folded, word) { return rules[rule].id }
                case .imageFileName:
                    guard memchr(base, 0x20, count) == nil, let dot = folded.lastIndex(of: UInt8(ascii: ".")) else { break }
                    if imageExtensions.contains(where: { $0.elementsEqual(folded[(dot + 1)...]) }) { return rules[rule].id }
                case .bareAsciiLabel:
                    guard ascii, line.allSatisfy({ FoldedText.isLetter($0) || FoldedText.isDigit($0) || $0 == 0x20 || $0 == 0x2D || $0 == 0x5F }) else {
                        break
                    }
                    let tokens = line.split(separator: 0x20)
                    guard tokens.count >= 2, tokens.count <= 5 else { break }
                    let hasNumber = tokens.contains { $0.allSatisfy { FoldedText.isDigit($0) } }
                    let hasWord = tokens.contains { $0.count >= 4 && $0.allSatisfy { FoldedText.isLetter($0) } }
                    if hasNumber && hasWord { return rules[rule].id }
                case .dateLine:
                    guard atTop || !rules[rule].atTopOnly else { break }
                    for word in rules[rule].byFirstByte[first] where startsWith(word) && isDateRest(folded, from: word.count) {
                        return rules[rule].id
                    }
                }
            }
            return nil
        }
    }

    /// Words a "today" line may hold besides its date (folded).
    package static let dateLineWords: Set<String> = [
        "thu", "hai", "ba", "tu", "nam", "sau", "bay", "chu", "nhat", "cn", "ngay", "thang", "la",
    ]

    /// Whether the folded line from `start` on holds a date and nothing else: weekday and date words,
    /// numbers, `, / - .` — and no clock time (a byline has one).
    package static func isDateRest(_ folded: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        guard start == folded.count || !(folded[start] &- 97 < 26) else { return false }
        var digits = 0
        var word: [UInt8] = []
        for k in start...folded.count {
            let byte = k < folded.count ? folded[k] : 0x20
            if byte &- 97 < 26 { word.append(byte); continue }
            if !word.isEmpty {
                guard dateLineWords.contains(String(decoding: word, as: UTF8.self)) else { return false }
                word.removeAll(keepingCapacity: true)
            }
            if FoldedText.isDigit(byte) { digits += 1; continue }
            switch byte {
            case 0x20, 0x09, UInt8(ascii: ","), UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "|"): continue
            case UInt8(ascii: ":"): if digits > 0 { return false }  // `Hôm nay: 12/3/2024`, not `08:30`
            default: return false
            }
        }
        return digits >= 4
    }

    /// Whether `needle` occurs in `haystack`: `memchr` finds the candidates.
    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        let last = haystack.count - needle.count  // last offset where the needle fits
        var index = 0
        while index <= last, let found = haystack.firstIndex(ofByte: first, from: index), found <= last {
            if (1..<needle.count).allSatisfy({ haystack[found + $0] == needle[$0] }) { return true }
            index = found + 1
        }
        return false
    }

    /// The text without its chrome lines (blank runs they leave collapsed, ends trimmed), and how
    /// many lines each rule dropped.
    public func filter(_ text: String) -> (text: String, dropped: [String: Int]) {
        var bytes = Array(text.utf8)
        let dropped = filter(&bytes)
        return (String(decoding: bytes, as: UTF8.self), dropped)
    }

    package func filter(bytes: UnsafeBufferPointer<UInt8>) -> (text: String, dropped: [String: Int]) {
        var copy = Array(bytes)
        let dropped = filter(&copy)
        return (String(decoding: copy, as: UTF8.self), dropped)
    }

    /// The same on UTF-8 bytes, in place: the kept lines move down over the dropped ones (the
    /// output never gets ahead of the input, as it only loses bytes). Returns the dropped counts.
    package func filter(_ bytes: inout [UInt8]) -> [String: Int] {
        let folded = FoldedText(utf8: bytes)
        var dropped: [String: Int] = [:]
        let kept = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            var written = 0
            for line in keptLines(UnsafeBufferPointer(buffer), folded: folded, dropped: &dropped) {
                if written > 0 { buffer[written] = 0x0A; written += 1 }
                if line.blankBefore { buffer[written] = 0x0A; written += 1 }
                if written != line.range.lowerBound {
                    memmove(buffer.baseAddress! + written, buffer.baseAddress! + line.range.lowerBound, line.range.count)
                }
                written += line.range.count
            }
            return written
        }
        bytes.removeSubrange(kept...)
        return dropped
    }

    /// A line that filtering keeps: its bytes, its folded bytes in the `FoldedText` of the text,
    /// and whether one blank line goes before it (the first line kept has none).
    package struct KeptLine {
        package var range: Range<Int>
        package var folded: Range<Int>
        package var blankBefore: Bool
        /// The kind-dependent rule that marks the line, kept until the kind is known.
        package var pendingRule: String? = nil
        /// The line's index among the lines of the text read.
        package var line: Int = 0
    }

    /// The lines of `buffer` (split at `\n`) that are not chrome, with the blank lines between
    /// them collapsed to one and none at either end; `dropped` counts the others by rule. The
    /// filtered text is the kept lines joined by `\n`, with a second `\n` where `blankBefore` says.
    /// `folded` is the `FoldedText` of `buffer`: the rules read their folded lines from it instead
    /// of folding each line again.
    package func keptLines(_ buffer: UnsafeBufferPointer<UInt8>, folded: FoldedText, dropped: inout [String: Int]) -> [KeptLine] {
        var log = Log(deferKindDependent: false)
        let kept = keptLines(buffer, folded: folded, log: &log)
        dropped = log.counts
        return kept
    }

    /// The same, logging each dropped line with its rule; with `log.deferKindDependent`, the lines
    /// of rules that depend on the kind are kept with their rule in `KeptLine.pendingRule`.
    package func keptLines(_ buffer: UnsafeBufferPointer<UInt8>, folded: FoldedText, log: inout Log) -> [KeptLine] {
        var kept: [KeptLine] = []
        forEachKeptLine(buffer, folded: folded, log: &log) { kept.append($0) }
        return kept
    }

    /// The same, handing each kept line to `body` in order instead of gathering them: a text of a
    /// million lines is not held as a million `KeptLine`s (70 bytes each). `body` may move the
    /// bytes of the line it is given, and those before it, but no byte after the line.
    package func forEachKeptLine(_ buffer: UnsafeBufferPointer<UInt8>, folded: FoldedText, log: inout Log,
                                 _ body: (KeptLine) -> Void) {
        var scan = Scan()
        forEachKeptLine(buffer, window: 0..<buffer.count, folded: folded, last: true, scan: &scan, log: &log, body)
    }

    /// What filtering carries from one line to the next, and so from one window of a text to the next.
    package struct Scan {
        var keptCount = 0
        var lineIndex = 0
        /// Under a related list's heading, until a line that is not one of its items.
        var inRelatedList = false
        var lastBlank = true  // no blank line at the start
        var pendingBlank = false
        package init() {}
    }

    /// The same over the text a window at a time (`NormalizeStage.lineWindows`), each window
    /// folded on its own as it comes: the text's whole fold is never made. The rules read one
    /// line at a time and folding is scalar by scalar, so the lines kept and dropped are the
    /// same as with the whole text's fold. The `folded` ranges of the kept lines are in their
    /// window's fold, which is gone once the window is read.
    package func forEachKeptLine(_ buffer: UnsafeBufferPointer<UInt8>, windowBytes: Int, log: inout Log,
                                 _ body: (KeptLine) -> Void) {
        var scan = Scan()
        let windows = NormalizeStage.lineWindows(buffer, size: windowBytes)
        for (k, window) in windows.enumerated() {
            // The window's bytes are folded before any of its lines is moved (`body` moves only
            // bytes of lines already read, which lie before the window).
            let folded = FoldedText(utf8: UnsafeBufferPointer(rebasing: buffer[window]))
            forEachKeptLine(buffer, window: window, folded: folded, last: k == windows.count - 1, scan: &scan, log: &log, body)
        }
    }

    /// The lines of `window` of `buffer` (which starts the text or follows a `\n`, and ends the
    /// text when `last`, else after a `\n`), `folded` being the fold of the window's bytes;
    /// `scan` carries on from the window before. Kept lines' ranges are offsets in `buffer`.
    private func forEachKeptLine(_ buffer: UnsafeBufferPointer<UInt8>, window: Range<Int>, folded: FoldedText, last: Bool,
                                 scan: inout Scan, log: inout Log, _ body: (KeptLine) -> Void) {
        let base = window.lowerBound
        let text = UnsafeBufferPointer(rebasing: buffer[window])
        var lineStart = 0
        var foldedStart = 0
        let count = text.count
        folded.bytes.withUnsafeBufferPointer { foldedBytes in
            do {
                let origin = folded.origin
                // The text's last line, which may be empty, is read in the last window; a window
                // before ends with its last line's `\n`.
                while lineStart < count || (last && lineStart == count) {
                    let lineEnd = text.firstIndex(ofByte: 0x0A, from: lineStart) ?? count
                    // A `\n` folds to itself, so the folded lines are split as the lines are.
                    let foldedEnd = foldedBytes.firstIndex(ofByte: 0x0A, from: foldedStart) ?? foldedBytes.count
                    let line = UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd])
                    if line.allSatisfy({ $0 == 0x20 }) {
                        if !scan.lastBlank { scan.pendingBlank = true }
                    } else {
                        var id = ruleID(line: line, at: lineStart, folded: foldedBytes, origin: origin,
                                        foldedLine: foldedStart..<foldedEnd, atTop: scan.keptCount == 0)
                        if id == nil, scan.inRelatedList, Self.isRelatedItem(line) { id = Self.relatedItemRule }
                        scan.inRelatedList = id == "chrome.related" || id == Self.relatedItemRule
                        if let id, !(log.deferKindDependent && Self.keptInByRule[id] != nil) {
                            log.counts[id, default: 0] += 1
                            log.lines.append(DroppedLine(rule: id, text: String(decoding: line, as: UTF8.self), line: scan.lineIndex))
                        } else {
                            // A line of the document, or one whose rule waits for the kind.
                            body(KeptLine(range: (base + lineStart)..<(base + lineEnd), folded: foldedStart..<foldedEnd,
                                          blankBefore: scan.pendingBlank, pendingRule: id, line: scan.lineIndex))
                            scan.keptCount += 1
                            scan.pendingBlank = false
                            scan.lastBlank = false
                        }
                    }
                    lineStart = lineEnd + 1
                    foldedStart = foldedEnd + 1
                    scan.lineIndex += 1
                }
            }
        }
    }

    /// `ruleID(line:)` for a line at offset `lineStart` of a text whose `FoldedText` is `folded` and
    /// `origin`, where the line's fold is `foldedLine`. That fold is the rules' but for the
    /// scalars it keeps as quotes or a dash and for ©; quotes match no rule either way, but a
    /// dash or © could, so a line that has one is folded the rules' way.
    private func ruleID(line raw: UnsafeBufferPointer<UInt8>, at lineStart: Int, folded: UnsafeBufferPointer<UInt8>,
                        origin: FoldedOrigin, foldedLine: Range<Int>, atTop: Bool) -> String? {
        let (start, end) = Self.trimmed(raw)
        guard start < end, end - start <= Self.maximumLineLength else { return nil }
        // The folded bytes of the trimmed line: those that come from its bytes.
        var low = foldedLine.lowerBound
        var high = foldedLine.upperBound
        while low < high && Int(origin[low]) < lineStart + start { low += 1 }
        while high > low && Int(origin[high - 1]) >= lineStart + end { high -= 1 }
        /// Whether a folded `mark` in the line comes from a scalar that `isSpecial` says of its first byte's offset.
        func has(_ mark: UInt8, _ isSpecial: (Int) -> Bool) -> Bool {
            var index = low
            while index < high, let found = memchr(folded.baseAddress! + index, Int32(mark), high - index) {
                let at = folded.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if isSpecial(Int(origin[at]) - lineStart) { return true }
                index = at + 1
            }
            return false
        }
        if has(UInt8(ascii: "-"), { raw[$0] >= 0x80 }) || has(FoldedText.other, { raw[$0] == 0xC2 && raw[$0 + 1] == 0xA9 }) {
            return ruleID(line: raw, atTop: atTop)  // a dash that is not "-", or ©
        }
        // Every scalar of more than one byte folds to one byte or none: the line is ASCII when
        // its fold is as long as it is.
        let line = UnsafeBufferPointer(rebasing: raw[start..<end])
        return Self.ruleID(folded: UnsafeBufferPointer(rebasing: folded[low..<high]), line: line, ascii: high - low == end - start,
                           atTop: atTop)
    }
}
