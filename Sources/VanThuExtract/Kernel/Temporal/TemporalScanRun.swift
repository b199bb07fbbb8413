import VanThuText

/// The state of one scan (see `TemporalScanner`).
package struct TemporalScanRun {
    package let text: FoldedBytes
    package let includeDurations: Bool
    package var mentions: [TemporalMention] = []

    package init(text: FoldedBytes, includeDurations: Bool) {
        self.text = text
        self.includeDurations = includeDurations
    }

    /// What stands before a number: the cue, where the mention's text starts, and an open parenthesis.
    package struct CueHit {
        package var cue: TemporalCue
        package var start: Int
        package var cueStart: Int
        package var parenthesized: Bool
    }

    // MARK: - main loop

    package mutating func scanAll() {
        let count = text.count
        let base = text.base
        var i = 0
        while i < count {
            if !FoldedText.isDigit(base[i]) { i += 1; continue }
            if i > 0 && FoldedText.isLetter(base[i - 1]) {
                // Glued to a word (QH15, Covid19, T2): not a calendar number.
                while i < count && (FoldedText.isDigit(base[i]) || FoldedText.isLetter(base[i])) { i += 1 }
                continue
            }
            let token = NumberToken.read(text, at: i)
            i = max(token.end, interpret(token))
        }
    }

    /// Judges one token; returns where scanning continues.
    package mutating func interpret(_ token: NumberToken) -> Int {
        if token.isQuantity { return token.end }
        if token.isDocumentNumber {
            var j = token.end
            while j < text.count && !FoldedText.isSpace(text[j]) { j += 1 }
            return j
        }
        if token.isGlued { return token.end }
        if token.count == 1, token.value(0) > 31, token.digitCount(0) != 4, token.digitCount(0) != 8, !includeDurations {
            return token.end
        }
        if let quarter = romanQuarter(before: token) { return quarter }
        // `1. `, `2) ` opening a line: a list item's number (`… trợ cấp hằng tháng⏎1. Từ ngày …`).
        if token.count == 1, token.digitCount(0) <= 2, isLineStart(before: token.start),
           text[token.end] == UInt8(ascii: ")") || (text[token.end] == NumberToken.dot && FoldedText.isSpace(text[token.end + 1])) {
            return token.end
        }
        // `.number` (`số`, folded like `sơ` of `hồ sơ`) only keeps a token from being a bare period.
        let hit = cue(before: token.start)
        switch token.count {
        case 1: return single(token, hit)
        case 2: return pair(token, hit)
        case 3: return triple(token, hit)
        default: return quadruple(token, hit)
        }
    }

    // MARK: - shapes

    /// One number: `ngày 24 tháng 4 năm 2017`, `tháng 3`, `năm 2017`, `quý 4`, `2015 - 2020`.
    package mutating func single(_ token: NumberToken, _ hit: CueHit) -> Int {
        let value = token.value(0)
        let digits = token.digitCount(0)
        let end = token.end
        switch hit.cue {
        case .day:
            guard digits <= 2, value >= 1, value <= 31 else { return end }
            if let words = dayMonthWords(day: value, after: end, start: hit.start, rule: "date.day-words") { return words }
            if let spaced = spacedDate(day: value, after: end, start: hit.start) { return spaced }
            if let range = spacedDayRange(first: value, after: end, start: hit.start) { return range }
            if let recurrence = recurrence(after: end), recurrence.value == .monthly {
                add(.point, hit.start..<recurrence.end, CalendarValue(day: value), recurrence: .monthly, cue: hit.cue,
                    rule: "date.monthly")
                return recurrence.end
            }
            // `trước ngày 10 của tháng sau` in a standing rule; `Hằng tháng, … trước ngày 20`.
            if isDeadline(at: hit.start) {
                if let cycle = text.phrase(TemporalLexicon.cycleMonths, at: end) {
                    add(.point, hit.start..<cycle.end, CalendarValue(day: value), recurrence: .monthly, cue: hit.cue,
                        rule: "date.monthly-cycle")
                    return cycle.end
                }
                let next = text.skipSpaces(from: end, limit: 3)
                if recurrenceBefore(hit.start) == .monthly, text[next] != NumberToken.dash,
                   TemporalLexicon.connectors.match(text, at: next) == nil {
                    add(.point, hit.start..<end, CalendarValue(day: value), recurrence: .monthly, cue: hit.cue,
                        rule: "date.monthly-standing")
                    return end
                }
            }
            add(.dayOnly, hit.start..<end, CalendarValue(day: value), cue: hit.cue, rule: "date.day-only")
            return end
        case .month:
            guard digits <= 2, value >= 1, value <= 12 else { return end }
            if text.phrase(TemporalLexicon.lunar, at: end) != nil { return end }
            // `9 tháng 10 ngày`: a number before `tháng` makes it a duration.
            if text.isDigit(text.skipSpacesBack(from: hit.cueStart, limit: 3) - 1) { return end }
            var year = yearWords(after: end)
            if year == nil, let spaced = spacedYear(after: end) { year = (spaced.year, nil, spaced.end) }
            if year == nil, let recurring = recurrence(after: end), recurring.value == .yearly {
                add(.point, hit.start..<recurring.end, CalendarValue(month: value), recurrence: .yearly, cue: hit.cue,
                    rule: "date.yearly-month")
                return recurring.end
            }
            let calendar = CalendarValue(year: year?.year, month: value, relativeYear: year?.relative)
            add(.point, hit.start..<(year?.end ?? end), calendar, cue: hit.cue,
                rule: year == nil ? "date.month-no-year" : "date.month-words")
            return year?.end ?? end
        case .quarter:
            guard digits == 1, value >= 1, value <= 4 else { return end }
            let year = yearWords(after: end)
            add(.point, hit.start..<(year?.end ?? end),
                CalendarValue(year: year?.year, quarter: value, relativeYear: year?.relative), cue: hit.cue,
                rule: "date.quarter")
            return year?.end ?? end
        case .year:
            guard digits == 4, CalendarValue.isValidYear(value) else { return end }
            if let quarter = quarterWord(before: hit.cueStart) {
                add(.point, quarter.start..<end, CalendarValue(year: value, quarter: quarter.value), cue: .quarter,
                    rule: "date.quarter-roman")
                return end
            }
            if let range = yearRange(from: value, after: end, words: false) {
                addPeriod(hit.start..<range.end, from: CalendarValue(year: value), to: CalendarValue(year: range.year),
                          cue: hit.cue, rule: "period.years")
                return range.end
            }
            // `6 tháng đầu năm 2024`, `cuối năm 2023`: a part of the year; `từ năm 2009 đến nay`: an open span.
            if TemporalLexicon.yearParts.match(text, endingAt: text.skipSpacesBack(from: hit.cueStart, limit: 3)) != nil
                || text.phrase(TemporalLexicon.openEnds, at: end) != nil {
                return end
            }
            add(.point, hit.start..<end, CalendarValue(year: value), cue: hit.cue, rule: "date.year")
            return yearList(after: end, first: value)
        case .span, .from:
            guard digits == 4, CalendarValue.isValidYear(value) else { return end }
            if let range = yearRange(from: value, after: end, words: true) {
                addPeriod(hit.start..<range.end, from: CalendarValue(year: value), to: CalendarValue(year: range.year),
                          cue: hit.cue, rule: hit.cue == .span ? "period.span" : "period.from-to")
                return range.end
            }
            return end
        case .metadata:
            if digits == 8, let date = compactDate(value) {
                add(.point, token.start..<end, date, cue: hit.cue, rule: "date.metadata")
            } else if digits == 4, CalendarValue.isValidYear(value) {
                add(.point, token.start..<end, CalendarValue(year: value), cue: hit.cue, rule: "date.metadata")
            }
            return end
        case .number:
            return end
        case .none, .weekday, .occasion, .timeOfDay, .until:
            // `ngày 15 tháng 6 và 15 tháng 12 hằng năm`: a second day-month of a list needs no `ngày`.
            if digits <= 2, value >= 1, value <= 31,
               let words = dayMonthWords(day: value, after: end, start: hit.cue == .timeOfDay ? hit.start : token.start,
                                         rule: "date.day-words",
                                         needsYear: (hit.cue == .none || hit.cue == .until) && !followsDay(token.start)) {
                return words
            }
            if digits == 4, hit.cue == .none, let year = bareYear(token) { return year }
            if digits == 4, CalendarValue.isValidYear(value), hit.cue == .none,
               let range = yearRange(from: value, after: end, words: false), !countsThings(after: range.end) {
                addPeriod(token.start..<range.end, from: CalendarValue(year: value), to: CalendarValue(year: range.year),
                          cue: hit.cue, rule: "period.bare")
                return range.end
            }
            if includeDurations, let unit = text.phrase(TemporalLexicon.durationUnits, at: end), text.isSpace(end) {
                add(.duration, token.start..<unit.end, CalendarValue(day: value), cue: hit.cue, rule: "duration")
                return unit.end
            }
            return end
        }
    }

    /// Two groups: `9/3`, `01/2016`, `2015-2020`, `2022-03`.
    package mutating func pair(_ token: NumberToken, _ hit: CueHit) -> Int {
        let a = token.value(0), b = token.value(1)
        let da = token.digitCount(0), db = token.digitCount(1)
        let separator = token.separator(1)
        let end = token.end
        if da == 4 && db == 4 && separator == NumberToken.dash {
            guard CalendarValue.isValidYear(a), b > a, b - a <= 100 else { return end }
            if hit.cue == .none && (b - a > 30 || countsThings(after: end)) { return end }
            let rule = switch hit.cue {
            case .span: "period.span"
            case .year: "period.years"
            case .none: "period.bare"
            default: "period.from-to"
            }
            addPeriod(hit.start..<end, from: CalendarValue(year: a), to: CalendarValue(year: b), cue: hit.cue, rule: rule)
            return end
        }
        if da == 4 && db == 2 && hit.cue == .metadata {
            guard CalendarValue.isValidYear(a), b >= 1, b <= 12 else { return end }
            add(.point, token.start..<end, CalendarValue(year: a, month: b), cue: hit.cue, rule: "date.metadata")
            return end
        }
        if da <= 2 && db == 4 {
            guard CalendarValue.isValidYear(b) else { return end }
            if hit.cue == .month, a >= 1, a <= 12 {
                add(.point, hit.start..<end, CalendarValue(year: b, month: a), cue: hit.cue, rule: "date.month-year")
            } else if hit.cue == .quarter, a >= 1, a <= 4 {
                add(.point, hit.start..<end, CalendarValue(year: b, quarter: a), cue: hit.cue, rule: "date.quarter")
            }
            return end
        }
        if da <= 2 && db <= 2 {
            guard CalendarDay.isValid(day: a, month: b, year: nil) else { return end }
            // `(15/10)` is a date; `(2/3)`, `(1/2)` and `(3.3)` are fractions and numbering.
            let closed = hit.parenthesized && text[end] == UInt8(ascii: ")") && token.separator(1) != NumberToken.dot
                && !(a < b && b <= 4)
            let recurring = recurrence(after: end)
            var cued: Bool
            switch hit.cue {
            case .day: cued = true
            // `Sáng 9/3`, `Sáng 28-10`; `đêm 22.2` is a number in a table.
            case .timeOfDay, .weekday, .occasion: cued = token.separator(1) != NumberToken.dot
            // `từ 1-3 lần` counts things; `từ 1/3` is a date.
            case .from, .until: cued = token.separator(1) == NumberToken.slash
            default: cued = false
            }
            if !cued, hit.cue == .none || hit.cue == .until, followsDay(token.start),
               token.separator(1) == NumberToken.slash || token.separator(1) == NumberToken.dot {
                cued = true  // `nghỉ lễ 30/4 và 1/5`, `từ ngày 16.8 đến 19.8`
            }
            guard cued || closed || recurring?.value == .yearly else { return end }
            if let recurring, recurring.value == .yearly {
                add(.point, hit.start..<recurring.end, CalendarValue(month: b, day: a), recurrence: .yearly, cue: hit.cue,
                    rule: "date.yearly")
                return recurring.end
            }
            // `20/01 năm sau`, `31/12 năm 2020`
            if let year = yearWords(after: end, allowComma: false), year.year.map({ CalendarDay.isValid(day: a, month: b, year: $0) }) ?? true {
                add(.point, hit.start..<year.end, CalendarValue(year: year.year, month: b, day: a, relativeYear: year.relative),
                    cue: hit.cue, rule: "date.day-month")
                return year.end
            }
            let yearly = recurrenceBefore(hit.start) == .yearly
            add(.point, hit.start..<end, CalendarValue(month: b, day: a), recurrence: yearly ? .yearly : nil, cue: hit.cue,
                rule: "date.day-month")
            return end
        }
        return end
    }

    /// Three groups: `14/8/2015`, `22.11.2017`, `2022-03-09`, `9-10/3`, `3-4/2020`.
    package mutating func triple(_ token: NumberToken, _ hit: CueHit) -> Int {
        let a = token.value(0), b = token.value(1), c = token.value(2)
        let da = token.digitCount(0), db = token.digitCount(1), dc = token.digitCount(2)
        let end = token.end
        if token.isUniform {
            if da <= 2 && db <= 2 && dc == 4 {
                guard CalendarValue.isValidYear(c), CalendarDay.isValid(day: a, month: b, year: c) else { return end }
                add(.point, hit.start..<end, CalendarValue(year: c, month: b, day: a), cue: hit.cue, rule: "date.dmy")
                return end
            }
            if da == 4 && db <= 2 && dc <= 2 {
                guard CalendarValue.isValidYear(a), CalendarDay.isValid(day: c, month: b, year: a) else { return end }
                add(.point, hit.start..<end, CalendarValue(year: a, month: b, day: c), cue: hit.cue, rule: "date.iso")
                return end
            }
            return end
        }
        guard token.separator(1) == NumberToken.dash else { return end }
        if hit.cue == .day && da <= 2 && db <= 2 && dc <= 2 {
            guard a < b, CalendarDay.isValid(day: b, month: c, year: nil), a >= 1 else { return end }
            let recurring = recurrenceBefore(hit.start) == .yearly
            add(.point, hit.start..<end, CalendarValue(month: c, day: a), recurrence: recurring ? .yearly : nil,
                cue: hit.cue, rule: "date.day-range")
            add(.point, hit.start..<end, CalendarValue(month: c, day: b), recurrence: recurring ? .yearly : nil,
                cue: hit.cue, rule: "date.day-range")
            return end
        }
        if hit.cue == .month && da <= 2 && db <= 2 && dc == 4 {
            guard a >= 1, a < b, b <= 12, CalendarValue.isValidYear(c) else { return end }
            add(.point, hit.start..<end, CalendarValue(year: c, month: a), cue: hit.cue, rule: "date.month-range")
            add(.point, hit.start..<end, CalendarValue(year: c, month: b), cue: hit.cue, rule: "date.month-range")
        }
        return end
    }

    /// Four groups: `9-10/3/2020`.
    package mutating func quadruple(_ token: NumberToken, _ hit: CueHit) -> Int {
        let end = token.end
        guard hit.cue == .day, token.separator(1) == NumberToken.dash, token.separator(2) == token.separator(3),
              token.digitCount(0) <= 2, token.digitCount(1) <= 2, token.digitCount(2) <= 2, token.digitCount(3) == 4
        else { return end }
        let (a, b, month, year) = (token.value(0), token.value(1), token.value(2), token.value(3))
        guard a >= 1, a < b, CalendarValue.isValidYear(year), CalendarDay.isValid(day: b, month: month, year: year)
        else { return end }
        add(.point, hit.start..<end, CalendarValue(year: year, month: month, day: a), cue: hit.cue, rule: "date.day-range")
        add(.point, hit.start..<end, CalendarValue(year: year, month: month, day: b), cue: hit.cue, rule: "date.day-range")
        return end
    }

    // MARK: - pieces

    /// The cue word before `start`, skipping spaces and one of `( : - = ,`.
    package func cue(before start: Int) -> CueHit {
        var end = text.skipSpacesBack(from: start, limit: 4)
        var punctuation: UInt8 = 0
        let previous = text[end - 1]
        if previous == UInt8(ascii: "(") || previous == UInt8(ascii: ":") || previous == UInt8(ascii: "-")
            || previous == UInt8(ascii: "=") || previous == UInt8(ascii: ",") {
            punctuation = previous
            end = text.skipSpacesBack(from: end - 1, limit: 4)
        }
        let parenthesized = punctuation == UInt8(ascii: "(")
        guard let match = TemporalLexicon.cues.match(text, endingAt: end) else {
            return CueHit(cue: .none, start: start, cueStart: start, parenthesized: parenthesized)
        }
        var cue = match.value
        switch punctuation {
        case UInt8(ascii: ","): if cue != .weekday { cue = .none }
        case UInt8(ascii: "-"): if cue != .weekday && cue != .metadata { cue = .none }
        case UInt8(ascii: "="): if cue != .metadata { cue = .none }
        case UInt8(ascii: "("): if cue != .weekday && cue != .occasion { cue = .none }
        default: break
        }
        if cue == .metadata && !isLineStart(before: match.start) { cue = .none }
        let textStart: Int
        switch cue {
        case .day, .month, .year, .quarter, .timeOfDay, .span: textStart = match.start
        default: textStart = start
        }
        return CueHit(cue: cue, start: textStart, cueStart: match.start, parenthesized: parenthesized)
    }

    /// Whether only spaces and `#` stand between the line start and `offset`.
    package func isLineStart(before offset: Int) -> Bool {
        var i = offset - 1
        while i >= 0 {
            let byte = text[i]
            if byte == 0x0A { return true }
            if byte != 0x20 && byte != UInt8(ascii: "#") && byte != 0x09 { return false }
            i -= 1
        }
        return true
    }

    /// ` tháng 4 năm 2017`, ` tháng 03`, ` tháng 4/2017` after a day.
    package mutating func dayMonthWords(day: Int, after end: Int, start: Int, rule: String, needsYear: Bool = false) -> Int? {
        guard text.isSpace(end) else { return nil }
        let month = text.skipSpaces(from: end, limit: 4)
        guard text.matches(Self.thang, at: month) else { return nil }
        let numberStart = text.skipSpaces(from: month + Self.thang.count, limit: 4)
        guard numberStart > month + Self.thang.count, let number = text.number(at: numberStart), number.digits <= 2,
              CalendarDay.isValid(day: day, month: number.value, year: nil) else { return nil }
        if text.phrase(TemporalLexicon.lunar, at: number.end) != nil { return nil }
        var year: (year: Int?, relative: Int?, end: Int)? = yearWords(after: number.end)
        if year == nil {
            let separator = text[number.end]
            if separator == NumberToken.slash || separator == NumberToken.dash || separator == NumberToken.dot,
               let digits = text.number(at: number.end + 1), digits.digits == 4, CalendarValue.isValidYear(digits.value) {
                year = (digits.value, nil, digits.end)
            }
        }
        if needsYear && year?.year == nil { return nil }
        if let y = year?.year, !CalendarDay.isValid(day: day, month: number.value, year: y) { return nil }
        let last = year?.end ?? number.end
        var calendar = CalendarValue(year: year?.year, month: number.value, day: day, relativeYear: year?.relative)
        if year == nil, let recurring = recurrence(after: last), recurring.value == .yearly {
            calendar.relativeYear = nil
            add(.point, start..<recurring.end, calendar, recurrence: .yearly, cue: .day, rule: "date.yearly")
            return recurring.end
        }
        let yearly = year == nil && recurrenceBefore(start) == .yearly
        add(.point, start..<last, calendar, recurrence: yearly ? .yearly : nil, cue: .day, rule: rule)
        return last
    }

    /// ` / 8 / 2015` after `ngày 14`: a date typed with spaces around its separators.
    package mutating func spacedDate(day: Int, after end: Int, start: Int) -> Int? {
        func separated(_ offset: Int) -> (value: Int, digits: Int, end: Int)? {
            let j = text.skipSpaces(from: offset, limit: 2)
            let separator = text[j]
            guard separator == NumberToken.slash || separator == NumberToken.dash || separator == NumberToken.dot else { return nil }
            return text.number(at: text.skipSpaces(from: j + 1, limit: 2))
        }
        guard let month = separated(end), month.digits <= 2, CalendarDay.isValid(day: day, month: month.value, year: nil)
        else { return nil }
        if let year = separated(month.end), year.digits == 4, CalendarValue.isValidYear(year.value),
           CalendarDay.isValid(day: day, month: month.value, year: year.value) {
            add(.point, start..<year.end, CalendarValue(year: year.value, month: month.value, day: day), cue: .day,
                rule: "date.dmy-spaced")
            return year.end
        }
        return nil
    }

    /// `ngày 29 - 30/4`, `ngày 25 - 27/5/2022`: a range of days typed with spaces around its dash
    /// (`ngày 29-30/4` is one token, read by `triple`). Both days are dates.
    package mutating func spacedDayRange(first: Int, after end: Int, start: Int) -> Int? {
        let dash = text.skipSpaces(from: end, limit: 2)
        guard text[dash] == NumberToken.dash else { return nil }
        let k = text.skipSpaces(from: dash + 1, limit: 2)
        guard let last = text.number(at: k), last.digits <= 2, text[last.end] == NumberToken.slash,
              let month = text.number(at: last.end + 1), month.digits <= 2, first >= 1, first < last.value
        else { return nil }
        var year: Int?
        var stop = month.end
        let separator = text[month.end]
        if separator == NumberToken.slash || separator == NumberToken.dash
            || (separator == NumberToken.dot && text.isDigit(month.end + 1)) {
            guard let written = text.number(at: month.end + 1), written.digits == 4, CalendarValue.isValidYear(written.value)
            else { return nil }
            year = written.value
            stop = written.end
        }
        guard CalendarDay.isValid(day: last.value, month: month.value, year: year) else { return nil }
        let yearly = year == nil && recurrenceBefore(start) == .yearly
        for day in [first, last.value] {
            add(.point, start..<stop, CalendarValue(year: year, month: month.value, day: day), recurrence: yearly ? .yearly : nil,
                cue: .day, rule: "date.day-range-spaced")
        }
        return stop
    }

    package static let thang = Array("thang".utf8)
    package static let nam = Array("nam".utf8)
    package static let quy = Array("quy".utf8)
    package static let cua = Array("cua".utf8)

    /// ` năm 2017`, `, năm 2017`, ` năm nay` after a month or a day and month.
    package func yearWords(after end: Int, allowComma: Bool = true) -> (year: Int?, relative: Int?, end: Int)? {
        var j = text.skipSpaces(from: end, limit: 4)
        if !text.matches(Self.nam, at: j), text[j] != NumberToken.comma, let past = text.skipPageBreak(from: end) { j = past }
        if allowComma && text[j] == NumberToken.comma { j = text.skipSpaces(from: j + 1, limit: 4) }
        if text.matches(Self.cua, at: j) { j = text.skipSpaces(from: j + Self.cua.count, limit: 4) }
        guard j > end, text.matches(Self.nam, at: j) else { return nil }
        let numberStart = text.skipSpaces(from: j + Self.nam.count, limit: 4)
        if numberStart > j + Self.nam.count, let number = text.number(at: numberStart), number.digits == 4,
           CalendarValue.isValidYear(number.value), !text.isDigit(number.end + 1) || text[number.end] != NumberToken.slash {
            return (number.value, nil, number.end)
        }
        if let relative = TemporalLexicon.relativeYears.match(text, at: numberStart), numberStart > j + Self.nam.count {
            return (nil, relative.value, relative.end)
        }
        return nil
    }

    /// ` - 2019`, ` / 2019` after `tháng 7`: a month and year typed with spaces around the separator.
    package func spacedYear(after end: Int) -> (year: Int, end: Int)? {
        let j = text.skipSpaces(from: end, limit: 2)
        let separator = text[j]
        guard separator == NumberToken.slash || separator == NumberToken.dash || separator == NumberToken.dot else { return nil }
        let k = text.skipSpaces(from: j + 1, limit: 2)
        guard j > end || k > j + 1, let number = text.number(at: k), number.digits == 4, CalendarValue.isValidYear(number.value),
              !FoldedText.isLetter(text[number.end]), text[number.end] != NumberToken.slash else { return nil }
        return (number.value, number.end)
    }

    /// ` - 2020`, ` – 2020`, ` đến 2020`, ` đến năm 2020` after a year.
    package func yearRange(from first: Int, after end: Int, words: Bool) -> (year: Int, end: Int)? {
        var j = text.skipSpaces(from: end, limit: 3)
        if text[j] == NumberToken.dash {
            j = text.skipSpaces(from: j + 1, limit: 3)
        } else if words, let connector = TemporalLexicon.connectors.match(text, at: j), connector.value {
            j = text.skipSpaces(from: connector.end, limit: 3)
            if text.matches(Self.nam, at: j) { j = text.skipSpaces(from: j + Self.nam.count, limit: 3) }
        } else {
            return nil
        }
        guard let number = text.number(at: j), number.digits == 4, number.value > first, number.value - first <= 100,
              !FoldedText.isLetter(text[number.end]) else { return nil }
        let after = text[number.end]
        if (after == NumberToken.slash || after == NumberToken.dash || after == NumberToken.dot) && text.isDigit(number.end + 1) {
            return nil
        }
        return (number.value, number.end)
    }

    /// `, 2017`, ` và 2018` after a year: more years of one list.
    package mutating func yearList(after end: Int, first: Int) -> Int {
        var position = end
        var previous = first
        while true {
            var j = text.skipSpaces(from: position, limit: 3)
            if text[j] == NumberToken.comma {
                j = text.skipSpaces(from: j + 1, limit: 3)
            } else if let connector = TemporalLexicon.connectors.match(text, at: j), !connector.value {
                j = text.skipSpaces(from: connector.end, limit: 3)
            } else {
                return position
            }
            guard j > position, let number = text.number(at: j), number.digits == 4, abs(number.value - previous) <= 50,
                  CalendarValue.isValidYear(number.value) else { return position }
            let after = text[number.end]
            if FoldedText.isLetter(after) || after == NumberToken.slash || after == NumberToken.dash
                || ((after == NumberToken.dot || after == NumberToken.comma) && text.isDigit(number.end + 1)) {
                return position
            }
            if countsThings(after: number.end) { return position }
            add(.point, j..<number.end, CalendarValue(year: number.value), cue: .year, rule: "date.year-list")
            position = number.end
            previous = number.value
        }
    }

    /// Whether a day-precision date ends right before `start`, joined to it by `và`, `đến`, `-` or a comma.
    package func followsDay(_ start: Int) -> Bool {
        guard let last = mentions.last, last.kind == .point, last.value.precision == .day else { return false }
        return connector(from: last.range.upperBound, to: start) != nil
    }

    /// A year written alone at the end of a phrase, after a word: `Nông dân tiêu biểu 2019`,
    /// `vùng đồng bào dân tộc 2018.` Not after a word of quantity (`có 2015`, `là 2020`), not before
    /// more words (`2015 hộ`), and only a four-digit number without a thousands dot.
    package mutating func bareYear(_ token: NumberToken) -> Int? {
        let value = token.value(0)
        guard token.count == 1, value >= 1900, value <= 2100 else { return nil }
        let before = text.skipSpacesBack(from: token.start, limit: 2)
        guard before < token.start, text[before - 1] != 0x0A, text.wordEnding(at: before) != nil,
              TemporalLexicon.notBeforeBareYear.match(text, endingAt: before)?.value != true else { return nil }
        let after = text[token.end]
        let atEnd = after == 0 || after == 0x0A || after == UInt8(ascii: ";") || after == UInt8(ascii: ")")
            || ((after == NumberToken.dot || after == NumberToken.comma) && !text.isDigit(token.end + 1))
            || (after == 0x20 && (text[token.end + 1] == 0x0A || text[token.end + 1] == 0))
        guard atEnd else { return nil }
        add(.point, token.start..<token.end, CalendarValue(year: value), cue: .none, rule: "date.year-bare")
        return token.end
    }

    /// `YYYYMMDD` of a metadata line.
    package func compactDate(_ value: Int) -> CalendarValue? {
        let year = value / 10000, month = value / 100 % 100, day = value % 100
        guard CalendarValue.isValidYear(year), CalendarDay.isValid(day: day, month: month, year: year) else { return nil }
        return CalendarValue(year: year, month: month, day: day)
    }

    /// `quý IV/2013`, `quý II-2020`: a Roman quarter glued to the year by a separator.
    package mutating func romanQuarter(before token: NumberToken) -> Int? {
        guard token.count == 1, token.digitCount(0) == 4, CalendarValue.isValidYear(token.value(0)) else { return nil }
        let separator = text[token.start - 1]
        guard separator == NumberToken.slash || separator == NumberToken.dash || separator == NumberToken.dot,
              let quarter = quarterWord(before: token.start - 1) else { return nil }
        add(.point, quarter.start..<token.end, CalendarValue(year: token.value(0), quarter: quarter.value), cue: .quarter,
            rule: "date.quarter-roman")
        return token.end
    }

    /// `quý IV`, `quý 2` ending at `end` (spaces before `end` allowed): the quarter and where `quý` starts.
    package func quarterWord(before end: Int) -> (value: Int, start: Int)? {
        let numeralEnd = text.skipSpacesBack(from: end, limit: 3)
        var numeralStart = numeralEnd
        while numeralStart > 0, FoldedText.isLetter(text[numeralStart - 1]) || FoldedText.isDigit(text[numeralStart - 1]) {
            numeralStart -= 1
        }
        let length = numeralEnd - numeralStart
        guard length >= 1, length <= 3 else { return nil }
        var value = 0
        if length == 1 && text.isDigit(numeralStart) {
            value = Int(text[numeralStart] - 48)
        } else {
            var roman = 0
            for k in numeralStart..<numeralEnd {
                roman = roman * 256 + Int(text[k])
            }
            switch roman {
            case 0x69: value = 1
            case 0x6969: value = 2
            case 0x696969: value = 3
            case 0x6976: value = 4
            default: return nil
            }
        }
        guard value >= 1, value <= 4 else { return nil }
        let quyEnd = text.skipSpacesBack(from: numeralStart, limit: 3)
        guard quyEnd < numeralStart, quyEnd >= Self.quy.count else { return nil }
        let quyStart = quyEnd - Self.quy.count
        guard text.matches(Self.quy, at: quyStart), !FoldedText.isLetter(text[quyStart - 1]) else { return nil }
        return (value, quyStart)
    }

    /// `hằng năm`, `hàng tháng` after a mention (a comma may come between).
    package func recurrence(after end: Int) -> (value: TemporalMention.Recurrence, end: Int)? {
        var j = text.skipSpaces(from: end, limit: 3)
        if text[j] == NumberToken.comma { j = text.skipSpaces(from: j + 1, limit: 3) }
        guard j > end || text[end] == NumberToken.comma else { return nil }
        return TemporalLexicon.recurrences.match(text, at: j)
    }

    /// Whether `hằng năm` stands earlier in the same clause (`Hằng năm, trước ngày 15/12 …`).
    package func recurrenceBefore(_ start: Int) -> TemporalMention.Recurrence? {
        var i = start - 1
        let limit = max(0, start - 400)
        while i >= limit {
            let byte = text[i]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ";") { return nil }
            if byte == 0x0A {
                // A wrapped line (a gazette page break between) is the same clause.
                guard let previous = text.wrappedLineEnd(before: i) else { return nil }
                i = previous - 1
                continue
            }
            if byte == UInt8(ascii: "m") || byte == UInt8(ascii: "g"), let match = TemporalLexicon.recurrences.match(text, endingAt: i + 1) {
                return match.value
            }
            i -= 1
        }
        return nil
    }

    /// Whether a deadline's trigger stands right before `start` (after the previous mention).
    package func isDeadline(at start: Int) -> Bool {
        DeadlineTriggerReader(text: text).trigger(before: start, notBefore: mentions.last?.range.upperBound ?? 0) != nil
    }

    /// Whether a unit of counted things follows (`1990-2000 hộ`).
    package func countsThings(after end: Int) -> Bool {
        let j = text.skipSpaces(from: end, limit: 3)
        return j > end && TemporalLexicon.countUnits.match(text, at: j) != nil
    }

    // MARK: - results

    package mutating func add(_ kind: TemporalMention.Kind, _ range: Range<Int>, _ value: CalendarValue,
                      recurrence: TemporalMention.Recurrence? = nil, cue: TemporalCue, rule: String) {
        mentions.append(TemporalMention(kind: kind, range: range, value: value, end: nil, recurrence: recurrence,
                                        cue: cue, rule: rule))
    }

    package mutating func addPeriod(_ range: Range<Int>, from: CalendarValue, to: CalendarValue, cue: TemporalCue, rule: String) {
        // `từ năm 2015-2017`: the text starts at `từ`.
        let range = (cue == .year ? fromWordStart(before: range.lowerBound) : range.lowerBound)..<range.upperBound
        mentions.append(TemporalMention(kind: .period, range: range, value: from, end: to, recurrence: nil, cue: cue,
                                        rule: rule))
    }

    // MARK: - neighbours

    /// Links neighbouring mentions joined by `đến`, `-`, `và`: a year-less first one borrows the
    /// second's year (and month, for `ngày 1 đến ngày 5/3/2020`); `từ X đến Y` becomes a period.
    package mutating func linkNeighbours() {
        guard mentions.count > 1 else { return }
        var periods: [TemporalMention] = []
        for index in 0..<(mentions.count - 1) {
            let next = mentions[index + 1]
            guard mentions[index].kind != .period, mentions[index].kind != .duration,
                  next.kind == .point, let isRange = connector(from: mentions[index].range.upperBound, to: next.range.lowerBound)
            else { continue }
            var first = mentions[index]
            if first.kind == .dayOnly {
                guard next.value.day != nil, let month = next.value.month,
                      CalendarDay.isValid(day: first.value.day!, month: month, year: next.value.year) else { continue }
                first.kind = .point
                first.value.month = month
                first.value.year = next.value.year
                first.value.relativeYear = next.value.relativeYear
                first.recurrence = next.recurrence
                first.rule = "date.day-range"
            } else if first.value.year == nil && first.value.relativeYear == nil && first.recurrence == nil
                        && next.value.precision != .year {
                if next.recurrence != nil {
                    first.recurrence = next.recurrence
                } else if first.value.precision != .year {
                    first.value.year = next.value.year
                    first.value.relativeYear = next.value.relativeYear
                }
            }
            if isRange, first.kind == .point, first.recurrence == nil, next.recurrence == nil,
               opensRange(before: first.range.lowerBound),
               first.value.precision == next.value.precision || (first.value.day != nil && next.value.day != nil) {
                let absorb = first.value.precision == .year
                if absorb {
                    first.absorbed = true
                    mentions[index + 1].absorbed = true
                }
                let start = fromWordStart(before: first.range.lowerBound)
                periods.append(TemporalMention(kind: .period, range: start..<next.range.upperBound, value: first.value,
                                               end: next.value, recurrence: nil, cue: .from,
                                               rule: absorb ? "period.from-to" : "period.dates"))
            }
            mentions[index] = first
        }
        if !periods.isEmpty {
            mentions += periods
            mentions.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
    }

    /// A deadline's year-less day or month in a standing rule recurs yearly: after a cycle year
    /// (`trước ngày 31/01 năm sau`, `của năm báo cáo`), or after a trigger in a paragraph that states
    /// a yearly rule (`TemporalLexicon.standingRules`). Such a day is no date of its own.
    package mutating func resolveStandingRules() {
        let triggers = DeadlineTriggerReader(text: text)
        var previousEnd = 0
        for index in mentions.indices {
            let mention = mentions[index]
            defer { if mention.kind != .duration { previousEnd = max(previousEnd, mention.range.upperBound) } }
            guard mention.kind == .point, mention.recurrence == nil, mention.value.year == nil, mention.value.month != nil
            else { continue }
            let triggered = triggers.trigger(before: mention.range.lowerBound, notBefore: previousEnd) != nil
            if let cycle = TemporalLexicon.cycleYears.match(text, endingAt: mention.range.upperBound) {
                guard cycle.value || triggered else { continue }
            } else {
                guard mention.value.relativeYear == nil, triggered, standingRule(before: mention.range.lowerBound) else { continue }
            }
            mentions[index].recurrence = .yearly
            mentions[index].value.relativeYear = nil
            mentions[index].rule = "date.yearly-standing"
        }
        // `trước ngày 15/6 và 15/12` in a standing rule: the list's later days recur as the first does.
        for index in mentions.indices.dropLast() where mentions[index].recurrence == .yearly && mentions[index].kind == .point {
            let next = mentions[index + 1]
            guard next.kind == .point, next.recurrence == nil, next.value.year == nil, next.value.relativeYear == nil,
                  next.value.month != nil, connector(from: mentions[index].range.upperBound, to: next.range.lowerBound) != nil
            else { continue }
            mentions[index + 1].recurrence = .yearly
            mentions[index + 1].rule = "date.yearly-standing"
        }
        // `từ ngày 15 tháng 12 năm trước đến hết ngày 14 tháng 12 của năm báo cáo`: a span of the
        // reporting cycle; its start recurs too.
        for index in mentions.indices.dropLast().reversed() where mentions[index].kind == .point
            && mentions[index].recurrence == nil && mentions[index].value.year == nil && mentions[index].value.relativeYear != nil {
            let next = mentions[index + 1]
            if next.recurrence == .yearly, connector(from: mentions[index].range.upperBound, to: next.range.lowerBound) == true {
                mentions[index].recurrence = .yearly
                mentions[index].value.relativeYear = nil
                mentions[index].rule = "date.yearly-cycle-span"
            }
        }
    }

    /// Whether the paragraph before `start` states a yearly rule with no year named after it.
    package func standingRule(before start: Int) -> Bool {
        var i = start - 1
        while i >= 0, start - i < 1200 {
            // A list's lines belong to the paragraph of the line that introduces them (`… theo thời hạn
            // hằng năm:` then `- Báo cáo năm: trước ngày 10/11;`): a line ending in `:` or `;` goes on.
            if text[i] == 0x0A, !text.isSoftWrap(at: i), !continuesList(beforeBreakAt: i) { return false }
            if FoldedText.isLetter(text[i]), !FoldedText.isLetter(text[i - 1]),
               let marker = TemporalLexicon.standingRules.match(text, at: i) {
                guard marker.value else { return false }
                // `Chương trình công tác năm sau: trước ngày 20/12`: a year of the cycle anchors nothing.
                return !mentions.contains {
                    $0.range.lowerBound >= marker.end && $0.range.upperBound <= start && ($0.value.year != nil || $0.value.relativeYear != nil)
                        && !($0.value.year == nil && TemporalLexicon.cycleYears.match(text, at: $0.range.lowerBound) != nil)
                }
            }
            i -= 1
        }
        return false
    }

    /// Whether the line that ends at the break `offset` ends in `:` or `;`: the next line is an item of its list.
    package func continuesList(beforeBreakAt offset: Int) -> Bool {
        let end = text.skipSpacesBack(from: offset, limit: 8)
        return end > 0 && (text[end - 1] == UInt8(ascii: ":") || text[end - 1] == UInt8(ascii: ";"))
    }

    /// Whether only a connector stands between `end` and `start`; true for a range (`đến`, `-`),
    /// false for a list (`và`, `,`), nil for anything else.
    package func connector(from end: Int, to start: Int) -> Bool? {
        guard start >= end, start - end <= 16 else { return nil }
        var j = text.skipSpaces(from: end, limit: 4)
        var isRange: Bool
        if text[j] == NumberToken.dash {
            isRange = true
            j += 1
        } else if text[j] == NumberToken.comma {
            isRange = false
            j += 1
        } else if let word = TemporalLexicon.connectors.match(text, at: j) {
            isRange = word.value
            j = word.end
        } else {
            return nil
        }
        j = text.skipSpaces(from: j, limit: 4)
        return j == start ? isRange : nil
    }

    /// Whether `từ` (or `kể từ`) stands right before `start`.
    package func opensRange(before start: Int) -> Bool {
        let end = text.skipSpacesBack(from: start, limit: 3)
        return TemporalLexicon.cues.match(text, endingAt: end)?.value == .from
    }

    package func fromWordStart(before start: Int) -> Int {
        let end = text.skipSpacesBack(from: start, limit: 3)
        return TemporalLexicon.cues.match(text, endingAt: end)?.start ?? start
    }
}
