import Foundation

/// Phrases (sequences of words, written in Vietnamese) with a value each, looked up in a token
/// stream by word keys (the kernel's `PhraseMatcher` over `WordTokens`): the longest phrase that starts at a token and whose words are separated by
/// spaces (or a hyphen, as in `CT-XH`) wins. Case and tone placement do not matter; other
/// diacritics do.
public struct PhraseTable<Value: Sendable>: Sendable {
    public struct Match: Sendable {
        public var value: Value
        /// Number of tokens the phrase covers.
        public var length: Int
    }

    private struct Entry: Sendable {
        var keys: [UInt64]
        var value: Value
        /// Word indexes before which the phrase itself has a comma ("Văn hóa, Thể thao và Du lịch").
        var commas: UInt64 = 0
        /// Word indexes before which the phrase itself has a period ("T.Ư", "TP.HCM").
        var periods: UInt64 = 0
    }

    private var byFirstWord: [UInt64: [Entry]] = [:]
    public private(set) var count = 0

    // The same entries as the kernel's matcher holds them: each phrase's word keys with 0 between
    // two words, grouped by first word, longest phrase first within a group (the order of
    // `byFirstWord`). A word key is never 0 in practice (`KeyTable` reserves it too).
    private var matcher = PhraseMatcher<UInt64, Entry>([], separator: 0, order: .asListed)

    private mutating func rebuild() {
        var phrases: [(symbols: [UInt64], value: Entry)] = []
        phrases.reserveCapacity(count)
        for entries in byFirstWord.values {
            for entry in entries {
                var symbols: [UInt64] = []
                symbols.reserveCapacity(entry.keys.count * 2)
                for (k, key) in entry.keys.enumerated() {
                    if k > 0 { symbols.append(0) }
                    symbols.append(key)
                }
                phrases.append((symbols, entry))
            }
        }
        matcher = PhraseMatcher(phrases, separator: 0, order: .asListed)
    }

    public init() {}

    public init(_ phrases: [(String, Value)]) {
        insert(contentsOf: phrases)
    }

    /// Adds many phrases at once, as `insert` one by one would (a later value replaces an earlier
    /// one), with one sort per group and one rebuild: inserting one at a time rebuilds the lookup
    /// tables each time, and 100,000 phrases from a configuration's lexicon took minutes.
    public mutating func insert(contentsOf phrases: [(String, Value)]) {
        guard !phrases.isEmpty else { return }
        var positions: [UInt64: [[UInt64]: Int]] = [:]
        var touched = Set<UInt64>()
        for (phrase, value) in phrases {
            let tokens = WordTokens(phrase.precomposedStringWithCanonicalMapping)
            let keys = tokens.tokens.map(\.key)
            guard let first = keys.first else { continue }
            var commas: UInt64 = 0
            for (index, token) in tokens.tokens.enumerated() where index < 64 && token.gap.contains(.comma) {
                commas |= 1 << UInt64(index)
            }
            if positions[first] == nil {
                var index: [[UInt64]: Int] = [:]
                for (k, entry) in (byFirstWord[first] ?? []).enumerated() { index[entry.keys] = k }
                positions[first] = index
            }
            if let existing = positions[first]![keys] {
                byFirstWord[first]![existing].value = value
            } else {
                positions[first]![keys] = byFirstWord[first, default: []].count
                byFirstWord[first, default: []].append(Entry(keys: keys, value: value, commas: commas))
                count += 1
                touched.insert(first)
            }
        }
        // The same order as one-by-one inserts give: a stable sort, longest first.
        for first in touched {
            byFirstWord[first] = byFirstWord[first]!.enumerated().sorted {
                $0.element.keys.count != $1.element.keys.count ? $0.element.keys.count > $1.element.keys.count : $0.offset < $1.offset
            }.map(\.element)
        }
        rebuild()
    }

    /// Adds `phrase`; a phrase added again replaces the earlier value.
    public mutating func insert(_ phrase: String, _ value: Value) {
        let tokens = WordTokens(phrase.precomposedStringWithCanonicalMapping)
        let keys = tokens.tokens.map(\.key)
        guard let first = keys.first else { return }
        var commas: UInt64 = 0
        var periods: UInt64 = 0
        for (index, token) in tokens.tokens.enumerated() where index < 64 {
            if token.gap.contains(.comma) { commas |= 1 << UInt64(index) }
            if token.gap.contains(.period) { periods |= 1 << UInt64(index) }
        }
        var entries = byFirstWord[first, default: []]
        if let existing = entries.firstIndex(where: { $0.keys == keys }) {
            // The same words written with a comma ("Lao động, Thương binh và Xã hội") and with a
            // hyphen: both spellings match.
            entries[existing].value = value
            entries[existing].commas |= commas
            entries[existing].periods |= periods
        } else {
            entries.append(Entry(keys: keys, value: value, commas: commas, periods: periods))
            entries.sort { $0.keys.count > $1.keys.count }
            count += 1
        }
        byFirstWord[first] = entries
        rebuild()
    }

    /// The keys of every word of every phrase.
    public var allWords: Set<UInt64> { Set(byFirstWord.values.flatMap { $0.flatMap(\.keys) }) }

    /// The keys of the words that start a phrase.
    public var firstWords: Set<UInt64> { Set(byFirstWord.keys) }

    /// A key for two words in a row.
    @inline(__always)
    public static func pairKey(_ first: UInt64, _ second: UInt64) -> UInt64 {
        (first &* 0x9E37_79B9_7F4A_7C15) ^ second
    }

    /// The first words of one-word phrases, and the first two words (as `pairKey`) of longer ones.
    public var openings: (singles: Set<UInt64>, pairs: Set<UInt64>) {
        var singles: Set<UInt64> = []
        var pairs: Set<UInt64> = []
        for (first, entries) in byFirstWord {
            for entry in entries {
                if entry.keys.count == 1 { singles.insert(first) } else { pairs.insert(Self.pairKey(first, entry.keys[1])) }
            }
        }
        return (singles, pairs)
    }

    /// The keys of the words that start a phrase whose value passes `predicate`.
    public func firstWords(where predicate: (Value) -> Bool) -> Set<UInt64> {
        Set(byFirstWord.filter { $0.value.contains { predicate($0.value) } }.keys)
    }

    /// Whether some phrase starts with the word `key`.
    @inline(__always)
    public func startsPhrase(_ key: UInt64) -> Bool { matcher.hasPhrase(startingWith: key) }

    /// The longest phrase at token `index`.
    public func match(_ tokens: WordTokens, at index: Int) -> Match? {
        guard index < tokens.count else { return nil }
        let found = matcher.first(from: index, symbol: { $0 < tokens.count ? tokens[$0].key : nil }, join: { position, word, entry in
            guard position < tokens.count else { return nil }
            let entry = matcher.values[entry]
            var gap = tokens[position].gap
            if entry.commas & (1 << UInt64(word)) != 0 { gap.remove(.comma) }
            // "T.Ư": a period of the phrase's own may stand alone between its words.
            let dotted = entry.periods & (1 << UInt64(word)) != 0 && gap.contains(.period)
            if dotted { gap.remove(.period) }
            return Self.joins(gap) || dotted && gap.isEmpty ? position : nil
        }, accept: { _, _ in true })
        return found.map { Match(value: matcher.values[$0.entry].value, length: $0.end - index) }
    }

    /// The value of a single word, when the table has it as a one-word phrase.
    public func value(ofWord key: UInt64) -> Value? {
        byFirstWord[key]?.first(where: { $0.keys.count == 1 })?.value
    }

    /// Words inside a phrase are separated by spaces, a hyphen, `&`, or a single line break (text
    /// wrapped inside the phrase).
    @inline(__always)
    package static func joins(_ gap: WordTokens.Gap) -> Bool {
        gap.subtracting([.space, .hyphen, .ampersand, .newline]).isEmpty && !gap.isEmpty && !gap.contains(.blankLine)
    }
}
