import VanThuText
import VanThuFormats

/// Decides whether a document is an official dispatch, a news article or unknown, by explainable
/// rules: each rule that fires adds its weight and its id to the reasons kept in the record.
///
/// Rules read the document's folded bytes (`FoldedText`: one byte per scalar, lower-case ASCII,
/// any other non-ASCII scalar 0x80), one trimmed line at a time (the kernel's `FoldedLines` and
/// `FoldedLine`, trimmed of spaces), with plain byte comparisons.
public struct ClassifyStage: Stage {
    public var name: StageName { .classify }

    /// The type names and authorities the rules read: the run's lexicon.
    public var lexicon: DocumentLexicon

    public init(lexicon: DocumentLexicon = .standard) {
        self.lexicon = lexicon
    }

    public struct Rule: Sendable {
        public var id: String
        public var kind: DocumentKind
        public var weight: Int
        /// Lines (search-folded, trimmed) that may carry the signal: the header block or anywhere.
        public var scope: Scope
        public var test: @Sendable (FoldedLine, DocumentLexicon) -> Bool

        /// `lead`: the head above the first paragraph of prose, where a page puts its own title
        /// (a list of other documents in a sidebar comes with or after the text).
        public enum Scope: Sendable { case head, lead, anywhere }
    }

    /// A line in the first `headLines` lines belongs to the header block.
    public static let headLines = 40
    public static let dispatchThreshold = 3

    /// The classifier's word tables (register labels, closing formulas, subject cues).
    package static let tables = ClassifierLexicon.standard

    public static let rules: [Rule] = [
        Rule(id: "dispatch.motto", kind: .dispatch, weight: 2, scope: .head) { line, _ in
            // The mottos of the header's table (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `ĐẢNG CỘNG SẢN VIỆT NAM`).
            HeaderLexicon.standard.flatMottos.marks(line.bytes, at: 0)
        },
        Rule(id: "dispatch.number", kind: .dispatch, weight: 2, scope: .head) { line, _ in
            guard line.hasPrefix("so") else { return false }
            let rest = line.skip(from: 2) { $0 == UInt8(ascii: ":") || $0 == 0x20 }
            guard rest < line.count, FoldedText.isDigit(line.bytes[rest]) else { return false }
            return line.contains(UInt8(ascii: "/"), from: rest) && line.count - rest < 60
        },
        Rule(id: "dispatch.place-date", kind: .dispatch, weight: 1, scope: .head) { line, _ in
            guard line.count < 80, let comma = line.firstIndex(of: UInt8(ascii: ",")) else { return false }
            let rest = line.skip(from: comma + 1) { $0 == 0x20 }
            return FoldedLine.starts(line.bytes, at: rest, with: "ngay ") && line.contains(" thang ", from: rest)
                && line.contains(" nam ", from: rest)
        },
        Rule(id: "dispatch.subject", kind: .dispatch, weight: 2, scope: .head) { line, _ in line.hasPrefix("v/v ") || line.hasPrefix("v/v:") },
        Rule(id: "dispatch.recipients", kind: .dispatch, weight: 1, scope: .head) { line, _ in line.hasPrefix("kinh gui") },
        Rule(id: "dispatch.type-line", kind: .dispatch, weight: 1, scope: .head) { line, lexicon in
            lexicon.isTypeName(folded: line.bytes)
        },
        // A document's own title as one line: type name, optionally its number, then the subject
        // (`Thông báo số 12/TB-UBND về việc …`, `Kế hoạch: V/v …`). A news headline names a
        // document otherwise (`Nghị định 100 có hiệu lực …`).
        Rule(id: "dispatch.type-title", kind: .dispatch, weight: 3, scope: .lead) { line, lexicon in
            line.count < 300 && isTypeTitle(line, lexicon: lexicon)
        },
        // A header block flattened into one paragraph (`UBND … CỘNG HÒA XÃ HỘI … Số: … V/v …`).
        Rule(id: "dispatch.flat-header", kind: .dispatch, weight: 3, scope: .head) { line, _ in
            line.count > 80 && (line.contains("cong hoa xa hoi chu nghia viet nam") || line.contains("dang cong san viet nam"))
                && (line.contains("v/v ") || line.contains("kinh gui"))
        },
        Rule(id: "dispatch.register", kind: .dispatch, weight: 2, scope: .head) { line, _ in
            tables.registerLabels.matches(line.bytes)
        },
        Rule(id: "dispatch.closing", kind: .dispatch, weight: 3, scope: .anywhere) { line, _ in
            tables.closingFormulas.matches(line.bytes)
        },
        Rule(id: "dispatch.copy-to", kind: .dispatch, weight: 2, scope: .anywhere) { line, _ in line.hasPrefix("noi nhan") },
        // An authority line of a signature block (`T/M …`, `KT. …`, `TUQ. …`): the lexicon's authorities.
        Rule(id: "dispatch.signature", kind: .dispatch, weight: 1, scope: .anywhere) { line, lexicon in
            line.count < 60 && lexicon.authority(atStartOf: line.bytes) != nil
        },
        // A plan's or a guidance's section heading (`I. MỤC ĐÍCH, YÊU CẦU`): with its type line over the
        // title (`KẾ HOẠCH` / `Thực hiện …`), a plan posted as a page's text is the plan.
        Rule(id: "dispatch.plan-section", kind: .dispatch, weight: 2, scope: .anywhere) { line, _ in
            guard line.count < 40 else { return false }
            let k = romanSectionEnd(line)
            guard k > 0 else { return false }
            return tables.planSections.matches(UnsafeBufferPointer(rebasing: line.bytes[k...]))
        },
        Rule(id: "news.metadata", kind: .news, weight: 1, scope: .head) { line, _ in line.hasPrefix("# date") || line.hasPrefix("date ") },
        Rule(id: "news.dateline", kind: .news, weight: 1, scope: .head) { line, _ in
            line.count < 60 && (line.hasPrefix("thu ") || line.hasPrefix("chu nhat")) && line.contains(UInt8(ascii: "/"))
        },
        // A byline or publication stamp (`Cập nhật: 13/3/2024 | 3:05 PM`, `Nguồn: … | Ngày: 25-9-2020`).
        Rule(id: "news.byline", kind: .news, weight: 1, scope: .head) { line, _ in isByline(line.bytes) },
        // A news agency's or paper's tag at the start of the lead: `(TTXVN) - …`, `(Báo Nhân Dân) – …`.
        Rule(id: "news.source-tag", kind: .news, weight: 1, scope: .head) { line, _ in
            guard line.count > 8, line.bytes[0] == UInt8(ascii: "("), let close = line.firstIndex(of: UInt8(ascii: ")")),
                  close >= 3, close <= 32 else { return false }
            var spaces = 0
            for k in 1..<close {
                let b = line.bytes[k]
                if b == 0x20 { spaces += 1 } else if !FoldedText.isWordByte(b) && b != UInt8(ascii: ".") { return false }
            }
            guard spaces <= 3 else { return false }
            let dash = line.skip(from: close + 1) { $0 == 0x20 }
            return dash < line.count && line.bytes[dash] == UInt8(ascii: "-")
        },
    ]

    /// Shortest line (folded bytes) that counts as a short paragraph of prose when it ends as a sentence.
    package static let sentenceLineBytes = 80
    /// How many short paragraphs of prose under a byline or a dateline make an article.
    package static let shortProseParagraphs = 3

    /// Whether a folded line ends as a sentence (`.`, `!`, `?`, or one of them before a closing quote)
    /// and has spaces between words (not a run of symbols).
    package static func isSentence(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = line.count
        while end > 0, FoldedText.isSpace(line[end - 1]) { end -= 1 }
        guard end > 0 else { return false }
        var last = line[end - 1]
        if last == UInt8(ascii: "\""), end > 1 { last = line[end - 2] }
        guard last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") else { return false }
        var spaces = 0
        for index in 0..<end where line[index] == 0x20 { spaces += 1 }
        return spaces >= 8
    }

    /// Longest line (folded bytes) that may be a byline.
    package static let bylineLength = 160

    /// Whether a folded line is a page's byline or publication stamp: a short line with a full
    /// date in figures (`13/3/2024`, `25-9-2020`, `2018-09-28`) and a clock time or a byline label
    /// (`Cập nhật`, `Ngày đăng`, `Nguồn:` …), not a sentence (no full stop at its end).
    /// `Lò Văn Pành | 19/06/2022 09:15` and `Người đăng: Admin | Ngày: 09/02/2023` are bylines;
    /// `Ngày 8/3/2024, UBND xã tổ chức …` and `Hội nghị tổng kết (28/12/2023)` are not.
    package static func isByline<Line: RandomAccessCollection<UInt8>>(_ line: Line) -> Bool where Line.Index == Int {
        guard line.count >= 8, line.count <= bylineLength else { return false }
        let bytes = Array(line)
        guard let last = bytes.last(where: { $0 != 0x20 }), last != UInt8(ascii: "."), last != UInt8(ascii: ","),
              hasFullNumericDate(bytes) else { return false }
        return hasClockTime(bytes) || tables.bylineLabels.matches(bytes)
    }

    /// `d/m/yyyy`, `d-m-yyyy`, `d.m.yyyy` (one separator), or `yyyy-mm-dd`, standing alone (not
    /// inside a longer run of figures).
    package static func hasFullNumericDate(_ b: [UInt8]) -> Bool {
        func digits(from k: Int) -> Int {
            var end = k
            while end < b.count, FoldedText.isDigit(b[end]) { end += 1 }
            return end - k
        }
        var k = 0
        while k < b.count {
            guard FoldedText.isDigit(b[k]), k == 0 || !FoldedText.isDigit(b[k - 1]) else { k += 1; continue }
            let first = digits(from: k)
            let sep1 = k + first
            if sep1 + 1 < b.count, [UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: ".")].contains(b[sep1]) {
                let second = digits(from: sep1 + 1)
                let sep2 = sep1 + 1 + second
                if second >= 1, second <= 2, sep2 + 1 < b.count, b[sep2] == b[sep1] {
                    let third = digits(from: sep2 + 1)
                    if first <= 2 && third == 4 { return true }
                    if first == 4 && b[sep1] == UInt8(ascii: "-") && second == 2 && third == 2 { return true }
                }
            }
            k += max(first, 1)
        }
        return false
    }

    /// `09:22`, `3:05:12`: one or two figures, a colon, two figures.
    package static func hasClockTime(_ b: [UInt8]) -> Bool {
        guard b.count >= 4 else { return false }
        for k in 1..<(b.count - 2) where b[k] == UInt8(ascii: ":") {
            guard FoldedText.isDigit(b[k - 1]), k < 3 || !FoldedText.isDigit(b[k - 3]),
                  FoldedText.isDigit(b[k + 1]), FoldedText.isDigit(b[k + 2]),
                  k + 3 == b.count || !FoldedText.isDigit(b[k + 3]) else { continue }
            return true
        }
        return false
    }

    /// Where the text of a section heading starts after its Roman numeral (`II. `, `IV- `), or 0.
    package static func romanSectionEnd(_ line: FoldedLine) -> Int {
        var k = 0
        while k < line.count, k < 4, [UInt8(ascii: "i"), UInt8(ascii: "v"), UInt8(ascii: "x")].contains(line.bytes[k]) { k += 1 }
        guard k > 0, k < line.count, [UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "/")].contains(line.bytes[k]) else { return 0 }
        return line.skip(from: k + 1) { $0 == 0x20 }
    }

    /// `type name [số N…] [:] về việc|V/v …` at the start of a line.
    package static func isTypeTitle(_ line: FoldedLine, lexicon: DocumentLexicon) -> Bool {
        guard let (_, length) = lexicon.typeName(atStartOf: line.bytes) else { return false }
        var k = line.skip(from: length) { $0 == 0x20 }
        if FoldedLine.starts(line.bytes, at: k, with: "so ") {
            k = line.skip(from: k + 3) { $0 == 0x20 }
            guard k < line.count, FoldedText.isDigit(line.bytes[k]) else { return false }
            k = line.skip(from: k) { $0 != 0x20 }
            k = line.skip(from: k) { $0 == 0x20 }
            // The date and the issuer may stand between the number and the subject: `Công văn số
            // 215/UBND-VP ngày 3/3/2025 của UBND huyện A về việc …`.
            if FoldedLine.starts(line.bytes, at: k, with: "ngay ") || FoldedLine.starts(line.bytes, at: k, with: "cua ") {
                return (k..<line.count).contains { c in
                    line.bytes[c] == 0x20 && c + 1 < line.count && isSubjectCue(line, at: c + 1)
                }
            }
        }
        if k < line.count && line.bytes[k] == UInt8(ascii: ":") { k = line.skip(from: k + 1) { $0 == 0x20 } }
        return isSubjectCue(line, at: k)
    }

    private static func isSubjectCue(_ line: FoldedLine, at k: Int) -> Bool {
        tables.subjectCues.marks(line.bytes, at: k) && !tables.notSubjectCues.marks(line.bytes, at: k)
    }

    public func run(_ clean: CleanDocument) throws(StageFailure) -> ClassifiedDocument {
        ClassifiedDocument(clean: clean, classification: Self.classify(clean.document, lexicon: lexicon))
    }

    /// The kind of `document` and the rules that decided it, with the type names and authorities
    /// of `lexicon` (the run's, in a pipeline). A document extracted in windows, which has no
    /// whole fold (`ExtractStage.isWindowed`), is folded a window at a time: the rules read one
    /// line at a time and folding is scalar by scalar, so the lines read are the same.
    public static func classify(_ document: TextDocument, lexicon: DocumentLexicon = .standard) -> Classification {
        classify(document, lexicon: lexicon, windowBytes: ExtractStage.windowBytes)
    }

    /// `classify` with windows of `windowBytes` (tests use small ones).
    package static func classify(_ document: TextDocument, lexicon: DocumentLexicon, windowBytes: Int) -> Classification {
        var reading = Reading(lexicon: lexicon)
        if ExtractStage.isWindowed(document, windowBytes: windowBytes) {
            document.utf8.withUnsafeBufferPointer { text in
                var firstLine = 0
                for window in NormalizeStage.lineWindows(text, size: windowBytes) {
                    let folded = FoldedText(utf8: UnsafeBufferPointer(rebasing: text[window]))
                    folded.bytes.withUnsafeBufferPointer { reading.read($0, firstLine: firstLine) }
                    // A window ends after a `\n`: the next one's first line is the empty line
                    // read after it here (which every rule passes over).
                    firstLine += folded.bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                }
            }
        } else {
            document.folded.bytes.withUnsafeBufferPointer { reading.read($0, firstLine: 0) }
        }
        return reading.classification
    }

    /// The rules read over a document's lines, in order, and what they found.
    private struct Reading {
        let lexicon: DocumentLexicon
        var scores: [DocumentKind: Int] = [:]
        var reasons: [String] = []
        var proseParagraphs = 0
        // Shorter paragraphs that end as sentences, in the head (a short article cut in short paragraphs;
        // not a gazette's forms with a few notes far down under a signing stamp).
        var sentenceLines = 0
        // Each rule fires once: bit i is set once rule i has fired.
        var fired: UInt64 = 0
        let allFired: UInt64 = ClassifyStage.rules.count >= 64 ? ~0 : (1 << UInt64(ClassifyStage.rules.count)) - 1

        init(lexicon: DocumentLexicon) { self.lexicon = lexicon }

        /// Reads the lines of `folded` (folded text), the first being line `firstLine` of the document.
        /// The state is read into locals and written back: the rules do not reach the lexicon
        /// through `self` while it is being changed (a copy of it per test, ten times slower).
        mutating func read(_ folded: UnsafeBufferPointer<UInt8>, firstLine: Int) {
            let rules = ClassifyStage.rules
            let lexicon = self.lexicon
            let allFired = self.allFired
            var scores = self.scores
            var reasons = self.reasons
            var proseParagraphs = self.proseParagraphs
            var sentenceLines = self.sentenceLines
            var fired = self.fired
            FoldedLines.forEachLine(folded) { lineIndex, whole in
                let index = firstLine + lineIndex
                let length = whole.count
                if length == 0 { return true }
                if length >= 150 { proseParagraphs += 1 }
                if index < headLines, length >= sentenceLineBytes, isSentence(UnsafeBufferPointer(rebasing: folded[whole])) {
                    sentenceLines += 1
                }
                guard index < headLines || length < 150 else { return true }
                guard fired != allFired else { return true }
                let line = FoldedLine(bytes: UnsafeBufferPointer(rebasing: folded[FoldedLines.Blanks.spaces.trim(folded, whole)]))
                for ruleIndex in rules.indices where fired & (1 << UInt64(ruleIndex)) == 0 {
                    if rules[ruleIndex].scope == .head && index >= headLines { continue }
                    if rules[ruleIndex].scope == .lead && (index >= headLines || proseParagraphs > 0) { continue }
                    if rules[ruleIndex].test(line, lexicon) {
                        scores[rules[ruleIndex].kind, default: 0] += rules[ruleIndex].weight
                        reasons.append(rules[ruleIndex].id)
                        fired |= 1 << UInt64(ruleIndex)
                    }
                }
                return true
            }
            self.scores = scores
            self.reasons = reasons
            self.proseParagraphs = proseParagraphs
            self.sentenceLines = sentenceLines
            self.fired = fired
        }

        /// The kind the lines read make, with its reasons.
        var classification: Classification {
            var scores = scores
            var reasons = reasons
            if proseParagraphs >= 2 {
                scores[.news, default: 0] += 1
                reasons.append("news.prose")
            }
            if scores[.dispatch, default: 0] >= dispatchThreshold { return Classification(kind: .dispatch, reasons: reasons) }
            // An article: several paragraphs of prose, or a dateline or metadata with prose under it (one
            // long paragraph, or a few shorter ones that end as sentences: `Sáng 12/4, … giai đoạn 2019-2024.`).
            if proseParagraphs >= 2 || (proseParagraphs >= 1 && scores[.news, default: 0] >= 1) {
                return Classification(kind: .news, reasons: reasons)
            }
            if sentenceLines >= shortProseParagraphs && scores[.news, default: 0] >= 1 {
                reasons.append("news.short-prose")
                return Classification(kind: .news, reasons: reasons)
            }
            return Classification(kind: .unknown, reasons: reasons)
        }
    }
}
