import VanThuText


/// Just enough of the zip format to read one member of a .docx: the central directory, local
/// headers, stored and deflated entries (zlib raw inflate), with a cap on the inflated size.
public struct ZipArchive: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notAZip
        case brokenCentralDirectory
        case missingEntry(String)
        case unsupportedMethod(Int)
        case corrupt(String)
        case tooLarge(limit: Int)

        public var description: String {
            switch self {
            case .notAZip: return "not a zip archive (no end of central directory)"
            case .brokenCentralDirectory: return "broken zip: the central directory is damaged"
            case .missingEntry(let name): return "the zip has no \(name)"
            case .unsupportedMethod(let method): return "zip entry compressed with unsupported method \(method)"
            case .corrupt(let detail): return "corrupt zip entry: \(detail)"
            case .tooLarge(let limit): return "zip entry inflates to more than \(limit) bytes"
            }
        }
    }

    package struct Entry: Sendable {
        package var name: String
        package var method: Int
        package var compressedSize: Int
        package var uncompressedSize: Int
        package var localHeaderOffset: Int
    }

    package let bytes: [UInt8]
    package let entries: [Entry]

    public init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
        guard bytes.count >= 22 else { throw .notAZip }
        var eocd = -1
        var index = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while index >= lowest {
            if bytes[index] == 0x50 && bytes[index + 1] == 0x4B && bytes[index + 2] == 0x05 && bytes[index + 3] == 0x06 { eocd = index; break }
            index -= 1
        }
        guard eocd >= 0 else { throw .notAZip }
        let count = Self.u16(bytes, eocd + 10)
        let size = Self.u32(bytes, eocd + 12)
        let offset = Self.u32(bytes, eocd + 16)
        guard offset + size <= eocd, offset >= 0 else { throw .brokenCentralDirectory }
        var entries: [Entry] = []
        var position = offset
        for _ in 0..<count {
            guard position + 46 <= bytes.count, Self.u32(bytes, position) == 0x02014b50 else { throw .brokenCentralDirectory }
            let method = Self.u16(bytes, position + 10)
            let compressed = Self.u32(bytes, position + 20)
            let uncompressed = Self.u32(bytes, position + 24)
            let nameLength = Self.u16(bytes, position + 28)
            let extraLength = Self.u16(bytes, position + 30)
            let commentLength = Self.u16(bytes, position + 32)
            let local = Self.u32(bytes, position + 42)
            guard position + 46 + nameLength <= bytes.count else { throw .brokenCentralDirectory }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            entries.append(Entry(name: name, method: method, compressedSize: compressed, uncompressedSize: uncompressed, localHeaderOffset: local))
            position += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    public var names: [String] { entries.map(\.name) }

    /// The inflated bytes of entry `name`, at most `limit` bytes.
    public func read(_ name: String, limit: Int) throws(Failure) -> [UInt8] {
        guard let entry = entries.first(where: { $0.name == name }) else { throw .missingEntry(name) }
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, Self.u32(bytes, header) == 0x04034b50 else { throw .corrupt("bad local header for \(name)") }
        let start = header + 30 + Self.u16(bytes, header + 26) + Self.u16(bytes, header + 28)
        guard start + entry.compressedSize <= bytes.count else { throw .corrupt("\(name) runs past the end of the file") }
        let data = Array(bytes[start..<(start + entry.compressedSize)])
        switch entry.method {
        case 0:
            guard data.count <= limit else { throw .tooLarge(limit: limit) }
            return data
        case 8:
            return try Self.inflateRaw(data, limit: limit)
        default:
            throw .unsupportedMethod(entry.method)
        }
    }

    package static func inflateRaw(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        do {
            return try Gzip.inflate(input, windowBits: -15, limit: limit, members: false)
        } catch {
            switch error {
            case .tooLarge(let limit): throw .tooLarge(limit: limit)
            case .truncated: throw .corrupt("truncated deflate data")
            case .zlib(let message): throw .corrupt(message)
            }
        }
    }

    package static func u16(_ b: [UInt8], _ i: Int) -> Int { i + 2 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 : 0 }
    package static func u32(_ b: [UInt8], _ i: Int) -> Int {
        i + 4 <= b.count ? Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 | Int(b[i + 3]) << 24 : 0
    }
}
