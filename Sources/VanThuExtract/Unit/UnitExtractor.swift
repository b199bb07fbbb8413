import Foundation
import VanThuText

/// Organisational unit names and the people named with them.
///
/// Units are found by head noun, qualifiers and locality (`UnitLexicon`, `UnitParser`, run where
/// a name can start by `UnitScanner`); each unit
/// appears once per record, with its surface name (first mention), its canonical key
/// (`VietnameseFolding.canonicalKey`: `UBND huyện` and `Ủy ban nhân dân huyện` share it) and the
/// spans of all its mentions (`UnitRegistry`, hashed, so repeated mentions cost linear time). An
/// anaphoric short form ("Hội Cựu chiến binh phường") goes to the full name used elsewhere in the
/// document (`resolveShortForms`). People come from positions followed by a unit and a name.
public struct UnitExtractor: Extractor {
    public let id = "units"
    public let summary = "Organisational unit names (head noun, qualifiers, locality) and the people named with them."
    public var lexicon: UnitLexicon
    /// Whether an anaphoric short form goes to the full name used elsewhere (`resolveShortForms`).
    public var resolvesShortForms: Bool

    public init(lexicon: UnitLexicon = .standard, resolvesShortForms: Bool = true) {
        self.lexicon = lexicon
        self.resolvesShortForms = resolvesShortForms
    }

    public static let shortFormsOption = ExtractorOption.bool(
        "resolveShortForms", default: true,
        "An anaphoric short form (`Hội Cựu chiến binh phường`) is reported under the full name used elsewhere in the document.")

    public var options: [ExtractorOption] { [Self.shortFormsOption] }

    public func configured(with configuration: ExtractorConfiguration) -> any Extractor {
        UnitExtractor(lexicon: configuration.lexicon.units, resolvesShortForms: configuration.bool(Self.shortFormsOption))
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
        let units = Self.collect(found.mentions, in: document)
        context.record.units = resolvesShortForms ? Self.resolveShortForms(units, lexicon: lexicon) : units
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
    package static func collect(_ mentions: [UnitParser.Mention], in document: TextDocument) -> [UnitFact] {
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
            if let shared = mention.sharedLocality {
                written.append(0xFD)
                written += Self.collapsedBytes(document.utf8, shared)
            }
            let span = mention.scalars
            if let index = unitByWrittenName[written] {
                registry.addMention(span, to: index)
                continue
            }
            guard !isEmpty else { continue }
            var name = Self.name(document.utf8, mention.bytes, capitalizeFirst: mention.capitalizeFirst)
            guard !name.isEmpty else { continue }
            if let shared = mention.sharedLocality { name += " " + Self.name(document.utf8, shared, capitalizeFirst: false) }
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

    /// An anaphoric short form goes to the full name used elsewhere in the document: "Hội Cựu
    /// chiến binh phường" to "Hội Cựu chiến binh phường 4" (a bare locality noun, and its name
    /// elsewhere), "Ủy ban nhân dân" to "Ủy ban nhân dân xã Tân An" (a generic name without
    /// locality, and one with it elsewhere). Each
    /// mention of the short form goes to the full name mentioned nearest before it (or after it,
    /// when none is before); the short form is no unit of its own then.
    package static func resolveShortForms(_ units: [UnitFact], lexicon: UnitLexicon) -> [UnitFact] {
        guard units.count > 1 else { return units }
        var indexByKey: [String: Int] = [:]
        for (index, unit) in units.enumerated() { indexByKey[unit.key] = index }
        let words = units.map { WordTokens($0.key) }
        // A name with nothing specific after its first word ("Ủy ban nhân dân", "Mặt trận", "UBND")
        // is a short form of the same name with a locality; a specific one ("Ban Chỉ đạo Quy chế
        // dân chủ") is a name of its own.
        // (A quoted title inside it is the topic's, not the body's: "Ban chỉ đạo phong trào thi đua
        // “Dân vận khéo”" is generic.)
        let generic = units.map { unit in
            var quoted = false
            return WordTokens(unit.name).tokens.dropFirst().allSatisfy { token in
                if token.gap.contains(.closeQuote) { quoted = false }
                if token.gap.contains(.straightQuote) { quoted.toggle() }
                if token.gap.contains(.openQuote) { quoted = true }
                return quoted || !token.isCapitalized
            }
        }
        // The full names (by index) each unit is a short form of: every word-boundary prefix of a
        // name that is another unit's key (a table look-up per word, not a pass over the units).
        var fullNames: [[Int]] = Array(repeating: [], count: units.count)
        for (l, long) in units.enumerated() {
            let keyBytes = Array(long.key.utf8)
            for m in 1..<max(1, words[l].count) {
                let cut = Int(words[l][m].start)
                guard let s = indexByKey[String(decoding: keyBytes[..<cut], as: UTF8.self)
                    .trimmingCharacters(in: .whitespaces)], s != l, words[s].count == m else { continue }
                let extendsLocality = lexicon.localities.match(words[l], at: m) != nil
                    && lexicon.notLocalities.match(words[l], at: m) == nil
                let endsWithLocality = (1...2).contains { length in
                    m - length >= 0 && lexicon.localities.match(words[s], at: m - length)?.length == length
                        && lexicon.notLocalities.match(words[s], at: m - length) == nil
                }
                // (After a bare locality noun, its name: a word joined by a space that is no other
                // locality or level, not "cấp huyện, cấp xã".)
                let namesLocality = endsWithLocality && words[l][m].gap.subtracting(.space).isEmpty && !extendsLocality
                    && !Self.levelWords.contains(words[l][m].key)
                if extendsLocality && generic[s] || namesLocality { fullNames[s].append(l) }
            }
        }
        let isShort = fullNames.map { !$0.isEmpty }
        guard isShort.contains(true) else { return units }
        var result = units
        var seen: Set<UnitRegistry.SpanKey> = []
        for (index, unit) in units.enumerated() {
            for span in unit.mentions { seen.insert(.init(unit: index, start: span[0], end: span[1])) }
        }
        for s in units.indices where isShort[s] {
            let targets = fullNames[s].filter { !isShort[$0] }
            guard !targets.isEmpty else { continue }
            // The full names' mentions by start; each short mention takes the last one before it.
            let anchors = targets.flatMap { t in units[t].mentions.map { ($0[0], t) } }.sorted { $0 < $1 }
            for span in units[s].mentions {
                var low = 0
                var high = anchors.count
                while low < high {
                    let mid = (low + high) / 2
                    if anchors[mid].0 < span[0] { low = mid + 1 } else { high = mid }
                }
                let target = low > 0 ? anchors[low - 1].1 : anchors[0].1
                if seen.insert(.init(unit: target, start: span[0], end: span[1])).inserted {
                    result[target].mentions.append(span)
                }
            }
            result[s].mentions = []
        }
        return result.filter { !$0.mentions.isEmpty }.map { unit in
            var unit = unit
            unit.mentions.sort { ($0[0], $0[1]) < ($1[0], $1[1]) }
            return unit
        }
    }

    package static let levelWords: Set<UInt64> = Set(["cấp", "các", "trực", "và"].map(WordKey.key))

    /// The text of a byte range with runs of white space as one space; the first letter upper case
    /// when asked ("ban Dân vận Thành ủy" inside "Trưởng ban Dân vận Thành ủy").
    package static func name(_ utf8: [UInt8], _ range: Range<Int>, capitalizeFirst: Bool) -> String {
        var text = String(decoding: collapsedBytes(utf8, range), as: UTF8.self)
        if capitalizeFirst, let first = text.first, first.isLowercase {
            text = first.uppercased() + text.dropFirst()
        }
        return text
    }

    /// The bytes of a range with runs of white space as one space, none at the ends.
    package static func collapsedBytes(_ utf8: [UInt8], _ range: Range<Int>) -> [UInt8] {
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
