import Foundation

/// Phrases (sequences of words, written in Vietnamese) with a value each, looked up in a token
/// stream by word keys: the longest phrase that starts at a token and whose words are separated by
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
    }

    private var byFirstWord: [UInt64: [Entry]] = [:]
    public private(set) var count = 0

    public init() {}

    public init(_ phrases: [(String, Value)]) {
        for (phrase, value) in phrases { insert(phrase, value) }
    }

    /// Adds `phrase`; a phrase added again replaces the earlier value.
    public mutating func insert(_ phrase: String, _ value: Value) {
        let tokens = WordTokens(phrase.precomposedStringWithCanonicalMapping)
        let keys = tokens.tokens.map(\.key)
        guard let first = keys.first else { return }
        var commas: UInt64 = 0
        for (index, token) in tokens.tokens.enumerated() where index < 64 && token.gap.contains(.comma) {
            commas |= 1 << UInt64(index)
        }
        var entries = byFirstWord[first, default: []]
        if let existing = entries.firstIndex(where: { $0.keys == keys }) {
            entries[existing].value = value
        } else {
            entries.append(Entry(keys: keys, value: value, commas: commas))
            entries.sort { $0.keys.count > $1.keys.count }
            count += 1
        }
        byFirstWord[first] = entries
    }

    /// Whether some phrase starts with the word `key`.
    @inline(__always)
    public func startsPhrase(_ key: UInt64) -> Bool { byFirstWord[key] != nil }

    /// The longest phrase at token `index`.
    public func match(_ tokens: WordTokens, at index: Int) -> Match? {
        guard index < tokens.count, let entries = byFirstWord[tokens[index].key] else { return nil }
        for entry in entries {
            let length = entry.keys.count
            guard index + length <= tokens.count else { continue }
            var ok = true
            var k = 1
            while k < length {
                let token = tokens[index + k]
                var gap = token.gap
                if entry.commas & (1 << UInt64(k)) != 0 { gap.remove(.comma) }
                if token.key != entry.keys[k] || !Self.joins(gap) { ok = false; break }
                k += 1
            }
            if ok { return Match(value: entry.value, length: length) }
        }
        return nil
    }

    /// The value of a single word, when the table has it as a one-word phrase.
    public func value(ofWord key: UInt64) -> Value? {
        byFirstWord[key]?.first(where: { $0.keys.count == 1 })?.value
    }

    /// Words inside a phrase are separated by spaces, or by a hyphen without spaces.
    @inline(__always)
    static func joins(_ gap: WordTokens.Gap) -> Bool {
        gap.subtracting([.space, .hyphen, .ampersand]).isEmpty && !gap.isEmpty
    }
}
