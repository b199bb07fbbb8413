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
        context.record.units = Self.collect(found.mentions, in: document)
        var people: [PersonFact] = []
        var seenPeople: Set<[String?]> = []
        for person in found.people {
            let name = Self.name(document.utf8, person.bytes, capitalizeFirst: false)
            let position = person.position.map { Self.name(document.utf8, $0, capitalizeFirst: false) }
            let unit = person.unit.map { Self.name(document.utf8, $0, capitalizeFirst: true) }
            guard seenPeople.insert([name, position, unit]).inserted else { continue }
            people.append(PersonFact(name: name, position: position, unit: unit, start: person.scalars.lowerBound,
                                     end: person.scalars.upperBound, rule: "units.person"))
        }
        context.record.people = people
    }

    /// The units of a document's mentions: one per canonical key, named by its first mention,
    /// with every mention's span once (`UnitRegistry`).
    static func collect(_ mentions: [UnitParser.Mention], in document: TextDocument) -> [UnitFact] {
        var registry = UnitRegistry()
        // A unit's key is the canonical key of its name (of the first name that made it); names
        // come back often, so each is keyed once.
        var keyByName: [String: String] = [:]
        // The unit of each name as it is written (its bytes with runs of blanks as one space, and
        // whether its first letter is to be upper case, as one more byte that UTF-8 never has):
        // a name seen before goes to its unit without making a String, hashing it (which
        // normalises Vietnamese) and keying it again.
        var unitByWrittenName: [[UInt8]: Int] = [:]
        for mention in mentions {
            var written = Self.collapsedBytes(document.utf8, mention.bytes)
            let isEmpty = written.isEmpty
            written.append(mention.capitalizeFirst ? 0xFF : 0xFE)
            let span = mention.scalars
            if let index = unitByWrittenName[written] {
                registry.addMention(span, to: index)
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
            unitByWrittenName[written] = registry.add(name: name, key: key, span: span)
        }
        return registry.units
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
