import Foundation
import GRDB
import struct VanThuExtract.Record
import Testing
@testable import VanThuText
@testable import VanThuExtract
@testable import VanThuFormats
@testable import VanThuStore
@testable import VanThuPipeline

/// The record's members are listed once (`Record.fields` and the facts' `fields`): the writer, the
/// reader, the store writer's row, the summary's counts and the golden comparer all come from
/// those lists, and a member an older version did not write is read as its default.
struct RecordSchemaTests {
    /// A record with every member set: each optional given, each list non-empty.
    static func fullRecord() -> Record {
        var source = SourceInfo(path: "thu-muc/cv-7.txt", sha256: String(repeating: "ab", count: 32), bytes: 4321,
                                format: "text", encoding: "utf-8", alsoAt: ["ban-sao/cv-7.txt"], root: "/du-lieu")
        source.root = "/du-lieu"
        var record = Record(
            id: "abababababababab", source: source, kind: .dispatch, kindReasons: ["dispatch.number", "dispatch.motto"],
            title: "Kế hoạch tổ chức hội thi \"Dân vận khéo\"", date: "2025-04-09",
            header: DispatchHeader(number: "7-KH/ĐU", documentType: "Kế hoạch", issuer: "Đảng ủy xã Hòa Lạc",
                                   superiorBody: "Đảng bộ huyện Sông Mây", place: "Hòa Lạc", date: "2025-04-09",
                                   subject: "tổ chức hội thi", recipients: ["Các chi bộ"], copyTo: ["Lưu"],
                                   signer: Signer(name: "Đinh Văn Tùng", position: "Bí thư", authority: "T/M Đảng ủy")),
            units: [UnitFact(name: "Đảng ủy xã Hòa Lạc", key: "đảng ủy xã hòa lạc", mentions: [[10, 28], [90, 108]])],
            people: [PersonFact(name: "Đinh Văn Tùng", position: "Bí thư", unit: "Đảng ủy xã Hòa Lạc", start: 200, end: 213, rule: "p.sign")],
            dates: [DateFact(text: "ngày 9 tháng 4 năm 2025", value: "2025-04-09", precision: .day, start: 30, end: 53, rule: "d.full")],
            periods: [PeriodFact(text: "giai đoạn 2025-2030", from: "2025", to: "2030", start: 60, end: 79, rule: "p.span")],
            deadlines: [DeadlineFact(text: "trước ngày 30/5/2025", due: "2025-05-30", recurrence: .yearly, action: "báo cáo",
                                     to: "Ban Dân vận", anchor: "ngày ký", start: 120, end: 140, rule: "dl.before")],
            modelCounts: [ModelCountFact(text: "12 mô hình", count: 12, approximate: true, lowerBound: 10, upperBound: 15,
                                         status: .registered, field: "economy", year: 2025, scope: "xã Hòa Lạc",
                                         recognizedBy: "Ban Dân vận", holder: "collective", partOf: 0,
                                         breakdownMismatch: true, start: 150, end: 160, rule: "mc.count")],
            references: [ReferenceFact(text: "Kế hoạch số 3-KH/HU", id: "3-KH/HU", type: "Kế hoạch", date: "2025-01-02",
                                       issuer: "Huyện ủy", start: 170, end: 189, rule: "ref.number")],
            text: "Dòng một\nDòng hai có \"ngoặc\" và \\ gạch\t.")
        record.titleRule = "h1"
        record.dateSource = "byline"
        record.gone = true
        record.pages = PageProvenance(count: 2, textOrigin: "mixed", ocrConfidence: 91, failedPages: [2], signatures: 1, signers: ["Đinh Văn Tùng"], created: "2024-02-29")
        record.droppedLines = [ChromeFilter.DroppedLine(rule: "chrome.counter", text: "Đang truy cập: 41", line: 0)]
        return record
    }

    /// The JSON the store keeps: with the store-only members.
    static func storeBytes(_ value: some JSONSchemaObject) -> [UInt8] {
        var writer = JSONWriter()
        value.writeForStore(to: &writer)
        return writer.bytes
    }

    static func bytes(_ value: some JSONWritable) -> [UInt8] {
        var writer = JSONWriter()
        value.write(to: &writer)
        return writer.bytes
    }

    static func members(_ bytes: [UInt8]) throws -> [(key: String, value: JSONValue)] {
        try JSONObject(JSONValue.parse(bytes)).members
    }

    static func withoutMember(_ key: String, in bytes: [UInt8]) throws -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        for member in try members(bytes) where member.key != key {
            writer.key(member.key)
            writer.raw(Array(JSONValueWriter.bytes(member.value)))
        }
        writer.endObject()
        return writer.bytes
    }

    /// Each type's stored properties are exactly the members its `fields` list: a property added
    /// without its line would be neither written nor read.
    @Test func everyStoredPropertyIsAMember() {
        func check<T: JSONSchemaObject>(_ value: T) {
            let properties = Mirror(reflecting: value).children.compactMap(\.label)
            #expect(properties == T.fields.map(\.key), "\(T.self)")
        }
        let record = Self.fullRecord()
        check(record)
        check(record.source)
        check(record.header!)
        check(record.header!.signer!)
        check(record.pages!)
        check(record.units[0]); check(record.people[0]); check(record.dates[0]); check(record.periods[0])
        check(record.deadlines[0]); check(record.modelCounts[0]); check(record.references[0])
        check(record.droppedLines[0])
        let summary = RecordSummary(record)
        check(summary); check(summary.units[0]); check(summary.deadlines[0])
    }

    @Test func aRecordReadsBackAsWritten() throws {
        let record = Self.fullRecord()
        let written = Self.storeBytes(record)
        let read = try Record(jsonBytes: written)
        #expect(read == record)
        #expect(Self.storeBytes(read) == written)
        // Foundation's decoder reads through the same list.
        #expect(try JSONDecoder().decode(Record.self, from: Data(written)) == record)
        let summary = RecordSummary(record)
        #expect(try RecordSummary(jsonBytes: Self.bytes(summary)) == summary)
    }

    /// The archive's layout: members in the list's order; `titleRule`, `dateSource` and
    /// `source.root` only when set, `alsoAt` only when not empty, `gone` only when true.
    @Test func theWriterKeepsTheArchiveLayout() throws {
        var record = Record(id: "0123456789abcdef", source: SourceInfo(path: "a.txt", sha256: "ff", bytes: 3, format: "text", encoding: "utf-8"),
                                   kind: .news, title: "Tin", text: "x")
        record.gone = false
        #expect(String(decoding: Self.bytes(record), as: UTF8.self) == """
            {"id":"0123456789abcdef","source":{"path":"a.txt","sha256":"ff","bytes":3,"format":"text","encoding":"utf-8"},\
            "kind":"news","kindReasons":[],"title":"Tin","date":null,"header":null,"units":[],"people":[],"dates":[],\
            "periods":[],"deadlines":[],"modelCounts":[],"references":[],"text":"x"}
            """)
        let full = try Self.members(Self.bytes(Self.fullRecord())).map(\.key)
        #expect(full == Record.fields.filter { !$0.roles.contains(.storeOnly) }.map(\.key))
        let stored = try Self.members(Self.storeBytes(Self.fullRecord())).map(\.key)
        #expect(stored == Record.fields.map(\.key))
    }

    /// Store-only members (the chrome lines dropped) are kept by the store and read back with the
    /// record, but cut from what the archive files and the API show; they come last in the list.
    @Test func storeOnlyMembersAreStoredButNotArchived() throws {
        let record = Self.fullRecord()
        var writer = JSONWriter()
        let length = try #require(record.writeForStore(to: &writer))
        let stored = writer.bytes
        #expect(String(decoding: stored, as: UTF8.self).hasSuffix(#","droppedLines":[{"line":0,"rule":"chrome.counter","text":"Đang truy cập: 41"}]}"#))
        #expect(Record.archivedJSON(ofStored: stored, length: length) == Self.bytes(record))
        #expect(try Record(jsonBytes: stored).droppedLines == record.droppedLines)
        #expect(try Record(jsonBytes: Self.bytes(record)).droppedLines.isEmpty)
        // Without a dropped line, the store's JSON is the archive's.
        var plain = record
        plain.droppedLines = []
        var plainWriter = JSONWriter()
        #expect(plain.writeForStore(to: &plainWriter) == nil)
        #expect(plainWriter.bytes == Self.bytes(plain))
        #expect(Record.archivedJSON(ofStored: plainWriter.bytes, length: nil) == plainWriter.bytes)
        let storeOnly = Record.fields.map { $0.roles.contains(.storeOnly) }
        #expect(storeOnly.drop(while: { !$0 }).allSatisfy { $0 }, "store-only members come last")
    }

    /// Through the store: the record read back keeps its dropped lines, the export does not.
    @Test func theStoreKeepsTheDroppedLinesAndTheExportLeavesThemOut() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var record = try ArchiveStoreTests.record()
        record.droppedLines = [ChromeFilter.DroppedLine(rule: "chrome.contact", text: "Fax: 0233 3555 777", line: 9)]
        let store = try ArchiveStore(folder: folder)
        let prepared = PreparedRecord(record, folded: nil)
        var batch = ArchiveStore.Batch()
        batch.archived.append(.init(prepared.forStore, ArchiveStore.SourceRow(
            location: "/du-lieu/cv.txt", root: "/du-lieu", path: record.source.path, size: 10, mtime: 1, sha256: record.source.sha256,
            documentId: record.id, status: .archived, extractorVersion: "v")))
        try store.apply(batch, run: 1, extractorVersion: "v")
        #expect(try store.record(id: record.id)?.droppedLines == record.droppedLines)
        var exported: [(RecordSummary, [UInt8])] = []
        try store.forEachRecord { exported.append(($0, $1)) }
        #expect(exported.count == 1)
        let (summary, json) = try #require(exported.first)
        #expect(json == Self.bytes(record))
        #expect(summary == RecordSummary(record))
        let text = String(decoding: json, as: UTF8.self)
        #expect(!text.contains("Fax"))
    }

    /// Each member but the required ones may be missing (a version that did not know it wrote
    /// the record): it is read as the blank record's value. Required ones are refused by name.
    @Test func aMissingMemberReadsAsItsDefault() throws {
        let record = Self.fullRecord()
        let written = Self.storeBytes(record)
        for field in Record.fields {
            let stripped = try Self.withoutMember(field.key, in: written)
            let requiredKeys: Set<String> = ["id", "source"]
            if requiredKeys.contains(field.key) {
                #expect(throws: JSONValue.ParseError.self) { try Record(jsonBytes: stripped) }
                continue
            }
            let read = try Record(jsonBytes: stripped)
            #expect(field.value(read) == field.value(Record.blank), "\(field.key)")
            for other in Record.fields where other.key != field.key {
                #expect(other.value(read) == other.value(record), "\(other.key) without \(field.key)")
            }
        }
        // Inside a fact too.
        let count = Self.bytes(record.modelCounts[0])
        let read = try ModelCountFact(jsonBytes: Self.withoutMember("breakdownMismatch", in: count))
        #expect(read.breakdownMismatch == false && read.count == 12)
    }

    /// What a newer version adds to a type's list reaches its writer, its reader and its old
    /// records' defaults with no other edit (shown on a type made for the test).
    @Test func aMemberAddedToTheListFlowsEverywhere() throws {
        let old = SampleV1(name: "Tổ tự quản", size: 4)
        let oldBytes = Self.bytes(old)
        #expect(String(decoding: oldBytes, as: UTF8.self) == #"{"name":"Tổ tự quản","size":4}"#)
        let upgraded = try SampleV2(jsonBytes: oldBytes)
        #expect(upgraded == SampleV2(name: "Tổ tự quản", size: 4, tags: ["mới"]))
        var changed = upgraded
        changed.tags = ["đổi"]
        #expect(String(decoding: Self.bytes(changed), as: UTF8.self) == #"{"name":"Tổ tự quản","size":4,"tags":["đổi"]}"#)
        #expect(try SampleV2(jsonBytes: Self.bytes(changed)) == changed)
        #expect(changed.memberCounts == ["tags": 1])
        // And an older reader ignores the member it does not know.
        #expect(try SampleV1(jsonBytes: Self.bytes(changed)) == old)
    }

    /// The golden comparer compares every member of the record it has no looser rule for: a
    /// wrong value of any of them is reported, the right one is not.
    @Test func theGoldenComparerSeesEveryMember() throws {
        let record = Self.fullRecord()
        for field in Record.fields where !FixtureGoldenTests.matchedLoosely.contains(field.key) {
            let right = try JSONSerialization.jsonObject(with: Data(JSONValueWriter.bytes(field.value(record))), options: [.fragmentsAllowed])
            #expect(FixtureGoldenTests.compare(record, [field.key: right]).isEmpty, "\(field.key)")
            let wrong = FixtureGoldenTests.compare(record, [field.key: "không phải giá trị này"])
            #expect(wrong.count == 1 && wrong[0].hasPrefix(field.key), "\(field.key): \(wrong)")
        }
        #expect(FixtureGoldenTests.compare(record, ["tieuDe": "x"]).count == 1)
    }

    /// The store writer's queue keeps only the members marked `storeRow`.
    @Test func theStoreRowKeepsItsColumnsOnly() {
        let record = Self.fullRecord()
        let row = PreparedRecord(record, folded: nil).forStore.record
        for field in Record.fields {
            let kept = field.roles.contains(.storeRow)
            #expect(field.value(row) == field.value(kept ? record : Record.blank), "\(field.key)")
        }
        #expect(row.text.isEmpty && row.units.isEmpty && row.header == nil && row.id == record.id && row.source == record.source)
    }

    @Test func factCountsComeFromTheCountedMembers() {
        let record = Self.fullRecord()
        #expect(record.factCounts == ["units": 1, "people": 1, "dates": 1, "periods": 1, "deadlines": 1, "modelCounts": 1,
                                      "references": 1, "header": 1])
        #expect(Record.blank.factCounts.values.allSatisfy { $0 == 0 })
    }

    /// A store written by a version that did not know some members (the record, a fact and the
    /// summary each lack one) still opens: lookup, export and the search index read them with
    /// their defaults.
    @Test func aStoreFromAnOlderVersionStillOpens() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = try ArchiveStoreTests.record()
        #expect(!record.kindReasons.isEmpty && !record.modelCounts.isEmpty)
        do {
            let store = try ArchiveStore(folder: folder)
            let prepared = PreparedRecord(record, folded: nil)
            var batch = ArchiveStore.Batch()
            batch.archived.append(.init(prepared.forStore, ArchiveStore.SourceRow(
                location: "/du-lieu/cv.txt", root: "/du-lieu", path: "cv.txt", size: 10, mtime: 1, sha256: record.source.sha256,
                documentId: record.id, status: .archived, extractorVersion: "old")))
            try store.apply(batch, run: 1, extractorVersion: "old")
        }
        // As an older version would have written them: no `kindReasons`, model counts without
        // `breakdownMismatch`, a summary without `references`.
        var old = try Self.withoutMember("kindReasons", in: Self.bytes(record))
        var counts = JSONWriter()
        counts.beginArray()
        for fact in record.modelCounts { counts.raw(try Self.withoutMember("breakdownMismatch", in: Self.bytes(fact))) }
        counts.endArray()
        old = try Self.replacingMember("modelCounts", in: old, with: counts.bytes)
        let oldSummary = try Self.withoutMember("references", in: Self.bytes(RecordSummary(record)))
        #expect(!String(decoding: old, as: UTF8.self).contains("breakdownMismatch"))
        do {
            let queue = try DatabaseQueue(path: folder.appendingPathComponent(ArchiveStore.fileName).path)
            try queue.write { db in
                try db.execute(sql: "UPDATE documents SET record = ?, summary = ? WHERE id = ?",
                               arguments: [Data(old), Data(oldSummary), record.id])
            }
        }
        let store = try ArchiveStore(folder: folder)
        let read = try #require(try store.record(id: record.id))
        var expected = record
        expected.kindReasons = []
        #expect(read == expected)
        var exported: [(RecordSummary, [UInt8])] = []
        try store.forEachRecord { exported.append(($0, $1)) }
        var expectedSummary = RecordSummary(record)
        expectedSummary.references = []
        #expect(exported.map(\.0) == [expectedSummary])
        #expect(try store.reconcileSearchIndex().added == 1)
    }

    static func replacingMember(_ key: String, in bytes: [UInt8], with value: [UInt8]) throws -> [UInt8] {
        var writer = JSONWriter()
        writer.beginObject()
        for member in try members(bytes) {
            writer.key(member.key)
            writer.raw(member.key == key ? value : JSONValueWriter.bytes(member.value))
        }
        writer.endObject()
        return writer.bytes
    }
}

/// Writes a parsed tree back (for taking members out of written JSON in tests).
enum JSONValueWriter {
    static func bytes(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter()
        write(value, &writer)
        return writer.bytes
    }

    static func write(_ value: JSONValue, _ writer: inout JSONWriter) {
        switch value {
        case .null: writer.null()
        case .bool(let b): writer.bool(b)
        case .int(let i): writer.int(i)
        case .double(let d): writer.double(d)
        case .string(let s): writer.string(s)
        case .array(let items):
            writer.beginArray()
            for item in items { write(item, &writer) }
            writer.endArray()
        case .object(let members):
            writer.beginObject()
            for (key, item) in members { writer.key(key); write(item, &writer) }
            writer.endObject()
        }
    }
}

/// A type as a first version wrote it …
struct SampleV1: JSONSchemaObject, Equatable {
    var name: String
    var size: Int
    static let fields: [JSONField<SampleV1>] = [.required("name", \.name), .member("size", \.size, default: 0)]
    static var blank: SampleV1 { SampleV1(name: "", size: 0) }
}

/// … and the next version, with one line more.
struct SampleV2: JSONSchemaObject, Equatable {
    var name: String
    var size: Int
    var tags: [String]
    static let fields: [JSONField<SampleV2>] = [
        .required("name", \.name), .member("size", \.size, default: 0),
        .member("tags", \.tags, default: ["mới"], count: { $0.count }),
    ]
    static var blank: SampleV2 { SampleV2(name: "", size: 0, tags: []) }
}
