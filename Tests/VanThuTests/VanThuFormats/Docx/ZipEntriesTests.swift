import CVanThuZlib
import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats

/// The zip reader of .docx files: CRC-32 and size checks, ZIP64, caps, and the hostile zips that
/// stop ZIPFoundation's own `Archive(data:)` (a trap on an offset past the end, an endless loop on
/// a deflate stream that runs into the end of the archive).
struct ZipEntriesTests {
    static let xml = Array("<w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>Ủy ban nhân dân xã Tân Hòa</w:t></w:r></w:p></w:body></w:document>".utf8)

    static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
    static func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16 & 0xFFFF) }
    static func le64(_ v: Int) -> [UInt8] { le32(v & 0xFFFF_FFFF) + le32(v >> 32 & 0xFFFF_FFFF) }
    static func crc(_ data: [UInt8]) -> Int { data.withUnsafeBufferPointer { Int(crc32(0, $0.baseAddress, UInt32($0.count))) } }
    static func deflate(_ data: [UInt8]) -> [UInt8] {
        let gz = try! Gzip.compress(data)
        return Array(gz[10..<(gz.count - 8)])
    }

    /// A zip of one entry: stored or deflated, with the ZIP64 records (every 32-bit field of the
    /// directory saturated, the values in the extra field) when `zip64` is set.
    static func zip(_ name: String, _ data: [UInt8], deflated: Bool = true, zip64: Bool = false, crcOverride: Int? = nil) -> [UInt8] {
        let body = deflated ? deflate(data) : data
        let method = deflated ? 8 : 0
        let nameBytes = Array(name.utf8)
        let checksum = crcOverride ?? crc(data)
        var out = le32(0x04034b50) + le16(zip64 ? 45 : 20) + le16(0) + le16(method) + le16(0) + le16(0) + le32(checksum)
            + le32(body.count) + le32(data.count) + le16(nameBytes.count) + le16(0) + nameBytes + body
        let extra = zip64 ? le16(1) + le16(24) + le64(data.count) + le64(body.count) + le64(0) : []
        let central = le32(0x02014b50) + le16(45) + le16(45) + le16(0) + le16(method) + le16(0) + le16(0) + le32(checksum)
            + le32(zip64 ? 0xFFFF_FFFF : body.count) + le32(zip64 ? 0xFFFF_FFFF : data.count) + le16(nameBytes.count)
            + le16(extra.count) + le16(0) + le16(0) + le16(0) + le32(0) + le32(zip64 ? 0xFFFF_FFFF : 0) + nameBytes + extra
        let centralOffset = out.count
        out += central
        if zip64 {
            let record = out.count
            out += le32(0x06064b50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0) + le64(1) + le64(1)
                + le64(central.count) + le64(centralOffset)
            out += le32(0x07064b50) + le32(0) + le64(record) + le32(1)
            out += le32(0x06054b50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(0)
        } else {
            out += le32(0x06054b50) + le16(0) + le16(0) + le16(1) + le16(1) + le32(central.count) + le32(centralOffset) + le16(0)
        }
        return out
    }

    func failure(_ bytes: [UInt8], limit: Int = 1 << 20) -> ZipEntries.Failure? {
        do {
            _ = try ZipEntries(bytes).read("word/document.xml", limit: limit)
            return nil
        } catch {
            return error
        }
    }

    @Test func storedDeflatedAndZIP64EntriesAreRead() throws {
        for deflated in [false, true] {
            for zip64 in [false, true] {
                let bytes = Self.zip("word/document.xml", Self.xml, deflated: deflated, zip64: zip64)
                #expect(try ZipEntries(bytes).read("word/document.xml", limit: 1 << 20) == Self.xml, "deflated \(deflated), zip64 \(zip64)")
            }
        }
        let docx = Self.zip("word/document.xml", Self.xml, zip64: true)
        #expect(try DocxReader().text(from: docx, limit: 1 << 20) == "Ủy ban nhân dân xã Tân Hòa")
    }

    @Test func aCorruptedEntryFailsItsCRC() throws {
        var bytes = Self.zip("word/document.xml", Self.xml, deflated: false)
        // One letter of the stored text changed: same size, other checksum.
        let at = 30 + "word/document.xml".utf8.count + 60
        bytes[at] ^= 0x01
        guard case .checksumMismatch(let name, let stored, let computed) = failure(bytes) else { Issue.record("a corrupted entry was read"); return }
        #expect(name == "word/document.xml")
        #expect(Int(stored) == Self.crc(Self.xml))
        #expect(stored != computed)
        // The same through the pipeline: quarantined with the reason.
        guard case .failure(let quarantined) = TestSupport.process(bytes, name: "hong.docx") else { Issue.record("archived"); return }
        #expect(quarantined.reason.hasPrefix("broken .docx: corrupt zip entry: word/document.xml fails its CRC-32 check"))
        // A wrong checksum in the directory is caught the same way, deflated.
        #expect(failure(Self.zip("word/document.xml", Self.xml, crcOverride: 12345))
                == .checksumMismatch(name: "word/document.xml", stored: 12345, computed: UInt32(Self.crc(Self.xml))))
    }

    @Test func aSizeTheDirectoryMisstatesIsRefused() throws {
        var bytes = Self.zip("word/document.xml", Self.xml)
        // The central directory's uncompressed size, one less than the truth.
        let central = bytes.count - 22 - (46 + "word/document.xml".utf8.count)
        bytes[central + 24] &-= 1
        guard case .corrupt(let detail) = failure(bytes) else { Issue.record("a misstated size was accepted"); return }
        #expect(detail.contains("the directory says"))
    }

    /// ZIPFoundation's `Archive(data:)` stops the process on this one ("Range requires lowerBound
    /// <= upperBound"): the directory and the local header point far past the end.
    @Test func offsetsPastTheEndAreRefusedNotFollowed() {
        var bytes = Self.zip("word/document.xml", Self.xml)
        let eocd = bytes.count - 22
        var pastCentral = bytes
        pastCentral.replaceSubrange((eocd + 16)..<(eocd + 20), with: Self.le32(0x7FFF_0000))
        #expect(failure(pastCentral) == .brokenCentralDirectory)
        let central = eocd - (46 + "word/document.xml".utf8.count)
        bytes.replaceSubrange((central + 42)..<(central + 46), with: Self.le32(0x7FFF_0000))
        #expect(failure(bytes) == .corrupt("bad local header for word/document.xml"))
        // ZIP64 values past anything an Int holds.
        var huge = Self.zip("word/document.xml", Self.xml, zip64: true)
        // The extra field's compressed size: 16 bytes before the end of the central directory,
        // which the ZIP64 end record (56 bytes), its locator (20) and the end record (22) follow.
        let compressedSize = huge.count - 22 - 20 - 56 - 16
        huge.replaceSubrange(compressedSize..<(compressedSize + 8), with: [UInt8](repeating: 0xFF, count: 8))
        #expect(failure(huge) == .brokenCentralDirectory)
    }

    /// ZIPFoundation's inflate loop never ends on this one: a stored deflate block that promises
    /// 65 535 bytes and holds 12 runs into the end of the archive.
    @Test func aDeflateStreamThatDoesNotEndInItsEntryIsTruncated() {
        let name = Array("word/document.xml".utf8)
        let data: [UInt8] = [0x00] + Self.le16(65535) + Self.le16(0) + Array("<w:document>".utf8)
        let local = Self.le32(0x04034b50) + Self.le16(20) + Self.le16(0) + Self.le16(8) + Self.le16(0) + Self.le16(0) + Self.le32(0x1234_5678)
            + Self.le32(data.count) + Self.le32(65535) + Self.le16(name.count) + Self.le16(0) + name + data
        let central = Self.le32(0x02014b50) + Self.le16(20) + Self.le16(20) + Self.le16(0) + Self.le16(8) + Self.le16(0) + Self.le16(0)
            + Self.le32(0x1234_5678) + Self.le32(data.count) + Self.le32(65535) + Self.le16(name.count) + Self.le16(0) + Self.le16(0)
            + Self.le16(0) + Self.le16(0) + Self.le32(0) + Self.le32(0) + name
        let bytes = local + central + Self.le32(0x06054b50) + Self.le16(0) + Self.le16(0) + Self.le16(1) + Self.le16(1)
            + Self.le32(central.count) + Self.le32(local.count) + Self.le16(0)
        let started = Date()
        #expect(failure(bytes) == .corrupt("truncated deflate data"))
        #expect(Date().timeIntervalSince(started) < 5)
        // A damaged stream: the same entry with its block type bits set to the reserved value.
        var damaged = Self.zip("word/document.xml", Self.xml)
        damaged[30 + name.count] |= 0x06
        #expect(failure(damaged) == .corrupt("the deflate data is damaged"))
    }

    /// Issue 14: a few hundred bytes that inflate to 100 MB stop at the cap, without holding more.
    @Test func aZipBombStopsAtTheCap() {
        let bomb = Self.zip("word/document.xml", [UInt8](repeating: 0x20, count: 100 << 20))
        #expect(bomb.count < 200_000)
        let started = Date()
        #expect(failure(bomb, limit: 1 << 20) == .tooLarge(limit: 1 << 20))
        #expect(Date().timeIntervalSince(started) < 5)
        var stored = Self.zip("word/document.xml", [UInt8](repeating: 0x20, count: 2 << 20), deflated: false)
        #expect(failure(stored, limit: 1 << 20) == .tooLarge(limit: 1 << 20))
        stored.removeLast(30)
        #expect(failure(stored) == .notAZip)
        #expect(failure(Array("PK not a zip".utf8)) == .notAZip)
        #expect(failure(Self.zip("word/other.xml", Self.xml)) == .missingEntry("word/document.xml"))
    }
}
