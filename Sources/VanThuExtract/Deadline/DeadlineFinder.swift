import Foundation
import VanThuText

/// The work of `DeadlineExtractor` on one document: triggers before mentions, the clause around
/// them, the action and the receiving unit.
package struct DeadlineFinder {
    package let document: TextDocument
    package let text: FoldedBytes
    package let documentDate: String?
    /// The date the document's own header gives it (`Hà Nội, ngày …`), when that is its date.
    package let issued: String?
    package let documentYear: Int?
    /// In a dispatch, `trước ngày …` is a deadline without an action verb in its clause
    /// (`Thời gian: trước ngày 15/4/2021`).
    package let isDispatch: Bool
    /// The receiving units' words of the run's lexicon.
    package var vocabulary: UnitPhraseReader.Vocabulary = .standard

    /// How far (folded bytes) a clause reaches on either side of a deadline.
    package static let clauseReach = 700
    /// How many words a `hạn chót …` may stand before its date.
    package static let termGap = 7

    package struct Trigger {
        package var kind: DeadlineLexicon.Trigger
        package var start: Int
    }

    package func deadlines(in mentions: [TemporalMention]) -> [DeadlineFact] {
        var facts: [DeadlineFact] = []
        var previous: (end: Int, trigger: Trigger, action: String?, to: String?)?
        var lastEnd = 0
        for mention in mentions {
            // A period spans its own points (`từ ngày … đến hết ngày …`): it does not hide their triggers.
            defer { if mention.kind == .point { lastEnd = max(lastEnd, mention.range.upperBound) } }
            switch mention.kind {
            case .point:
                guard mention.value.precision != .year || mention.recurrence != nil else { continue }
                var trigger = trigger(before: mention.range.lowerBound, notBefore: lastEnd)
                if trigger == nil, let previous, isListed(after: previous.end, at: mention.range.lowerBound) {
                    trigger = previous.trigger
                }
                if trigger == nil, mention.recurrence == .monthly,
                   DeadlineLexicon.standingDayActions.match(text, at: text.skipSpaces(from: mention.range.upperBound)) != nil {
                    trigger = Trigger(kind: .standingDay, start: mention.range.lowerBound)
                }
                guard let trigger, var fact = deadline(mention, trigger, after: previous?.end ?? 0) else { continue }
                let ownClause = clause(around: trigger.start, trigger.start)
                if fact.action == nil, let previous, ownClause.contains(previous.end) {
                    fact.action = previous.action
                } else if fact.action == nil, fact.to == nil, let previous,
                          let before = previousClause(before: ownClause.lowerBound),
                          (before.lowerBound...before.upperBound).contains(previous.end), !opensWithUnit(ownClause) {
                    // The previous date may close its clause right at the `;` (`… trước ngày 10/5/2024; danh
                    // sách … trước ngày 15/5/2024`): the clause's range stops before the `;`, the date with it.
                    // `… gửi về Cục X trước ngày 25/6 đối với báo cáo 6 tháng; trước ngày 28/11 đối với báo cáo năm`:
                    // an item with neither action nor unit continues the one before it.
                    fact.action = previous.action
                    fact.to = previous.to
                }
                facts.append(fact)
                previous = (mention.range.upperBound, trigger, fact.action, fact.to)
            case .duration:
                if let fact = relativeDeadline(mention) { facts.append(fact) }
            case .period, .dayOnly:
                continue
            }
        }
        return facts
    }

    // MARK: - dated deadlines

    /// A deadline for `mention` and its trigger; the action is looked for after `after` (the end of
    /// the previous deadline).
    package func deadline(_ mention: TemporalMention, _ trigger: Trigger, after: Int) -> DeadlineFact? {
        let clause = clause(around: trigger.start, mention.range.upperBound)
        switch trigger.kind {
        case .within:
            guard mention.value.precision == .month || mention.value.precision == .quarter,
                  hasWithinAction(before: trigger.start, clauseStart: clause.lowerBound),
                  !isPast(before: trigger.start, clauseStart: clause.lowerBound),
                  !isPlanned(clause.lowerBound..<trigger.start), !continuesPlan(clause, before: trigger.start) else { return nil }
        case .before:
            // A list item's clause may have no verb of its own: the obligation that governs the list counts.
            // The verb that asks governs `trước ngày` from the left; only a fronted deadline (`Trước ngày
            // 15/12, các xã báo cáo …`) has it after. `Người hoạt động cách mạng trước ngày …`, `đang hưởng
            // trợ cấp trước ngày … thì …` name who qualifies: a cut-off, whatever the rest of the sentence asks.
            // `Định kỳ 6 tháng (trước ngày 31/7), … báo cáo …`: a bracketed schedule is fronted too.
            let fronted = opensClause(trigger.start, clause.lowerBound)
                || [NumberToken.comma, UInt8(ascii: "(")].contains(text[text.skipSpacesBack(from: trigger.start, limit: 4) - 1])
            // A date that recurs by its own words (`trước ngày 30/4 của năm báo cáo`) is a standing rule's:
            // no cut-off recurs. Not a cue that stood before it (`trợ cấp hằng tháng … trước ngày 01`).
            let recursItself = mention.recurrence != nil && FoldedText.isLetter(text[mention.range.upperBound - 1])
            // `… và xong trước ngày 5/5`: `xong trước` itself asks for the work to be finished.
            let asksCompletion = DeadlineLexicon.obligations.match(text, at: trigger.start) != nil
            guard (isDispatch && opensClause(trigger.start, clause.lowerBound)) || recursItself || asksCompletion
                    || hasObligation(fronted ? clause : clause.lowerBound..<trigger.start)
                    || hasObligation(governingClauses(before: clause.lowerBound)),
                  !isBoundary(before: trigger.start, date: mention.range.lowerBound) || isStandingPeriod(before: trigger.start, mention),
                  !isPast(before: trigger.start, clauseStart: clause.lowerBound),
                  !isPlanned(clause.lowerBound..<trigger.start) else { return nil }
        case .windowEnd:
            guard mention.value.precision == .day,
                  !has(DeadlineLexicon.validityStarts, in: clause.lowerBound..<trigger.start),
                  has(DeadlineLexicon.submissions, in: clause.lowerBound..<trigger.start)
                    || (labels(mention.range.upperBound) && has(DeadlineLexicon.windowOpenings, in: mention.range.upperBound..<clause.upperBound)),
                  !isPast(before: trigger.start, clauseStart: clause.lowerBound) else { return nil }
        case .latest, .noLater, .term, .standingDay:
            break
        }
        var due: String?
        let recurrence = mention.recurrence
        switch mention.recurrence {
        case .yearly:
            guard let month = mention.value.month else { return nil }
            due = "--\(CalendarValue.pad(month, 2))" + (mention.value.day.map { "-\(CalendarValue.pad($0, 2))" } ?? "")
        case .monthly:
            guard let day = mention.value.day else { return nil }
            due = "---\(CalendarValue.pad(day, 2))"
        case nil:
            // Quarters have no form in `due` (gold/README): `trong quý III/2026` stays a date only.
            guard mention.value.precision != .quarter else { return nil }
            due = mention.value.resolved(documentYear: documentYear).iso
            // Before the date the document's own header gives it, a date is a cut-off (`đóng bảo hiểm
            // trước ngày 01/01/1995`). Only that date: a page's byline may be wrong (a portal's today line).
            if let due, let issued, due < issued.prefix(due.utf8.count) { return nil }
        }
        var recipient = recipient(in: clause, before: trigger.start, after: mention.range.upperBound)
        // `Định kỳ báo cáo Thủ tướng …; báo cáo tổng thể … trước ngày …`: a report with no unit of its own
        // goes where the sentence's earlier report goes.
        if recipient == nil, let previous = previousClause(before: clause.lowerBound),
           has(DeadlineLexicon.reportVerbs, in: clause.lowerBound..<trigger.start) {
            recipient = reportRecipient(in: previous)
        }
        // `… gửi danh sách về Phòng Văn hóa; hạn cuối: ngày …`, `… nộp về Ban X; thời hạn nhận hồ sơ đến hết
        // ngày …`: a term or a window's end with no verb of its own is the time limit of the clause before.
        if recipient == nil, trigger.kind == .term || trigger.kind == .windowEnd,
           let previous = previousClause(before: clause.lowerBound), !hasObligation(clause.lowerBound..<trigger.start) {
            recipient = self.recipient(in: previous, before: previous.upperBound, after: previous.upperBound)
        }
        // `… gửi báo cáo về UBND huyện như sau: báo cáo tháng trước ngày 25 hằng tháng; sơ kết 6 tháng trước
        // ngày …; tổng kết năm trước ngày …`: an item that names only its report goes where the list's
        // obligation sends it, a few clauses back.
        // The list may stand on lines of its own under its obligation (`… gửi báo cáo về Ban X như sau:` then
        // `- Báo cáo tháng: trước ngày 25 hàng tháng;`): the line that ends with the colon is the last step back.
        if recipient == nil, isReportItem(clause.lowerBound..<trigger.start) {
            var previous = previousClause(before: clause.lowerBound, orListIntro: true)
            var steps = 0
            while recipient == nil, let earlier = previous, steps < Self.reportItemReach {
                recipient = self.recipient(in: earlier, before: earlier.upperBound, after: earlier.upperBound)
                previous = previousClause(before: earlier.lowerBound, orListIntro: true)
                steps += 1
            }
        }
        // `- Báo cáo năm: trước ngày …;` … then `Các báo cáo gửi về UBND huyện (qua …).`: the line right
        // after a list of report items sends them all.
        if recipient == nil, isReportItem(clause.lowerBound..<trigger.start) {
            recipient = listClosingRecipient(after: clause.upperBound)
        }
        // `Thời gian lấy ý kiến từ ngày … đến hết ngày 15/9/2023. Ý kiến xin gửi về Sở Nội vụ …`: the
        // sentence after a window that sends what the window takes names where it goes.
        if recipient == nil, trigger.kind == .windowEnd {
            recipient = nextSentenceRecipient(after: clause.upperBound)
        }
        // `gửi về Ban Tổ chức cuộc thi (qua Báo …)`: an organising committee named by its role is no
        // unit; the deadline has no receiving unit (and the channel is none either).
        if let unit = recipient?.unit, isRoleCommittee(unit) { recipient = nil }
        let to = recipient.map { Self.singleSpaced(document.string(folded: $0.unit)) }
        let action = action(in: max(clause.lowerBound, after)..<clause.upperBound, before: trigger.start,
                            recipient: recipient)
        // `trước ngày 20/5` with no year anywhere: the year is not guessed, so there is no due date.
        guard due != nil else { return nil }
        let range = trigger.start..<mention.range.upperBound
        let span = document.scalarSpan(document.folded.utf8Range(range))
        return DeadlineFact(text: document.string(folded: range), due: due, recurrence: recurrence, action: action,
                            to: to, anchor: nil, start: span.start, end: span.end, rule: trigger.kind.rule)
    }

    /// A schedule line's date labels what follows its colon (`Từ ngày … đến hết ngày 18/4/2021: Mở đăng ký …`).
    package func labels(_ end: Int) -> Bool {
        text[text.skipSpaces(from: end, limit: 3)] == UInt8(ascii: ":")
    }

    package func trigger(before start: Int, notBefore limit: Int) -> Trigger? {
        DeadlineTriggerReader(text: text).trigger(before: start, notBefore: limit)
    }

    /// `trước ngày 30/6 và ngày 31/12`: whether only `và`, `hoặc` or a comma stands between.
    package func isListed(after end: Int, at start: Int) -> Bool {
        guard start >= end, start - end <= 12 else { return false }
        var j = text.skipSpaces(from: end, limit: 3)
        if text[j] == NumberToken.comma {
            j += 1
        } else if let word = TemporalLexicon.connectors.match(text, at: j), !word.value {
            j = word.end
        } else {
            return false
        }
        return text.skipSpaces(from: j, limit: 3) == start
    }

    // MARK: - relative deadlines

    /// `trong thời hạn 15 ngày (làm việc) kể từ ngày nhận được hồ sơ`.
    package func relativeDeadline(_ mention: TemporalMention) -> DeadlineFact? {
        let before = text.skipSpacesBack(from: mention.range.lowerBound, limit: 3)
        guard before < mention.range.lowerBound,
              let trigger = DeadlineLexicon.relativeTriggers.match(text, endingAt: before) else { return nil }
        var j = text.skipSpaces(from: mention.range.upperBound, limit: 3)
        if text[j] == NumberToken.comma { j = text.skipSpaces(from: j + 1, limit: 3) }
        guard let marker = DeadlineLexicon.anchors.match(text, at: j), marker.value || trigger.value else { return nil }
        let anchorStart = text.skipSpaces(from: marker.end, limit: 3)
        guard anchorStart > marker.end, FoldedText.isLetter(text[anchorStart]) else { return nil }
        var anchorEnd = anchorStart
        var words = 0
        var i = anchorStart
        while i < text.count {
            let byte = text[i]
            if byte == NumberToken.comma || byte == UInt8(ascii: ";") || byte == 0x0A || byte == UInt8(ascii: "(")
                || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\"") || (byte == NumberToken.dot && !text.isDigit(i + 1)) {
                break
            }
            if FoldedText.isLetter(byte) || FoldedText.isDigit(byte) || byte >= 0x80 {
                if !FoldedText.isLetter(text[i - 1]) && !FoldedText.isDigit(text[i - 1]) && text[i - 1] < 0x80 {
                    if words == 12 || (words > 0 && DeadlineLexicon.anchorStops.match(text, at: i) != nil) { break }
                    words += 1
                }
                anchorEnd = i + 1
            } else if byte == NumberToken.slash {
                anchorEnd = i + 1
            }
            i += 1
        }
        let anchor = document.string(folded: anchorStart..<anchorEnd)
        let range = trigger.start..<anchorEnd
        let span = document.scalarSpan(document.folded.utf8Range(range))
        let clause = clause(around: trigger.start, anchorEnd)
        let recipient = recipient(in: clause, before: trigger.start, after: anchorEnd)
        return DeadlineFact(text: document.string(folded: range), due: nil, recurrence: nil,
                            action: action(in: clause, before: trigger.start, recipient: recipient),
                            to: recipient.map { document.string(folded: $0.unit) }, anchor: anchor,
                            start: span.start, end: span.end, rule: "deadline.relative")
    }

    // MARK: - the clause

    /// The clause around a deadline: between `.`, `;`, `!`, `?` or a line break.
    package func clause(around start: Int, _ end: Int) -> Range<Int> {
        var lower = start
        while lower > 0, start - lower < Self.clauseReach, !isClauseEnd(lower - 1) { lower -= 1 }
        var upper = end
        while upper < text.count, upper - end < Self.clauseReach, !isClauseEnd(upper) { upper += 1 }
        return lower..<upper
    }

    package func isClauseEnd(_ offset: Int) -> Bool {
        let byte = text[offset]
        switch byte {
        case UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"): return true
        // A line wrapped inside a sentence, also across a gazette page break, goes on.
        case 0x0A: return !text.isSoftWrap(at: offset) && text.wrappedLineEnd(before: offset) == nil
        case NumberToken.dot:
            let next = text[offset + 1]
            // A sentence starts with a capital: before a lower-case word the dot closes an initial or an
            // abbreviation (`sản phụ P. về Bộ Y tế …`, `v.v. và …`), not the clause.
            if FoldedText.isSpace(next), next != 0x0A, continuesLowercase(after: offset + 1) { return false }
            return next == 0 || FoldedText.isSpace(next) || next == UInt8(ascii: "*")
        default: return false
        }
    }

    /// Whether the word after the spaces at `offset` starts with a lower-case letter in the source.
    package func continuesLowercase(after offset: Int) -> Bool {
        let start = text.skipSpaces(from: offset, limit: 3)
        guard start < text.count, FoldedText.isLetter(text[start]) else { return false }
        return document.string(folded: start..<(start + 1)).first?.isLowercase == true
    }

    /// The clauses that govern a list whose item starts at `start`: back over the items before it
    /// (ended by `;` or `,`, on this line or the lines above) to the clause that opens the list with
    /// a colon (`Các đơn vị báo cáo như sau: …; khen thưởng trước ngày …`). Empty when no list.
    package func governingClauses(before start: Int) -> Range<Int> {
        var position = start
        var nearest: Int?
        for _ in 0..<12 {
            if position < start, let colon = (position..<start).first(where: { text[$0] == UInt8(ascii: ":") }) {
                // The opener and the first item share a clause: `Các trường báo cáo như sau: sơ kết …; khen thưởng …`.
                return clause(around: colon, colon).lowerBound..<start
            }
            let end = text.skipSpacesBack(from: position, limit: 8)
            guard end > 0 else { break }
            let byte = text[end - 1]
            if byte == UInt8(ascii: ":") {
                let opener = clause(around: end - 1, end - 1)
                return opener.lowerBound..<start
            }

            // `- ` or `a) ` of the item itself
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ")") || byte == FoldedText.other {
                position = end - 1
                while position > 0, text[position - 1] != 0x0A, FoldedText.isLetter(text[position - 1])
                        || FoldedText.isDigit(text[position - 1]) { position -= 1 }
                continue
            }
            guard byte == UInt8(ascii: ";") || byte == NumberToken.comma || byte == 0x0A else { break }
            let previous = clause(around: end - 1, end - 1)
            guard previous.lowerBound < end - 1 else { break }
            if nearest == nil, byte == UInt8(ascii: ";") { nearest = previous.lowerBound }
            position = previous.lowerBound
        }
        // No opener with a colon: the item before (`…; Sở Lao động … trước ngày …`) may hold the verb.
        return (nearest ?? start)..<start
    }

    /// Whether the trigger opens its clause, after a label at most (`Thời gian: trước ngày …`,
    /// `- Trước ngày 01/6, các đơn vị …`): a dispatch's schedule line. Inside a sentence a `trước ngày`
    /// needs an obligation (`người lao động xuất cảnh trước ngày …` is a cut-off).
    package func opensClause(_ start: Int, _ clauseBound: Int) -> Bool {
        let clauseStart = text.skipSpaces(from: clauseBound, limit: 12)
        var k = text.skipSpacesBack(from: start, limit: 8)
        if text[k - 1] == UInt8(ascii: ":") { return true }
        while k > clauseStart, !FoldedText.isLetter(text[k - 1]), !FoldedText.isDigit(text[k - 1]) { k -= 1 }
        if k <= clauseStart { return true }
        // `a) Trước ngày …`, `2. Trước ngày …`
        var j = k
        while j > clauseStart, FoldedText.isLetter(text[j - 1]) || FoldedText.isDigit(text[j - 1]) { j -= 1 }
        return j == clauseStart && k - j <= 2 && (text[k] == UInt8(ascii: ")") || text[k] == NumberToken.dot)
    }

    /// Whether a phrase of `table` starts at a word inside `range`. A `false` row hides the words it
    /// spans (`chứng nhận đăng ký` holds no `nhận đăng ký`).
    package func has(_ table: FoldedPhraseTable<Bool>, in range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            if FoldedText.isLetter(text[i]) && !FoldedText.isLetter(text[i - 1]), let match = table.match(text, at: i),
               match.end <= range.upperBound {
                if match.value { return true }
                i = match.end
                continue
            }
            i += 1
        }
        return false
    }

    /// `Dự kiến tổ chức …`, `thời gian tổ chức …` before the trigger: a schedule, not a deadline.
    package func isPlanned(_ range: Range<Int>) -> Bool {
        has(DeadlineLexicon.planned, in: max(range.lowerBound, range.upperBound - Self.plannedReach)..<range.upperBound)
    }

    /// `Vòng sơ khảo dự kiến diễn ra trong tháng 8/2024; vòng chung kết tổ chức trong tháng 10/2024`: a
    /// clause after `;` goes on with the schedule of the one before, unless it asks for something itself.
    package func continuesPlan(_ clause: Range<Int>, before trigger: Int) -> Bool {
        guard let previous = previousClause(before: clause.lowerBound), has(DeadlineLexicon.planned, in: previous) else {
            return false
        }
        return !has(DeadlineLexicon.requests, in: clause.lowerBound..<trigger)
    }

    /// How far (folded bytes) before its trigger a `Dự kiến …` still plans the date.
    package static let plannedReach = 120

    /// Whether the clause asks for something to be done.
    package func hasObligation(_ clause: Range<Int>) -> Bool {
        var i = clause.lowerBound
        while i < clause.upperBound {
            if FoldedText.isLetter(text[i]) && !FoldedText.isLetter(text[i - 1]),
               let match = DeadlineLexicon.obligations.match(text, at: i) {
                let compound = DeadlineLexicon.notObligations.match(text, at: i)
                    ?? previousWordStart(i).flatMap { DeadlineLexicon.notObligations.match(text, at: $0) }
                if compound == nil || compound!.end < match.end { return true }
                i = max(match.end, compound!.end)
                continue
            }
            i += 1
        }
        return false
    }

    package func previousWordStart(_ offset: Int) -> Int? {
        text.wordEnding(at: text.skipSpacesBack(from: offset, limit: 3))?.lowerBound
    }

    /// `hoàn thành trong tháng …`: an action word among the few words before `trong`.
    package func hasWithinAction(before start: Int, clauseStart: Int) -> Bool {
        var position = start
        for _ in 0..<4 {
            position = text.skipSpacesBack(from: position, limit: 3)
            if text[position - 1] == UInt8(ascii: ":") {
                position = text.skipSpacesBack(from: position - 1, limit: 3)
            }
            guard position > clauseStart, let word = text.wordEnding(at: position) else { return false }
            if let action = DeadlineLexicon.withinActions.match(text, endingAt: position),
               isSpelled(action.start..<position) {
                let compound = DeadlineLexicon.notObligations.match(text, at: action.start)
                    ?? previousWordStart(action.start).flatMap { DeadlineLexicon.notObligations.match(text, at: $0) }
                if compound == nil || compound!.end < position { return true }
            }
            position = word.lowerBound
        }
        return false
    }

    /// Where a report's name would end before a period word at `start`: right before it (`báo
    /// cáo năm`), or before the number of months it spans (`sơ kết 6 tháng`, `báo cáo 9 tháng`).
    package func reportEnd(beforePeriodAt start: Int) -> Int {
        let end = text.skipSpacesBack(from: start, limit: 3)
        var digits = end
        while digits > 0, digits > end - 3, FoldedText.isDigit(text[digits - 1]) { digits -= 1 }
        guard digits < end, digits == 0 || text[digits - 1] == 0x20 else { return end }
        return text.skipSpacesBack(from: digits, limit: 3)
    }

    /// `ký trước ngày …`, `ngay trước ngày …`: the word before `trước` makes the date a boundary.
    package func isBoundary(before start: Int, date: Int) -> Bool {
        let end = text.skipSpacesBack(from: start, limit: 3)
        guard end < start, let match = DeadlineLexicon.boundaries.match(text, endingAt: end),
              isSpelled(match.start..<end) else { return false }
        if !match.value, let trigger = DeadlineLexicon.triggers.match(text, at: start),
           text.skipSpaces(from: trigger.end, limit: 4) == date,
           DeadlineLexicon.periodicReports.match(text, endingAt: reportEnd(beforePeriodAt: match.start)) != nil {
            return false
        }
        // `đăng ký trước ngày …` asks to register (`ký` alone: signed before).
        if let longer = DeadlineLexicon.notBoundaries.match(text, endingAt: end), longer.start < match.start { return false }
        // `để ban hành trước ngày …`: the boundary verb is itself what is asked for.
        if DeadlineLexicon.boundaryOverrides.match(text, endingAt: text.skipSpacesBack(from: match.start, limit: 3)) != nil {
            return false
        }
        // `từ trước ngày` is a boundary; `Đầu tư trước ngày` is not (both fold to `tu`).
        if end - match.start == 2 && text[match.start] == UInt8(ascii: "t") {
            return document.string(folded: match.start..<end).lowercased() == "từ"
        }
        return true
    }

    /// `báo cáo hằng năm trước ngày 15/12`, `báo cáo hàng tháng trước ngày 22`, `báo cáo tài chính năm trước
    /// ngày 31/3 năm sau`: before a date that recurs, or one with no year after a recurrence cue, `năm`
    /// and `tháng` are no `last year`, `last month`. (`trợ cấp hằng tháng trước ngày 01/7/2023` names a
    /// fixed day: a cut-off.)
    package func isStandingPeriod(before start: Int, _ mention: TemporalMention) -> Bool {
        let end = text.skipSpacesBack(from: start, limit: 3)
        guard end < start, let match = DeadlineLexicon.boundaries.match(text, endingAt: end), !match.value,
              isSpelled(match.start..<end) else { return false }
        // Only `năm`, `tháng` that end a recurrence cue: `từ ngày 16 tháng trước đến ngày 15 của tháng sau`
        // keeps its `last month`.
        guard TemporalLexicon.recurrences.match(text, endingAt: end) != nil else { return false }
        return mention.recurrence != nil || (mention.value.year == nil && mention.value.relativeYear == nil)
    }

    /// `đã`, `vừa` among the words before the trigger (`đã đóng bảo hiểm xã hội bắt buộc trước ngày …`),
    /// unless the sentence asks again in between (`đã được giao, phải hoàn thành trước ngày …`).
    package func isPast(before start: Int, clauseStart: Int) -> Bool {
        var position = start
        for _ in 0..<12 {
            position = text.skipSpacesBack(from: position, limit: 3)
            guard position > clauseStart, let word = text.wordEnding(at: position) else { return false }
            if let past = DeadlineLexicon.pastMarkers.match(text, endingAt: position), isSpelled(past.start..<position) {
                return true
            }
            if DeadlineLexicon.modals.match(text, endingAt: position) != nil { return false }
            position = word.lowerBound
        }
        return false
    }

    /// Whether the word at `range` is spelled as `DeadlineLexicon.spellings` wants, when it lists it.
    package func isSpelled(_ range: Range<Int>) -> Bool {
        DeadlineLexicon.spellings.allows(text, range, in: document)
    }

    /// A receiving unit and the word that introduced it (`về`, `gửi`, `(qua`).
    package struct Recipient {
        package var unit: Range<Int>
        package var marker: Range<Int>
    }

    /// The receiving unit: after `về`, `gửi`, `báo cáo` … before the trigger (the nearest), else
    /// after the date; `(qua …)` only when nothing else is stated.
    package func recipient(in clause: Range<Int>, before start: Int, after end: Int) -> Recipient? {
        let reader = UnitPhraseReader(document: document, text: text, vocabulary: vocabulary)
        var primary: Recipient?
        var secondary: Recipient?
        func scan(_ range: Range<Int>, keepFirst: Bool) {
            var i = range.lowerBound
            while i < range.upperBound {
                if FoldedText.isLetter(text[i]) && !FoldedText.isLetter(text[i - 1]),
                   let marker = DeadlineLexicon.recipients.match(text, at: i) {
                    let unitStart = text.skipSpaces(from: marker.end, limit: 3)
                    if unitStart > marker.end, let unit = reader.read(at: unitStart), unit.upperBound <= clause.upperBound {
                        let found = Recipient(unit: unit, marker: i..<marker.end)
                        if marker.value {
                            if !(keepFirst && primary != nil) { primary = found }
                        } else if !(keepFirst && secondary != nil) {
                            secondary = found
                        }
                        i = unit.upperBound
                        continue
                    }
                }
                i += 1
            }
        }
        scan(clause.lowerBound..<start, keepFirst: false)
        // After the date, only up to a comma: `trước ngày 15/7 về Sở Nội vụ`, not `xong trước ngày 1/5,
        // báo cáo Chính phủ …` (a next step of its own).
        // A deadline that opens its clause (`Trước ngày 10/6, Ban Chỉ đạo báo cáo Tỉnh ủy`) has its verb after it.
        var tail = end
        let fronted = opensClause(start, clause.lowerBound) || text[text.skipSpacesBack(from: start, limit: 4) - 1] == NumberToken.comma
        if !fronted {
            while tail < clause.upperBound, text[tail] != NumberToken.comma { tail += 1 }
        } else {
            tail = clause.upperBound
        }
        if primary == nil { scan(end..<tail, keepFirst: true) }
        return primary ?? secondary
    }

    /// A name as one line: a wrapped line's break and indent become one space.
    package static func singleSpaced(_ name: String) -> String {
        // A page break inside the name leaves its furniture (`CÔNG BÁO/Số …`, the page number) out.
        let lines = name.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, trimmed.allSatisfy(\.isNumber) { return false }
            let folded = FoldedText(utf8: Array(trimmed.utf8))
            return folded.bytes.withUnsafeBufferPointer { TemporalChromeLine.ruleID(FoldedBytes($0), lineOf: 0) == nil }
        }
        return lines.joined(separator: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// The receiving unit of the line that closes a list (`Các báo cáo gửi về UBND huyện …`): the first
    /// line after `end` that is no list item (`-`, `+`, `*`), when it opens with a report word.
    package func listClosingRecipient(after end: Int) -> Recipient? {
        var i = end
        for _ in 0...Self.reportItemReach {
            while i < text.count, text[i] != 0x0A { i += 1 }
            var start = i + 1
            while start < text.count, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
            guard start < text.count, text[start] != 0x0A else { return nil }
            if [NumberToken.dash, UInt8(ascii: "+"), UInt8(ascii: "*")].contains(text[start]) {
                i = start
                continue
            }
            guard let opening = DeadlineLexicon.listClosings.match(text, at: start) else { return nil }
            let line = clause(around: opening.end, opening.end)
            return recipient(in: line, before: line.upperBound, after: line.upperBound)
        }
        return nil
    }

    /// The receiving unit of the sentence right after `end` (past its full stop), when it opens with
    /// what a window takes (`Ý kiến …`, `Hồ sơ …`, `Bài dự thi …`).
    package func nextSentenceRecipient(after end: Int) -> Recipient? {
        guard end < text.count, text[end] == NumberToken.dot else { return nil }
        var start = end + 1
        while start < text.count, start - end < 8, FoldedText.isSpace(text[start]) { start += 1 }
        guard start < text.count, DeadlineLexicon.submittedThings.match(text, at: start) != nil else { return nil }
        let sentence = clause(around: start, start)
        return recipient(in: sentence, before: sentence.upperBound, after: sentence.upperBound)
    }

    /// `Ban Tổ chức`, `Ban Tổ chức Hội thi`, `Ban Giám khảo cuộc thi`: a committee named by its role in an
    /// event, not an organisational unit (`Ban Tổ chức Tỉnh ủy` is one).
    package func isRoleCommittee(_ unit: Range<Int>) -> Bool {
        guard let role = DeadlineLexicon.roleCommittees.match(text, at: unit.lowerBound), role.end <= unit.upperBound,
              !FoldedText.isLetter(text[role.end]) else { return false }
        let rest = text.skipSpaces(from: role.end, limit: 3)
        guard rest < unit.upperBound else { return true }
        return DeadlineLexicon.events.match(text, at: rest) != nil
    }

    /// How many clauses back a report item looks for its list's receiving unit.
    package static let reportItemReach = 4

    /// Whether the words before a trigger only name a report (`sơ kết 6 tháng`, `tổng kết năm`,
    /// `báo cáo quý`): a list item with no verb and no unit of its own.
    package func isReportItem(_ range: Range<Int>) -> Bool {
        var start = range.lowerBound
        while start < range.upperBound, !FoldedText.isLetter(text[start]) { start += 1 }
        guard DeadlineLexicon.periodicReports.match(text, at: start) != nil
                || DeadlineLexicon.reportVerbs.match(text, at: start) != nil else { return false }
        // Words, not the number of months a report spans (`Báo cáo sơ kết 6 tháng`); a report may name
        // what goes with it (`Báo cáo tổng kết năm và hồ sơ đề nghị khen thưởng`).
        var words = 0
        for k in start..<range.upperBound where FoldedText.isLetter(text[k]) {
            if !(FoldedText.isLetter(text[k - 1]) || FoldedText.isDigit(text[k - 1])) || k == start { words += 1 }
        }
        return words <= Self.reportItemWords
    }

    /// How many words a report item's name may have.
    package static let reportItemWords = 12

    /// Whether the clause's first word starts a unit's name: the item has a subject of its own
    /// (`…; Phòng Nội vụ thẩm định trước ngày …`) and keeps no carried unit.
    package func opensWithUnit(_ clause: Range<Int>) -> Bool {
        var start = clause.lowerBound
        while start < clause.upperBound, !FoldedText.isLetter(text[start]) { start += 1 }
        guard start < clause.upperBound else { return false }
        return UnitPhraseReader(document: document, text: text, vocabulary: vocabulary).read(at: start) != nil
    }

    /// The clause before the one that starts at `start`, when only `;` parts them (one sentence); with
    /// `orListIntro`, also the line that introduces a list with a colon at its end (`… như sau:` + line break).
    package func previousClause(before start: Int, orListIntro: Bool = false) -> Range<Int>? {
        let end = text.skipSpacesBack(from: start, limit: 8)
        let isIntro = orListIntro && end > 0 && text[end - 1] == UInt8(ascii: ":")
            && (end..<start).contains { text[$0] == 0x0A }
        guard end > 0, text[end - 1] == UInt8(ascii: ";") || isIntro else { return nil }
        let previous = clause(around: end - 1, end - 1)
        return previous.lowerBound < end - 1 ? previous.lowerBound..<(end - 1) : nil
    }

    /// The first receiving unit of a reporting verb in `range` (`báo cáo Thủ tướng Chính phủ …`).
    package func reportRecipient(in range: Range<Int>) -> Recipient? {
        let reader = UnitPhraseReader(document: document, text: text, vocabulary: vocabulary)
        var i = range.lowerBound
        while i < range.upperBound {
            if FoldedText.isLetter(text[i]) && !FoldedText.isLetter(text[i - 1]),
               let verb = DeadlineLexicon.reportVerbs.match(text, at: i) {
                var unitStart = text.skipSpaces(from: verb.end, limit: 3)
                if let marker = DeadlineLexicon.recipients.match(text, at: unitStart), marker.value {
                    unitStart = text.skipSpaces(from: marker.end, limit: 3)
                }
                if let unit = reader.read(at: unitStart), unit.upperBound <= range.upperBound {
                    return Recipient(unit: unit, marker: i..<verb.end)
                }
                i = verb.end
                continue
            }
            i += 1
        }
        return nil
    }

    /// The action: from the last action verb of the clause before the trigger, up to the trigger;
    /// up to the receiving unit's `về` when words stand between (`báo cáo kết quả` | `về Ban …`).
    package func action(in clause: Range<Int>, before trigger: Int, recipient: Recipient?) -> String? {
        var start = trigger
        var best: (start: Int, weight: Int)?
        var i = max(clause.lowerBound, start - 240)
        while i < start {
            if FoldedText.isLetter(text[i]) && !FoldedText.isLetter(text[i - 1]),
               let verb = DeadlineLexicon.actions.match(text, at: i), verb.end <= start {
                if best == nil || verb.value >= best!.weight { best = (i, verb.value) }
                i = verb.end
                continue
            }
            i += 1
        }
        guard let best else { return nil }
        if let marker = recipient?.marker, marker.lowerBound > best.start, marker.lowerBound < trigger {
            var words = 0
            for k in best.start..<marker.lowerBound where FoldedText.isLetter(text[k]) && !FoldedText.isLetter(text[k - 1]) {
                words += 1
            }
            if words >= 3 { start = marker.lowerBound }
        }
        var end = start
        while end > best.start {
            let byte = text[end - 1]
            if FoldedText.isSpace(byte) || byte == NumberToken.comma || byte == UInt8(ascii: "*") || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: "(") {
                end -= 1
            } else {
                break
            }
        }
        guard end > best.start else { return nil }
        return document.string(folded: best.start..<end)
    }
}
