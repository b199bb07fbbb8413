import VanThuText

/// Other documents cited by type, number and symbol.
///
/// Every `/` of the folded text is a chance: a number-symbol (`NumberSymbol`) around it, with
/// `số` or a type word before it (`Kế hoạch số 06-KH/BCĐ`, `Chỉ thị 16-CT/TU`, `Luật Bảo hiểm
/// xã hội số 41/2024/QH15`) or the shape of a symbol on its own (`02/NQ-CP`); then a date
/// (`ngày 14/8/2015`, `ngày 24 tháng 4 năm 2017`) and an issuer (`của Chính phủ`, a unit the unit
/// extractor found) after it. Each cited document once; the document's own number is its header.
public struct ReferenceExtractor: Extractor {
    public let id = "references"
    public let summary = "Other documents cited by type, number and symbol, with their date and issuer when given."
    public var requires: [String] { ["header", "units"] }
    public var lexicon: DocumentLexicon

    public init(lexicon: DocumentLexicon = .standard) {
        self.lexicon = lexicon
    }

    public var examples: [ExtractorExample] { Self.exampleList }

    public func configured(with configuration: ExtractorConfiguration) -> any Extractor {
        ReferenceExtractor(lexicon: configuration.lexicon.documents)
    }

    public func describe(_ record: Record) -> [String] {
        record.references.flatMap { reference -> [String] in
            var out = [reference.id]
            if let type = reference.type { out.append("\(reference.id) type=\(type)") }
            if let date = reference.date { out.append("\(reference.id) date=\(date)") }
            if let issuer = reference.issuer { out.append("\(reference.id) issuer=\(issuer)") }
            return out
        }
    }

    public func extract(_ context: inout ExtractionContext) {
        let document = context.document
        let folded = document.folded.bytes
        let origin = document.folded.origin
        let utf8 = document.utf8
        let own = context.record.header?.number.map(Self.normalized)
        var references: [ReferenceFact] = []
        var indexByID: [String: Int] = [:]
        let unitStarts = Self.unitStarts(context.record)
        let days = context.calendarDays()
        var searchFrom = 0
        let mixedCase = lexicon.mixedCaseCodes
        func add(_ fact: ReferenceFact, _ normalizedID: String) {
            if let index = indexByID[normalizedID] {
                if references[index].date == nil { references[index].date = fact.date }
                if references[index].issuer == nil { references[index].issuer = fact.issuer }
                if references[index].type == nil { references[index].type = fact.type }
            } else {
                indexByID[normalizedID] = references.count
                references.append(fact)
            }
        }
        // Every slash that is not inside a symbol already read.
        for s in Self.slashes(folded) where s >= searchFrom {
            guard let (start, symbol) = symbolAround(slash: s, folded: folded, origin: origin, utf8: utf8, mixedCase: mixedCase)
            else { continue }
            let end = foldedIndex(ofByte: symbol.range.upperBound, origin: origin, from: s)
            searchFrom = end
            let normalizedID = Self.normalized(symbol.id)
            // The document's own number, or the same cut short where a page's summary lost a hyphen.
            if normalizedID == own || own.map({ Self.isTruncation(normalizedID, of: $0) }) == true { continue }
            let before = clause(before: start, folded: folded)
            guard before.hasSo || before.type != nil || symbol.isStrongShape else { continue }
            let type = before.type ?? symbol.typeCode(in: lexicon).flatMap(lexicon.typeName(code:))
            let fact = citation(document, days, id: symbol.id, type: type, textStart: before.start ?? start, end: end,
                                unitStarts: unitStarts, rule: before.rule)
            add(fact, normalizedID)
        }
        // Type words with a number and no slash: `Chỉ thị 19`, `Kế hoạch số 24`, `Quyết định số 206-CP`.
        for bare in typedNumbers(document, days) {
            let normalizedID = Self.normalized(bare.id)
            if normalizedID == own { continue }
            add(citation(document, days, id: bare.id, type: bare.type, textStart: bare.start, end: bare.end,
                         unitStarts: unitStarts, rule: bare.rule), normalizedID)
        }
        context.record.references = references
    }

    /// The citation that ends at folded offset `end` (its number or symbol), with the date
    /// (`ngày 14/8/2015`) and the issuer (`của …`, a unit found there) that follow it.
    private func citation(_ document: TextDocument, _ days: CalendarDays, id: String, type: String?, textStart: Int, end: Int,
                          unitStarts: [(start: Int, end: Int, name: String)], rule: String) -> ReferenceFact {
        let folded = document.folded.bytes
        let origin = document.folded.origin
        var last = end
        var date: String?
        var k = skipSpaces(folded, end, comma: true)
        if let read = days.day(at: k), Self.startsWith(folded, k, "ngay") {
            date = read.iso
            last = read.end
            k = skipSpaces(folded, last, comma: true)
        }
        var issuer: String?
        if Self.startsWith(folded, k, "cua") {
            let afterOf = document.scalarOffset(ofByte: Int(origin[min(k + 3, folded.count)]))
            if let (name, endScalar) = Self.unit(startingNear: afterOf, in: unitStarts) {
                issuer = name
                last = foldedIndex(ofScalar: endScalar, document: document, from: k)
            }
        }
        let byteRange = Int(origin[textStart])..<Int(origin[last])
        let span = document.scalarSpan(byteRange)
        return ReferenceFact(text: Self.clean(document.string(byteRange)), id: id, type: type, date: date,
                             issuer: issuer, start: span.start, end: span.end, rule: rule)
    }

    // MARK: - type word and number

    /// Words that may follow the number of a cited document written without `số` (`Chỉ thị 19
    /// của …`, `Kế hoạch 24 về …`): after any other word the number counts something (`Kế hoạch
    /// 5 năm`, `báo cáo 6 tháng`). `ngày` only before a date.
    package static let wordsAfterBareNumber: [StaticString] = [
        "cua", "ve", "va", "do", "da", "duoc", "nay", "tai", "thi", "cung", "la", "quy",
    ]

    package struct TypedNumber {
        package var id: String
        package var type: String
        /// Folded offsets: the type word's start, the number's end.
        package var start: Int
        package var end: Int
        package var rule: String
    }

    /// Type words followed by a number without a slash: `Kế hoạch số 24`, `Chỉ thị 19` (the type
    /// word capitalised, not a year, and then a clause boundary or a word of `wordsAfterBareNumber`),
    /// `Quyết định số 206-CP` (a symbol of dashes only). Symbols with a slash are the slash pass's.
    package func typedNumbers(_ document: TextDocument, _ days: CalendarDays) -> [TypedNumber] {
        let folded = document.folded.bytes
        let utf8 = document.utf8
        var found: [TypedNumber] = []
        var d = 1
        while d < folded.count {
            defer { d += 1 }
            guard FoldedText.isDigit(folded[d]), !FoldedText.isWordByte(folded[d - 1]) else { continue }
            // The word before, over spaces and a colon: `số`, or the type word itself.
            var k = d - 1
            while k >= 0 && (folded[k] == 0x20 || folded[k] == UInt8(ascii: ":")) { k -= 1 }
            guard k < d - 1, k >= 1 else { continue }
            var typeEnd = k + 1
            var hasSo = false
            if folded[k] == UInt8(ascii: "o"), folded[k - 1] == UInt8(ascii: "s"), k < 2 || !FoldedText.isWordByte(folded[k - 2]) {
                hasSo = true
                var b = k - 2
                while b >= 0 && folded[b] == 0x20 { b -= 1 }
                typeEnd = b + 1
            }
            guard let (type, typeStart) = typeName(endingAt: typeEnd, folded) else { continue }
            // The number as written.
            let numberByte = Int(document.folded.origin[d])
            if let symbol = NumberSymbol.parse(utf8, at: numberByte, mixedCase: lexicon.mixedCaseCodes) {
                guard !symbol.separators.contains(UInt8(ascii: "/")), hasSo || isCapitalised(document, typeStart) else { continue }
                let end = foldedIndex(ofByte: symbol.range.upperBound, origin: document.folded.origin, from: d)
                found.append(TypedNumber(id: symbol.id, type: type, start: typeStart, end: end, rule: "references.type-symbol"))
                d = end
                continue
            }
            var end = d
            while end < folded.count && FoldedText.isDigit(folded[end]) { end += 1 }
            // A number and the year of issue with no symbol (`Nghị định 37/2021`, `Nghị định số 137/2015
            // của Chính phủ`): the number and year are the id.
            if let yearEnd = Self.yearOfIssue(after: end, folded), hasSo || isCapitalised(document, typeStart),
               !isAllCapsWord(document, typeStart) {
                let id = String(decoding: folded[d..<yearEnd], as: UTF8.self)
                found.append(TypedNumber(id: id, type: type, start: typeStart, end: yearEnd, rule: "references.type-number-year"))
                d = yearEnd
                continue
            }
            if end < folded.count {
                let next = folded[end]
                if FoldedText.isWordByte(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "%") { continue }
                if (next == UInt8(ascii: "-") || next == UInt8(ascii: ".") || next == UInt8(ascii: ",")),
                   end + 1 < folded.count, FoldedText.isDigit(folded[end + 1]) { continue }
            }
            // A number whose symbol was left blank (`số 66…/2026/NQ-CP`), or an item's label
            // (`Dự án số 01: ___`): no citation.
            if Self.continuesIntoSymbolOrLabel(folded, end) { continue }
            if !hasSo {
                // A type word in capitals with a bare number is a heading or a form's title
                // (`QUYẾT ĐỊNH 121`), not a citation.
                if isAllCapsWord(document, typeStart) { continue }
                guard !lexicon.sessionNumberedTypes.contains(type), !lexicon.partNumberedTypes.contains(type), isCapitalised(document, typeStart), !isYear(folded[d..<end]), endsBareNumber(folded, end, days) else { continue }
            }
            let id = String(decoding: folded[d..<end], as: UTF8.self)
            found.append(TypedNumber(id: id, type: type, start: typeStart, end: end,
                                     rule: hasSo ? "references.type-so-number" : "references.type-number"))
            d = end
        }
        return found
    }

    /// The longest type name whose fold ends at folded offset `end` on word boundaries, and its
    /// start. A space of the name matches a run of spaces and line breaks (`Quyết⏎định` in text
    /// laid out from a PDF).
    private func typeName(endingAt end: Int, _ folded: [UInt8]) -> (String, Int)? {
        guard end > 0, FoldedText.isWordByte(folded[end - 1]) else { return nil }
        // Longest first: the first that matches on word boundaries is the longest.
        for (fold, name) in lexicon.typeFoldsLongestFirst where fold.last == folded[end - 1] {
            guard let start = Self.start(of: fold, endingAt: end, folded) else { continue }
            guard start == 0 || !FoldedText.isWordByte(folded[start - 1]) else { continue }
            return (name, start)
        }
        return nil
    }

    /// Where `fold` starts when it ends at `end`, read backwards, a space in it matching one or
    /// more spaces or line breaks.
    package static func start(of fold: [UInt8], endingAt end: Int, _ folded: [UInt8]) -> Int? {
        var k = end
        var previousWasSpace = false
        for byte in fold.reversed() {
            if byte == 0x20 {
                guard k > 0, folded[k - 1] == 0x20 || folded[k - 1] == 0x0A else { return nil }
                while k > 0 && (folded[k - 1] == 0x20 || folded[k - 1] == 0x0A || folded[k - 1] == 0x0D) { k -= 1 }
                previousWasSpace = true
                continue
            }
            previousWasSpace = false
            guard k > 0, folded[k - 1] == byte else { return nil }
            k -= 1
        }
        return previousWasSpace ? nil : k
    }

    /// After a document's number at folded offset `end`: `/` and a year of issue (19xx or 20xx) that ends
    /// the citation (no symbol follows: not `/2021/NĐ-CP`, not a day and month `/5/2021`). The end of
    /// the year, or nil.
    package static func yearOfIssue(after end: Int, _ folded: [UInt8]) -> Int? {
        let yearEnd = end + 5
        guard yearEnd <= folded.count, folded[end] == UInt8(ascii: "/"),
              folded[(end + 1)..<yearEnd].allSatisfy(FoldedText.isDigit),
              folded[end + 1] == UInt8(ascii: "2") || (folded[end + 1] == UInt8(ascii: "1") && folded[end + 2] == UInt8(ascii: "9"))
        else { return nil }
        if yearEnd < folded.count {
            let next = folded[yearEnd]
            if FoldedText.isWordByte(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "-") { return nil }
        }
        return yearEnd
    }

    /// After a bare number at folded offset `end`: a slash within a blank or an ellipsis
    /// (`66…/2026`, `12 .../QĐ`), or a colon (`Dự án số 01:`), on the same line.
    package static func continuesIntoSymbolOrLabel(_ folded: [UInt8], _ end: Int) -> Bool {
        var k = end
        while k < folded.count, folded[k] == 0x20 { k += 1 }
        if k < folded.count, folded[k] == UInt8(ascii: ":") { return true }
        k = end
        while k < folded.count, k < end + 6, folded[k] != 0x0A, folded[k] != 0x20 || k == end {
            let byte = folded[k]
            if byte == UInt8(ascii: "/") { return k > end }
            if FoldedText.isWordByte(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";")
                || byte == UInt8(ascii: ")") { return false }
            k += 1
        }
        return false
    }

    /// The word at folded offset `foldedStart` is written in capitals (`QUYẾT ĐỊNH`).
    private func isAllCapsWord(_ document: TextDocument, _ foldedStart: Int) -> Bool {
        let byte = Int(document.folded.origin[foldedStart])
        let word = document.string(byte..<min(document.utf8.count, byte + 12)).prefix { $0.isLetter }
        return word.count >= 2 && word.allSatisfy { !$0.isLowercase }
    }

    private func isCapitalised(_ document: TextDocument, _ foldedStart: Int) -> Bool {
        let byte = Int(document.folded.origin[foldedStart])
        return document.string(byte..<min(document.utf8.count, byte + 4)).unicodeScalars.first?.properties.isUppercase ?? false
    }

    private func isYear(_ digits: ArraySlice<UInt8>) -> Bool {
        digits.count == 4 && (digits.first == UInt8(ascii: "1") || digits.first == UInt8(ascii: "2"))
    }

    /// Whether the number ending at `end` ends the citation: the end, a punctuation mark, or a
    /// word of `wordsAfterBareNumber`, or `ngày` and a date.
    private func endsBareNumber(_ folded: [UInt8], _ end: Int, _ days: CalendarDays) -> Bool {
        var k = end
        while k < folded.count && folded[k] == 0x20 { k += 1 }
        // The end, a line break or a punctuation mark.
        guard k < folded.count, FoldedText.isWordByte(folded[k]) else { return true }
        for word in Self.wordsAfterBareNumber where CitationDate.match(folded, k, word) { return true }
        return Self.startsWith(folded, k, "ngay") && days.day(at: k) != nil
    }

    // MARK: - pieces

    /// Folded offsets of every `/`, found eight bytes at a time.
    package static func slashes(_ folded: [UInt8]) -> [Int] {
        var found: [Int] = []
        folded.withUnsafeBufferPointer { p in
            var s = 0
            while let slash = p.firstIndex(ofByte: UInt8(ascii: "/"), from: s) {
                found.append(slash)
                s = slash + 1
            }
        }
        return found
    }

    /// The number-symbol that contains the slash at folded offset `slash`, and its folded start.
    private func symbolAround(slash: Int, folded: [UInt8], origin: FoldedOrigin, utf8: [UInt8],
                              mixedCase: Set<String>) -> (Int, NumberSymbol)? {
        var k = slash - 1
        let limit = max(0, slash - 48)
        while k >= limit {
            let b = folded[k]
            guard FoldedText.isWordByte(b) || b == 0x20 || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == 0x2F
            else { break }
            k -= 1
        }
        var p = k + 1
        let slashByte = Int(origin[slash])
        while p < slash {
            let b = folded[p]
            if FoldedText.isDigit(b) && (p == 0 || !FoldedText.isWordByte(folded[p - 1])) {
                if let symbol = NumberSymbol.parse(utf8, at: Int(origin[p]), mixedCase: mixedCase),
                   symbol.range.contains(slashByte) {
                    return (p, symbol)
                }
            }
            p += 1
        }
        return nil
    }

    private struct Before {
        var hasSo = false
        var type: String?
        /// Folded start of the reference's text (type word or `số`).
        var start: Int?
        var rule = "references.shape"
    }

    /// `số` and a type word before the symbol at folded `start`, within the clause.
    private func clause(before start: Int, folded: [UInt8]) -> Before {
        var result = Before()
        var k = start - 1
        while k >= 0 && (folded[k] == 0x20 || folded[k] == UInt8(ascii: ":")) { k -= 1 }
        // The words before, nearest first, up to twelve and not across a clause boundary.
        var wordStarts: [Int] = []
        var end = k + 1
        while end > 0 && wordStarts.count < 12 {
            var w = end
            while w > 0 && FoldedText.isWordByte(folded[w - 1]) { w -= 1 }
            if w == end { break }
            wordStarts.append(w)
            var b = w - 1
            while b >= 0 && folded[b] == 0x20 { b -= 1 }
            if b < 0 { break }
            let separator = folded[b]
            if !FoldedText.isWordByte(separator) { break }
            end = b + 1
        }
        guard !wordStarts.isEmpty else { return result }
        var typeSearch = wordStarts[...]
        // End of the word a type name must end at when there is no "số": the one before the symbol.
        var anchorEnd = k + 1
        if Self.startsWith(folded, wordStarts[0], "so") && wordStarts[0] + 2 == k + 1 {
            result.hasSo = true
            result.start = wordStarts[0]
            result.rule = "references.so"
            typeSearch = wordStarts.dropFirst()
            var b = wordStarts[0] - 1
            while b >= 0 && folded[b] == 0x20 { b -= 1 }
            anchorEnd = b + 1
        }
        // The type word nearest the symbol; the longest one at a start ("thông tư liên tịch").
        for w in typeSearch {
            guard let (best, bestLength) = lexicon.typeName(in: folded, at: w) else { continue }
            // With "số" the type may name the document further back ("Luật Bảo hiểm xã hội số …");
            // without it, it must stand right before the symbol ("Chỉ thị 16-CT/TU").
            if result.hasSo || w + bestLength == anchorEnd {
                result.type = best
                result.start = w
                result.rule = result.hasSo ? "references.type-so" : "references.type"
            }
            break
        }
        return result
    }

    private func skipSpaces(_ folded: [UInt8], _ start: Int, comma: Bool) -> Int {
        var k = start
        while k < folded.count, folded[k] == 0x20 || (comma && folded[k] == UInt8(ascii: ",")) { k += 1 }
        return k
    }

    private func foldedIndex(ofByte byte: Int, origin: FoldedOrigin, from: Int) -> Int {
        var k = from
        while k < origin.count - 1 && Int(origin[k]) < byte { k += 1 }
        return k
    }

    /// The folded offset of scalar `scalar`, counting from folded offset `from` (before it).
    private func foldedIndex(ofScalar scalar: Int, document: TextDocument, from: Int) -> Int {
        let origin = document.folded.origin
        var byte = Int(origin[from])
        var scalars = document.scalarOffset(ofByte: byte)
        let utf8 = document.utf8
        while byte < utf8.count && scalars < scalar {
            byte += 1
            while byte < utf8.count && utf8[byte] & 0xC0 == 0x80 { byte += 1 }
            scalars += 1
        }
        return foldedIndex(ofByte: byte, origin: origin, from: from)
    }

    package static func startsWith(_ folded: [UInt8], _ at: Int, _ word: StaticString) -> Bool {
        CitationDate.match(folded, at, word)
    }

    /// Units by the scalar offset where a mention starts: (name, mention end).
    package static func unitStarts(_ record: Record) -> [(start: Int, end: Int, name: String)] {
        record.units.flatMap { unit in unit.mentions.map { (start: $0[0], end: $0[1], name: unit.name) } }
            .sorted { $0.start < $1.start }
    }

    /// The unit mentioned first within a few words after `scalar` ("của Bộ trưởng Bộ Tài chính").
    package static func unit(startingNear scalar: Int, in starts: [(start: Int, end: Int, name: String)]) -> (String, Int)? {
        var low = 0
        var high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid].start < scalar { low = mid + 1 } else { high = mid }
        }
        guard low < starts.count, starts[low].start - scalar <= 24 else { return nil }
        return (starts[low].name, starts[low].end)
    }

    /// Whether `id` is `whole` cut short before one of its separators (`12/SYT` of `12/SYT-VP`).
    package static func isTruncation(_ id: String, of whole: String) -> Bool {
        guard id.count < whole.count, whole.hasPrefix(id), id.contains("/") else { return false }
        let next = whole[whole.index(whole.startIndex, offsetBy: id.count)]
        return next == "-" || next == "/"
    }

    /// An id upper case, without spaces and leading zeros, for comparing ids.
    package static func normalized(_ id: String) -> String {
        // Upper case changes nothing when no scalar changes (ids are mostly upper case already).
        let upper = id.unicodeScalars.contains { $0.properties.changesWhenUppercased } ? id.uppercased() : id
        var bytes: [UInt8] = []
        bytes.reserveCapacity(upper.utf8.count)
        var ascii = true
        for byte in upper.utf8 where byte != 0x20 {
            bytes.append(byte)
            if byte >= 0x80 || byte == 0x0D { ascii = false }
        }
        if ascii {
            // Each byte is a character: the leading zeros go byte by byte.
            var start = 0
            while bytes.count - start > 1 && bytes[start] == 0x30 && FoldedText.isDigit(bytes[start + 1]) { start += 1 }
            return String(decoding: bytes[start...], as: UTF8.self)
        }
        var out = String(decoding: bytes, as: UTF8.self)
        while out.hasPrefix("0") && out.count > 1 && out.dropFirst().first?.isNumber == true { out.removeFirst() }
        return out
    }

    /// `normalized` as it was first written, scalar by scalar: the reference for tests.
    package static func normalizedByScalars(_ id: String) -> String {
        var out = ""
        for scalar in id.uppercased().unicodeScalars where scalar != " " {
            out.unicodeScalars.append(scalar)
        }
        while out.hasPrefix("0") && out.count > 1 && out.dropFirst().first?.isNumber == true { out.removeFirst() }
        return out
    }

    /// The text with runs of spaces and line breaks as one space, none at the ends (split by
    /// characters: a space that a combining mark follows is no separator). Read as bytes when
    /// every scalar is one that never joins a space into a character.
    package static func clean(_ text: String) -> String {
        var text = text
        let bytes: [UInt8]? = text.withUTF8 { p in
            var out: [UInt8] = []
            out.reserveCapacity(p.count)
            var pendingSpace = false
            var k = 0
            while k < p.count {
                let byte = p[k]
                let length = Self.standaloneScalarLength(p, k)
                guard length > 0 else { return nil }
                if byte == 0x20 || byte == 0x0A {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20); pendingSpace = false }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[k..<(k + length)]))
                }
                k += length
            }
            return out
        }
        guard let bytes else { return text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The byte length of the scalar at `k` when it is one that is a character of its own next to
    /// a space or line feed: ASCII but CR, U+00C0–U+01BF, U+1E00–U+1EFF (letters, `×`, `÷`), and
    /// the dashes, quotes and ellipsis U+2010–U+201F, U+2026; else 0.
    @inline(__always)
    private static func standaloneScalarLength(_ p: UnsafeBufferPointer<UInt8>, _ k: Int) -> Int {
        let byte = p[k]
        if byte < 0x80 { return byte == 0x0D ? 0 : 1 }
        if byte >= 0xC3 && byte <= 0xC6 { return k + 1 < p.count ? 2 : 0 }
        guard k + 2 < p.count else { return 0 }
        if byte == 0xE1 && p[k + 1] >= 0xB8 && p[k + 1] <= 0xBB { return 3 }
        if byte == 0xE2 && p[k + 1] == 0x80 && ((p[k + 2] >= 0x90 && p[k + 2] <= 0x9F) || p[k + 2] == 0xA6) { return 3 }
        return 0
    }
}
