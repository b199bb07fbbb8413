#if canImport(Glibc)
import Glibc
#endif
import Foundation
import VanThuText

/// Reads a file's bytes (within the size limit), computes its SHA-256 and recognises its format
/// from the bytes (the name decides only which files are read). Empty, oversized and unreadable
/// files fail here.
public struct IngestStage: Stage {
    public var name: StageName { .ingest }
    public var maxFileBytes: Int

    public init(maxFileBytes: Int) { self.maxFileBytes = maxFileBytes }

    /// Formats recognised by file extension; everything else is quarantined as unsupported.
    public static let formatsByExtension: [String: String] = [
        "txt": "text", "text": "text", "": "text",
        "html": "html", "htm": "html", "xhtml": "html", "shtml": "html", "aspx": "html", "asp": "html", "php": "html", "jsp": "html",
        "docx": "docx",
    ]

    package static func format(ofExtension ext: String) throws(StageFailure) -> String {
        guard let format = formatsByExtension[ext] else {
            let known = formatsByExtension.keys.filter { !$0.isEmpty }.sorted().map { "." + $0 }.joined(separator: ", ")
            throw StageFailure(.ingest, "unsupported format \".\(ext)\" (supported: \(known), .gz of those, and files without extension)")
        }
        return format
    }

    /// The name says which files are read (an unknown extension is refused unread); the bytes say
    /// what they are: gzip by its magic number whatever the name (`page.html` saved compressed),
    /// then a zip holding `word/document.xml` is a .docx, markup is HTML and anything else is text.
    public func run(_ file: SourceFile) throws(StageFailure) -> RawDocument {
        if let refusal = file.refusal { throw StageFailure(.ingest, refusal) }
        // The format first: an unsupported file is not read.
        _ = try Self.format(of: file)
        let bytes = try Self.read(file.fileSystemPath, limit: maxFileBytes)
        return try document(bytes, of: file)
    }

    /// The format of a file by its name: `a.html.gz` is HTML inside gzip.
    package static func format(of file: SourceFile) throws(StageFailure) -> (format: String, gzipped: Bool) {
        let ext = file.fileExtension
        let namedGzip = ext == "gz" || ext == "gzip"
        // A gzip file's format is its inner name's: a.html.gz is HTML.
        let innerExtension = namedGzip ? URL(fileURLWithPath: file.path).deletingPathExtension().pathExtension.lowercased() : ext
        return (try Self.format(ofExtension: innerExtension), namedGzip)
    }

    /// A file's bytes as read, unwrapped from gzip and .docx within `maxFileBytes`; the bytes say
    /// what they are (gzip by its magic number, then .docx, markup or text).
    public func document(_ bytes: [UInt8], of file: SourceFile) throws(StageFailure) -> RawDocument {
        let (named, namedGzip) = try Self.format(of: file)
        guard !bytes.isEmpty else { throw StageFailure(.ingest, "empty file") }
        var updated = file
        updated.size = bytes.count
        let sha = SHA256.hex(bytes)
        var content = bytes
        let gzipped = namedGzip || Self.isGzip(bytes)
        if gzipped {
            do { content = try Gzip.decompress(bytes, limit: maxFileBytes) } catch {
                throw StageFailure(.ingest, "bad gzip: \(error.description)")
            }
            guard !content.isEmpty else { throw StageFailure(.ingest, "empty file inside gzip") }
        }
        var format = Self.sniff(content, named: named)
        if format == "docx" {
            content = Array(try DocxReader().text(from: content, limit: maxFileBytes).utf8)
        }
        if gzipped { format += "+gzip" }
        return RawDocument(file: updated, bytes: content, sha256: sha, format: format, fileSize: bytes.count)
    }

    package static func isGzip(_ bytes: [UInt8]) -> Bool { bytes.count >= 10 && bytes[0] == 0x1F && bytes[1] == 0x8B && bytes[2] == 8 }

    /// The format of a file's content: magic numbers first, then markup; the name's format when
    /// the bytes say nothing more (a .docx that is not a zip is still refused as a .docx).
    package static func sniff(_ bytes: [UInt8], named: String) -> String {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let head = bytes.prefix(1 << 16)
            return named == "docx" || contains(head, Array("word/document.xml".utf8)) ? "docx" : named
        }
        if named == "docx" { return named }
        if startsWithMarkup(bytes) { return "html" }
        // Named HTML without a single tag in it is text.
        if named == "html", !hasTag(bytes.prefix(1 << 16)) { return "text" }
        return named
    }

    /// Whether the content begins as an HTML page does (after a byte order mark, white space and
    /// comments): a doctype, `<html`, `<head`, `<body`, or an XML declaration followed by `<html`.
    package static func startsWithMarkup(_ bytes: [UInt8]) -> Bool {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let head = Array(bytes.prefix(4096))
        func lowered(_ at: Int, _ count: Int) -> String {
            String(decoding: head[min(at, head.count)..<min(at + count, head.count)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        while index < head.count {
            while index < head.count, head[index] <= 0x20 { index += 1 }
            if lowered(index, 4) == "<!--" {
                guard let end = find(head, Array("-->".utf8), from: index + 4) else { return false }
                index = end + 3
                continue
            }
            let start = lowered(index, 14)
            if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.hasPrefix("<head") || start.hasPrefix("<body") {
                return true
            }
            if start.hasPrefix("<?xml") { return lowered(index, head.count).contains("<html") }
            return false
        }
        return false
    }

    /// Whether the bytes hold an element tag (`<p`, `</div`, `<br`).
    package static func hasTag(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            let next = open + 1
            guard next < bytes.endIndex else { return false }
            let byte = bytes[next] | 0x20
            if (byte >= 0x61 && byte <= 0x7A) || bytes[next] == UInt8(ascii: "/") || bytes[next] == UInt8(ascii: "!") { return true }
            index = next
        }
        return false
    }

    package static func contains(_ bytes: ArraySlice<UInt8>, _ part: [UInt8]) -> Bool { find(Array(bytes), part, from: 0) != nil }

    package static func find(_ bytes: [UInt8], _ part: [UInt8], from: Int) -> Int? {
        guard let first = part.first, bytes.count >= part.count else { return nil }
        var index = from
        while index + part.count <= bytes.count {
            if bytes[index] == first && bytes[index..<(index + part.count)].elementsEqual(part) { return index }
            index += 1
        }
        return nil
    }

    /// Reads a whole file with POSIX calls: one open, one fstat, reads straight into the buffer.
    /// Refuses a file over `limit` bytes before reading it, and stops when it grows past the limit
    /// while being read. Only a regular file is read: the open does not block (a FIFO swapped in
    /// since the walk would otherwise wait for a writer forever), does not follow a link in the
    /// last component (the walk resolved links already; one made since is refused), and the type
    /// is checked again on the open descriptor.
    package static func read(_ path: String, limit: Int) throws(StageFailure) -> [UInt8] {
        try read(Array(path.utf8), limit: limit)
    }

    package static func read(_ path: [UInt8], limit: Int) throws(StageFailure) -> [UInt8] {
        var cPath = path.map { CChar(bitPattern: $0) }
        cPath.append(0)
        let fd = open(cPath, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW | O_NOCTTY)
        guard fd >= 0 else {
            if errno == ELOOP { throw StageFailure(.ingest, "cannot read file: it became a symbolic link after the walk") }
            throw StageFailure(.ingest, "cannot read file: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StageFailure(.ingest, "cannot read file: \(String(cString: strerror(errno)))") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw StageFailure(.ingest, SourceFile.notRegular(info.st_mode)) }
        let size = Int(info.st_size)
        guard size <= limit else {
            throw StageFailure(.ingest, "file too large: \(size) bytes, limit \(limit) (limits.maxFileBytes)")
        }
        // One byte more than the size, to notice a file that grew since fstat.
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { return }
                count += n
            }
        }
        if failure != 0 { throw StageFailure(.ingest, "cannot read file: \(String(cString: strerror(failure)))") }
        if bytes.count <= size { return bytes }
        // The file grew while being read: read the rest in chunks, up to the limit.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StageFailure(.ingest, "cannot read file: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit { throw StageFailure(.ingest, "file too large: over \(limit) bytes (limits.maxFileBytes)") }
        }
        return bytes
    }
}
