/// The units of one record as their mentions come in: one unit per canonical key, in the order
/// first seen, each mention span once. Keys and spans are looked up in hash tables, so a record
/// with many repeated mentions costs time in proportion to its mentions (issue 14: a linear
/// search of each unit's spans made repetitive text quadratic).
package struct UnitRegistry {
    package private(set) var units: [UnitFact] = []
    private var indexByKey: [String: Int] = [:]
    /// Every (unit, start, end) already recorded.
    private var seen: Set<SpanKey> = []

    package struct SpanKey: Hashable {
        package var unit: Int
        package var start: Int
        package var end: Int
    }

    /// The index of the unit keyed `key`, if there is one.
    package func index(ofKey key: String) -> Int? { indexByKey[key] }

    /// Adds a mention of the unit keyed `key` (a new unit named `name` when the key is new);
    /// returns the unit's index. A span already recorded for that unit is not added again.
    @discardableResult
    package mutating func add(name: String, key: String, span: Range<Int>) -> Int {
        if let index = indexByKey[key] {
            addMention(span, to: index)
            return index
        }
        let index = units.count
        units.append(UnitFact(name: name, key: key, mentions: []))
        indexByKey[key] = index
        addMention(span, to: index)
        return index
    }

    /// Adds a mention span to the unit at `index`, once.
    package mutating func addMention(_ span: Range<Int>, to index: Int) {
        if seen.insert(SpanKey(unit: index, start: span.lowerBound, end: span.upperBound)).inserted {
            units[index].mentions.append([span.lowerBound, span.upperBound])
        }
    }
}
