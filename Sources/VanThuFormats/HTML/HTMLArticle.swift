import CLibXML2
import Foundation
import VanThuText

/// The article in a page read by `HTMLDocumentReader.Page`: which lines are its text, its headline
/// and its date. See `HTMLDocumentReader` for the rules.
extension HTMLDocumentReader.Page {
    package typealias Result = HTMLDocumentReader.Result

    package mutating func extract() -> Result {
        let finals = candidateScores()
        var best = -1
        for index in finals.indices where finals[index] > 0 && (best < 0 || finals[index] > finals[best]) { best = index }
        // No prose line anywhere (a short page): every line but furniture is the article.
        let roots = best < 0 ? (elements.isEmpty ? [] : [0]) : siblingsOfTheArticle(best, finals)
        var contentLines: [Int] = []
        for root in roots {
            let element = elements[root]
            for line in Int(element.firstLine)..<Int(element.endLine) where !isFurniture(lines[line], below: root) { contentLines.append(line) }
        }
        let firstContent = contentLines.first ?? lines.count
        let (title, titleRule, headlineLine) = headline(contentStart: firstContent)
        // The strings of the lines read below (all but for the article's lines and those near the
        // headline are never made).
        // A line of more than 160 letters is never a stamp, a byline or a furniture line (all want
        // at most 140 characters): its string is not made; its bytes go to the text as they are.
        // One flag a line, not a set of line numbers: a large page has a million lines.
        var wanted = [Bool](repeating: false, count: lines.count)
        for line in contentLines where lines[line].chars <= 160 { wanted[line] = true }
        if let headlineLine {
            for line in max(0, headlineLine - 3)..<min(lines.count, max(firstContent, headlineLine + 9)) { wanted[line] = true }
        }
        for (index, line) in lines.enumerated() where line.chars <= 120 && !wanted[index] && hasDigit(line) { wanted[index] = true }
        // Made when read, not kept: a page of short paragraphs held each as a String of its own,
        // more than the page's size again (issue 14, item 8).
        func lineTexts(_ line: Int) -> String { wanted[line] ? string(lines[line]) : "" }
        let (published, dateSource) = publicationDate(title: title, headlineLine: headlineLine, content: contentLines, texts: lineTexts)
        let publishedDay = published.flatMap { CalendarDay.isoDatePrefix($0) }

        // The lead: prose between the headline and the body.
        var kept: [Int] = []
        if let headlineLine, headlineLine < firstContent, firstContent - headlineLine <= 12 {
            for line in (headlineLine + 1)..<firstContent where lines[line].chars >= 40 && lines[line].linkDensity < 0.25
                && !isFurniture(lines[line], below: -1) && !Self.isStamp(lineTexts(line)) {
                kept.append(line)
            }
        }
        var droppedLinks = 0
        let edge = Set(contentLines.prefix(3) + contentLines.suffix(3))
        for line in contentLines {
            let text = lineTexts(line)
            if lines[line].linkDensity > 0.5 {
                // Headline links: a listing's items.
                if lines[line].chars >= 20 { droppedLinks += 1 }
                continue
            }
            if Self.isFurnitureLine(text, chars: Int(lines[line].chars)) { continue }
            // Date stamps and bylines: the article's own stays (its date is the text's date too),
            // other articles' go; with no publication date known, none is told apart.
            if let publishedDay, Self.isStamp(text) || (edge.contains(line) && Self.isByline(text)),
               let date = Self.visibleDate(text), date != publishedDay { continue }
            kept.append(line)
        }

        // The text: the visible headline, then the article's lines once each.
        let normalisedTitle = title.map(Self.normalise)
        // Letters of the title as lines count them (no spaces): only lines near that size are compared.
        let titleChars = title.map { Int32($0.unicodeScalars.filter { $0 != " " && $0 != "\u{A0}" && $0 != "\n" && $0 != "\t" }.count) } ?? -100
        var out: [Range<Int>] = []
        var seen = [Bool](repeating: false, count: lines.count)
        var keptChars = 0
        var longest = 0
        for line in kept where !seen[line] {
            seen[line] = true
            if let normalisedTitle, abs(lines[line].chars - titleChars) <= 4,
               Self.normalise(string(lines[line])) == normalisedTitle { continue }
            out.append(bytes(lines[line]))
            keptChars += Int(lines[line].chars)
            longest = max(longest, Int(lines[line].chars))
        }
        // The text is written once, from the page's bytes (a large page's lines are not copied twice).
        let head = title.flatMap { headlineLine != nil ? $0 : nil }
        var size = out.reduce(0) { $0 + $1.count + 1 }
        if let head { size += head.utf8.count + 1 }
        let joined = size == 0 ? "" : String(unsafeUninitializedCapacity: size) { buffer in
            var at = 0
            func put<C: Collection<UInt8>>(_ bytes: C) {
                if at > 0 { buffer[at] = 0x0A; at += 1 }
                at = buffer[at...].initialize(fromContentsOf: bytes) 
            }
            if let head { put(head.utf8) }
            // Each chunk is let go once its last line is written.
            var index = 0
            var freed = 0
            while index < out.count {
                if freed >= 4 {
                    HTMLDocumentReader.Page.returnFreedMemory()
                    freed = 0
                }
                let chunk = self.chunk(out[index].lowerBound)
                let (bytes, start) = chunk == sealed.count ? (text, base) : (sealed[chunk], sealedBases[chunk])
                bytes.withUnsafeBufferPointer { all in
                    while index < out.count, self.chunk(out[index].lowerBound) == chunk {
                        put(UnsafeBufferPointer(rebasing: all[(out[index].lowerBound - start)..<(out[index].upperBound - start)]))
                        index += 1
                    }
                }
                if chunk < sealed.count, !out[index...].contains(where: { $0.lowerBound >= start && $0.lowerBound < start + bytes.count }) {
                    sealed[chunk] = []
                    freed += 1
                }
            }
            return at
        }

        var result = Result(text: joined, title: title, titleRule: titleRule,
                            pageTitle: htmlTitle.flatMap { $0.isEmpty ? nil : HTMLDocumentReader.withoutSiteSuffix($0) },
                            published: published, dateSource: dateSource, encoding: "", failure: nil)
        // No article: nothing, or a few words among much furniture, or a list of links to articles.
        let pageLinks = elements.first.map { Int($0.linkChars) } ?? 0
        let articleEvidence = meta["og:type"]?.lowercased() == "article" || meta["article:published_time"] != nil
            || jsonLD.contains(where: { $0.contains("Article") })
        if keptChars == 0 || (keptChars < 150 && pageLinks >= 2 * keptChars)
            || (!articleEvidence && droppedLinks >= 5 && droppedLinks * 3 >= kept.count && longest < 250) {
            result.failure = "no article text"
        }
        return result
    }

    // MARK: the article's container

    /// Each element's score as the article's container: its prose lines' (length, commas), given
    /// to the elements above them, readability's way; with its tag and class words; times the
    /// share of its text that is not links.
    package func candidateScores() -> [Float] {
        var scores = [Float](repeating: 0, count: elements.count)
        for line in lines where line.headingLevel == 0 && line.chars >= 25 && line.element >= 0 {
            let score = 1 + Float(min(line.commas, 20)) + min(Float(line.chars) / 100, 3)
            var element = elements[Int(line.element)].parent
            var level = 0
            while element >= 0 && level < 5 {
                scores[Int(element)] += score / (level == 0 ? 1 : level == 1 ? 2 : Float(level * 3))
                element = elements[Int(element)].parent
                level += 1
            }
        }
        for index in scores.indices where scores[index] > 0 {
            let element = elements[index]
            var bonus: Float = 0
            if element.kind.contains(.division) { bonus += 5 }
            if element.kind.contains(.articleTag) { bonus += 10 }
            if element.kind.contains(.cell) { bonus += 3 }
            if element.kind.contains(.list) { bonus -= 3 }
            if element.kind.contains(.furnitureTag) { bonus -= 10 }
            var factor: Float = 1
            switch element.weight {
            case 2: bonus += 40
            case 1: bonus += 10
            // Furniture words halve the score: a column called sidebar that holds the prose still wins.
            case ..<0: factor = 0.5
            default: break
            }
            scores[index] = max(0, (scores[index] + bonus) * factor * (1 - element.linkDensity))
        }
        return scores
    }

    /// The best container and those of its siblings that belong to the same article: scored
    /// nearly as well, or prose without links.
    package func siblingsOfTheArticle(_ best: Int, _ finals: [Float]) -> [Int] {
        let parent = Int(elements[best].parent)
        guard parent >= 0 else { return [best] }
        let threshold = max(10, finals[best] * 0.2)
        var roots: [Int] = []
        var child = parent + 1
        while child < Int(elements[parent].end) {
            let element = elements[child]
            if child == best {
                roots.append(child)
            } else if element.weight >= 0 && !element.kind.contains(.furnitureTag) && element.endLine > element.firstLine {
                if finals[child] >= threshold {
                    roots.append(child)
                } else if element.chars > 80 && element.linkDensity < 0.25 && !element.kind.contains(.list) {
                    roots.append(child)
                }
            }
            child = max(child + 1, Int(element.end))
        }
        return roots
    }

    /// Whether a line sits in furniture between it and `root`: an element whose class words or tag
    /// say furniture and whose text says so too (mostly links, or short).
    package func isFurniture(_ line: HTMLDocumentReader.Line, below root: Int) -> Bool {
        var element = Int(line.element)
        while element >= 0 && element != root {
            let current = elements[element]
            if current.weight < 0 || current.kind.contains(.furnitureTag) {
                if current.linkDensity > 0.3 || current.chars < 400 { return true }
            }
            element = Int(current.parent)
        }
        return false
    }

    // MARK: the headline

    /// The headline, the rule that found it, and its line when it is visible.
    package func headline(contentStart: Int) -> (String?, String?, Int?) {
        var declared: [(String, String)] = []
        if let og = meta["og:title"] { declared.append((og, "og:title")) }
        if let headline = jsonLDValue("headline") { declared.append((headline, "JSON-LD headline")) }
        if let headline = itempropHeadline ?? meta["headline"] { declared.append((headline, "itemprop headline")) }
        if let twitter = meta["twitter:title"] { declared.append((twitter, "twitter:title")) }
        if let title = htmlTitle { declared.append((title, "title")) }
        let names = declared.map { (Self.normalise($0.0), $0.1) }

        // Visible heading and title lines, h1 first.
        var candidates: [Int] = []
        for (index, line) in lines.enumerated() where line.chars >= 6 && line.chars <= 400 {
            if line.headingLevel == 1 || (line.headingLevel > 0 && line.headingLevel <= 3) || isTitled(line) {
                if line.headingLevel != 1 && line.linkDensity > 0.5 { continue }
                if isFurniture(line, below: -1) && !isTitled(line) && line.headingLevel != 1 { continue }
                candidates.append(index)
            }
        }
        candidates.sort { (lines[$0].headingLevel == 1 ? 0 : 1, $0) < (lines[$1].headingLevel == 1 ? 0 : 1, $1) }
        for index in candidates {
            let text = string(lines[index])
            let key = Self.normalise(text)
            guard key.count >= 6 else { continue }
            // A linked heading (a logo) is the headline only when the page's own headline metadata says so exactly.
            let linked = lines[index].linkDensity > 0.5
            for (name, source) in names where name == key || (!linked && HTMLDocumentReader.titleSeparators.contains(where: { name.hasPrefix(key + $0) })) {
                if linked && source == "title" { continue }
                let what = lines[index].headingLevel == 1 ? "h1" : lines[index].headingLevel > 0 ? "h\(lines[index].headingLevel)" : "title block"
                return (text, "\(what)=\(source)", index)
            }
        }
        for (value, source) in declared where source != "title" {
            let text = Self.collapse(value)
            if !text.isEmpty { return (text, source, nil) }
        }
        // The heading next before the article (not a section name: three words at least).
        let before = candidates.filter { $0 < max(contentStart, 1) + 1 && string(lines[$0]).split(separator: " ").count >= 3 }
        if let index = before.max(by: { (lines[$0].headingLevel == 1 ? 1 : 0, $0) < (lines[$1].headingLevel == 1 ? 1 : 0, $1) }),
           contentStart - index <= 15 {
            return (string(lines[index]), lines[index].headingLevel == 1 ? "h1" : "title block", index)
        }
        return (nil, nil, nil)
    }

    package func isTitled(_ line: HTMLDocumentReader.Line) -> Bool { line.titled }

    // MARK: the date

    /// A visible date next to the headline or at the article's edges wins over the page's
    /// metadata; a legal document's own date wins over the day it was posted.
    package func publicationDate(title: String?, headlineLine: Int?, content: [Int], texts: (Int) -> String) -> (String?, String?) {
        // A legal document portal's field, or a legal document's headline.
        for index in lines.indices where lines[index].chars <= 120 && withBytes(lines[index].start..<lines[index].end, Self.mayHoldDateOrTime) {
            let text = texts(index)
            guard Self.mayHoldDateOrTime(text) else { continue }
            let lowered = text.lowercased()
            if HTMLContentHints.issuedLabels.contains(where: { HTMLContentHints.contains(lowered, $0) }), let date = Self.visibleDate(text) {
                return (date, "issued date")
            }
        }
        if let title {
            let lowered = title.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "( "))
            if HTMLContentHints.legalDocumentWords.contains(where: { lowered.hasPrefix($0) }), let range = lowered.range(of: "ngày"),
               let date = Self.visibleDate(String(lowered[range.lowerBound...])) {
                return (date, "headline (legal document)")
            }
        }
        // A byline next to the headline or at the article's head wins over metadata; a stamp at
        // the article's foot only stands in for missing metadata.
        var windows: [Int] = []
        if let headlineLine { windows += Array((headlineLine + 1)..<min(lines.count, headlineLine + 9)) }
        windows += content.prefix(3)
        if let headlineLine, headlineLine > 0 {
            // Before the headline, only in the headline's own box (a date bar above the menu is not).
            let box = elements[Int(lines[headlineLine].element)].parent
            if box >= 0 {
                windows += Array(max(0, headlineLine - 3)..<headlineLine).reversed().filter {
                    let element = lines[$0].element
                    return element >= box && element < elements[Int(box)].end
                }
            }
        }
        if let date = byline(in: windows, texts: texts) { return (date, "byline") }
        let declared: [(String?, String)] = [
            (meta["article:published_time"], "article:published_time"),
            (jsonLDValue("datePublished"), "JSON-LD datePublished"),
            (times.first(where: { $0.itemprop })?.value, "itemprop datePublished"),
            (meta["og:published_time"] ?? meta["published_time"], "og:published_time"),
            (meta["pubdate"] ?? meta["publishdate"] ?? meta["dc.date.issued"] ?? meta["dc.date"] ?? meta["date"], "meta date"),
            (nearTime(headlineLine: headlineLine, content: content), "time datetime"),
        ]
        for (value, source) in declared {
            guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { continue }
            if CalendarDay.isoDatePrefix(value) != nil { return (value, source) }
            if let date = Self.visibleDate(value) { return (date, source) }
        }
        if let date = byline(in: Array(content.suffix(3)), texts: texts) { return (date, "stamp at the article's end") }
        return (nil, nil)
    }

    package func byline(in window: [Int], texts: (Int) -> String) -> String? {
        // A byline is mostly its stamp: a sentence that holds a date is not one.
        for line in window where lines[line].chars <= 120 && lines[line].linkDensity < 0.5 && !isInHeaderBar(lines[line]) {
            let text = texts(line)
            guard let stamp = Self.stamp(text, otherWordsAtMost: 6) else { continue }
            // A sentence is not a byline: few words beside the stamp, more only beside a time or label.
            let stamped = stamp.hasTime || stamp.labelled
            if stamp.otherWords <= (stamped ? 6 : 3), stamped || !text.hasSuffix("."), let date = Self.visibleDate(text) { return date }
        }
        return nil
    }

    /// A `<time datetime>` next to the headline or in the article.
    package func nearTime(headlineLine: Int?, content: [Int]) -> String? {
        let low = min(headlineLine ?? Int.max, content.first ?? Int.max)
        let high = max((headlineLine ?? 0) + 10, content.last ?? 0)
        return times.first(where: { !$0.itemprop && $0.line >= low && $0.line <= high })?.value
    }

    /// A line in a page's header bar (its "today" date) rather than the article's.
    package func isInHeaderBar(_ line: HTMLDocumentReader.Line) -> Bool {
        var element = Int(line.element)
        while element >= 0 {
            let current = elements[element]
            if current.kind.contains(.furnitureTag) && current.weight <= 0 && current.chars < 2000 && !current.kind.contains(.articleTag) {
                // header, footer, aside: unless it is the article's own header.
                if current.chars < 600 && lines[Int(current.firstLine)..<Int(max(current.firstLine, current.endLine))].contains(where: { $0.headingLevel == 1 }) {
                    return false
                }
                return true
            }
            element = Int(current.parent)
        }
        return false
    }

    /// The first value of `key` in the page's JSON-LD, an Article's first.
    package func jsonLDValue(_ key: String) -> String? {
        var found: String?
        var foundInArticle: String?
        func search(_ value: Any, inArticle: Bool) {
            if let object = value as? [String: Any] {
                let type = (object["@type"] as? String) ?? (object["@type"] as? [String])?.joined(separator: " ") ?? ""
                let article = inArticle || type.contains("Article") || type.contains("Posting")
                if let string = object[key] as? String {
                    if article, foundInArticle == nil { foundInArticle = string }
                    if found == nil { found = string }
                }
                for (_, child) in object { search(child, inArticle: article) }
            } else if let array = value as? [Any] {
                for child in array { search(child, inArticle: inArticle) }
            }
        }
        for script in jsonLD where script.contains(key) {
            guard let data = script.data(using: .utf8),
                  let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            search(value, inArticle: false)
        }
        return foundInArticle ?? found
    }

    // MARK: lines

    package func hasDigit(_ line: HTMLDocumentReader.Line) -> Bool {
        withBytes(line.start..<line.end) { $0.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) }
    }

    /// A headline as headlines are compared: composed, white space collapsed, lower-cased, without
    /// the quotes and spaces around it.
    package static func normalise(_ text: String) -> String {
        let lowered = collapse(text.precomposedStringWithCanonicalMapping).lowercased().unicodeScalars
        guard let first = lowered.firstIndex(where: { !headlineQuotes.contains($0) }),
              let last = lowered.lastIndex(where: { !headlineQuotes.contains($0) }) else { return "" }
        return String(Substring(lowered[first...last]))
    }

    package static let headlineQuotes: Set<Unicode.Scalar> = ["\"", "“", "”", "'", " "]

    /// "Đọc thêm", ">>" links, tag and share labels: short lines that begin so.
    package static func isFurnitureLine(_ text: String, chars: Int) -> Bool {
        guard chars <= 160, let first = text.unicodeScalars.first else { return false }
        if isPlayerClock(text) { return true }
        // Most lines begin with a letter no furniture start begins with: not lowered nor compared.
        guard furnitureLineFirstScalars.contains(first) else { return false }
        // The line's first characters, lower-cased, pick the few starts that may match (most
        // lines' pick none): a line begins with a start only if it begins with the start's head.
        let head = String(text.prefix(furnitureHeadLength)).lowercased()
        var starts: [String] = []
        for length in furnitureHeadLengths where length <= head.count {
            starts += furnitureStartsByHead[String(head.prefix(length))] ?? []
        }
        guard !starts.isEmpty else { return false }
        let scalars = text.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: 32, limitedBy: scalars.endIndex) ?? scalars.endIndex
        let lowered = String(scalars[..<end]).lowercased()
        return starts.contains(where: { lowered.hasPrefix($0) })
    }

    /// The furniture starts by their first four characters (a shorter start by all of it): `Theo`
    /// and `Các` still pick one or two, where two characters picked some for a line in six.
    /// Keys compare as strings do, canonically: a decomposed `đọc` finds the starts under `đọc`.
    package static let furnitureHeadLength = 4
    package static let furnitureStartsByHead: [String: [String]] =
        Dictionary(grouping: HTMLContentHints.furnitureLineStarts) { String($0.prefix(furnitureHeadLength)) }
    /// The lengths of those keys, the head's prefixes looked up.
    package static let furnitureHeadLengths = Set(furnitureStartsByHead.keys.map(\.count)).sorted()

    /// A player's clock, `0:00 / 0:00`: the line's first 32 characters are digits, colons, slashes
    /// and spaces, a colon among them.
    package static func isPlayerClock(_ text: String) -> Bool {
        var colon = false
        for byte in text.utf8.prefix(32) {
            if byte == UInt8(ascii: ":") {
                colon = true
            } else if !(byte >= 0x30 && byte <= 0x39) && byte != UInt8(ascii: "/") && byte != UInt8(ascii: " ") {
                return false
            }
        }
        return colon
    }

    /// The characters a line can begin with and still begin, lower-cased, with a furniture start:
    /// each start's first letter in both cases, composed and decomposed (`ý` is `y` and a mark).
    package static let furnitureLineFirstScalars: Set<Unicode.Scalar> = {
        var firsts = Set<Unicode.Scalar>()
        for start in HTMLContentHints.furnitureLineStarts {
            for form in [start, start.uppercased()] {
                for written in [form.precomposedStringWithCanonicalMapping, form.decomposedStringWithCanonicalMapping] {
                    if let first = written.unicodeScalars.first { firsts.insert(first) }
                }
            }
        }
        return firsts
    }()

    package struct Stamp {
        package var hasDate = false
        package var hasTime = false
        package var labelled = false
        package var otherWords = 0
    }

    /// What a short line that holds a date or a time holds: dates, times, weekday and stamp words,
    /// and how many other words. Nil for any other line (no caller wants a stamp without either),
    /// and for a line of more than `limit` other words (a sentence, which no caller wants either:
    /// its words are counted first, so that a sentence is not searched for dates).
    package static func stamp(_ text: String, otherWordsAtMost limit: Int = .max) -> Stamp? {
        // A stamp is short and holds a date or a time.
        guard text.utf8.count <= 480, mayHoldDateOrTime(text), text.unicodeScalars.count <= 140 else { return nil }
        var stamp = Stamp()
        var rest = Substring(text)
        while !rest.isEmpty {
            let end = rest.firstIndex(where: isStampSeparator) ?? rest.endIndex
            if end > rest.startIndex, isOtherWord(rest[..<end].lowercased()) {
                stamp.otherWords += 1
                if stamp.otherWords > limit { return nil }
            }
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
        }
        stamp.hasDate = visibleDate(text) != nil
        let lowered = text.lowercased()
        stamp.hasTime = timePattern.firstMatch(in: lowered, range: NSRange(lowered.startIndex..., in: lowered)) != nil
        guard stamp.hasDate || stamp.hasTime else { return nil }
        stamp.labelled = stampLabels.contains(where: { HTMLContentHints.contains(lowered, $0) }) || weekday(lowered)
        return stamp
    }

    /// What separates a stamp's words (`Thứ Hai, 24/12/2012 | 03:04`).
    package static func isStampSeparator(_ character: Character) -> Bool {
        character == " " || character == "|" || character == "," || character == "(" || character == ")" || character == "-" || character == "–"
    }

    /// A word of a stamp, lower-cased, that is neither a stamp word (`thứ`, `cập nhật`, `gmt`) nor
    /// a number, date or time (`24/12/2012`, `08h30`).
    package static func isOtherWord(_ word: String) -> Bool {
        let letters = word.filter { $0.isLetter }
        if letters.isEmpty || HTMLContentHints.stampWords.contains(letters) { return false }
        if word.contains(where: { $0.isNumber }) && word.allSatisfy({ $0.isNumber || "/:.-h+".contains($0) }) { return false }
        return true
    }

    /// A line of nothing but a date stamp: `Thứ Hai, 24/12/2012, 03:04 AM`, `31/12/2018 | 12:49 PM`.
    package static func isStamp(_ text: String) -> Bool {
        guard let stamp = stamp(text, otherWordsAtMost: 0), stamp.hasDate || stamp.hasTime else { return false }
        return stamp.otherWords == 0 && (stamp.hasTime || stamp.labelled)
    }

    /// A byline: a name and a stamp (`Nguyên Minh - 07/03/2026 08:47`).
    package static func isByline(_ text: String) -> Bool {
        guard let stamp = stamp(text, otherWordsAtMost: 4), stamp.hasDate else { return false }
        return stamp.otherWords <= 4 && (stamp.hasTime || stamp.labelled)
    }

    package static let stampLabels = ["cập nhật", "đăng", "publish", "gmt", "update", "view", "lượt xem"]
    package static let weekdays = ["chủ nhật", "thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "thứ 2", "thứ 3", "thứ 4", "thứ 5",
                           "thứ 6", "thứ 7"]

    package static func weekday(_ lowered: String) -> Bool {
        weekdays.contains(where: { HTMLContentHints.contains(lowered, $0) })
    }

    package static let timePattern = try! NSRegularExpression(pattern: "(?<![0-9])[0-9]{1,2}(:|h)[0-9]{2}(?![0-9])")
    package static let numericDate = try! NSRegularExpression(pattern: "(?<![0-9])([0-9]{1,2})\\s*([/.-])\\s*([0-9]{1,2})\\s*\\2\\s*([0-9]{4}|[0-9]{2})(?![0-9])")
    package static let isoDate = try! NSRegularExpression(pattern: "(?<![0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])")
    package static let wordedDate = try! NSRegularExpression(pattern: "ngày\\s+([0-9]{1,2})\\s+tháng\\s+([0-9]{1,2})\\s+năm\\s+([0-9]{4})",
                                                     options: [.caseInsensitive])

    /// Whether a line may hold a date or a clock time as the patterns below read them: a digit,
    /// then (past spaces) one of `/ . - : h H`, then (past spaces) a digit; or the `y` of `ngày`,
    /// spaces and a digit. Every match of `numericDate`, `isoDate`, `wordedDate` and `timePattern`
    /// holds one, so a line without one skips them (most lines of an article). Non-ASCII bytes
    /// count as spaces here, since the patterns' `\s` takes Unicode's spaces.
    package static func mayHoldDateOrTime(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(mayHoldDateOrTime)
    }

    /// `mayHoldDateOrTime` of a line's bytes, before its string is made.
    package static func mayHoldDateOrTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isDigit(_ index: Int) -> Bool { index < bytes.count && bytes[index] &- 0x30 < 10 }
        func pastSpaces(_ index: Int) -> Int {
            var index = index
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] &- 0x09 < 5 || bytes[index] >= 0x80 { index += 1 }
            return index
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte &- 0x30 < 10 {
                var end = index + 1
                while isDigit(end) { end += 1 }
                let separator = pastSpaces(end)
                if separator < bytes.count, isDateSeparator(bytes[separator]), isDigit(pastSpaces(separator + 1)) { return true }
                index = end
                continue
            }
            if byte | 0x20 == UInt8(ascii: "y") {
                let digit = pastSpaces(index + 1)
                if digit > index + 1, isDigit(digit) { return true }
            }
            index += 1
        }
        return false
    }

    package static func isDateSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
            || byte | 0x20 == UInt8(ascii: "h")
    }

    /// The first calendar date written in a line, as `YYYY-MM-DD`: `24/12/2012`, `4/9/14`,
    /// `2014-09-04`, `ngày 17 tháng 6 năm 2003`. Two-digit years are this century's below 50.
    package static func visibleDate(_ text: String) -> String? {
        guard mayHoldDateOrTime(text) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        var best: (Int, String)?
        func consider(_ location: Int, _ year: Int, _ month: Int, _ day: Int) {
            var year = year
            if year < 100 { year += year < 50 ? 2000 : 1900 }
            guard (1900...2100).contains(year), (1...12).contains(month), day >= 1,
                  day <= [31, year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] else { return }
            if best == nil || location < best!.0 { best = (location, String(format: "%04d-%02d-%02d", year, month, day)) }
        }
        func int(_ match: NSTextCheckingResult, _ group: Int) -> Int {
            Range(match.range(at: group), in: text).flatMap { Int(text[$0]) } ?? 0
        }
        for match in numericDate.matches(in: text, range: range) {
            consider(match.range.location, int(match, 4), int(match, 3), int(match, 1))
            if best != nil { break }
        }
        if let match = isoDate.firstMatch(in: text, range: range) { consider(match.range.location, int(match, 1), int(match, 2), int(match, 3)) }
        if let match = wordedDate.firstMatch(in: text, range: range) { consider(match.range.location, int(match, 3), int(match, 2), int(match, 1)) }
        return best?.1
    }
}

extension HTMLDocumentReader.Page {
    /// Gives the chunks let go back to the system: glibc keeps freed blocks of this size in its
    /// heap, where the article's string (one large block of its own) cannot reuse them.
    package static func returnFreedMemory() {
        vanthu_mallocTrim()
    }
}
