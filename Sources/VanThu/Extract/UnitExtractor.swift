import Foundation

/// Organisational unit names and the people named with them.
///
/// Units are found by head noun, qualifiers and locality (`UnitLexicon`, `UnitParser`, run where
/// a name can start by `UnitScanner`); each unit
/// appears once per record, with its surface name (first mention), its canonical key
/// (`VietnameseFolding.canonicalKey`: `UBND huyện` and `Ủy ban nhân dân huyện` share it) and the
/// spans of all its mentions. People come from positions followed by a unit and a name.
public struct UnitExtractor: Extractor {
    public let id = "units"
    public let summary = "Organisational unit names (head noun, qualifiers, locality) and the people named with them."
    public var lexicon: UnitLexicon

    public init(lexicon: UnitLexicon = .standard) {
        self.lexicon = lexicon
    }

    public var examples: [ExtractorExample] { Self.exampleList }

    public func describe(_ record: Record) -> [String] {
        record.units.map(\.name) + record.people.map { person in
            "person: " + [person.name, person.position, person.unit].compactMap { $0 }.joined(separator: "; ")
        }
    }

    public func extract(_ context: inout ExtractionContext) {
        let document = context.document
        let found = UnitScanner(lexicon: lexicon).scan(document)
        var units: [UnitFact] = []
        // Few units per document: a linear search beats hashing; a table once there are many.
        var indexByKey: [String: Int]?
        // A unit's key is the canonical key of its name (of the first name that made it); names
        // come back often, so each is keyed once.
        var keyByName: [String: String] = [:]
        // The unit of each name as it is written (its bytes with runs of blanks as one space, and
        // whether its first letter is to be upper case, as one more byte that UTF-8 never has):
        // a name seen before goes to its unit without making a String, hashing it (which
        // normalises Vietnamese) and keying it again.
        var unitByWrittenName: [[UInt8]: Int] = [:]
        for mention in found.mentions {
            var written = Self.collapsedBytes(document.utf8, mention.bytes)
            let isEmpty = written.isEmpty
            written.append(mention.capitalizeFirst ? 0xFF : 0xFE)
            let span = [mention.scalars.lowerBound, mention.scalars.upperBound]
            if let index = unitByWrittenName[written] {
                if !units[index].mentions.contains(span) { units[index].mentions.append(span) }
                continue
            }
            guard !isEmpty else { continue }
            let name = Self.name(document.utf8, mention.bytes, capitalizeFirst: mention.capitalizeFirst)
            guard !name.isEmpty else { continue }
            let key: String
            if let known = keyByName[name] {
                key = known
            } else {
                key = VietnameseFolding.canonicalKey(name)
                keyByName[name] = key
            }
            if let index = indexByKey.map({ $0[key] }) ?? units.firstIndex(where: { $0.key == key }) {
                if !units[index].mentions.contains(span) { units[index].mentions.append(span) }
                unitByWrittenName[written] = index
            } else {
                unitByWrittenName[written] = units.count
                units.append(UnitFact(name: name, key: key, mentions: [span]))
                if indexByKey != nil {
                    indexByKey![key] = units.count - 1
                } else if units.count > 24 {
                    indexByKey = Dictionary(uniqueKeysWithValues: units.enumerated().map { ($1.key, $0) })
                }
            }
        }
        var people: [PersonFact] = []
        for person in found.people {
            let name = Self.name(document.utf8, person.bytes, capitalizeFirst: false)
            let position = person.position.map { Self.name(document.utf8, $0, capitalizeFirst: false) }
            let unit = person.unit.map { Self.name(document.utf8, $0, capitalizeFirst: true) }
            let fact = PersonFact(name: name, position: position, unit: unit, start: person.scalars.lowerBound,
                                  end: person.scalars.upperBound, rule: "units.person")
            if !people.contains(where: { $0.name == fact.name && $0.position == fact.position && $0.unit == fact.unit }) {
                people.append(fact)
            }
        }
        context.record.units = units
        context.record.people = people
    }

    /// The text of a byte range with runs of white space as one space; the first letter upper case
    /// when asked ("ban Dân vận Thành ủy" inside "Trưởng ban Dân vận Thành ủy").
    static func name(_ utf8: [UInt8], _ range: Range<Int>, capitalizeFirst: Bool) -> String {
        var text = String(decoding: collapsedBytes(utf8, range), as: UTF8.self)
        if capitalizeFirst, let first = text.first, first.isLowercase {
            text = first.uppercased() + text.dropFirst()
        }
        return text
    }

    /// The bytes of a range with runs of white space as one space, none at the ends.
    static func collapsedBytes(_ utf8: [UInt8], _ range: Range<Int>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count + 1)
        var pendingSpace = false
        for byte in utf8[range] {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            bytes.append(byte)
        }
        return bytes
    }
}
