import VanThuText

/// The place a count is about: a named locality in its sentence (`huyện Chợ Đồn`, `TP Hà Tĩnh`,
/// `phường 4`), or `toàn thành phố` / `trên địa bàn tỉnh` resolved to the one the document names
/// (`thành phố Bến Tre`), or `toàn quốc`.
package struct ModelCountScopes {
    package struct Mention: Sendable, Equatable {
        package var range: Range<Int>
        package var scope: String
    }

    package let text: ModelCountText
    /// Every named locality of the document, in order.
    package let named: [Mention]
    /// Generic mentions ("toàn thành phố"), already resolved where the document names the place.
    package let generic: [Mention]

    package init(_ text: ModelCountText) {
        self.text = text
        var named: [Mention] = []
        var generic: [Mention] = []
        let bytes = text.bytes
        var index = 0
        scan: while index < bytes.count {
            let byte = bytes[index]
            guard FoldedText.isLetter(byte), bytes.isWordStart(at: index) else {
                index += 1
                continue
            }
            if let (scope, end) = text.match(LocalityNoun.national, at: index) {
                generic.append(Mention(range: index..<end, scope: scope))
                index = end
                continue scan
            }
            if let (noun, end) = text.match(LocalityNoun.phrases, at: index, exact: { $0.exact }) {
                if let next = text.nextWord(after: end), LocalityNoun.notNouns[noun.canonical]?.contains(text.folded(next)) == true {
                    index = next.upperBound
                    continue scan
                }
                if let name = Self.name(after: end, numbered: noun.numbered, in: text) {
                    named.append(Mention(range: index..<name.upperBound, scope: noun.canonical + " " + text.original(name)))
                    index = name.upperBound
                } else {
                    if let prefix = Self.wholePrefix(before: index, in: text) {
                        generic.append(Mention(range: prefix..<end, scope: noun.canonical))
                    }
                    index = end
                }
                continue scan
            }
            index += 1
        }
        // "toàn thành phố" → the first "thành phố X" the document names.
        self.named = named
        self.generic = generic.map { mention in
            guard mention.scope != "toàn quốc" else { return mention }
            let prefix = mention.scope + " "
            if let place = named.first(where: { $0.scope.hasPrefix(prefix) }) {
                return Mention(range: mention.range, scope: place.scope)
            }
            return Mention(range: mention.range, scope: "toàn " + mention.scope)
        }
    }

    /// The capitalised name (or number, for `phường 4`) after a locality noun.
    private static func name(after end: Int, numbered: Bool, in text: ModelCountText) -> Range<Int>? {
        var cursor = end
        var nameEnd = -1
        var words = 0
        while words < 4, let word = text.nextWord(after: cursor), word.lowerBound - cursor <= 1 || words == 0 {
            let first = text.bytes[word.lowerBound]
            if FoldedText.isDigit(first) {
                guard numbered, words == 0, word.allSatisfy({ FoldedText.isDigit(text.bytes[$0]) }) else { break }
                return word
            }
            guard text.isUppercase(at: word.lowerBound), !LocalityNoun.notNames.contains(text.folded(word)) else { break }
            nameEnd = word.upperBound
            cursor = word.upperBound
            words += 1
        }
        guard nameEnd > end else { return nil }
        return text.skipSpaces(from: end)..<nameEnd
    }

    /// The start of `toàn` / `cả` / `trên địa bàn` right before a noun, if any.
    private static func wholePrefix(before position: Int, in text: ModelCountText) -> Int? {
        let words = text.previousWords(before: position, limit: 3)
        for count in 1...max(1, min(LocalityNoun.wholePrefixes.maximumWords, words.count)) where count <= words.count {
            let start = words[count - 1].lowerBound
            if text.match(LocalityNoun.wholePrefixes, at: start, limit: words[0].upperBound, where: { $1 == words[0].upperBound }) != nil {
                return start
            }
        }
        return nil
    }

    /// The scope stated in `range` for a count at `position`: the nearest mention before it, else
    /// the first after it.
    package func scope(in range: Range<Int>, around position: Int) -> String? {
        var before: Mention?
        var after: Mention?
        for mention in named + generic where range.contains(mention.range.lowerBound) {
            if mention.range.lowerBound < position {
                if before == nil || mention.range.lowerBound > before!.range.lowerBound { before = mention }
            } else if after == nil || mention.range.lowerBound < after!.range.lowerBound {
                after = mention
            }
        }
        return (before ?? after)?.scope
    }
}
