/// The kernel's one phrase matcher: every table of phrases that a rule looks for in text (unit
/// heads by word keys, temporal cues and model-count words by folded bytes, the header's line
/// words) is matched here. A table is a list of phrases, each a sequence of symbols (folded bytes,
/// or word keys) with `separator` standing between two words, and a value each.
///
/// Matching compares a phrase symbol by symbol with the text, forward from a position or backward
/// from one, and leaves to the caller what the text is made of: how a symbol is read, what may
/// stand between two words of a phrase (`join`: spaces, a hyphen, a line break …) and whether a
/// match may start or end where it did (`accept`). The views (`PhraseTable` for word keys,
/// `FoldedPhraseTable` for folded bytes, `FoldedWordTable` for the header's lines) only supply
/// those three steps; the order of candidates and the comparison live here once.
///
/// Order: with `.longestFirst`, the phrase with the most symbols wins, and among phrases of one
/// length the one listed first; with `.asListed`, the first listed that matches wins.
package struct PhraseMatcher<Symbol: FixedWidthInteger & UnsignedInteger & Sendable, Value> {
    package enum Order: Sendable {
        /// Longest phrase first (most symbols), then as listed.
        case longestFirst
        /// As listed.
        case asListed
    }

    /// The entries' symbols, one after another: entry `i` is `symbols[starts[i]..<starts[i + 1]]`.
    private let symbols: [Symbol]
    private let starts: [Int]
    /// Each entry's value, in matching order.
    package let values: [Value]
    /// The symbol that stands between two words of a phrase.
    package let separator: Symbol
    /// The most words a phrase of the table has.
    package let maximumWords: Int
    private let byFirst: Groups
    private let byLast: Groups

    /// Entries grouped by one of their symbols, in matching order within a group.
    private struct Groups: Sendable {
        /// Entry indices, group after group.
        var order: [Int] = []
        /// Each group's slots in `order`.
        var ranges: [Range<Int>] = []
        /// Byte symbols: group number + 1 by symbol (0: none).
        var direct: [UInt32] = []
        /// Wider symbols (word keys): group number by symbol.
        var keyed = KeyTable()

        init(_ count: Int, key: (Int) -> Symbol) {
            var groupOf: [Symbol: Int] = [:]
            var members: [[Int]] = []
            for entry in 0..<count {
                let symbol = key(entry)
                if let group = groupOf[symbol] {
                    members[group].append(entry)
                } else {
                    groupOf[symbol] = members.count
                    members.append([entry])
                }
            }
            if Symbol.bitWidth <= 8 { direct = [UInt32](repeating: 0, count: 256) } else { keyed = KeyTable(capacity: members.count) }
            for (symbol, group) in groupOf {
                if Symbol.bitWidth <= 8 { direct[Int(symbol)] = UInt32(group + 1) } else { keyed.set(UInt64(symbol), UInt32(group)) }
            }
            order.reserveCapacity(count)
            for group in members {
                ranges.append(order.count..<(order.count + group.count))
                order += group
            }
        }

        /// The slots of the entries keyed by `symbol`.
        @inline(__always)
        func slots(_ symbol: Symbol) -> Range<Int> {
            if Symbol.bitWidth <= 8 {
                let group = direct[Int(symbol)]
                return group == 0 ? 0..<0 : ranges[Int(group) - 1]
            }
            guard let group = keyed.get(UInt64(symbol)), Int(group) < ranges.count else { return 0..<0 }
            return ranges[Int(group)]
        }
    }

    /// A table of `phrases` (empty phrases are left out), matched in `order`.
    package init(_ phrases: [(symbols: [Symbol], value: Value)], separator: Symbol, order: Order = .longestFirst) {
        self.separator = separator
        var listed = phrases.filter { !$0.symbols.isEmpty }
        if order == .longestFirst {
            listed = listed.enumerated().sorted {
                $0.element.symbols.count != $1.element.symbols.count
                    ? $0.element.symbols.count > $1.element.symbols.count : $0.offset < $1.offset
            }.map(\.element)
        }
        var symbols: [Symbol] = []
        var starts: [Int] = []
        var maximumWords = 0
        for (phrase, _) in listed {
            starts.append(symbols.count)
            symbols += phrase
            maximumWords = max(maximumWords, phrase.reduce(1) { $1 == separator ? $0 + 1 : $0 })
        }
        starts.append(symbols.count)
        self.symbols = symbols
        self.starts = starts
        self.values = listed.map(\.value)
        self.maximumWords = maximumWords
        byFirst = Groups(listed.count) { symbols[starts[$0]] }
        byLast = Groups(listed.count) { symbols[starts[$0 + 1] - 1] }
    }

    package var count: Int { values.count }

    /// Whether some phrase starts with `symbol`.
    @inline(__always)
    package func hasPhrase(startingWith symbol: Symbol) -> Bool { !byFirst.slots(symbol).isEmpty }

    /// The symbols of entry `index`.
    package func phrase(_ index: Int) -> ArraySlice<Symbol> { symbols[starts[index]..<starts[index + 1]] }

    /// The first entry, in matching order, whose phrase is read forward from `start` and that
    /// `accept` takes (given the entry and the position after its last symbol).
    /// - `symbol(p)`: the text's symbol at `p`, or nil where the text (or the search) ends;
    /// - `join(p, word, entry)`: where the next word starts when word number `word` (1, 2 …) of
    ///   `entry` follows a word that ended at `p`, or nil when what stands there joins no words.
    @inline(__always)
    package func first(from start: Int,
                       symbol: (Int) -> Symbol?,
                       join: (_ position: Int, _ word: Int, _ entry: Int) -> Int?,
                       accept: (_ entry: Int, _ end: Int) -> Bool) -> (entry: Int, end: Int)? {
        guard let head = symbol(start) else { return nil }
        for slot in byFirst.slots(head) {
            let entry = byFirst.order[slot]
            var position = start
            var word = 0
            var matched = true
            for k in starts[entry]..<starts[entry + 1] {
                let expected = symbols[k]
                if expected == separator {
                    word += 1
                    guard let next = join(position, word, entry) else { matched = false; break }
                    position = next
                } else {
                    guard symbol(position) == expected else { matched = false; break }
                    position += 1
                }
            }
            if matched && accept(entry, position) { return (entry, position) }
        }
        return nil
    }

    /// The first entry, in matching order, whose phrase is read backward from `end` (its last
    /// symbol at `end - 1`) and that `accept` takes (given the entry and the phrase's start).
    /// - `symbol(p)`: the text's symbol at `p`, or nil before the text's start;
    /// - `join(p, word, entry)`: where the previous word ends when the word that starts at `p`
    ///   follows word number `word` counted from the end (1, 2 …), or nil.
    @inline(__always)
    package func first(endingAt end: Int,
                       symbol: (Int) -> Symbol?,
                       join: (_ position: Int, _ word: Int, _ entry: Int) -> Int?,
                       accept: (_ entry: Int, _ start: Int) -> Bool) -> (entry: Int, start: Int)? {
        guard let tail = symbol(end - 1) else { return nil }
        for slot in byLast.slots(tail) {
            let entry = byLast.order[slot]
            var position = end
            var word = 0
            var matched = true
            var k = starts[entry + 1] - 1
            while k >= starts[entry] {
                let expected = symbols[k]
                if expected == separator {
                    word += 1
                    guard let previous = join(position, word, entry) else { matched = false; break }
                    position = previous
                } else {
                    guard symbol(position - 1) == expected else { matched = false; break }
                    position -= 1
                }
                k -= 1
            }
            if matched && accept(entry, position) { return (entry, position) }
        }
        return nil
    }
}

extension PhraseMatcher: Sendable where Value: Sendable {}
