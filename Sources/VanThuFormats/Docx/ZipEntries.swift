import Foundation
import ZIPFoundation

/// The entries of a zip archive held in memory (a .docx), each read with a cap on its size and
/// checked against its CRC-32. ZIP64 archives (sizes, offsets and counts past 32 bits) are read.
///
/// The directory (end record, ZIP64 end record, central directory, local headers) is parsed here,
/// every offset checked against the bytes before it is followed; the entry's data is inflated and
/// its CRC-32 computed by ZIPFoundation's streaming `Data.decompress`, fed chunk by chunk from the
/// entry's own bytes and stopped by the consumer at the cap.
///
/// Why not ZIPFoundation's `Archive(data:)` and `extract`: on Linux, 0.9.20 traps (the whole
/// process stops: "Range requires lowerBound <= upperBound") when a directory offset points past
/// the end of an in-memory archive, and its inflate loop never ends when a damaged deflate stream
/// runs into the end of the archive (it reads empty chunks forever). Both were reproduced with
/// zips of a few hundred bytes (ZipEntriesTests); a nightly run must quarantine such a file, not die
/// on it.
public struct ZipEntries: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notAZip
        case brokenCentralDirectory
        case missingEntry(String)
        case unsupportedMethod(Int)
        case corrupt(String)
        case tooLarge(limit: Int)
        case checksumMismatch(name: String, stored: UInt32, computed: UInt32)

        public var description: String {
            switch self {
            case .notAZip: return "not a zip archive (no end of central directory)"
            case .brokenCentralDirectory: return "broken zip: the central directory is damaged"
            case .missingEntry(let name): return "the zip has no \(name)"
            case .unsupportedMethod(let method): return "zip entry compressed with unsupported method \(method)"
            case .corrupt(let detail): return "corrupt zip entry: \(detail)"
            case .tooLarge(let limit): return "zip entry inflates to more than \(limit) bytes"
            case .checksumMismatch(let name, let stored, let computed):
                return "corrupt zip entry: \(name) fails its CRC-32 check (the directory says \(Self.hex(stored)), the data gives \(Self.hex(computed)))"
            }
        }

        static func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16)
            return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
        }
    }

    struct Entry: Sendable, Equatable {
        var name: String
        var method: Int
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    let bytes: [UInt8]
    let entries: [Entry]

    public init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        let directory = try Self.centralDirectory(bytes)
        var entries: [Entry] = []
        var position = directory.offset
        let end = directory.offset + directory.size
        for _ in 0..<directory.count {
            guard position + 46 <= end, Self.u32(bytes, position) == 0x02014b50 else { throw .brokenCentralDirectory }
            let nameLength = Self.u16(bytes, position + 28)
            let extraLength = Self.u16(bytes, position + 30)
            let commentLength = Self.u16(bytes, position + 32)
            let next = position + 46 + nameLength + extraLength + commentLength
            guard next <= end else { throw .brokenCentralDirectory }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            var entry = Entry(name: name, method: Self.u16(bytes, position + 10), crc32: UInt32(Self.u32(bytes, position + 16)),
                              compressedSize: Self.u32(bytes, position + 20), uncompressedSize: Self.u32(bytes, position + 24),
                              localHeaderOffset: Self.u32(bytes, position + 42))
            let extra = (position + 46 + nameLength)..<(position + 46 + nameLength + extraLength)
            try Self.applyZIP64(bytes, extra: extra, to: &entry)
            entries.append(entry)
            position = next
        }
        self.entries = entries
    }

    public var names: [String] { entries.map(\.name) }

    /// The inflated bytes of the first entry called `name`, at most `limit` bytes, checked against
    /// the size and CRC-32 the directory gives.
    public func read(_ name: String, limit: Int) throws(Failure) -> [UInt8] {
        guard let entry = entries.first(where: { $0.name == name }) else { throw .missingEntry(name) }
        let header = entry.localHeaderOffset
        guard header >= 0, header <= bytes.count - 30, Self.u32(bytes, header) == 0x04034b50 else {
            throw .corrupt("bad local header for \(name)")
        }
        let start = header + 30 + Self.u16(bytes, header + 26) + Self.u16(bytes, header + 28)
        guard entry.compressedSize >= 0, start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw .corrupt("\(name) runs past the end of the file")
        }
        let data = bytes[start..<(start + entry.compressedSize)]
        let (content, crc): ([UInt8], UInt32)
        switch entry.method {
        case 0:
            guard data.count <= limit else { throw .tooLarge(limit: limit) }
            content = Array(data)
            crc = data.withUnsafeBytes { Data($0) }.crc32(checksum: 0)
        case 8:
            (content, crc) = try Self.inflate(data, limit: limit, expected: entry.uncompressedSize)
        default:
            throw .unsupportedMethod(entry.method)
        }
        guard content.count == entry.uncompressedSize else {
            throw .corrupt("\(name) inflates to \(content.count) bytes, the directory says \(entry.uncompressedSize)")
        }
        guard crc == entry.crc32 else { throw .checksumMismatch(name: name, stored: entry.crc32, computed: crc) }
        return content
    }

    /// Raw deflate through ZIPFoundation, in 64 KiB chunks. The provider hands out the entry's own
    /// bytes and fails once they are used up (a stream that does not end inside its entry is
    /// truncated); ZIPFoundation sets the input length to the chunk size it asked for, so the last
    /// chunk is padded to that size with zeros, which inflate never reaches in a stream that ends
    /// in time. The consumer stops at `limit`.
    /// `expected`, the size the directory gives, is room made at once (within `limit`): a growing
    /// buffer held a 64 MB entry and its 32 MB predecessor at once (issue 14, item 8). A wrong
    /// size only means growing, and fails the check after.
    static func inflate(_ data: ArraySlice<UInt8>, limit: Int, expected: Int = 0) throws(Failure) -> (content: [UInt8], crc: UInt32) {
        enum Stop: Error { case truncated, tooLarge }
        var output: [UInt8] = []
        output.reserveCapacity(min(max(0, expected), limit))
        var offset = data.startIndex
        do {
            let crc = try Data.decompress(size: Int64(data.count), bufferSize: 1 << 16, skipCRC32: false, provider: { _, size in
                guard offset < data.endIndex else { throw Stop.truncated }
                let end = min(offset + size, data.endIndex)
                var chunk = Data(data[offset..<end])
                offset = end
                if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                return chunk
            }, consumer: { chunk in
                guard output.count + chunk.count <= limit else { throw Stop.tooLarge }
                output.append(contentsOf: chunk)
            })
            return (output, crc)
        } catch Stop.truncated {
            throw .corrupt("truncated deflate data")
        } catch Stop.tooLarge {
            throw .tooLarge(limit: limit)
        } catch {
            throw .corrupt("the deflate data is damaged")
        }
    }

    /// Where the central directory is and how many entries it holds: from the end record found in
    /// the last 64 KiB + 22 bytes, or from the ZIP64 end record its locator points to when the end
    /// record's fields are saturated.
    static func centralDirectory(_ bytes: [UInt8]) throws(Failure) -> (offset: Int, size: Int, count: Int) {
        guard bytes.count >= 22 else { throw .notAZip }
        var eocd = -1
        var index = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while index >= lowest {
            if bytes[index] == 0x50 && bytes[index + 1] == 0x4B && bytes[index + 2] == 0x05 && bytes[index + 3] == 0x06 { eocd = index; break }
            index -= 1
        }
        guard eocd >= 0 else { throw .notAZip }
        var count = u16(bytes, eocd + 10)
        var size = u32(bytes, eocd + 12)
        var offset = u32(bytes, eocd + 16)
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // ZIP64: the locator sits just before the end record.
            let locator = eocd - 20
            guard locator >= 0, u32(bytes, locator) == 0x07064b50 else { throw .brokenCentralDirectory }
            let record = u64(bytes, locator + 8)
            guard record >= 0, record <= locator - 56, u32(bytes, record) == 0x06064b50 else { throw .brokenCentralDirectory }
            count = u64(bytes, record + 32)
            size = u64(bytes, record + 40)
            offset = u64(bytes, record + 48)
        }
        guard offset >= 0, size >= 0, count >= 0, offset <= bytes.count, size <= bytes.count - offset, count <= size / 46 + 1 else {
            throw .brokenCentralDirectory
        }
        return (offset, size, count)
    }

    /// The ZIP64 extended information field (id 1) of a central directory entry: its 8-byte
    /// values stand, in this order, for the uncompressed size, the compressed size and the local
    /// header offset, each only where the 32-bit field is saturated.
    static func applyZIP64(_ bytes: [UInt8], extra: Range<Int>, to entry: inout Entry) throws(Failure) {
        guard entry.uncompressedSize == 0xFFFF_FFFF || entry.compressedSize == 0xFFFF_FFFF || entry.localHeaderOffset == 0xFFFF_FFFF else { return }
        var position = extra.lowerBound
        while position + 4 <= extra.upperBound {
            let id = u16(bytes, position)
            let length = u16(bytes, position + 2)
            let body = position + 4
            guard body + length <= extra.upperBound else { break }
            if id == 0x0001 {
                var field = body
                func next() throws(Failure) -> Int {
                    guard field + 8 <= body + length else { throw .brokenCentralDirectory }
                    defer { field += 8 }
                    let value = u64(bytes, field)
                    guard value >= 0 else { throw .brokenCentralDirectory }
                    return value
                }
                if entry.uncompressedSize == 0xFFFF_FFFF { entry.uncompressedSize = try next() }
                if entry.compressedSize == 0xFFFF_FFFF { entry.compressedSize = try next() }
                if entry.localHeaderOffset == 0xFFFF_FFFF { entry.localHeaderOffset = try next() }
                return
            }
            position = body + length
        }
        throw .brokenCentralDirectory
    }

    static func u16(_ b: [UInt8], _ i: Int) -> Int { i >= 0 && i + 2 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : 0 }
    static func u32(_ b: [UInt8], _ i: Int) -> Int {
        i >= 0 && i + 4 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 | Int(b[i + 3]) << 24 : 0
    }
    /// A little-endian 64-bit value; -1 when it does not fit an Int (no archive held in memory is
    /// that large) or lies past the end.
    static func u64(_ b: [UInt8], _ i: Int) -> Int {
        guard i >= 0, i + 8 <= b.count else { return -1 }
        var value: UInt64 = 0
        for k in (0..<8).reversed() { value = value << 8 | UInt64(b[i + k]) }
        return value > UInt64(Int.max) ? -1 : Int(value)
    }
}
