/// Finds unit names and the people named with them in a token stream (`WordTokens`), by the
/// grammar of `UnitLexicon`: head + qualifiers + nested heads + locality, with the boundary rules
/// for positions and person names ("Phó Bí thư Thường trực Thành ủy Lương Quốc Tuấn" → the unit
/// `Thành ủy` and the person; "Trưởng ban Dân vận Thành ủy" → `Ban Dân vận Thành ủy`).
package final class UnitParser {
    /// A unit name found in the text: a byte range and the rule that found it.
    package struct Mention {
        package var bytes: Range<Int>
        package var scalars: Range<Int>
        /// The name starts with a head noun written in lower case inside a position ("Trưởng ban …").
        package var capitalizeFirst: Bool
        package var rule: String
        /// The locality the name shares with the list it is in ("Hội LHPN" in "Ban Dân vận, Hội
        /// LHPN, Hội Nông dân huyện Đất Đỏ"): its bytes, written after the name.
        package var sharedLocality: Range<Int>? = nil
        /// The name ends with a qualifier and has no locality: one that closes its list is its own.
        package var takesLocality = false
    }

    package struct Person {
        package var bytes: Range<Int>
        package var scalars: Range<Int>
        package var position: Range<Int>?
        package var unit: Range<Int>?
    }

    package private(set) var tokens: WordTokens
    package let lexicon: UnitLexicon
    package let utf8: [UInt8]
    /// Set when a look-ahead ran into the end of the words (a window may have cut a name).
    package var readToEnd = false
    package private(set) var mentions: [Mention] = []
    package private(set) var people: [Person] = []
    /// Tokens inside a quoted title (a unit does not start there).
    private var quoted: [Bool]

    /// Forgets what was found after the first `mentions` mentions and `people` people.
    package func rollBack(mentions: Int, people: Int) {
        self.mentions.removeSubrange(mentions...)
        self.people.removeSubrange(people...)
    }

    /// `quotes`: the quoted spans of the text (`QuoteSpans`); computed here when not given.
    package init(tokens: WordTokens, lexicon: UnitLexicon, utf8: [UInt8], quotes: QuoteSpans? = nil) {
        self.tokens = tokens
        self.lexicon = lexicon
        self.utf8 = utf8
        let spans = quotes ?? QuoteSpans(utf8)
        self.quoted = tokens.tokens.map { spans.contains(Int($0.start)) }
    }

    /// Points the parser at other words of the same text (what it found so far is kept).
    package func retarget(_ tokens: WordTokens, quotes: QuoteSpans) {
        self.tokens = tokens
        if let first = tokens.tokens.first, let last = tokens.tokens.last,
           quotes.intersects(Int(first.start)..<Int(last.start) + 1) {
            self.quoted = tokens.tokens.map { quotes.contains(Int($0.start)) }
        } else {
            self.quoted = Array(repeating: false, count: tokens.count)
        }
    }

    // MARK: - scanning

    package func run() {
        var i = 0
        while i < tokens.count { i = step(at: i) ?? i + 1 }
    }

    /// Handles what starts at token `i` (a position, a head, a law's title) and returns the token
    /// after it; nil when nothing starts there.
    package func step(at i: Int) -> Int? {
        let n = tokens.count
        guard i < n else { return nil }
        let token = tokens[i]
        if !token.isCapitalized {
            // "trường Tiểu học Kim Đồng": a few heads may be lower case before a capitalised name.
            // ("bệnh viện Mắt": a head of two words, the capital after both.)
            if i + 1 < n, tokens[i + 1].isCapitalized
                || (tokens[i + 1].gap.subtracting(.space).isEmpty && lexicon.lowercaseStartWords.contains(token.key)),
               !quoted[i], lexicon.heads.startsPhrase(token.key),
               !insideName(i), let head = lexicon.heads.match(tokens, at: i),
               head.value.contains(.lowercaseBeforeName), i + head.length < n, tokens[i + head.length].isCapitalized,
               let parsed = parseUnit(at: i, positionContext: false), !lowercaseHeadNamesNoBody(parsed, nameStart: i + head.length) {
                let unit = trimmingRunningText(parsed, nameStart: i + head.length)
                record(unit, rule: "units.lowercase-head")
                return max(unit.end, i + 1)
            }
            // "công an xã Bình Lâm", "chi bộ công an xã": a lower-case head with a locality.
            if !quoted[i], lexicon.heads.startsPhrase(token.key), let head = lexicon.heads.match(tokens, at: i),
               !head.value.isDisjoint(with: [.lowercaseWithLocality, .lowercaseWithQualifier]), !insideName(i),
               let unit = parseUnit(at: i, positionContext: false, lowercase: true) {
                record(unit, rule: "units.lowercase-locality")
                return max(unit.end, i + 1)
            }
            return nil
        }
        if quoted[i] { return nil }
        if let law = lexicon.lawWords.match(tokens, at: i) {
            return skipTitle(from: i + law.length)
        }
        if let position = lexicon.positions.match(tokens, at: i), !startsUnitBeforePosition(i) {
            return handlePosition(at: i, length: position.length, hidden: position.value.hiddenHead ? position.value.headWords : 0)
        }
        if lexicon.heads.startsPhrase(token.key), !insideName(i), let unit = parseUnit(at: i, positionContext: false) {
            record(unit, rule: "units.head")
            if let person = unit.person { addPerson(person, position: nil, unit: unit) }
            return max(unit.end, i + 1)
        }
        return nil
    }

    /// A lower-case head whose "name" is only a known place ("công ty Trung Quốc", "các công ty
    /// Nga"), or a company's one letter ("công ty G", a placeholder; not "trường Y"): a common noun
    /// with where the company is from, not a named body.
    private func lowercaseHeadNamesNoBody(_ unit: Parse, nameStart: Int) -> Bool {
        guard nameStart < unit.nameEnd else { return true }
        if let place = lexicon.places.match(tokens, at: nameStart), nameStart + place.length >= unit.nameEnd { return true }
        let first = tokens[nameStart]
        return unit.nameEnd == nameStart + 1 && first.end - first.start == 1
            && lexicon.placeholderHeads.match(tokens, at: unit.start) != nil
    }

    /// A name opened by a lower-case head ends with its capitalised words: a verb after them is
    /// running text ("công ty Green Homes xây dựng nhà"). Dropped: a qualifier that is also a verb,
    /// after a capitalised word. (A single lower-case syllable stays: it is mostly the second
    /// syllable of a Vietnamese word, "trường Đại học Thủy lợi".)
    private func trimmingRunningText(_ unit: Parse, nameStart: Int) -> Parse {
        guard unit.person == nil, unit.localityStart == nil, unit.nameEnd - nameStart >= 2 else { return unit }
        var lastCapital = unit.nameEnd - 1
        while lastCapital >= nameStart, !tokens[lastCapital].isCapitalized { lastCapital -= 1 }
        guard lastCapital >= nameStart, lastCapital < unit.nameEnd - 1 else { return unit }
        let tail = lastCapital + 1
        let verb = lexicon.verbQualifiers.match(tokens, at: tail).map { tail + $0.length == unit.nameEnd } ?? false
        guard verb else { return unit }
        var trimmed = unit
        trimmed.nameEnd = tail
        trimmed.nameEndByte = Int(tokens[tail - 1].end)
        trimmed.inner = nil
        trimmed.takesLocality = false
        return trimmed
    }

    /// A head inside a capitalised name ("Nguyễn Trường Thịnh", "Tây Ban Nha"), or ending a
    /// compound word ("thị trường"), is not a unit.
    private func insideName(_ i: Int) -> Bool {
        for length in 2...3 where i - length + 1 >= 0 {
            if let compound = lexicon.headCompounds.match(tokens, at: i - length + 1), compound.length >= length { return true }
        }
        guard i > 0, tokens[i].gap.subtracting(.space).isEmpty, tokens[i - 1].isCapitalized,
              !tokens[i - 1].isAllCaps || tokens[i - 1].end - tokens[i - 1].start > 6 else { return false }
        return !startsSentence(i - 1)
    }

    /// Whether token `k` is the first word of a sentence, line or clause.
    private func startsSentence(_ k: Int) -> Bool {
        k == 0 || !tokens[k].gap.intersection([.newline, .blankLine, .period, .colon, .semicolon, .openQuote, .straightQuote,
                                               .paren, .other, .comma, .slash]).isEmpty
    }

    /// A surname followed by one to three capitalised words that are not parts of a unit name
    /// ("Đoàn Khắc Việt" is a person, not a delegation).
    private func isPersonStart(_ k: Int) -> Bool {
        guard isSurname(k), k + 1 < tokens.count, tokens[k + 1].isCapitalized, continues(tokens[k + 1].gap),
              lexicon.qualifiers.match(tokens, at: k + 1) == nil, lexicon.heads.match(tokens, at: k + 1) == nil,
              lexicon.places.match(tokens, at: k) == nil else { return false }
        var end = k + 1
        while end < tokens.count, end < k + 5, tokens[end].isCapitalized, !tokens[end].isAllCaps, continues(tokens[end].gap) { end += 1 }
        return (2...4).contains(end - k)
    }

    /// "Bộ Chính trị", "Ban Bí thư": a head that is longer than the position it starts with.
    private func startsUnitBeforePosition(_ i: Int) -> Bool {
        guard let head = lexicon.heads.match(tokens, at: i), let position = lexicon.positions.match(tokens, at: i) else { return false }
        return head.length > position.length
    }

    /// A position; then a unit (possibly hidden in it) and a person's name.
    private func handlePosition(at i: Int, length: Int, hidden: Int) -> Int {
        let n = tokens.count
        let j = i + length
        let positionBytes = Int(tokens[i].start)..<Int(tokens[j - 1].end)
        guard j < n, continues(tokens[j].gap) else { return j }
        // (A head of two words may take a locality straight after it: "Trưởng Công an xã Tân Lập".)
        let localityNext = hidden >= 2 && !tokens[j].isCapitalized && localityNoun(at: j) != nil
            && lexicon.notLocalities.match(tokens, at: j) == nil
            && lexicon.heads.match(tokens, at: j - hidden)?.value.contains(.lowercaseWithLocality) == true
        if hidden > 0, hidden <= length,
           !lexicon.heads.startsPhrase(tokens[j].key) || (lexicon.heads.match(tokens, at: j).map { $0.value.contains(.nestedOnly) } ?? true),
           tokens[j].isCapitalized || localityNext, lexicon.positions.match(tokens, at: j) == nil, !isPersonRun(j, context: true),
           let unit = parseUnit(at: j - hidden, positionContext: true, hiddenHead: hidden) {
            record(unit, rule: "units.position-hidden", capitalizeFirst: !tokens[j - hidden].isCapitalized)
            if let person = unit.person { addPerson(person, position: positionBytes, unit: unit) }
            return max(unit.end, j)
        }
        if lexicon.heads.startsPhrase(tokens[j].key), tokens[j].isCapitalized,
           let unit = parseUnit(at: j, positionContext: true) {
            record(unit, rule: "units.position")
            if let person = unit.person { addPerson(person, position: positionBytes, unit: unit) }
            return max(unit.end, j)
        }
        if isPersonRun(j, context: true) {
            let end = personEnd(j)
            addPerson(j..<end, position: positionBytes, unit: nil)
            return end
        }
        return j
    }

    // MARK: - one unit

    package struct Parse {
        package var start: Int
        /// Exclusive end token of the whole parse (name and a person after it).
        package var end: Int
        /// Exclusive end token of the name.
        package var nameEnd: Int
        /// Byte end of the name (after a closing quote when the name ends with a quoted title).
        package var nameEndByte: Int
        package var person: Range<Int>?
        /// An inner unit that is reported too (`Hội Phụ nữ phường 6` in `Ban Chấp hành Hội Phụ nữ phường 6`).
        package var inner: Range<Int>?
        package var innerEndByte: Int = 0
        /// First token of the name's locality, when it has one.
        package var localityStart: Int? = nil
        /// Its locality comes right after a qualifier ("Hội Nông dân huyện …").
        package var localityAfterQualifier = false
        /// No locality, no person, and a qualifier at its end ("Ban Dân vận", "Hội LHPN").
        package var takesLocality = false
    }

    /// Parses the unit whose head is at token `i`.
    /// `lowercase`: the head is written in lower case in running text; the name must have a
    /// locality then ("chi bộ công an xã", "tổ dân vận thôn Đồng Lân").
    package func parseUnit(at i: Int, positionContext: Bool, hiddenHead: Int = 0, lowercase: Bool = false) -> Parse? {
        let n = tokens.count
        let headMatch: PhraseTable<UnitLexicon.Head>.Match
        if hiddenHead > 0 {
            // "Trưởng ban Dân vận …": the position's last word (or words) is the head.
            guard let match = lexicon.heads.match(tokens, at: i), match.length == hiddenHead else { return nil }
            headMatch = match
        } else {
            guard let match = lexicon.heads.match(tokens, at: i) else { return nil }
            headMatch = match
        }
        let outer = headMatch.value
        if outer.contains(.nestedOnly) {
            // "Trung ương Hội Nông dân Việt Nam": the central body of an organisation.
            let k = i + headMatch.length
            guard hiddenHead == 0, outer.contains(.leadsBody), k < n, continues(tokens[k].gap), tokens[k].isCapitalized,
                  let body = lexicon.heads.match(tokens, at: k), !body.value.contains(.committee),
                  !body.value.contains(.nestedOnly), lexicon.notUnits.match(tokens, at: k) == nil else { return nil }
        }
        if headMatch.length == 1 && isPersonStart(i) { return nil }
        // A document symbol: "123/BHXH-KHTC", "45/UBND-VX" (an abbreviation glued to a slash or
        // to a code in capitals).
        if outer.contains(.abbreviation), tokens[i].gap.contains(.slash) && !tokens[i].gap.contains(.space)
            || i + headMatch.length < n && tokens[i + headMatch.length].gap == .hyphen && tokens[i + headMatch.length].isAllCaps {
            return nil
        }
        if lexicon.notUnits.match(tokens, at: i) != nil { return nil }
        let allCaps = tokens[i].isAllCaps && !outer.contains(.abbreviation)
        var j = i + headMatch.length
        var satisfied = outer.contains(.standalone)
        var current = outer
        var justAfterHead = true
        /// The last head has what it needs (a nested `Trường` still needs its name).
        var currentSatisfied = satisfied
        var sawLocality = false
        var afterQuoteEnd = -1
        var nameEndByte = Int(tokens[j - 1].end)
        var person: Range<Int>?
        var inner: Range<Int>?
        var innerStart: Int?
        var innerEndByte = 0
        /// The last part read was a qualifier (a comma may continue it: "Văn hóa, Thể thao và Du lịch").
        var afterQualifier = false
        var localityStart: Int?
        var localityAfterQualifier = false
        /// A part of the name was read up to token `end`: the head has its name.
        func readNamePart(to end: Int) {
            j = end
            nameEndByte = Int(tokens[j - 1].end)
            satisfied = true
            currentSatisfied = true
            justAfterHead = false
        }

        if allCaps {
            // Inside a heading in capitals ("… TRỢ CẤP BẢO HIỂM XÃ HỘI …", "BÁO CÁO CỦA BAN …"): a
            // common word in capitals just before the head.
            if i > 0, tokens[i - 1].isAllCaps, continuesCaps(tokens[i].gap), lexicon.stopWords.contains(tokens[i - 1].key) {
                return nil
            }
            // The second syllable of a common word ("CƠ SỞ ĐÀO TẠO", "NHIỆM VỤ CỤ THỂ", "MÔI⏎TRƯỜNG").
            if i > 0, tokens[i - 1].isAllCaps, lexicon.compoundsEndingInHead[tokens[i].key]?.contains(tokens[i - 1].key) == true,
               continuesCaps(tokens[i].gap) || tokens[i].gap.subtracting([.space, .newline]).isEmpty {
                return nil
            }
            // A header line: the name runs to the end of the line.
            // (Function words end it: "VỤ TRONG LĨNH VỰC" is a heading, not a unit; "VÀ" joins.)
            // After a locality and its name, another head starts another body: "ĐẢNG BỘ TỈNH A
            // HUYỆN ỦY B", "UBND HUYỆN A PHÒNG NỘI VỤ" (a header flattened into one line).
            var namedLocalityFrom: Int?
            while j < n, tokens[j].isCapitalized && !tokens[j].flags.contains(.hasLower) || tokens[j].isNumber,
                  continuesCaps(tokens[j].gap) || capsWrap(j) || apostropheInWord(j) {
                // A name with a comma inside, in capitals: "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH".
                if let qualifier = lexicon.qualifiers.match(tokens, at: j), qualifier.length > 1,
                   ((j + 1)..<(j + qualifier.length)).contains(where: { tokens[$0].gap.contains(.comma) }),
                   ((j + 1)..<(j + qualifier.length)).allSatisfy({ tokens[$0].isAllCaps }) {
                    j += qualifier.length
                    continue
                }
                let headHere = lexicon.heads.match(tokens, at: j)
                if let locality = localityNoun(at: j), locality.length >= (headHere?.length ?? 0) {
                    namedLocalityFrom = j + locality.length + 1
                } else if let from = namedLocalityFrom, j >= from, let head = headHere, !head.value.contains(.nestedOnly),
                          !head.value.contains(.committee) || head.length >= 2 {
                    break
                }
                if lexicon.positions.match(tokens, at: j) != nil && lexicon.heads.match(tokens, at: j) == nil { break }
                // The national motto beside the issuer in a dispatch header.
                if lexicon.headingStops.match(tokens, at: j) != nil { break }
                if lexicon.functionWords.contains(tokens[j].key) {
                    guard tokens[j].key == Self.va, j + 1 < n, tokens[j + 1].isAllCaps, continuesCaps(tokens[j + 1].gap)
                    else { break }
                }
                j += 1
            }
            while j > i + headMatch.length, tokens[j - 1].key == Self.va { j -= 1 }
            let end = j
            if !satisfied && end == i + headMatch.length { return nil }
            if headMatch.value.contains(.abbreviation), end == i + headMatch.length, isBylineMark(i, end: end) { return nil }
            return Parse(start: i, end: end, nameEnd: end, nameEndByte: Int(tokens[end - 1].end), person: nil, inner: nil)
        }

        loop: while j < n {
            let token = tokens[j]
            var gap = token.gap
            if afterQuoteEnd == j { gap.remove([.closeQuote, .straightQuote]) }
            // A line broken inside a name (gazette text): "Bộ Lao⏎động - Thương binh và Xã hội".
            if softWrap(j) || wrappedPlace(j) { gap.remove(.newline) }
            if !continues(gap) {
                if afterQualifier, !sawLocality, gap.contains(.comma), gap.subtracting([.space, .comma]).isEmpty,
                   let end = commaJoinedEnd(from: j) {
                    j = end
                    nameEndByte = Int(tokens[j - 1].end)
                    afterQualifier = false
                    continue
                }
                // A hyphen between two capitalised parts of one name: "Lao động - Thương binh".
                let hyphenated = gap.contains(.hyphen) && gap.subtracting([.space, .hyphen]).isEmpty
                // (A qualifier longer than a head in it is the qualifier: "Ban Tuyên giáo - Tổ chức".)
                let headThere = lexicon.heads.match(tokens, at: j)
                let qualifierThere = lexicon.qualifiers.match(tokens, at: j)
                guard hyphenated, token.isCapitalized, !sawLocality,
                      headThere == nil || (qualifierThere.map { $0.length > headThere!.length } ?? false),
                      lexicon.positions.match(tokens, at: j) == nil, !isPersonRun(j, context: positionContext)
                else { break loop }
            }
            // Locality: "phường 4", "xã Long Đức", "huyện"; a level or a list of them ("cấp xã",
            // "các tỉnh, thành phố trực thuộc Trung ương").
            if !sawLocality, let end = localityLevels(at: j) {
                if lowercase, justAfterHead, !outer.contains(.lowercaseWithLocality) { break loop }
                // (A level is no locality a list shares: "Sở … và Ủy ban nhân dân cấp tỉnh".)
                localityStart = j
                j = end
                nameEndByte = Int(tokens[j - 1].end)
                satisfied = true
                currentSatisfied = true
                sawLocality = true
                justAfterHead = false
                continue
            }
            let nestedHead = lexicon.heads.match(tokens, at: j)
            if let locality = localityNoun(at: j), locality.length > (nestedHead?.length ?? 0),
               lexicon.notLocalities.match(tokens, at: j) == nil {
                guard !(lowercase && justAfterHead && !outer.contains(.lowercaseWithLocality)),
                      let (end, personRange) = parseLocality(at: j, length: locality.length, kind: locality.value,
                                                            positionContext: positionContext) else { break loop }
                if localityStart == nil {
                    localityStart = j
                    localityAfterQualifier = afterQualifier || (justAfterHead && current.contains(.massOrganisation))
                }
                j = end
                nameEndByte = Int(tokens[j - 1].end)
                satisfied = true
                currentSatisfied = true
                sawLocality = true
                justAfterHead = false
                afterQualifier = false
                if let personRange { person = personRange; break loop }
                continue
            }
            // A branch named by its place: "Ngân hàng Chính sách xã hội chi nhánh tỉnh Hà Giang",
            // "Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh Bắc Quang".
            if satisfied, currentSatisfied, !sawLocality, tokens[j].key == Self.chi, j + 2 < n,
               tokens[j + 1].key == Self.nhanh, continues(tokens[j + 1].gap), continues(tokens[j + 2].gap),
               let end = branchPlaceEnd(at: j + 2, positionContext: positionContext) {
                j = end
                nameEndByte = Int(tokens[j - 1].end)
                sawLocality = true
                afterQualifier = false
                continue
            }
            if sawLocality { break }
            // A region after a whole name: "Trung tâm Y tế dự phòng Quân đội phía Nam", "Bệnh viện
            // Đa khoa khu vực miền núi phía Bắc".
            if satisfied, currentSatisfied, let region = lexicon.regions.match(tokens, at: j),
               j + region.length == n || !tokens[j + region.length].isCapitalized || !continues(tokens[j + region.length].gap) {
                j += region.length
                nameEndByte = Int(tokens[j - 1].end)
                sawLocality = true
                afterQualifier = false
                continue
            }
            // A nested head: "Ban Dân vận" + "Tỉnh ủy"; "Chi bộ" + "Công an".
            // (Lower case only for a standalone unit under an organ: "Ban Chấp hành chi hội".)
            if let nested = nestedHead, token.isCapitalized || token.isAllCaps
                || (nested.value.contains(.lowercaseBeforeName) && j + nested.length < n
                    && tokens[j + nested.length].isCapitalized)
                || (justAfterHead && outer.contains(.organ) && j == i + headMatch.length && nested.value.contains(.standalone)
                    && !nested.value.contains(.nestedOnly))
                || ((lowercase || justAfterHead) && nested.value.contains(.lowercaseWithLocality) && j + nested.length < n
                    && localityNoun(at: j + nested.length) != nil),
               lexicon.notUnits.match(tokens, at: j) == nil, !isPersonStart(j),
               !(lexicon.positions.match(tokens, at: j).map { $0.length >= nested.length } ?? false),
               // A qualifier that starts with a head is the qualifier: "Sư đoàn Bộ binh 308" (not "Bộ").
               !(justAfterHead && !currentSatisfied && (lexicon.qualifiers.match(tokens, at: j).map { $0.length > nested.length } ?? false)) {
                if outer.contains(.organ), !nested.value.contains(.committee), !nested.value.contains(.nestedOnly),
                   innerStart == nil { innerStart = j }
                j += nested.length
                nameEndByte = Int(tokens[j - 1].end)
                satisfied = true
                // A nested head completes a head that needed a name ("Bộ" + "Công an").
                currentSatisfied = nested.value.contains(.standalone) || nested.value.contains(.bareWhenNested)
                    || !currentSatisfied
                current = nested.value
                justAfterHead = true
                afterQualifier = false
                continue
            }
            // A qualifier from the lexicon: "nhân dân", "Nông dân", "Chữ thập đỏ".
            // (In lower case a qualifier that is also a verb is the verb: "Hội xây dựng được …".)
            if let qualifier = lexicon.qualifiers.match(tokens, at: j),
               token.isCapitalized || (justAfterHead && (!currentSatisfied || current.contains(.bareWhenNested) || lowercase)
                                       && (lexicon.verbQualifiers.match(tokens, at: j).map { $0.length < qualifier.length } ?? true
                                           || namedBody(after: j + qualifier.length)))
                   // A whole head, a lower-case qualifier and a locality: "Chi hội phụ nữ khu phố 3".
                   || (justAfterHead && !lowercase && lexicon.verbQualifiers.match(tokens, at: j) == nil
                       && localityFollows(j + qualifier.length)) {
                let firstPart = justAfterHead
                readNamePart(to: j + qualifier.length)
                afterQualifier = true
                // A short capitalised field right after the head, with a lower-case speciality after it:
                // "Viện Y tế công cộng", "Vụ Tổ chức cán bộ", "Viện Nghiên cứu phát triển kinh tế".
                // (A field that is also a verb, alone, is the sentence's verb: "Bộ Tài chính tổng hợp,
                // báo cáo", "Vụ Pháp chế thông tin …"; a longer name is whole: "Bộ Kế hoạch và Đầu tư
                // xây dựng …".)
                // (Nor is a document sent to the body: "gửi Ngân hàng Nhà nước văn bản …".)
                if firstPart, token.isCapitalized, qualifier.length <= 2, !sawLocality, j + 1 < n, tokens[j].key != Self.va,
                   !(tokens[j].key == Self.van && tokens[j + 1].key == Self.ban), lexicon.tails.match(tokens, at: j) != nil {
                    let end = specialityEnd(from: j)
                    if end > j { readNamePart(to: end) }
                }
                // "Văn hóa và Xã hội": "và" before another capitalised part of the name; "cơ quan và
                // doanh nghiệp": before another lower-case qualifier after a lower-case one.
                if j + 1 < n, tokens[j].key == Self.va, continues(tokens[j].gap), continues(tokens[j + 1].gap) {
                    if tokens[j + 1].isCapitalized, lexicon.qualifiers.match(tokens, at: j + 1) != nil,
                       lexicon.heads.match(tokens, at: j + 1) == nil, localityNoun(at: j + 1) == nil {
                        j += 1
                    } else if !token.isCapitalized, !tokens[j + 1].isCapitalized,
                              let next = lexicon.qualifiers.match(tokens, at: j + 1),
                              lexicon.verbQualifiers.match(tokens, at: j + 1) == nil {
                        j += 1 + next.length
                        nameEndByte = Int(tokens[j - 1].end)
                    }
                }
                continue
            }
            // A steering committee named after its directive: "Ban Chỉ đạo 389 tỉnh", "Ban Chỉ đạo 24 huyện
            // Quảng Xương", "Ban Chỉ đạo 24 (cơ quan thường trực …)"; not "Ban Chỉ đạo 3 năm qua".
            if current.contains(.topic), justAfterHead, !sawLocality, token.isNumber, token.end - token.start <= 4,
               !token.gap.contains(.newline), j + 1 < n,
               localityNoun(at: j + 1) != nil
                || tokens[j + 1].gap.contains(.comma) || tokens[j + 1].gap.contains(.paren) {
                readNamePart(to: j + 1)
                continue
            }
            // A steering committee named by what it fights: "Ban Chỉ đạo phòng, chống dịch Covid-19
            // huyện A", "Ban chỉ đạo phòng chống thiên tai tỉnh".
            // (Also after a national level: "Ban Chỉ đạo Quốc gia phòng chống dịch Covid-19".)
            if current.contains(.topic), justAfterHead || afterNationalLevel(j), !sawLocality,
               let end = steeringTopicEnd(from: j) {
                readNamePart(to: end)
                afterQualifier = true  // (a list before it shares its locality: "UBND, Ban Chỉ đạo … huyện A")
                continue
            }
            // A steering committee named after the movement or programme it steers, up to its locality:
            // "Ban Chỉ đạo phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa tỉnh", "Ban Chỉ đạo
            // Chương trình mục tiêu quốc gia giảm nghèo bền vững huyện A".
            if current.contains(.topic), justAfterHead, !sawLocality, let end = movementTopicEnd(from: j) {
                readNamePart(to: end)
                continue
            }
            // A steering committee's topic ending in a quoted title.
            if current.contains(.topic), let (end, endByte) = topicTitle(from: j) {
                j = end
                nameEndByte = endByte
                afterQuoteEnd = j
                satisfied = true
                currentSatisfied = true
                justAfterHead = false
                continue
            }
            if token.isCapitalized {
                if lexicon.positions.match(tokens, at: j) != nil { break }
                // A function word written with a capital starts something else ("… Các tỉnh, thành phố").
                if !token.isAllCaps, lexicon.nameBreakers.contains(token.key) { break }
                // A further field whose first word is capitalised, read below as a qualifier: "Cục Kỹ
                // thuật an toàn và Môi trường công nghiệp", "Tổng cục Dân số Kế hoạch hóa gia đình".
                let furtherField = satisfied && currentSatisfied && lexicon.verbTails.match(tokens, at: j) == nil
                    && capitalizedFieldEnd(at: j) != nil
                if satisfied && currentSatisfied && !furtherField {
                    // A place name or a person's name after a whole unit.
                    let runStart = j
                    let runEnd = capitalizedRunEnd(from: j)
                    // A school's name may be a person's: "Trường THPT Chu Văn An", "Trường Tiểu học Lê Văn Tám".
                    let schoolName = runEnd - j <= 4 && ends(with: lexicon.schoolLevels, before: j, from: i)
                    let split = schoolName ? (placeEnd: runEnd, person: nil)
                        : splitPlaceAndPerson(j..<runEnd, afterLocalityNoun: false, positionContext: positionContext,
                                              headTakesPlace: current.contains(.placeName))
                    var advanced = split.placeEnd > j
                    // "Bộ Nội vụ Người ký: …": a label after the name, not a part of it.
                    if advanced, split.person == nil, split.placeEnd == j + 1, case let label = extendLowercase(split.placeEnd),
                       label > split.placeEnd, label < n, tokens[label].gap.contains(.colon) {
                        advanced = false
                    }
                    if advanced {
                        afterQualifier = false
                        j = split.placeEnd
                        if split.person == nil, lexicon.places.match(tokens, at: runStart) == nil,
                           lexicon.placesSplitAfterFirstWord[tokens[runStart].key]?.contains(tokens[runStart - 1].key) != true {
                            j = extendLowercase(j)
                        }
                        nameEndByte = Int(tokens[j - 1].end)
                        justAfterHead = false
                    }
                    if let personRange = split.person {
                        if !personRange.isEmpty { person = personRange }
                        break loop
                    }
                    if !advanced { break }
                    // A school numbered after its place: "Trường Tiểu học Hòa Tiến 2" (not "… Hòa Tiến 2
                    // năm liền").
                    if split.person == nil, j == split.placeEnd, ends(with: lexicon.schoolLevels, before: runStart, from: i),
                       j < n, continues(tokens[j].gap), tokens[j].end - tokens[j].start <= 2, numberNamesLocality(at: j),
                       j + 1 >= n || !(tokens[j + 1].gap.contains(.slash) || tokens[j + 1].gap.contains(.hyphen)
                                       || tokens[j + 1].gap.contains(.period) && tokens[j + 1].isNumber) {
                        j += 1
                        nameEndByte = Int(tokens[j - 1].end)
                    }
                    if j + 1 < n, tokens[j].key == Self.va, continues(tokens[j].gap), tokens[j + 1].isCapitalized,
                       continues(tokens[j + 1].gap), lexicon.heads.match(tokens, at: j + 1) == nil, !isPersonStart(j + 1) {
                        j += 1
                    }
                    continue
                }
                // A head that needs a name and a known place as that name: "Binh đoàn Tây Nguyên".
                // (A place of one syllable may be the first of a word: "Hội Mỹ thuật", "Viện Pháp y".)
                if !currentSatisfied, let place = lexicon.places.match(tokens, at: j),
                   place.length >= 2 || !clauseGoesOn(at: j + 1) || lexicon.functionWords.contains(tokens[j + 1].key) {
                    readNamePart(to: j + place.length)
                    continue
                }
                // A capitalised qualifier of one or two syllables: "Khuyến học", "Biên tập", "Y tế"; a field
                // whose first word is capitalised takes its lower-case words: "Thông tin khoa học", "An
                // toàn vệ sinh thực phẩm", "Hồi sức cấp cứu và chống độc".
                if let end = capitalizedFieldEnd(at: j) {
                    j = end
                } else {
                    j = extendLowercase(j + 1)
                }
                afterQualifier = true
                // "Giáo dục và Đào tạo": "và" between capitalised parts.
                nameEndByte = Int(tokens[j - 1].end)
                satisfied = true
                currentSatisfied = true
                justAfterHead = false
                if j + 1 < n, tokens[j].key == Self.va, continues(tokens[j].gap), tokens[j + 1].isCapitalized,
                   continues(tokens[j + 1].gap), lexicon.heads.match(tokens, at: j + 1) == nil {
                    j += 1
                }
                continue
            }
            // A formation named by its number: "Quân khu 7", "Bộ Tư lệnh Quân khu 9", "Sư đoàn 309",
            // "Sư đoàn Bộ binh 312".
            if token.isNumber, token.end - token.start <= 4, !sawLocality,
               justAfterHead && !currentSatisfied && ends(with: lexicon.numberNamedHeads, before: j, from: i - 1)
                || afterQualifier && lexicon.numberNamedHeads.match(tokens, at: i) != nil,
               j + 1 >= n || !(tokens[j + 1].gap.contains(.slash) || tokens[j + 1].gap.contains(.period) && tokens[j + 1].isNumber) {
                readNamePart(to: j + 1)
                continue
            }
            // A school for gifted pupils, named after `chuyên`: "Trường THPT chuyên Lê Khiết" (not "các
            // trường THPT chuyên", no name).
            if afterQualifier, !sawLocality, token.key == Self.chuyen, j + 1 < n, tokens[j + 1].isCapitalized,
               continues(tokens[j + 1].gap), ends(with: lexicon.schoolLevels, before: j, from: i) {
                j += 1
                continue
            }
            // A body numbered after its field: "Đội Quản lý thị trường số 14", "Trường Tiểu học số 2".
            if afterQualifier, !sawLocality, lexicon.numberedHeads.match(tokens, at: i) != nil, let end = numberedEnd(at: j) {
                readNamePart(to: end)
                afterQualifier = false  // (so it shares no list's locality)
                continue
            }
            // A short number or code that ends a named body ("Bệnh viện Nhi đồng 1,", "Bệnh viện Quân
            // y 7A."): the name clearly ends after it.
            if afterQualifier, !sawLocality, lexicon.numberedHeads.match(tokens, at: i) != nil, codeEndsName(at: j) {
                j += 1
                nameEndByte = Int(tokens[j - 1].end)
                afterQualifier = false  // (so it shares no list's locality)
                break
            }
            // A lower-case descriptor before a locality or a name: "Tổ nhân ái khóm 5".
            if current.contains(.descriptor), !satisfied, let end = descriptorEnd(from: j) {
                readNamePart(to: end)
                continue
            }
            break
        }
        // "Ủy ban Kinh tế và Tài chính của Quốc hội": the body it belongs to.
        if afterQualifier, !sawLocality, person == nil, j < n, continues(tokens[j].gap),
           let owner = lexicon.ownerSuffixes.match(tokens, at: j) {
            j += owner.length
            nameEndByte = Int(tokens[j - 1].end)
        }
        // "Tòa án nhân dân cấp cao tại Hà Nội": the city a body of that kind sits in.
        if afterQualifier, !sawLocality, person == nil, j + 1 < n, tokens[j].key == Self.tai, continues(tokens[j].gap),
           continues(tokens[j + 1].gap), endsWithSeatedQualifier(before: j, from: i),
           let place = lexicon.places.match(tokens, at: j + 1) {
            j += 1 + place.length
            nameEndByte = Int(tokens[j - 1].end)
        }
        // "Đại sứ quán Việt Nam tại Pháp", "Đại sứ quán Mỹ tại Moscow": a mission's seat abroad.
        if person == nil, j + 1 < n, tokens[j].key == Self.tai, continues(tokens[j].gap), continues(tokens[j + 1].gap),
           tokens[j + 1].isCapitalized, !tokens[j + 1].isAllCaps || lexicon.places.match(tokens, at: j + 1) != nil,
           lexicon.seatedHeads.match(tokens, at: i) != nil, lexicon.heads.match(tokens, at: j + 1) == nil {
            let run = (j + 1)..<capitalizedRunEnd(from: j + 1)
            let split = splitPlaceAndPerson(run, afterLocalityNoun: false, positionContext: positionContext, headTakesPlace: true)
            if split.placeEnd > j + 1 {
                j = split.placeEnd
                nameEndByte = Int(tokens[j - 1].end)
                if let personRange = split.person, !personRange.isEmpty { person = personRange }
            }
        }
        guard satisfied, !lowercase || lowercaseNameFits(i, locality: localityStart) else { return nil }
        // "Ban Tổ chức" alone names a role in an event, not a body.
        if let role = lexicon.roleOnly.match(tokens, at: i), role.length >= (person?.lowerBound ?? j) - i { return nil }
        if !outer.contains(.standalone), isNameLine(around: i) { return nil }
        // A bare abbreviation that starts its line and ends it, or stands before a date: a byline or
        // a signature ("BTV", "BTV 05/09/2023, 10:12"), not the body it may abbreviate.
        if outer.contains(.abbreviation), j == i + headMatch.length, person == nil, isBylineMark(i, end: j) { return nil }
        // Drop a trailing "và" taken before a name that turned out not to follow.
        var nameEnd = j
        if let person { nameEnd = person.lowerBound }
        while nameEnd > i + headMatch.length, tokens[nameEnd - 1].key == Self.va { nameEnd -= 1 }
        if nameEnd < j, person == nil { nameEndByte = Int(tokens[nameEnd - 1].end) }
        // Words glued together in the source ("Sở GD-ĐTchỉ đạo", "Bộ GD-ĐTsẽ tổng hợp"): the name
        // ends where its capitals run into a lower-case Vietnamese word.
        if let (k, byte) = gluedEnd(from: i + headMatch.length, to: nameEnd) {
            nameEnd = k + 1
            nameEndByte = byte
            if let p = person, p.lowerBound >= nameEnd { person = nil }
        }
        if let innerStart, innerStart < nameEnd {
            inner = innerStart..<nameEnd
            innerEndByte = nameEndByte
        }
        let end = person?.upperBound ?? nameEnd
        return Parse(start: i, end: max(end, nameEnd), nameEnd: nameEnd, nameEndByte: nameEndByte, person: person,
                     inner: inner, innerEndByte: innerEndByte,
                     localityStart: localityStart.flatMap { $0 < nameEnd ? $0 : nil },
                     localityAfterQualifier: localityAfterQualifier,
                     takesLocality: (afterQualifier || (justAfterHead && current.contains(.massOrganisation)))
                        && localityStart == nil && person == nil && nameEnd == j && !outer.contains(.national))
    }

    package static let va = WordKey.key("và")
    private static let chi = WordKey.key("chi")
    private static let nhanh = WordKey.key("nhánh")
    private static let nationalLevels = [(WordKey.key("quốc"), WordKey.key("gia")), (WordKey.key("trung"), WordKey.key("ương"))]
    package static let tai = WordKey.key("tại")
    private static let van = WordKey.key("văn")
    private static let ban = WordKey.key("bản")
    private static let chuyen = WordKey.key("chuyên")

    /// The name read up to `end` ends with a qualifier of a body named with its seat ("cấp cao").
    private func endsWithSeatedQualifier(before end: Int, from start: Int) -> Bool {
        ends(with: lexicon.seatedQualifiers, before: end, from: start)
    }

    /// The name read from `start` up to `end` ends with a phrase of `table`.
    private func ends(with table: PhraseTable<Bool>, before end: Int, from start: Int) -> Bool {
        for length in 1...3 where end - length > start {
            if let match = table.match(tokens, at: end - length), match.length == length { return true }
        }
        return false
    }

    /// A number of at most three digits, or one with a capital letter (`7A`), joined to the name by a
    /// space, after which the name clearly ends (a comma, a full stop, a bracket, the line's end).
    /// `số` and a short number at `k` that name a body or a place ("Đội Quản lý thị trường số 14",
    /// "khu dân cư số 3"), not a document's number ("số 12/KH-UBND"). Returns the token after it.
    private func numberedEnd(at k: Int) -> Int? {
        guard k + 1 < tokens.count, tokens[k].key == Self.so, !tokens[k].isCapitalized, continues(tokens[k].gap),
              continues(tokens[k + 1].gap), tokens[k + 1].isNumber, tokens[k + 1].end - tokens[k + 1].start <= 3 else { return nil }
        if k + 2 < tokens.count {
            let after = tokens[k + 2].gap
            if after.contains(.slash) || after.contains(.hyphen) || after.contains(.period) && tokens[k + 2].isNumber { return nil }
            // A rank: "số 1 thế giới", "số 1 Việt Nam".
            if continues(after), lexicon.rankScopes.match(tokens, at: k + 2) != nil { return nil }
        }
        return k + 2
    }

    private func codeEndsName(at k: Int) -> Bool {
        guard k < tokens.count, continues(tokens[k].gap), tokens[k].flags.contains(.hasDigit),
              !tokens[k].flags.contains(.hasLower), tokens[k].end - tokens[k].start <= 3,
              let first = utf8[Int(tokens[k].start)...].first, (0x30...0x39).contains(first) else { return false }
        guard k + 1 < tokens.count else { return true }
        let next = tokens[k + 1].gap
        if next.contains(.slash) || next.contains(.hyphen) || next.contains(.period) && tokens[k + 1].isNumber { return false }
        return !continues(next)
    }

    /// A name in capitals that goes on to the next line: "BỘ LAO ĐỘNG - THƯƠNG BINH⏎VÀ XÃ HỘI",
    /// "ỦY BAN NHÂN DÂN⏎TỈNH QUẢNG TRỊ" (not a new body: "SỞ Y TẾ").
    private func capsWrap(_ j: Int) -> Bool {
        let gap = tokens[j].gap
        guard gap.contains(.newline), !gap.contains(.blankLine), gap.subtracting([.space, .newline, .hyphen]).isEmpty,
              tokens[j].isAllCaps || tokens[j].key == Self.va else { return false }
        if tokens[j].key == Self.va || gap.contains(.hyphen) || (j > 0 && tokens[j - 1].key == Self.va) { return true }
        return localityNoun(at: j) != nil && lexicon.heads.match(tokens, at: j) == nil
    }

    /// A single line break before token `j` that continues a name: a lower-case word follows, or
    /// the line ended with "và".
    @inline(__always)
    private func softWrap(_ j: Int) -> Bool {
        let gap = tokens[j].gap
        guard gap.contains(.newline), !gap.contains(.blankLine), gap.subtracting([.space, .newline]).isEmpty else { return false }
        return !tokens[j].isCapitalized || (j > 0 && tokens[j - 1].key == Self.va)
    }

    /// Only a single line break (and spaces) before token `j`.
    private func lineBreakOnly(_ j: Int) -> Bool {
        let gap = tokens[j].gap
        return gap.contains(.newline) && !gap.contains(.blankLine) && gap.subtracting([.space, .newline]).isEmpty
    }

    /// A line of running text wrapped just before the place that ends a name ("Tổng Liên đoàn lao
    /// động⏎Việt Nam"): a single line break, a known place after it, and a long line before it.
    private func wrappedPlace(_ j: Int) -> Bool {
        let gap = tokens[j].gap
        guard j > 0, gap.contains(.newline), gap.subtracting([.space, .newline]).isEmpty,
              lexicon.places.match(tokens, at: j) != nil
                || (tokens[j - 1].isCapitalized && lexicon.placesSplitAfterFirstWord[tokens[j].key]?.contains(tokens[j - 1].key) == true)
        else { return false }
        var k = Int(tokens[j - 1].end)
        let stop = max(0, k - Self.wrappedLine)
        while k > stop && utf8[k - 1] != 0x0A { k -= 1 }
        return k == stop && stop > 0
    }

    package static let wrappedLine = 60

    /// A short line of capitalised words only ("Hương Giang - Trường Thịnh"): names, a byline.
    /// Tokens `i..<end` start a line and end it, or are followed on their line by a number (a date).
    private func isBylineMark(_ i: Int, end: Int) -> Bool {
        // (What ends the line before is that line's; a bullet or a bracket opens a list item.)
        guard i == 0 || tokens[i].gap.contains(.newline) && tokens[i].gap.isDisjoint(with: [.hyphen, .other, .paren, .openQuote])
        else { return false }
        guard end < tokens.count else { return true }
        let next = tokens[end].gap
        return next.contains(.newline) && next.subtracting([.newline, .blankLine, .space]).isEmpty
            || tokens[end].isNumber && next == .space
    }

    private func isNameLine(around i: Int) -> Bool {
        var start = i
        while start > 0 && !tokens[start].gap.contains(.newline) && i - start < 10 { start -= 1 }
        var end = i + 1
        while end < tokens.count && !tokens[end].gap.contains(.newline) && end - i < 10 { end += 1 }
        guard end - start <= 8 else { return false }
        for k in start..<end where !tokens[k].isCapitalized || tokens[k].isAllCaps { return false }
        for k in start..<end where lexicon.qualifiers.match(tokens, at: k) != nil { return false }
        return true
    }

    /// After a capitalised part of a name, the lower-case words that complete it: a tail from the
    /// lexicon ("An toàn" + "thực phẩm"), or one word ("Luật" + "gia") when the name clearly ends
    /// after it (punctuation, a function word, a locality, a capital).
    private func extendLowercase(_ j: Int) -> Int {
        let n = tokens.count
        guard j < n, !tokens[j].isCapitalized, continues(tokens[j].gap) || softWrap(j), tokens[j].flags.contains(.hasLetter),
              !tokens[j].isNumber else { return j }
        let afterAbbreviation = tokens[j - 1].isAllCaps && tokens[j - 1].end - tokens[j - 1].start > 1
        if let tail = lexicon.tails.match(tokens, at: j) {
            let end = tails(from: j + tail.length)
            // After an abbreviation a field that is also a verb, with the clause going on, is the
            // sentence's verb: "Bộ GTVT thông tin về …", "Bộ GDĐT tổng hợp và công khai …" (not
            // "Công ty CP đầu tư và phát triển Hà Sơn", "Phòng CSGT đường bộ").
            if afterAbbreviation, lexicon.verbTails.match(tokens, at: j) != nil, clauseGoesOn(at: end) { return j }
            return end
        }
        // Only a single capitalised word takes its second syllable ("Luật gia"; not "Hà Nam còn"),
        // and not an abbreviation ("Báo NTNN hàng ngày").
        guard !afterAbbreviation else { return j }
        guard j >= 2, !(tokens[j - 2].isCapitalized && !tokens[j - 2].isAllCaps && continues(tokens[j - 1].gap))
                || lexicon.heads.match(tokens, at: j - 2) != nil || lexicon.qualifiers.match(tokens, at: j - 2) != nil
        else { return j }
        // (A locality noun with no name after it is a syllable of the word: "Hội Xuất bản đã …".)
        guard !lexicon.stopWords.contains(tokens[j].key), !namedLocality(at: j),
              lexicon.heads.match(tokens, at: j) == nil else { return j }
        let k = j + 1
        if k < n, continues(tokens[k].gap) || softWrap(k), !tokens[k].isCapitalized,
           let tail = lexicon.tails.match(tokens, at: k) {
            return tails(from: k + tail.length)  // "Quản" + "lý" + "thị trường"
        }
        if numberEndsName(at: k) { return k + 1 }
        if k >= n || !continues(tokens[k].gap) || tokens[k].isCapitalized
            || lexicon.stopWords.contains(tokens[k].key) || localityNoun(at: k) != nil
            || lexicon.heads.match(tokens, at: k) != nil {
            return k
        }
        return j
    }

    /// Running text goes on at token `k`: a lower-case word joined by a space, not a locality.
    private func clauseGoesOn(at k: Int) -> Bool {
        k < tokens.count && continues(tokens[k].gap) && !tokens[k].isCapitalized && !tokens[k].isNumber
            && localityNoun(at: k) == nil
    }

    /// A short number that closes a name after its second syllable ("Bệnh viện Quân y 175,"): a number
    /// of at most four digits that the name's end follows, not a count ("Quân y 3 năm").
    private func numberEndsName(at k: Int) -> Bool {
        guard k < tokens.count, tokens[k].isNumber, tokens[k].end - tokens[k].start <= 4,
              continues(tokens[k].gap) else { return false }  // not "an19⏎1", "Hòa tấu (07"
        guard k + 1 < tokens.count else { return true }
        let next = tokens[k + 1]
        // A date goes on after its day ("hôm 24/4", "ngày 24-4", "24.4"): no name ends there.
        if next.gap.contains(.slash) || next.gap.contains(.hyphen) || (next.gap.contains(.period) && next.isNumber) {
            return false
        }
        return !continues(next.gap) || lexicon.stopWords.contains(next.key)
    }

    /// More tails after a tail ("Quản lý" + "lao động" + "ngoài nước"), also after "và".
    /// The lower-case speciality after a field, as `tails(from:)` reads it, without the fields that
    /// are also verbs at its end: "cán bộ" in "Vụ Tổ chức cán bộ tổng hợp, báo cáo"; "phát triển
    /// kinh tế" in "Viện Nghiên cứu phát triển kinh tế".
    private func specialityEnd(from start: Int) -> Int {
        var j = start
        var end = start
        while j < tokens.count, continues(tokens[j].gap) || softWrap(j), !tokens[j].isCapitalized {
            // (Also a second field after `và`: "phòng cháy, chữa cháy và cứu nạn, cứu hộ".)
            var k = j
            if j > start, tokens[j].key == Self.va, j + 1 < tokens.count, continues(tokens[j + 1].gap) || softWrap(j + 1),
               !tokens[j + 1].isCapitalized {
                k = j + 1
            }
            guard let tail = lexicon.tails.match(tokens, at: k) else { break }
            j = k + tail.length
            if lexicon.verbTails.match(tokens, at: k) == nil { end = j }
        }
        return end
    }

    private func tails(from start: Int) -> Int {
        var j = start
        while j < tokens.count, continues(tokens[j].gap) || softWrap(j), !tokens[j].isCapitalized {
            if let tail = lexicon.tails.match(tokens, at: j) { j += tail.length; continue }
            if tokens[j].key == Self.va, j + 1 < tokens.count, continues(tokens[j + 1].gap), !tokens[j + 1].isCapitalized,
               let tail = lexicon.tails.match(tokens, at: j + 1) {
                j += 1 + tail.length
                continue
            }
            break
        }
        return j
    }

    /// A level or a list of localities that a body exists at, rather than one place: an optional
    /// `các`, then bare locality nouns each optionally after `cấp`, joined by commas or slashes,
    /// and an optional tail such as `trực thuộc Trung ương` ("các tỉnh, thành phố trực thuộc
    /// Trung ương", "cấp huyện", "huyện, thành phố", "huyện/thị xã"). Returns the token after it;
    /// nil when there is no such level (one locality with a name is read by `parseLocality`).
    private func localityLevels(at j: Int) -> Int? {
        let n = tokens.count
        var k = j
        let plural = tokens[k].key == Self.cac && !tokens[k].isCapitalized
        if plural { k += 1 }
        var items = 0
        var levelWord = false
        while k < n {
            if items > 0 {
                let gap = tokens[k].gap
                guard gap.contains(.comma) || gap.contains(.slash), gap.subtracting([.space, .comma, .slash]).isEmpty else { break }
            } else if k > j, !continues(tokens[k].gap) {
                break
            }
            var m = k
            var level = false
            if tokens[m].key == Self.cap {
                level = true
                m += 1
                guard m < n, continues(tokens[m].gap) else { break }
            }
            // ("các ấp", "các thôn": a plural needs no name.)
            guard !tokens[m].isCapitalized || tokens[m].isAllCaps && tokens[m].key == Self.tp,
                  let locality = localityNoun(at: m),
                  plural || locality.value != .needsName && locality.value != .needsNumber,
                  lexicon.notLocalities.match(tokens, at: m) == nil else { break }
            let after = m + locality.length
            // A locality with a name or number ("tỉnh Sơn La") is one place, not a level.
            if after < n, continues(tokens[after].gap), tokens[after].isCapitalized || tokens[after].isNumber,
               lexicon.localityTails.match(tokens, at: after) == nil {
                // "các xã Biển Bạch, Tân Bằng", "các phường 3, 5 và 7": a plural noun over the names
                // of its places.
                if items == 0, plural, let end = placeNames(from: after) { return end }
                if items == 0 { return nil }
                break
            }
            levelWord = levelWord || level
            items += 1
            k = after
        }
        guard items > 0 else { return nil }
        var end = k
        if end < n, continues(tokens[end].gap), let tail = lexicon.localityTails.match(tokens, at: end) {
            end += tail.length
        }
        // A single bare noun ("huyện") is read as before; a level, a plural or a list is read here.
        guard items > 1 || plural || levelWord || end > k else { return nil }
        return end
    }

    /// A field of two or more words at `j` whose first word only is capitalised, and the lower-case
    /// fields after it ("Thông tin khoa học", "An toàn vệ sinh thực phẩm", "Hồi sức cấp cứu và chống
    /// độc"). Returns the token after them; nil when no such field starts at `j`.
    private func capitalizedFieldEnd(at j: Int) -> Int? {
        guard tokens[j].isCapitalized, !tokens[j].isAllCaps, let field = lexicon.tails.match(tokens, at: j), field.length > 1,
              ((j + 1)..<(j + field.length)).allSatisfy({ !tokens[$0].isCapitalized }) else { return nil }
        return tails(from: j + field.length)
    }

    /// The place a branch is named by, at `k` after `chi nhánh`: a locality ("tỉnh Hà Giang",
    /// "huyện") or a place's name ("Bắc Quang"). Returns the token after it.
    private func branchPlaceEnd(at k: Int, positionContext: Bool) -> Int? {
        if let locality = localityNoun(at: k), lexicon.notLocalities.match(tokens, at: k) == nil {
            return parseLocality(at: k, length: locality.length, kind: locality.value, positionContext: positionContext)
                .flatMap { $0.1 == nil ? $0.0 : nil }
        }
        guard let end = placeNameEnd(at: k, positionContext: positionContext) else { return nil }
        // (Not a word whose next syllable is in lower case: "chi nhánh Khu vực 5".)
        if lexicon.places.match(tokens, at: k) == nil, clauseGoesOn(at: end) { return nil }
        return end
    }

    /// A place's name at `k`, read as after a locality noun: capitalised words that start no head or
    /// position and hold no person's name. Returns the token after it.
    private func placeNameEnd(at k: Int, positionContext: Bool) -> Int? {
        guard tokens[k].isCapitalized, !tokens[k].isAllCaps || lexicon.places.match(tokens, at: k) != nil,
              lexicon.heads.match(tokens, at: k) == nil, lexicon.positions.match(tokens, at: k) == nil else { return nil }
        let split = splitPlaceAndPerson(k..<capitalizedRunEnd(from: k), afterLocalityNoun: true,
                                        positionContext: positionContext, headTakesPlace: true)
        return split.placeEnd > k && (split.person?.isEmpty ?? true) ? split.placeEnd : nil
    }

    /// The locality noun at `k`; one that needs a number counts only with its number ("khu 5", not
    /// "khu vực", "Khu kinh tế").
    private func localityNoun(at k: Int) -> PhraseTable<UnitLexicon.Locality>.Match? {
        guard let noun = lexicon.localities.match(tokens, at: k) else { return nil }
        if noun.value == .needsNumber {
            let next = k + noun.length
            guard next < tokens.count, continues(tokens[next].gap),
                  tokens[next].isNumber && tokens[next].end - tokens[next].start <= 3 || numberedEnd(at: next) != nil
            else { return nil }
        }
        return noun
    }

    /// The names of two or more places after a plural locality noun, joined by commas and a last
    /// `và` ("Biển Bạch, Tân Bằng", "Thới Bình, U Minh và Trần Văn Thời", "3, 5 và 7"). Returns the
    /// token after the last name; nil when fewer than two names are there.
    private func placeNames(from start: Int) -> Int? {
        let n = tokens.count
        var k = start
        var names = 0
        var end = start
        var last = false
        while k < n, continues(tokens[k].gap) || (k > start && tokens[k].gap.contains(.comma)) {
            if tokens[k].isNumber {
                guard tokens[k].end - tokens[k].start <= 3 else { break }
                end = k + 1
            } else {
                guard localityNoun(at: k) == nil, let nameEnd = placeNameEnd(at: k, positionContext: false) else { break }
                end = nameEnd
            }
            names += 1
            if last || end + 1 >= n { break }
            if tokens[end].key == Self.va, continues(tokens[end].gap), continues(tokens[end + 1].gap) {
                last = true
                k = end + 1
            } else if tokens[end].gap.contains(.comma), tokens[end].gap.subtracting([.space, .comma]).isEmpty {
                k = end
            } else {
                break
            }
        }
        return names >= 2 ? end : nil
    }

    private enum CommaJoinedStep { case end(Int), part(Int), noName }

    /// ", Thể thao và Du lịch" after a qualifier: parts joined by commas and a last `và` that make
    /// one name, not a list of sibling bodies sharing the head (each part but the last starts with
    /// a capital and is not a qualifier, head, locality, position, place or person of its own).
    /// Returns the token after the last part.
    private func commaJoinedEnd(from j: Int) -> Int? {
        let n = tokens.count
        var k = j
        var last = false
        var parts = 0
        /// After a part that ends at `m`: the name's end (the part was the last), the next part's
        /// start (after a comma, or after `và`, which makes it the last), or no name.
        func next(after m: Int) -> CommaJoinedStep {
            parts += 1
            if last { return .end(m) }
            guard m + 1 < n else { return .noName }
            if tokens[m].key == Self.va, continues(tokens[m].gap), continues(tokens[m + 1].gap) {
                last = true
                return .part(m + 1)
            }
            let gap = tokens[m].gap
            guard gap.contains(.comma), gap.subtracting([.space, .comma]).isEmpty else { return .noName }
            return .part(m)
        }
        while k < n, parts < 4 {
            // A part in lower case made of a field's words (`Hộ tịch, quốc tịch và chứng thực`,
            // `Văn hóa, thông tin, Thể thao và Du lịch`): the department's field, not a body.
            if !tokens[k].isCapitalized, continues(tokens[k].gap) || tokens[k].gap.contains(.comma),
               let tail = lexicon.tails.match(tokens, at: k) {
                // (Its own words only: a "và" before the last part is read below.)
                var m = k + tail.length
                while m < n, continues(tokens[m].gap), !tokens[m].isCapitalized, let more = lexicon.tails.match(tokens, at: m) {
                    m += more.length
                }
                switch next(after: m) {
                case .end(let end): return end
                case .noName: return nil
                case .part(let start): k = start
                }
                continue
            }
            guard tokens[k].isCapitalized, !tokens[k].isAllCaps, lexicon.heads.match(tokens, at: k) == nil,
                  localityNoun(at: k) == nil, lexicon.positions.match(tokens, at: k) == nil,
                  lexicon.places.match(tokens, at: k) == nil, last || !lexicon.stopWords.contains(tokens[k].key),
                  !isPersonStart(k) else { return nil }
            var m = k + 1
            if let qualifier = lexicon.qualifiers.match(tokens, at: k) {
                guard last else { return nil }
                m = k + qualifier.length
            }
            let partEnd = m
            while m < n, m < k + 4, continues(tokens[m].gap), !tokens[m].isCapitalized, tokens[m].key != Self.va,
                  !lexicon.functionWords.contains(tokens[m].key), localityNoun(at: m) == nil { m += 1 }
            // Lower-case words go with the part only where the name clearly ends after them
            // ("… và Phát triển rừng đã …", not "… và Truyền hình tiến hành kiểm tra").
            if m > partEnd, m < n, continues(tokens[m].gap), !tokens[m].isCapitalized, tokens[m].key != Self.va,
               !lexicon.functionWords.contains(tokens[m].key), localityNoun(at: m) == nil {
                m = partEnd
            }
            switch next(after: m) {
            case .end(let end): return end
            case .noName: return nil
            case .part(let start): k = start
            }
        }
        return nil
    }

    package static let cac = WordKey.key("các")
    package static let cap = WordKey.key("cấp")
    package static let tp = WordKey.key("TP")

    /// A locality noun at `j` with its number or name; nil when it needs a name and has none.
    private func parseLocality(at j: Int, length: Int, kind: UnitLexicon.Locality, positionContext: Bool)
        -> (Int, Range<Int>?)? {
        let n = tokens.count
        var k = j + length
        let named = kind == .needsName || kind == .needsNumber
        guard k < n else { return named ? nil : (k, nil) }
        var gap = tokens[k].gap
        if kind == .abbreviated { gap.remove(.period) }
        guard continues(gap) else { return named ? nil : (k, nil) }
        let next = tokens[k]
        if next.isNumber, next.end - next.start <= 3 {
            return (k + 1, nil)
        }
        // "khu dân cư số 3", "tổ dân phố số 12".
        if let end = numberedEnd(at: k) { return (end, nil) }
        if kind == .needsNumber { return nil }
        // "TP.Hội An": a name glued to an abbreviated locality is its name even when it starts
        // with a head noun.
        let glued = kind == .abbreviated && tokens[k].gap == .period
        if next.isCapitalized, glued || lexicon.heads.match(tokens, at: k) == nil, localityNoun(at: k) == nil,
           lexicon.positions.match(tokens, at: k) == nil {
            let runEnd = capitalizedRunEnd(from: k)
            let split = splitPlaceAndPerson(k..<runEnd, afterLocalityNoun: true, positionContext: positionContext,
                                            headTakesPlace: true)
            if split.placeEnd > k {
                k = split.placeEnd
                // "xã Long đức": one capitalised syllable and a lower-case one typed for a capital.
                if split.placeEnd - (j + length) == 1, split.person == nil, k < n, continues(tokens[k].gap),
                   !tokens[k].isCapitalized, tokens[k].flags.contains(.hasLetter), !tokens[k].isNumber,
                   !lexicon.stopWords.contains(tokens[k].key), localityNoun(at: k) == nil,
                   lexicon.heads.match(tokens, at: k) == nil, lexicon.qualifiers.match(tokens, at: k) == nil,
                   k + 1 >= n || !continues(tokens[k + 1].gap) || lexicon.stopWords.contains(tokens[k + 1].key)
                    || tokens[k + 1].isCapitalized {
                    k += 1
                }
                return (k, split.person.flatMap { $0.isEmpty ? nil : $0 })
            }
            if let person = split.person, !person.isEmpty { return named ? nil : (j + length, person) }
        }
        return named ? nil : (j + length, nil)
    }

    /// Splits a run of capitalised words after a unit into a place name and a person's name.
    private func splitPlaceAndPerson(_ run: Range<Int>, afterLocalityNoun: Bool, positionContext: Bool,
                                     headTakesPlace: Bool) -> (placeEnd: Int, person: Range<Int>?) {
        let count = run.count
        guard count > 0 else { return (run.lowerBound, nil) }
        // (After a locality noun the whole run is its name: "phường Đức Xuân".)
        if let place = lexicon.places.match(tokens, at: run.lowerBound), place.length <= count,
           !afterLocalityNoun || place.length == count || isSurname(run.lowerBound + place.length) {
            let rest = run.lowerBound + place.length
            if run.upperBound - rest >= 2, isSurname(rest) { return (rest, rest..<run.upperBound) }
            // One more syllable that is no surname makes a longer place ("Đức Cơ", "Anh Sơn").
            if place.length == 1, run.upperBound - rest == 1, !isSurname(rest) { return (run.upperBound, nil) }
            // A known place ends the name: what follows is someone's name ("Nga Maria Zakharova").
            return (rest, rest < run.upperBound ? rest..<rest : nil)
        }
        if count >= 4 {
            for personLength in [3, 2] {
                let k = run.upperBound - personLength
                if k > run.lowerBound && isSurname(k) { return (k, k..<run.upperBound) }
            }
        }
        if (2...4).contains(count), isSurname(run.lowerBound) {
            // Directly after a unit, three or four syllables from a surname are a person; after a
            // locality noun ("phường Lê Hồng Phong") only when a position was named before.
            let person = count >= 3 ? (!afterLocalityNoun || positionContext)
                                    : (positionContext && !afterLocalityNoun && !headTakesPlace)
            if person { return (run.lowerBound, run) }
        }
        return (run.upperBound, nil)
    }

    private func isSurname(_ k: Int) -> Bool {
        k < tokens.count && tokens[k].isCapitalized && lexicon.surnames.contains(tokens[k].key)
    }

    /// A person's name: two to four capitalised syllables starting with a surname.
    private func isPersonRun(_ j: Int, context: Bool) -> Bool {
        guard isSurname(j), lexicon.places.match(tokens, at: j) == nil else { return false }
        let end = capitalizedRunEnd(from: j)
        return (2...4).contains(end - j)
    }

    private func personEnd(_ j: Int) -> Int { min(capitalizedRunEnd(from: j), j + 4) }

    /// End of a run of capitalised words (not heads, localities or positions) joined by spaces.
    private func capitalizedRunEnd(from j: Int) -> Int {
        // A known place is read whole, whatever its words also are ("Thái Nguyên": "nguyên" is
        // also "former" before a position), and across a line break inside it ("tỉnh Hải⏎Dương").
        if let place = lexicon.places.match(tokens, at: j),
           (1..<place.length).allSatisfy({ j + $0 < tokens.count && (continues(tokens[j + $0].gap) || lineBreakOnly(j + $0)) }) {
            var k = j + place.length
            while k < tokens.count, k - j < 6, tokens[k].isCapitalized, tokens[k].flags.contains(.hasLetter), continues(tokens[k].gap),
                  lexicon.heads.match(tokens, at: k) == nil, localityNoun(at: k) == nil,
                  lexicon.positions.match(tokens, at: k) == nil, lexicon.headingStops.match(tokens, at: k) == nil { k += 1 }
            return k
        }
        var k = j
        while k < tokens.count, tokens[k].isCapitalized || k > j && apostropheInWord(k), tokens[k].flags.contains(.hasLetter) {
            if k > j, !apostropheInWord(k) {
                guard continues(tokens[k].gap) else { break }
                if lexicon.heads.match(tokens, at: k) != nil || localityNoun(at: k) != nil
                    || lexicon.positions.match(tokens, at: k) != nil || lexicon.headingStops.match(tokens, at: k) != nil { break }
            }
            k += 1
            if k - j >= 6 { break }
        }
        return k
    }

    /// Token `k` goes on the word before it across an apostrophe, as names of the Central Highlands
    /// are written ("Cư M'gar", "Ea H'leo", "CƯ M'LANG").
    private func apostropheInWord(_ k: Int) -> Bool {
        guard k > 0, tokens[k].gap == .other else { return false }
        let between = utf8[Int(tokens[k - 1].end)..<Int(tokens[k].start)]
        return between.elementsEqual([0x27]) || between.elementsEqual([0xE2, 0x80, 0x99])
    }

    /// Whether the two words before `j` are a national level ("Quốc gia", "Trung ương"), joined by a space.
    private func afterNationalLevel(_ j: Int) -> Bool {
        guard j >= 2, continues(tokens[j - 1].gap) else { return false }
        return Self.nationalLevels.contains { $0.0 == tokens[j - 2].key && $0.1 == tokens[j - 1].key }
    }

    /// "phòng, chống dịch Covid-19" after a steering committee's head: the topic from the lexicon,
    /// then its lower-case words (not function words, localities or heads) and a disease's name in
    /// capitals with its number ("Covid-19", "COVID-19"). Returns the token after the topic.
    private func steeringTopicEnd(from j: Int) -> Int? {
        let n = tokens.count
        guard let topic = lexicon.steeringTopics.match(tokens, at: j) else { return nil }
        var k = j + topic.length
        /// A lower-case word of the topic at `k`: not a stop or function word, a locality or a head.
        func topicWord(_ k: Int) -> Bool {
            let token = tokens[k]
            return !token.isCapitalized && token.flags.contains(.hasLetter) && !token.isNumber
                && !lexicon.stopWords.contains(token.key) && !lexicon.functionWords.contains(token.key)
                && localityNoun(at: k) == nil && lexicon.heads.match(tokens, at: k) == nil
        }
        while k < n, continues(tokens[k].gap) {
            let token = tokens[k]
            if topicWord(k) {
                k += 1
                continue
            }
            // A second task joined by `và`: "phòng, chống thiên tai và tìm kiếm cứu nạn" (not "… và
            // các đơn vị", "… và Ủy ban nhân dân").
            if token.key == Self.va, k > j + topic.length, k + 1 < n, continues(tokens[k + 1].gap), topicWord(k + 1) {
                k += 2
                continue
            }
            // A disease named in capitals with its number ends the topic: "Covid-19", "COVID-19"
            // (what follows is a locality or the sentence: "… Covid-19 thống nhất tạm ngưng …").
            if token.isCapitalized, k + 1 < n, tokens[k + 1].isNumber, tokens[k + 1].gap == .hyphen,
               lexicon.places.match(tokens, at: k) == nil {
                k += 2
            }
            break
        }
        return k > j + topic.length || localityNoun(at: k) != nil ? k : nil
    }

    /// A topic lead ("phong trào", "chương trình") and the words of the movement's name, ending
    /// where a locality starts: returns the locality's first token. Nil when a function word, a
    /// punctuation mark or a head comes first (a clause, not a name), or no locality within
    /// `movementWords` words.
    private func movementTopicEnd(from j: Int) -> Int? {
        let n = tokens.count
        guard let lead = lexicon.topicLeads.match(tokens, at: j) else { return nil }
        var k = j + lead.length
        while k < n, k < j + Self.movementWords, continues(tokens[k].gap) {
            if localityNoun(at: k) != nil, lexicon.notLocalities.match(tokens, at: k) == nil {
                return k > j + lead.length ? k : nil
            }
            let token = tokens[k]
            // (A head word inside a common word is no head: "bảo vệ an ninh Tổ quốc".)
            guard token.flags.contains(.hasLetter), !token.isNumber, token.key == Self.va || !lexicon.functionWords.contains(token.key),
                  lexicon.heads.match(tokens, at: k) == nil || !token.isCapitalized || lexicon.notUnits.match(tokens, at: k) != nil
            else { return nil }
            k += 1
        }
        return nil
    }

    private static let movementWords = 24

    /// "… thi đua “Dân vận khéo”": the topic words and the quoted title; returns the token after
    /// the title and the byte after its closing quote.
    private func topicTitle(from j: Int) -> (Int, Int)? {
        let n = tokens.count
        var k = j
        while k < n && k < j + 14 {
            let gap = tokens[k].gap
            if gap.contains(.openQuote) || gap.contains(.straightQuote) {
                guard gap.subtracting([.space, .openQuote, .straightQuote]).isEmpty else { return nil }
                break
            }
            if !continues(gap) { return nil }
            k += 1
        }
        if k >= n { readToEnd = true }
        guard k < n, k > j else { return nil }
        // The words before the quote must end with a topic lead ("thi đua", "cuộc vận động").
        var led = false
        for length in 1...3 where k - length >= j {
            if let lead = lexicon.topicLeads.match(tokens, at: k - length), lead.length == length { led = true; break }
        }
        guard led else { return nil }
        var m = k + 1
        while m < n && m < k + 16 {
            let gap = tokens[m].gap
            if gap.contains(.closeQuote) || gap.contains(.straightQuote) {
                return (m, closingQuoteEnd(after: Int(tokens[m - 1].end)))
            }
            if gap.contains(.newline) || gap.contains(.openQuote) { return nil }
            m += 1
        }
        if m >= n { readToEnd = true }
        if m == n, n > 0 {
            let endByte = closingQuoteEnd(after: Int(tokens[n - 1].end))
            if endByte > Int(tokens[n - 1].end) { return (n, endByte) }
        }
        return nil
    }

    /// The byte after the closing quote that follows `byte`, or `byte` when there is none.
    private func closingQuoteEnd(after byte: Int) -> Int {
        var k = byte
        while k < utf8.count, utf8[k] == 0x20 { k += 1 }
        if k + 2 < utf8.count, utf8[k] == 0xE2, utf8[k + 1] == 0x80, utf8[k + 2] == 0x9D { return k + 3 }
        if k < utf8.count, utf8[k] == 0x22 { return k + 1 }
        return byte
    }

    /// Up to four lower-case words followed by a locality noun or a capitalised name.
    private func descriptorEnd(from j: Int) -> Int? {
        var k = j
        while k < tokens.count, k < j + 4, !tokens[k].isCapitalized, tokens[k].flags.contains(.hasLetter),
              continues(tokens[k].gap), !lexicon.stopWords.contains(tokens[k].key) {
            if localityNoun(at: k) != nil { break }
            k += 1
        }
        guard k > j, k < tokens.count, continues(tokens[k].gap) else { return nil }
        if localityNoun(at: k) != nil { return k }
        // "Ban Quản lý rừng phòng hộ Tân Sơn", "Câu lạc bộ bóng đá Hòa Bình": the name after the
        // descriptor (no head, position or function word of its own).
        guard tokens[k].isCapitalized, tokens[k].flags.contains(.hasLetter), lexicon.heads.match(tokens, at: k) == nil,
              lexicon.positions.match(tokens, at: k) == nil, !lexicon.nameBreakers.contains(tokens[k].key),
              !lexicon.stopWords.contains(tokens[k].key), !isPersonStart(k) else { return nil }
        return k
    }

    /// Skips the title of a law ("Luật Tổ chức Chính phủ"): its names are not units.
    private func skipTitle(from j: Int) -> Int {
        var k = j
        while k < tokens.count, k < j + 12, continues(tokens[k].gap) {
            let key = tokens[k].key
            if key == Self.so || key == Self.ngay || lexicon.stopWords.contains(key) && !tokens[k].isCapitalized { break }
            k += 1
        }
        return max(k, j)
    }

    package static let so = WordKey.key("số")
    package static let ngay = WordKey.key("ngày")

    // MARK: - gaps

    /// Words of one name are separated by spaces only.
    @inline(__always)
    private func continues(_ gap: WordTokens.Gap) -> Bool {
        gap.subtracting(.space).isEmpty
    }

    /// In a capitals line: spaces, and hyphens ("LAO ĐỘNG - THƯƠNG BINH").
    @inline(__always)
    private func continuesCaps(_ gap: WordTokens.Gap) -> Bool {
        gap.subtracting([.space, .hyphen]).isEmpty
    }

    // MARK: - results

    private func record(_ parse: Parse, rule: String, capitalizeFirst: Bool = false) {
        let start = Int(tokens[parse.start].start)
        guard parse.nameEnd > parse.start else { return }
        // (A bare locality noun with a capital ends a proper name: "Bệnh viện Nhi đồng Thành phố"
        // shares nothing with the hospitals listed before it.)
        if let locality = parse.localityStart, parse.localityAfterQualifier,
           !tokens[locality].isCapitalized || tokens[locality].isAllCaps
            || parse.nameEnd > locality + (localityNoun(at: locality)?.length ?? 0) {
            shareLocality(Int(tokens[locality].start)..<parse.nameEndByte, before: start)
        }
        mentions.append(Mention(bytes: start..<parse.nameEndByte,
                                scalars: Int(tokens[parse.start].scalarStart)..<scalarEnd(parse.nameEnd, byte: parse.nameEndByte),
                                capitalizeFirst: capitalizeFirst, rule: rule, takesLocality: parse.takesLocality))
        if let inner = parse.inner {
            let innerStart = Int(tokens[inner.lowerBound].start)
            mentions.append(Mention(bytes: innerStart..<parse.innerEndByte,
                                    scalars: Int(tokens[inner.lowerBound].scalarStart)..<scalarEnd(inner.upperBound, byte: parse.innerEndByte),
                                    capitalizeFirst: false, rule: "units.organ-of"))
        }
    }

    /// The words at `k` name whose body it is (a capitalised head or a locality: "ủy ban kiểm tra
    /// Huyện ủy", "ban tổ chức xã"), so a qualifier that is also a verb is the qualifier.
    private func namedBody(after k: Int) -> Bool {
        guard k < tokens.count, continues(tokens[k].gap) else { return false }
        if tokens[k].isCapitalized, lexicon.heads.match(tokens, at: k) != nil { return true }
        return localityNoun(at: k) != nil && lexicon.notLocalities.match(tokens, at: k) == nil
    }

    /// A locality noun at `k` that may stand bare, or is followed by its number or name.
    private func namedLocality(at k: Int) -> Bool {
        guard let noun = localityNoun(at: k) else { return false }
        if case .bareAllowed = noun.value { return true }
        let name = k + noun.length
        return name < tokens.count && continues(tokens[name].gap)
            && (tokens[name].isCapitalized && noun.value != .needsNumber || tokens[name].isNumber)
    }

    /// A locality noun with its number or name right after `k` ("khu phố 3", "xã Tân Lập").
    private func localityFollows(_ k: Int) -> Bool {
        guard k < tokens.count, continues(tokens[k].gap), !tokens[k].isCapitalized,
              let noun = localityNoun(at: k), lexicon.notLocalities.match(tokens, at: k) == nil
        else { return false }
        let name = k + noun.length
        return name < tokens.count && continues(tokens[name].gap)
            && (tokens[name].isCapitalized && noun.value != .needsNumber || tokens[name].isNumber)
    }

    /// A name with a lower-case head ("công an xã Bình Lâm") is read when its words up to the
    /// locality noun are lower case and joined by spaces, at most `UnitScanner.lookBack` words
    /// before that noun, and the locality is named with a capital (where the scanner looks).
    private func lowercaseNameFits(_ i: Int, locality: Int?) -> Bool {
        guard let locality, let noun = localityNoun(at: locality) else { return false }
        let name = locality + noun.length
        guard name < tokens.count, name - 1 - i <= UnitScanner.lookBack,
              tokens[name].isCapitalized && !tokens[name].isAllCaps && noun.value != .needsNumber
                || numberNamesLocality(at: name) else { return false }
        for k in i..<name where tokens[k].isCapitalized || (k > i && tokens[k].gap != .space) { return false }
        return tokens[name].gap == .space
    }

    /// A short number that names a locality ("chi hội phụ nữ thôn 3", "chi bộ khu phố 5"), not a
    /// count after it ("thôn 3 năm liền").
    private func numberNamesLocality(at k: Int) -> Bool {
        guard tokens[k].isNumber, tokens[k].end - tokens[k].start <= 3 else { return false }
        guard k + 1 < tokens.count, continues(tokens[k + 1].gap) else { return true }
        return !Self.countedNouns.contains(tokens[k + 1].key)
    }

    private static let countedNouns = Set(["năm", "tháng", "ngày", "tuần", "lần", "người", "hộ", "mô", "đợt", "buổi"].map(WordKey.key))

    /// "Ban Dân vận, Hội LHPN, Hội Nông dân huyện Đất Đỏ": the locality of a list's last item
    /// belongs to the items before it that take one, joined to it by commas and `và` only.
    private func shareLocality(_ locality: Range<Int>, before start: Int) {
        var next = start
        var m = mentions.count - 1
        while m >= 0, mentions[m].takesLocality, mentions[m].sharedLocality == nil,
              Self.joinsList(utf8, mentions[m].bytes.upperBound..<next) {
            mentions[m].sharedLocality = locality
            next = mentions[m].bytes.lowerBound
            m -= 1
        }
    }

    /// The bytes between two items of a list: a comma, `và`, or both, with spaces.
    package static func joinsList(_ utf8: [UInt8], _ range: Range<Int>) -> Bool {
        guard range.lowerBound <= range.upperBound else { return false }
        let text = utf8[range].filter { $0 != 0x20 }
        return text == Array(",".utf8) || text == Array("và".utf8) || text == Array(",và".utf8)
    }

    /// Scalar end of a name that ends at token `end` (exclusive) or at a closing quote after it.
    private func scalarEnd(_ end: Int, byte: Int) -> Int {
        let last = tokens[end - 1]
        var scalars = Int(last.scalarEnd)
        var k = Int(last.end)
        while k < byte {
            if utf8[k] & 0xC0 != 0x80 { scalars += 1 }
            k += 1
        }
        // (A name cut inside its last token, where two words were glued.)
        while k > byte {
            k -= 1
            if utf8[k] & 0xC0 != 0x80 { scalars -= 1 }
        }
        return scalars
    }

    /// A capital and the lower-case letter after it can open a Vietnamese syllable: a vowel
    /// ("Bách") or a two-letter onset ("Nguyễn", "Thanh", "Phú").
    private static func opensSyllable(_ capital: Unicode.Scalar, _ next: Unicode.Scalar) -> Bool {
        let base = String(next).decomposedStringWithCanonicalMapping.unicodeScalars.first.map { Character($0) } ?? " "
        if "aeiouy".contains(base) { return true }
        return ["Ch", "Gh", "Gi", "Kh", "Ng", "Nh", "Ph", "Th", "Tr", "Qu"].contains(String(capital) + String(base))
    }

    /// The first token from `start` where at least two capitals run straight into a lower-case
    /// Vietnamese word ("ĐTchỉ", "ĐTsẽtổng"): the token and the byte where the glued word starts.
    /// A brand written in mixed case ("GMaths", "MobiFone") has no Vietnamese letter after its
    /// capitals and is left whole.
    private func gluedEnd(from start: Int, to end: Int) -> (Int, Int)? {
        guard start < end else { return nil }
        for k in start..<end where tokens[k].isCapitalized && tokens[k].flags.contains(.hasLower) {
            let bytes = Int(tokens[k].start)..<Int(tokens[k].end)
            let text = String(decoding: utf8[bytes], as: UTF8.self)
            var capitals = 0
            var offset = 0
            var cut: Int?
            var lastCapital: Unicode.Scalar = " "
            for scalar in text.unicodeScalars {
                if scalar.properties.isUppercase { capitals += 1; lastCapital = scalar } else {
                    // (The last capital may open a capitalised word glued to an abbreviation:
                    // "THPTNguyễn", "ĐHBách": that is no lower-case word.)
                    if capitals >= 2, scalar.properties.isLowercase, !Self.opensSyllable(lastCapital, scalar) { cut = offset }
                    break
                }
                offset += String(scalar).utf8.count
            }
            guard let cut else { continue }
            let rest = text.utf8.dropFirst(cut)
            guard rest.contains(where: { $0 >= 0x80 }) else { continue }
            return (k, bytes.lowerBound + cut)
        }
        return nil
    }

    private func addPerson(_ range: Range<Int>, position: Range<Int>?, unit: Parse?) {
        let bytes = Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end)
        let scalars = Int(tokens[range.lowerBound].scalarStart)..<Int(tokens[range.upperBound - 1].scalarEnd)
        let unitBytes = unit.map { Int(tokens[$0.start].start)..<$0.nameEndByte }
        people.append(Person(bytes: bytes, scalars: scalars, position: position, unit: unitBytes))
    }
}
