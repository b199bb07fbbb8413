import Foundation
import VanThuText
import VanThuExtract

/// A record with what the store needs of it, prepared on a worker thread so the single writer
/// only writes: its JSON, its summary's JSON (for consolidation), and its folded text for the
/// full-text index.
public struct PreparedRecord: Sendable {
    public var record: Record
    public var json: [UInt8]
    public var summary: [UInt8]
    /// What the full-text index holds of it.
    public var search: SearchIndex.Entry

    /// The bytes in a buffer of their size: prepared records wait in the store writer's queue by
    /// the thousand when files are small, and a buffer reserved for the worst case each (measured
    /// with massif: 5 KB for a 1 KB file, twice) was most of a run's memory.
    /// A buffer of a megabyte or more is kept as it is: glibc maps it on its own (see
    /// `Pipeline.returnLargeBuffersToTheSystem`), so its unused tail is address space the system
    /// never backs with memory, and the copy held a large record twice at once (a 16 MB text's
    /// JSON took 40 MB: issue 14, item 8).
    package static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.capacity < Self.untrimmedBytes, bytes.capacity - bytes.count > max(1024, bytes.count / 8) else { return bytes }
        return [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            _ = buffer.initialize(from: bytes)
            count = bytes.count
        }
    }

    /// The same record with only what the store writes, for the store writer's queue: the
    /// members `Record.fields` marks `storeRow` (the `documents` row's columns). The text and the
    /// facts are in `json` already (and the folded text in `search`, which the index's writer
    /// takes). Thousands wait in the queue when files are small.
    public var forStore: PreparedRecord {
        var copy = self
        copy.record = record.keepingOnly(.storeRow)
        return copy
    }

    /// The facts researchers filter on (`facts` table): each unit's folded name and key, each
    /// model count's field, each deadline's date; distinct and sorted.
    public var facts: [Fact]

    public struct Fact: Sendable, Hashable, Comparable {
        public var type: String
        public var value: String

        public static func < (a: Fact, b: Fact) -> Bool { (a.type, a.value) < (b.type, b.value) }
    }

    package static func facts(of record: Record) -> [Fact] {
        var facts: [Fact] = []
        facts.reserveCapacity(record.units.count * 2 + record.modelCounts.count + record.deadlines.count)
        for unit in record.units {
            facts.append(Fact(type: "unit", value: VietnameseFolding.searchFold(unit.name)))
            facts.append(Fact(type: "unitKey", value: unit.key))
        }
        for count in record.modelCounts { if let field = count.field { facts.append(Fact(type: "field", value: field)) } }
        for deadline in record.deadlines { facts.append(Fact(type: "deadline", value: deadline.due ?? "")) }
        return distinctSorted(facts)
    }

    /// `Array(Set(facts)).sorted()` without the `Set` when every String is NFC for sure (made of
    /// scalars NFC leaves alone), which unit names and keys are: then equal facts have the same
    /// bytes and sorting puts them side by side. Hashing a Vietnamese String normalises it (some
    /// 3,000 instructions a fact); comparing two mostly looks at bytes.
    package static func distinctSorted(_ facts: [Fact]) -> [Fact] {
        guard facts.allSatisfy({ isSurelyNFC($0.type) && isSurelyNFC($0.value) }) else {
            var set: Set<Fact> = []
            for fact in facts { set.insert(fact) }
            return set.sorted()
        }
        let sorted = facts.sorted()
        var distinct: [Fact] = []
        distinct.reserveCapacity(sorted.count)
        for fact in sorted where distinct.last != fact { distinct.append(fact) }
        return distinct
    }

    /// True when every scalar of `text` is below U+0300 or a precomposed Latin letter of
    /// U+1E00–U+1EFF: none of them is changed by NFC or composes with another of them.
    package static func isSurelyNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 0x80 { index += 1; continue }
                var length = 2
                var value = UInt32(byte & 0x1F)
                if byte >= 0xF0 { length = 4; value = UInt32(byte & 0x07) } else if byte >= 0xE0 { length = 3; value = UInt32(byte & 0x0F) }
                for k in 1..<length { value = value << 6 | UInt32(utf8[index + k] & 0x3F) }
                guard value < 0x300 || (value >= 0x1E00 && value <= 0x1EFF) else { return false }
                index += length
            }
            return true
        }
    }

    public init(_ record: Record, folded: FoldedText?) {
        self.init(record, search: SearchIndex.Entry(record, folded: folded))
    }

    /// With the search entry made already (the pipeline makes it from the document's fold, then
    /// lets the document go before the JSON is written).
    /// Buffers from this capacity on are not trimmed.
    package static let untrimmedBytes = 1 << 20

    public init(_ record: Record, search: SearchIndex.Entry) {
        var archiveLength: Int?
        self.init(record, search: search, archiveLength: &archiveLength)
    }

    /// A record whose search entry reads its folded text from the record's own JSON, a piece at a
    /// time as the index's writer writes it: for a large text, whose fold would otherwise be held
    /// whole beside the JSON (and, while the JSON was made, beside the text too). The record's
    /// text must be the document's (`includeText`). Falls back to folding the text when the JSON
    /// does not end with it as expected.
    public init(textInJSON record: Record) {
        var archiveLength: Int?
        self.init(record, search: SearchIndex.Entry(id: record.id), archiveLength: &archiveLength)
        if let range = Self.textRange(in: json, of: record, archiveLength: archiveLength) {
            search = SearchIndex.Entry(record, textInJSON: json, range: range)
        } else {
            search = SearchIndex.Entry(record, folded: nil)
        }
    }

    /// A record whose text is given as its UTF-8 bytes, `text` (the record's own `text` is
    /// empty), for a large document: its JSON is written from the bytes, which are let go a
    /// megabyte at a time as they are escaped (their pages returned to the system), so the text
    /// and its JSON are never both held whole (as a `String` and its JSON they were, 64 MB each:
    /// issue 14, item 8). `text` is left empty. The JSON, the summary and the search entry are
    /// those `init(textInJSON:)` makes of the record with its text.
    public init(_ record: Record, consumingText text: inout [UInt8]) {
        precondition(record.text.isEmpty, "the text is given as bytes")
        var archiveLength: Int?
        self.init(record, search: SearchIndex.Entry(id: record.id), archiveLength: &archiveLength)
        // The JSON with an empty text: `"text":""` ends its archived part (see `textRange`).
        let close = (archiveLength ?? json.count) - 2
        let key = Array(#""text":""#.utf8)
        guard !text.isEmpty, record.gone != true, close >= key.count, close < json.count, json[close] == 0x22,
              json[(close - key.count)..<close].elementsEqual(key) else {
            var whole = record
            whole.text = String(decoding: text, as: UTF8.self)
            text = []
            self.init(textInJSON: whole)
            self.record.text = ""
            return
        }
        let escaped = text.withUnsafeBufferPointer { JSONWriter.escapedLength(of: $0) }
        let empty = json
        json = []
        json = [UInt8](unsafeUninitializedCapacity: empty.count + escaped) { out, count in
            let base = out.baseAddress!
            empty.withUnsafeBufferPointer { empty in
                base.initialize(from: empty.baseAddress!, count: close)
                var written = close
                text.withUnsafeMutableBufferPointer { source in
                    var start = 0
                    while start < source.count {
                        let end = min(source.count, start + Self.releaseStep)
                        written += JSONWriter.escape(UnsafeBufferPointer(rebasing: source[start..<end]), into: base + written)
                        Self.releasePages(UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(source)[..<end]))
                        start = end
                    }
                }
                (base + written).initialize(from: empty.baseAddress! + close, count: empty.count - close)
            }
            count = empty.count + escaped
        }
        text = []
        let length = archiveLength.map { $0 + escaped }
        var summaryWriter = JSONWriter(reservingCapacity: 1024)
        var recordSummary = RecordSummary(record)
        recordSummary.archiveLength = length
        recordSummary.write(to: &summaryWriter)
        summary = Self.trimmed(summaryWriter.bytes)
        search = SearchIndex.Entry(record, textInJSON: json, range: close..<(close + escaped))
    }

    /// How many bytes of a large text are escaped before the pages read are let go.
    package static let releaseStep = 1 << 20

    /// Returns to the system the whole pages of `buffer` (memory its caller owns and will read no
    /// more: it reads as zeros after this), which stays allocated. Memory from `mmap` (glibc maps
    /// blocks of 1 MB and more, see `Pipeline.returnLargeBuffersToTheSystem`) no longer counts in
    /// the process's resident size.
    package static func releasePages(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard let base = buffer.baseAddress else { return }
        let page = Int(getpagesize())
        let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(page - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, end - start, MADV_DONTNEED)
        #endif
    }

    /// Where the record's escaped text lies in its JSON, between its quotes: the text is the last
    /// member `write(to:)` writes for a record that is not gone, so it ends the archived part
    /// (before the store-only members, when there are some), and its escaped length is known.
    package static func textRange(in json: [UInt8], of record: Record, archiveLength: Int?) -> Range<Int>? {
        guard record.gone != true, !record.text.isEmpty else { return nil }
        let close = (archiveLength ?? json.count) - 2
        let start = close - JSONWriter.escapedLength(of: record.text)
        let key = Array(#""text":""#.utf8)
        guard close > 0, close < json.count, json[close] == 0x22, start >= key.count,
              json[(start - key.count)..<start].elementsEqual(key) else { return nil }
        return start..<close
    }

    private init(_ record: Record, search: SearchIndex.Entry, archiveLength stored: inout Int?) {
        self.record = record
        // Room for the escaped text and the facts: a buffer that has to grow doubles, and a
        // 60 MB text's record then took 135 MB and a trimmed copy of 70 more. A large one gets
        // room to spare (twice as much a fact): its unused room costs no memory, its growing would.
        let factCount = record.dates.count + record.periods.count + record.deadlines.count + record.modelCounts.count
            + record.units.count + record.people.count + record.references.count
        let estimate = record.text.utf8.count + record.text.utf8.count / 8 + 2048 + factCount * 320
        var writer = JSONWriter(reservingCapacity: estimate < Self.untrimmedBytes ? estimate : estimate + factCount * 320)
        // The store's JSON: with the store-only members, which the archive's leaves out.
        let archiveLength = record.writeForStore(to: &writer)
        stored = archiveLength
        json = Self.trimmed(writer.bytes)
        var summaryWriter = JSONWriter(reservingCapacity: 1024)
        var recordSummary = RecordSummary(record)
        recordSummary.archiveLength = archiveLength
        recordSummary.write(to: &summaryWriter)
        summary = Self.trimmed(summaryWriter.bytes)
        self.search = search
        facts = Self.facts(of: record)
    }
}
