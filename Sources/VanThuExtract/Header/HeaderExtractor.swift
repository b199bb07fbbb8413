import VanThuText

/// The dispatch header: number and symbol, type, issuer, place and date, subject, recipients, copy list, signer.
///
/// Read line by line from folded bytes (`FoldedLines`): the `Số:` line (anywhere: a consolidated
/// text carries its own `…/VBHN-…` number at the end; never the gazette's `CÔNG BÁO/Số …`), the
/// capitals lines above it (issuer, superior body), the place-date line near it, the type-name line
/// or the symbol's type code, `V/v` (joined when it wraps), `Kính gửi`, `Nơi nhận`, and the signature
/// block (authority, position, name; an e-signature stamp is not the signer). Nothing for news;
/// for documents of unknown kind only when a number line is found.
public struct HeaderExtractor: Extractor {
    public let id = "header"
    public let summary = "The dispatch header: number and symbol, type, issuer, place and date, subject, recipients, copy list, signer."
    public var lexicon: DocumentLexicon
    public var units: UnitLexicon
    /// The words the reader looks for at the start of lines (noise, boundaries, signer skips …).
    package var tables: HeaderLexicon

    public init(lexicon: DocumentLexicon = .standard, units: UnitLexicon = .standard) {
        self.init(lexicon: lexicon, units: units, tables: .standard)
    }

    package init(lexicon: DocumentLexicon, units: UnitLexicon, tables: HeaderLexicon) {
        self.lexicon = lexicon
        self.units = units
        self.tables = tables
    }

    public var examples: [ExtractorExample] { Self.exampleList }

    /// The run's lexicon: its type names and authorities, its unit heads (a head added in
    /// pipeline.json starts an issuer of its own, as it starts a unit) and its header words (a
    /// noise line or a boundary added in pipeline.json).
    public func configured(with configuration: ExtractorConfiguration) -> any Extractor {
        HeaderExtractor(lexicon: configuration.lexicon.documents, units: configuration.lexicon.units,
                        tables: configuration.lexicon.header)
    }

    public func describe(_ record: Record) -> [String] {
        guard let header = record.header else { return [] }
        var out: [String] = []
        func add(_ name: String, _ value: String?) { if let value { out.append("\(name)=\(value)") } }
        add("number", header.number)
        add("documentType", header.documentType)
        add("issuer", header.issuer)
        add("superiorBody", header.superiorBody)
        add("place", header.place)
        add("date", header.date)
        add("subject", header.subject)
        for recipient in header.recipients { out.append("recipient=\(recipient)") }
        for copy in header.copyTo { out.append("copyTo=\(copy)") }
        add("signer.authority", header.signer?.authority)
        add("signer.position", header.signer?.position)
        add("signer.name", header.signer?.name)
        return out
    }

    public func extract(_ context: inout ExtractionContext) {
        let kind = context.record.kind
        guard kind != .news else { return }
        var lines = FoldedLines(header: context.document)
        lines.days = context.calendarDays()
        let number = findNumber(lines)
        if kind != .dispatch && number == nil { return }
        var header = DispatchHeader()
        header.number = number?.symbol.id
        let anchor = number?.line ?? 0
        let consolidated = number?.symbol.letterSegments.contains("VBHN") ?? false

        // The signature block is the first after the number line (the body holds none; forms in
        // appendices come after it); the copy list sits next to it.
        let signature = findSigner(lines, from: anchor)
        // The place-date line near the number; else the adoption line above the signature (a law
        // or a resolution of the Standing Committee has no place line); else any place-date line.
        if let placeDate = findPlaceDate(lines, near: anchor, number: number, nearOnly: true)
            ?? signature.flatMap({ adoptionDate(lines, above: $0.line) })
            ?? findPlaceDate(lines, near: anchor, number: number, nearOnly: false) {
            header.place = placeDate.place
            header.date = placeDate.date
        }
        let typeLine = consolidated ? nil : findTypeLine(lines, near: anchor)
        // A consolidated text keeps the type and title of what it consolidates at its top.
        let titleLine = typeLine ?? (consolidated ? findTypeLine(lines, near: 0) : nil)
        let subjectLine = findSubject(lines, near: anchor)
        if consolidated {
            header.documentType = "Văn bản hợp nhất"
        } else if let typeLine {
            header.documentType = typeLine.name
        } else if let code = number?.symbol.typeCode(in: lexicon), let name = lexicon.typeName(code: code) {
            header.documentType = name
        } else if subjectLine != nil {
            header.documentType = "Công văn"
        }
        if let subjectLine {
            header.subject = subjectLine
        } else if let titleLine {
            header.subject = title(lines, after: titleLine.line, consolidated: consolidated)
        }
        let bodies = issuerBodies(lines, above: number?.line ?? typeLine?.line ?? subjectLine.map { _ in anchor })
        header.issuer = bodies.last
        if bodies.count >= 2 { header.superiorBody = bodies[bodies.count - 2] }
        if header.issuer == nil, let symbol = number?.symbol {
            header.issuer = derivedIssuer(symbol, place: header.place)
        }
        header.recipients = list(lines, after: tables.recipientsHead, from: max(0, anchor - 5), to: min(lines.count, anchor + 60))
        header.signer = signature?.signer ?? registerSigner(lines)
        let copyLine: Int?
        if let signatureLine = signature?.line {
            // Not past an appendix: a form in it has a copy list of its own.
            copyLine = firstLine(lines, startingWith: tables.copyListHead, from: max(anchor, signatureLine - 40),
                                 to: min(lines.count, signatureLine + 40, appendixStart(lines, from: signatureLine)))
        } else {
            copyLine = firstLine(lines, startingWith: tables.copyListHead, from: anchor, to: appendixStart(lines, from: anchor))
        }
        if let copyLine, let length = tables.copyListHead.matchLength(startOf: lines.folded(copyLine)) {
            header.copyTo = listItems(lines, headerLine: copyLine, prefixLength: length)
        }
        context.record.header = header
    }

    // MARK: - number

    package struct NumberLine {
        package var line: Int
        package var symbol: NumberSymbol
        /// Folded offset after the symbol.
        package var end: Int
    }

    /// Every line that starts with `Số` (or `Luật số:`, `Nghị quyết số:` …) and a number-symbol;
    /// a consolidated text's `VBHN` number wins, else the first.
    package func findNumber(_ lines: FoldedLines) -> NumberLine? {
        var first: NumberLine?
        let f = lines.document.folded.bytes
        for line in 0..<lines.count where !lines.isEmpty(line) {
            // Only lines that start with `s` (`Số`) or the first letter of a type name go on.
            guard lexicon.mayStartNumberLine[Int(f[lines.ranges[line].lowerBound])] else { continue }
            guard let candidate = numberLine(lines, line) else { continue }
            if candidate.symbol.letterSegments.contains("VBHN") { return candidate }
            if first == nil {
                first = candidate
            } else if let current = first, candidate.line < current.line + 12, candidate.symbol.number == current.symbol.number,
                      candidate.symbol.segments.count > current.symbol.segments.count {
                // The same number printed again nearby in full (a page's summary drops the
                // symbol's hyphens, the header itself keeps them).
                first = candidate
            }
        }
        return first
    }

    private func numberLine(_ lines: FoldedLines, _ line: Int) -> NumberLine? {
        let range = lines.ranges[line]
        let f = lines.document.folded.bytes
        var k = range.lowerBound
        let utf8 = lines.document.utf8
        if range.count >= 2 && f[k] == UInt8(ascii: "s") && f[k + 1] == UInt8(ascii: "o")
            && (k + 2 == range.upperBound || !FoldedText.isWordByte(f[k + 2])) {
            // "Số" with a capital S: "số 12/…" in running text is a citation.
            guard utf8[lines.byte(k)] == UInt8(ascii: "S") else { return nil }
            k += 2
        } else {
            // "Luật số: 51/2024/QH15", "Nghị quyết số: 78/2025/UBTVQH15": a type name, "số" and a colon.
            guard let after = numberPrefixEnd(f, range) else { return nil }
            k = after
        }
        while k < range.upperBound && (f[k] == 0x20 || f[k] == UInt8(ascii: ":") || f[k] == UInt8(ascii: ".")) { k += 1 }
        guard k < range.upperBound, FoldedText.isDigit(f[k]) else { return nil }
        guard let symbol = NumberSymbol.parse(utf8, at: lines.byte(k), mixedCase: lexicon.mixedCaseCodes) else { return nil }
        var end = k
        while end < f.count && lines.byte(end) < symbol.range.upperBound { end += 1 }
        // "Số 12/QĐ-UBND ngày …" at the start of a line is a citation.
        var after = end
        while after < range.upperBound && f[after] == 0x20 { after += 1 }
        if after < range.upperBound {
            if tables.citationFollowers.matches(f[after..<range.upperBound]) { return nil }
            if f[after] == UInt8(ascii: ",") || f[after] == UInt8(ascii: ";") { return nil }
        }
        return NumberLine(line: line, symbol: symbol, end: end)
    }

    /// Where the type name and `số` of a number line end (`luat so` of `luat so: 51/2024/QH15`):
    /// a prefix of `DocumentLexicon.numberPrefixes` that only spaces separate from a colon. The
    /// colon is the line's first, so the prefix is what stands before it, spaces trimmed; it is
    /// looked for over the longest prefix's length (and the spaces after), not the whole line.
    private func numberPrefixEnd(_ f: [UInt8], _ range: Range<Int>) -> Int? {
        let start = range.lowerBound
        let limit = min(range.upperBound, start + lexicon.numberPrefixLength)
        var colon = start
        while colon < limit && f[colon] != UInt8(ascii: ":") { colon += 1 }
        if colon == limit {
            while colon < range.upperBound && f[colon] == 0x20 { colon += 1 }
            guard colon < range.upperBound, f[colon] == UInt8(ascii: ":") else { return nil }
        }
        var end = colon
        while end > start && f[end - 1] == 0x20 { end -= 1 }
        let length = end - start
        guard length >= 3, length <= lexicon.numberPrefixLength,
              f[end - 3] == 0x20, f[end - 2] == UInt8(ascii: "s"), f[end - 1] == UInt8(ascii: "o") else { return nil }
        // A number prefix is a type name and ` so`.
        return lexicon.typeName(in: f[start..<(end - 3)], at: 0, wholeLine: true) != nil ? end : nil
    }

    // MARK: - place and date

    package struct PlaceDate {
        package var place: String?
        package var date: String
    }

    /// The place-date line nearest the number line (within eight lines), else the first one among
    /// the first sixty lines.
    package func findPlaceDate(_ lines: FoldedLines, near anchor: Int, number: NumberLine?, nearOnly: Bool = false) -> PlaceDate? {
        var order: [Int] = []
        for distance in 0...8 {
            if anchor + distance < lines.count { order.append(anchor + distance) }
            if distance > 0 && anchor - distance >= 0 { order.append(anchor - distance) }
        }
        if !nearOnly { order += (0..<min(60, lines.count)).filter { !order.contains($0) } }
        for line in order where !lines.isEmpty(line) {
            let skip = number?.line == line ? number!.end : nil
            if let found = placeDate(lines, line, from: skip) { return found }
        }
        return nil
    }

    /// A blank date line's value: its year, or its year and month when the month is written.
    static func blankDateISO(_ year: Int, _ month: Int?) -> String {
        month.map { "\(year)-\(CalendarValue.pad($0, 2))" } ?? String(year)
    }

    private func placeDate(_ lines: FoldedLines, _ line: Int, from start: Int?) -> PlaceDate? {
        let range = lines.ranges[line]
        let f = lines.document.folded.bytes
        let lineStart = start ?? range.lowerBound
        guard range.upperBound - lineStart < 120 else { return nil }
        var k = lineStart
        while k < range.upperBound {
            if f[k] == UInt8(ascii: "n"), k == lineStart || !FoldedText.isWordByte(f[k - 1]),
               CitationDate.match(f, k, "ngay"),
               let date = lines.days.day(at: k).map({ (iso: $0.iso, end: $0.end) })
                ?? CitationDate.readBlankDate(f, at: k).map({ (iso: Self.blankDateISO($0.year, $0.month), end: $0.end) }) {
                // The place: the words before ", ngày" on the same line.
                var placeEnd = k
                while placeEnd > lineStart && (f[placeEnd - 1] == 0x20 || f[placeEnd - 1] == UInt8(ascii: ",")) { placeEnd -= 1 }
                var placeStart = lineStart
                while placeStart < placeEnd && (f[placeStart] == 0x20 || !FoldedText.isWordByte(f[placeStart])) { placeStart += 1 }
                var place: String?
                // "Hà Nội, ngày …": the place ends with a comma.
                if placeEnd > placeStart, placeEnd < k, f[placeEnd] == UInt8(ascii: ",") {
                    let text = lines.text(folded: placeStart..<placeEnd)
                    let words = text.split(separator: " ")
                    if (1...6).contains(words.count), words.first?.first?.isUppercase == true { place = text }
                }
                guard place != nil || placeEnd <= placeStart else { return nil }
                // "ngày 15 tháng 3 năm 2021 của Chính phủ quy định …": a title's wrapped line.
                if place == nil && Self.wordsAfter(f, date.end, range.upperBound) >= 2 { return nil }
                return PlaceDate(place: place, date: date.iso)
            }
            k += 1
        }
        // A date alone on its line ("30 tháng 3 năm 2018" when the place was lost).
        if let date = lines.days.day(at: lineStart), date.end >= range.upperBound - 1 {
            return PlaceDate(place: nil, date: date.iso)
        }
        return nil
    }

    /// The number of words between folded offsets `from` and `to`.
    package static func wordsAfter(_ f: [UInt8], _ from: Int, _ to: Int) -> Int {
        var words = 0
        var k = from
        while k < to {
            if FoldedText.isWordByte(f[k]) && (k == from || !FoldedText.isWordByte(f[k - 1])) { words += 1 }
            k += 1
        }
        return words
    }

    /// `… thông qua ngày 17 tháng 5 năm 2025` in the lines just above the signature block: the
    /// date a law or a resolution was adopted, which dates it.
    package func adoptionDate(_ lines: FoldedLines, above signatureLine: Int) -> PlaceDate? {
        let f = lines.document.folded.bytes
        for line in stride(from: signatureLine - 1, through: max(0, signatureLine - 8), by: -1) where !lines.isEmpty(line) {
            let range = lines.ranges[line]
            var k = range.lowerBound
            while k + 13 < range.upperBound {
                if f[k] == UInt8(ascii: "t"), CitationDate.match(f, k, "thong qua") {
                    var n = k + 9
                    while n < range.upperBound && f[n] == 0x20 { n += 1 }
                    if CitationDate.match(f, n, "ngay"), let date = lines.days.day(at: n) { return PlaceDate(place: nil, date: date.iso) }
                }
                k += 1
            }
        }
        return nil
    }

    /// A legal register's `Người ký: …` (a page that gives the document's metadata above an
    /// excerpt without its signature block): the signer's name.
    package func registerSigner(_ lines: FoldedLines) -> Signer? {
        let labels = ClassifyStage.tables.registerLabels.entries.map(\.word) + tables.registerLabels.entries.map(\.word)
        for line in 0..<min(60, lines.count) where !lines.isEmpty(line) {
            let fold = lines.foldedString(line)
            guard let label = fold.range(of: "nguoi ky:"),
                  label.lowerBound == fold.startIndex || fold[fold.index(before: label.lowerBound)] == " " else { continue }
            var valueEnd = fold.endIndex
            for other in labels {
                if let next = fold.range(of: other, range: label.upperBound..<fold.endIndex), next.lowerBound < valueEnd { valueEnd = next.lowerBound }
            }
            let base = lines.ranges[line].lowerBound
            let from = base + fold.utf8.distance(from: fold.startIndex, to: label.upperBound)
            let to = base + fold.utf8.distance(from: fold.startIndex, to: valueEnd)
            let name = lines.text(folded: from..<to).trimmingSpaces()
            let words = name.split(separator: " ")
            guard (2...5).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
            return Signer(name: name, position: nil, authority: nil)
        }
        return nil
    }

    // MARK: - type, subject

    package struct TypeLine {
        package var line: Int
        package var name: String
    }

    /// A capitals line that is a type name (`KẾ HOẠCH`, `NGHỊ ĐỊNH`, `THÔNG TƯ` with a footnote mark).
    package func findTypeLine(_ lines: FoldedLines, near anchor: Int) -> TypeLine? {
        let after = Array(anchor..<min(lines.count, anchor + 25))
        let before = Array((max(0, anchor - 12)..<anchor).reversed())
        for line in after + before where !lines.isEmpty(line) && lines.ranges[line].count < 40 {
            var text = lines.foldedString(line)
            while let last = text.last, last.isNumber || last == " " { text.removeLast() }
            if let name = lexicon.typeNamesByFold[text], lines.isAllCaps(line) { return TypeLine(line: line, name: name) }
        }
        return nil
    }

    /// The `V/v` line without `V/v`, joined with the lines it wraps onto.
    package func findSubject(_ lines: FoldedLines, near anchor: Int) -> String? {
        // Below the number line first (the subject is printed under it), then above it.
        let after = Array(anchor..<min(lines.count, max(anchor + 25, 60)))
        let before = Array(max(0, anchor - 12)..<min(anchor, lines.count))
        for line in after + before where lines.starts(line, with: "v/v") {
            var text = lines.text(line)
            text = String(text.dropFirst(3).drop(while: { $0 == " " || $0 == ":" || $0 == "." }))
            var next = line + 1
            var parts = [text]
            while next < lines.count, parts.count < 4, !lines.isEmpty(next), !isBoundary(lines, next) {
                parts.append(lines.text(next)); next += 1
            }
            let subject = parts.joined(separator: " ").trimmingSpaces()
            return subject.isEmpty ? nil : subject
        }
        return nil
    }

    /// The title lines under a type-name line. In a consolidated text the consolidation note
    /// under the title (`Thông tư số 57/2015/TT-BLĐTBXH ngày … được sửa đổi, bổ sung bởi:`) ends it.
    package func title(_ lines: FoldedLines, after typeLine: Int, consolidated: Bool = false) -> String? {
        var next = typeLine + 1
        while next < lines.count, lines.isEmpty(next) || !hasLetters(lines, next), next < typeLine + 3 { next += 1 }
        var parts: [String] = []
        // A gazette title may wrap over many lines (a resolution naming two decrees in full); a blank
        // line or a boundary ends it.
        while next < lines.count, parts.count < Self.titleLines, !lines.isEmpty(next), !isBoundary(lines, next),
              !(consolidated && !parts.isEmpty && lexicon.startsCitation(folded: lines.foldedString(next).trimmingSpaces())),
              parts.isEmpty || !Self.isProseParagraph(lines.text(next)) {
            parts.append(Self.withoutFootnoteMark(lines.text(next))); next += 1
        }
        let title = parts.joined(separator: " ").trimmingSpaces()
        return title.isEmpty ? nil : title
    }

    /// A title line without the footnote mark glued to its last word (`… Kiểm soát viên1`,
    /// `Quy định về đăng ký thuế1`): digits right after a lower-case letter at the line's end.
    package static func withoutFootnoteMark(_ line: String) -> String {
        let trimmed = line.trimmingSpaces()
        let digits = trimmed.reversed().prefix(while: { $0.isASCII && $0.isNumber }).count
        guard (1...2).contains(digits), digits < trimmed.count,
              let before = trimmed.dropLast(digits).last, before.isLowercase else { return line }
        return String(trimmed.dropLast(digits))
    }

    /// A paragraph of the body written on one line (a page's text dump leaves no blank line between
    /// the title and the body): a long line that ends a sentence or opens a list (`… như sau:`).
    /// A title wrapped over lines has short lines and no full stop at its end.
    package static func isProseParagraph(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces()
        guard trimmed.count >= proseParagraphLength, let last = trimmed.last else { return false }
        return last == "." || last == ":" || last == ";"
    }

    /// The shortest line that `isProseParagraph` takes for the body (a gazette wraps at about 80).
    package static let proseParagraphLength = 100

    /// How many lines a title may wrap over.
    package static let titleLines = 16

    private func hasLetters(_ lines: FoldedLines, _ line: Int) -> Bool {
        lines.folded(line).contains { FoldedText.isLetter($0) }
    }

    /// The line's first letter is a lower-case one.
    private func startsLowercase(_ lines: FoldedLines, _ line: Int) -> Bool {
        lines.text(line).first(where: \.isLetter)?.isLowercase ?? false
    }

    /// Lines that end a wrapped subject or title.
    private func isBoundary(_ lines: FoldedLines, _ line: Int) -> Bool {
        if tables.blockStarts.matches(lines.folded(line)) { return true }
        // The body's opening words (`Thực hiện …`, `Số …`) start with a capital: a line that starts
        // in lower case goes on with a wrapped title (`… theo phương thức⏎thực hiện dự án …`).
        if tables.boundaries.matches(lines.folded(line)), !startsLowercase(lines, line) { return true }
        if !hasLetters(lines, line) { return true }
        if placeDate(lines, line, from: nil) != nil { return true }
        // A line in capitals under one that is not: the next block of the header (pages that
        // give each header line its own paragraph leave no blank line between them).
        if line > 0, lines.isAllCaps(line), !lines.isEmpty(line - 1), !lines.isAllCaps(line - 1) { return true }
        return false
    }

    // MARK: - issuer

    /// The bodies printed above the number line, top to bottom (superior body, issuer).
    package func issuerBodies(_ lines: FoldedLines, above numberLine: Int?) -> [String] {
        guard let numberLine else { return [] }
        var collected: [Int] = []
        var line = numberLine - 1
        var skipped = 0
        while line >= 0 && collected.count < 5 && skipped < 6 {
            defer { line -= 1 }
            if lines.isEmpty(line) || !hasLetters(lines, line) { continue }
            if isHeaderNoise(lines, line) {
                if !collected.isEmpty { break }
                skipped += 1
                continue
            }
            guard Self.isAllCaps(bodyPart(lines, line).text), lines.ranges[line].count < 120 else {
                if !collected.isEmpty { break }
                skipped += 1
                continue
            }
            if placeDate(lines, line, from: nil) != nil { continue }
            collected.append(line)
        }
        collected.reverse()
        // Group wrapped lines: a line that does not start with a head continues the one above it.
        var bodies: [String] = []
        var previousFold = ""
        for line in collected {
            let (whole, fold) = bodyPart(lines, line)
            if fold == previousFold { continue }  // "CHÍNH PHỦ" printed twice
            let parts = splitAtSecondBody(whole)
            for text in parts.dropLast() { bodies.append(text) }
            let text = parts.last ?? whole
            let tokens = WordTokens(text)
            let startsHead = tokens.count > 0 && units.heads.match(tokens, at: 0) != nil
            if let last = bodies.last, !startsHead || last.hasSuffix("-") || fold.hasPrefix("va ") {
                bodies[bodies.count - 1] = last + " " + text
            } else {
                bodies.append(text)
            }
            previousFold = fold
        }
        // A body printed twice, wrapped differently ("BỘ LAO ĐỘNG - THƯƠNG BINH⏎VÀ XÃ HỘI").
        var unique: [String] = []
        for body in bodies {
            let fold = VietnameseFolding.searchFold(body).split(separator: " ").joined(separator: " ")
            if unique.last.map({ VietnameseFolding.searchFold($0).split(separator: " ").joined(separator: " ") }) != fold {
                unique.append(body)
            }
        }
        return unique.map { units.displayCase($0.trimmingSpaces()) }
    }

    /// Two bodies on one line (`UBND TỈNH A SỞ Y TẾ`, the superior body and the issuer of a
    /// flattened header): cut before a unit head that follows a locality and its name.
    package func splitAtSecondBody(_ text: String) -> [String] {
        let tokens = WordTokens(text)
        guard tokens.count >= 4 else { return [text] }
        let utf8 = Array(text.utf8)
        var cuts: [Int] = []
        var localitySeen: Int?
        var index = 0
        while index < tokens.count {
            // (A head longer than the locality word it starts with is a head: "HUYỆN ỦY".)
            if let locality = units.localities.match(tokens, at: index),
               locality.length >= (units.heads.match(tokens, at: index)?.length ?? 0) {
                localitySeen = index
                index += max(1, locality.length)
                continue
            }
            if let seen = localitySeen, index >= seen + 2, units.heads.match(tokens, at: index) != nil {
                cuts.append(tokens[index].byteRange.lowerBound)
                localitySeen = nil
            }
            index += 1
        }
        guard !cuts.isEmpty else { return [text] }
        var parts: [String] = []
        var from = 0
        for cut in cuts + [utf8.count] {
            parts.append(String(decoding: utf8[from..<cut], as: UTF8.self).trimmingSpaces())
            from = cut
        }
        return parts.filter { !$0.isEmpty }
    }

    /// A header line without the motto printed beside it ("ỦY BAN …    CỘNG HÒA XÃ HỘI …",
    /// "SỞ NỘI VỤ    Độc lập - Tự do - Hạnh phúc"): its text and folded text.
    private func bodyPart(_ lines: FoldedLines, _ line: Int) -> (text: String, fold: String) {
        var text = lines.text(line)
        var fold = lines.foldedString(line)
        for motto in tables.mottos.entries.map(\.word) {
            if let range = fold.range(of: motto), range.lowerBound != fold.startIndex {
                let cut = fold.distance(from: fold.startIndex, to: range.lowerBound)
                text = lines.text(folded: lines.ranges[line].lowerBound..<lines.ranges[line].lowerBound + cut).trimmingSpaces()
                fold = String(fold[..<range.lowerBound]).trimmingSpaces()
            }
        }
        return (text, fold)
    }

    package static func isAllCaps(_ text: String) -> Bool {
        var letters = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isLowercase { return false }
            if scalar.properties.isAlphabetic { letters += 1 }
        }
        return letters >= 2
    }

    /// Lines of the page and the motto, not bodies.
    private func isHeaderNoise(_ lines: FoldedLines, _ line: Int) -> Bool {
        if tables.noise.matches(lines.folded(line)) { return true }
        if let (_, _) = lexicon.authority(atStartOf: lines.foldedString(line)) { return true }
        let fold = lines.foldedString(line)
        if lexicon.typeNamesByFold[fold.trimmingCharacters(inSet: "0123456789 ")] != nil { return true }
        return false
    }

    /// The issuer from the symbol and the place when the header block is missing:
    /// `HU` + Triệu Phong → `Huyện ủy Triệu Phong`.
    package func derivedIssuer(_ symbol: NumberSymbol, place: String?) -> String? {
        let codes = symbol.issuerCodes(in: lexicon)
        // State form "123/UBND-VP": the issuer is the first code, the drafting office the second.
        let issuerCode = symbol.isPartyForm ? codes.last : codes.first
        guard let code = issuerCode, let name = lexicon.issuerName(code: code) else { return nil }
        if let place, lexicon.placeNamedIssuers.contains(code) { return "\(name) \(place)" }
        return name
    }

    // MARK: - lists

    private func firstLine(_ lines: FoldedLines, startingWith table: FoldedWordTable, from: Int, to: Int) -> Int? {
        guard from < to else { return nil }
        for line in from..<to where table.matches(lines.folded(line)) { return line }
        return nil
    }

    /// The items of the list that follows a line starting with a word of `head` (Kính gửi).
    package func list(_ lines: FoldedLines, after head: FoldedWordTable, from: Int, to: Int) -> [String] {
        guard let line = firstLine(lines, startingWith: head, from: from, to: to),
              let length = head.matchLength(startOf: lines.folded(line)) else { return [] }
        return listItems(lines, headerLine: line, prefixLength: length)
    }

    /// "- UBND huyện," lines (or short lines ending in , ; .) after a list's header line, and what
    /// follows the header's colon on its own line; a line in lower case continues the item above.
    package func listItems(_ lines: FoldedLines, headerLine: Int, prefixLength: Int) -> [String] {
        var items: [String] = []
        let range = lines.ranges[headerLine]
        var sameLine = lines.text(folded: min(range.lowerBound + prefixLength, range.upperBound)..<range.upperBound)
        sameLine = String(sameLine.drop(while: { $0 == ":" || $0 == " " }))
        var dashed = false
        var ended = false
        if !sameLine.isEmpty {
            if let item = bulletItem(sameLine) { dashed = true; items.append(cleanItem(item)) } else { items.append(cleanItem(sameLine)) }
            ended = sameLine.hasSuffix(".") && !dashed
        }
        var line = headerLine + 1
        var blanks = 0
        while line < lines.count && items.count < 40 && !ended {
            defer { line += 1 }
            if lines.isEmpty(line) {
                blanks += 1
                if blanks > 2 || (blanks > 1 && !items.isEmpty) { break }
                continue
            }
            blanks = 0
            let text = lines.text(line)
            if lexicon.authority(atStartOf: lines.foldedString(line)) != nil { break }
            if tables.listSkips.matches(lines.folded(line)) { continue }
            if let item = bulletItem(text) {
                dashed = true
                items.append(cleanItem(item))
                continue
            }
            if let first = text.first, first.isLowercase, !items.isEmpty {
                items[items.count - 1] = cleanItem(items[items.count - 1] + " " + text)
                continue
            }
            // An undashed list: short lines ending in , ; or . (the last one).
            if !dashed, text.count < 100, let last = text.last, ",;.".contains(last), !lines.isAllCaps(line) {
                items.append(cleanItem(text))
                if last == "." { break }
                continue
            }
            break
        }
        return items.filter { !$0.isEmpty }
    }

    /// The text of a bulleted line without its bullet, or nil.
    private func bulletItem(_ text: String) -> String? {
        guard let first = text.first, "-–—+•·*".contains(first) else { return nil }
        return String(text.dropFirst().drop(while: { $0 == " " || $0 == "-" }))
    }

    /// An item without the spaces and the , . ; : around it.
    private func cleanItem(_ text: String) -> String {
        var out = Substring(text)
        while let first = out.first, first == " " || first == "-" { out = out.dropFirst() }
        while let last = out.last, " ,.;:".contains(last) { out = out.dropLast() }
        return String(out).split(separator: " ").joined(separator: " ")
    }

    // MARK: - signer

    /// The signature block: authority lines (`T/M BAN THƯỜNG VỤ`, `KT. BỘ TRƯỞNG`), the position
    /// line(s) under them, then the signer's name; or, without authority, a position line and a name.
    /// The first line of an appendix or a form ("PHỤ LỤC", "Mẫu số"), or the end.
    private func appendixStart(_ lines: FoldedLines, from start: Int) -> Int {
        for line in start..<lines.count where tables.appendixStarts.matches(lines.folded(line)) {
            return line
        }
        return lines.count
    }

    package func findSigner(_ lines: FoldedLines, from start: Int) -> (signer: Signer, line: Int)? {
        // The first two bytes of every authority prefix (all have two, and a character after
        // them): a line that starts otherwise is no authority line, and makes no string.
        let f = lines.document.folded.bytes
        let authorityStarts = lexicon.authorities.map { Array($0.folded.utf8.prefix(2)) }
        let filterAuthorities = authorityStarts.allSatisfy { $0.count == 2 }
        func mayStartAuthority(_ line: Int) -> Bool {
            guard filterAuthorities else { return true }
            let range = lines.ranges[line]
            guard range.count >= 2 else { return false }
            let a = f[range.lowerBound], b = f[range.lowerBound + 1]
            return authorityStarts.contains { $0[0] == a && $0[1] == b }
        }
        var line = max(0, start)
        while line < lines.count {
            defer { line += 1 }
            guard !lines.isEmpty(line), lines.ranges[line].count < 90 else { continue }
            // Authority lines start with the first letter of an authority of the lexicon (T/M, KT.,
            // TL., TUQ., Q.); a position line alone is short and in capitals.
            let first = lines.document.folded.bytes[lines.ranges[line].lowerBound]
            let mayBeAuthority = lexicon.mayStartAuthority[Int(first)]
            guard mayBeAuthority || lines.ranges[line].count <= 40 else { continue }
            var authorities: [String] = []
            var next = line
            while mayBeAuthority, next < lines.count, mayStartAuthority(next), let (_, length) = lexicon.authority(atStartOf: lines.foldedString(next)),
                  lines.ranges[next].count < 90, lines.isAllCaps(next) {
                let text = lines.text(next)
                let prefixEnd = text.index(text.startIndex, offsetBy: length)
                let prefix = String(text[..<prefixEnd])
                let body = String(text[prefixEnd...]).trimmingSpaces()
                authorities.append(body.isEmpty ? prefix : prefix + " " + units.displayCase(body))
                next += 1
            }
            var positionLines: [String] = []
            if authorities.isEmpty {
                // A position alone ("CHỦ TỊCH", "BỘ TRƯỞNG") followed by a name.
                guard lines.isAllCaps(line), isPosition(lines.text(line)) else { continue }
                positionLines.append(lines.text(line))
                next = line + 1
            }
            // "KT. CHỦ TỊCH⏎ỦY BAN CHỨNG KHOÁN NHÀ NƯỚC⏎PHÓ CHỦ TỊCH": the body of the office an
            // authority line names, wrapped onto the next line, is still the authority (the position
            // is the line under it).
            if !authorities.isEmpty, next + 1 < lines.count, !lines.isEmpty(next), lines.isAllCaps(next),
               !isPosition(lines.text(next)), lines.isAllCaps(next + 1), isPosition(lines.text(next + 1)),
               isPosition(String(authorities[authorities.count - 1].drop { $0 != " " }.dropFirst())) {
                authorities[authorities.count - 1] += " " + units.displayCase(lines.text(next).trimmingSpaces())
                next += 1
            }
            // Position lines: capitals, up to two, right under the authority.
            while next < lines.count, positionLines.count < 2 {
                if lines.isEmpty(next) { if positionLines.isEmpty && !authorities.isEmpty { next += 1; continue } else { break } }
                guard lines.isAllCaps(next), !isNameLine(lines, next) || isPosition(lines.text(next)),
                      !lines.starts(next, with: "cong bao") else { break }
                positionLines.append(lines.text(next))
                next += 1
            }
            guard let name = signerName(lines, from: next) else {
                if !authorities.isEmpty { line = next - 1 }
                continue
            }
            let position = positionLines.isEmpty ? nil : units.displayCase(positionLines.joined(separator: " "))
            return (Signer(name: name, position: position,
                           authority: authorities.isEmpty ? nil : authorities.joined(separator: " ")), line)
        }
        return nil
    }

    /// The whole line is a position of the lexicon, or one read off a scan with a vowel's shape
    /// mark slipped (`PHÓ BÍ THU`): tones still count. The line is kept as read.
    private func isPosition(_ text: String) -> Bool {
        let tokens = WordTokens(text)
        if tokens.count > 0, let match = units.positions.match(tokens, at: 0), match.length == tokens.count { return true }
        let loose = WordTokens(VietnameseFolding.ignoringVowelShape(text))
        guard loose.count > 0, let match = units.positionsIgnoringVowelShape.match(loose, at: 0) else { return false }
        return match.length == loose.count
    }

    /// The first line under a signature block that reads as a person's name, skipping "(Đã ký)",
    /// e-signature stamps, page headers and copy-list lines.
    private func signerName(_ lines: FoldedLines, from start: Int) -> String? {
        var line = start
        while line < lines.count && line < start + 14 {
            defer { line += 1 }
            if lines.isEmpty(line) { continue }
            let fold = lines.foldedString(line)
            if tables.signerSkips.matches(lines.folded(line)) || fold.allSatisfy({ $0.isNumber || $0 == " " }) { continue }
            if isNameLine(lines, line) { return units.displayCase(lines.text(line)) }
            if lines.isAllCaps(line) { continue }
            return nil
        }
        return nil
    }

    /// Two to five capitalised words of letters only, not a position or a unit.
    private func isNameLine(_ lines: FoldedLines, _ line: Int) -> Bool {
        let text = lines.text(line)
        let words = text.split(separator: " ")
        guard (2...5).contains(words.count), text.count <= 40 else { return false }
        for word in words {
            guard let first = word.first, first.isUppercase, word.allSatisfy({ $0.isLetter }) else { return false }
        }
        let tokens = WordTokens(text)
        if units.positions.match(tokens, at: 0) != nil || units.heads.match(tokens, at: 0) != nil { return false }
        if units.localities.match(tokens, at: 0) != nil { return false }
        return true
    }
}

fileprivate extension String {
    func trimmingSpaces() -> String {
        var out = Substring(self)
        while let first = out.first, first == " " { out = out.dropFirst() }
        while let last = out.last, last == " " { out = out.dropLast() }
        return String(out)
    }

    func trimmingCharacters(inSet set: String) -> String {
        var out = Substring(self)
        while let first = out.first, set.contains(first) { out = out.dropFirst() }
        while let last = out.last, set.contains(last) { out = out.dropLast() }
        return String(out)
    }
}
