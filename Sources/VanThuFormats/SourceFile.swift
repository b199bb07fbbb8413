import Foundation

/// A file found under an input root, before it is read.
///
/// Paths are Swift strings, but a file name on Linux is any bytes but `/` and NUL. A name that is
/// not valid UTF-8 keeps its bytes through a lossless escape (`PathEscape`): each byte outside a
/// valid UTF-8 sequence is written `\xHH`, and a backslash `\\`; `fileSystemPath` undoes it to
/// open the file. Valid names without a backslash are left as they are.
public struct SourceFile: Sendable, Equatable {
    /// Absolute path, escaped: where the store knows the file from.
    public var path: String
    /// Path relative to the input root it was found under, with `/` separators, escaped.
    public var relativePath: String
    public var size: Int
    public var modified: Date?
    /// The input root the file was found under (set by the pipeline; recorded as `source.root`).
    public var root: String?
    /// The bytes to open, when they are not `path` unescaped (a link inside the input roots is
    /// opened at its resolved target, so that it cannot be re-pointed while the run reads it).
    package var openPath: [UInt8]?
    /// Why the walk refused the file before anything was opened (a link leaving the input roots,
    /// a FIFO or device): ingest quarantines it with this reason.
    public var refusal: String?

    public init(path: String, relativePath: String, size: Int, modified: Date? = nil) {
        self.path = path; self.relativePath = relativePath; self.size = size; self.modified = modified
    }

    /// A file at a path the caller holds as a string (valid UTF-8): its backslashes are escaped.
    public init(url: URL, relativePath: String, size: Int, modified: Date? = nil) {
        self.init(path: PathEscape.escape(url.path), relativePath: PathEscape.escape(relativePath), size: size, modified: modified)
    }

    public var url: URL { URL(fileURLWithPath: path, isDirectory: false) }

    /// The path's bytes as the file system knows them.
    public var fileSystemPath: [UInt8] { openPath ?? PathEscape.unescape(path) }

    /// The lower-cased extension of the file name ("" when there is none).
    public var fileExtension: String {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? path[...]
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
        return name[name.utf8.index(after: dot)...].lowercased()
    }

    /// Why a file of this type is not read.
    package static func notRegular(_ mode: mode_t) -> String {
        let kind: String
        switch mode & S_IFMT {
        case S_IFIFO: kind = "a FIFO (named pipe)"
        case S_IFSOCK: kind = "a socket"
        case S_IFCHR: kind = "a character device"
        case S_IFBLK: kind = "a block device"
        case S_IFDIR: kind = "a folder"
        default: kind = "not a regular file"
        }
        return "not a regular file: \(kind) is never opened"
    }
}

/// The lossless escape of file-system paths into strings: a byte that is not part of a valid UTF-8
/// sequence becomes `\xHH` (two upper-case hex digits), a backslash becomes `\\`, everything else
/// (newlines and other controls included: JSON escapes those) stays. `unescape` gives the bytes back.
public enum PathEscape {
    public static func escape(_ bytes: some Collection<UInt8>) -> String {
        let bytes = Array(bytes)
        if !bytes.contains(UInt8(ascii: "\\")), DecodeStage.firstInvalidUTF8(bytes) == nil {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var index = 0
        let hex = Array("0123456789ABCDEF".utf8)
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            if length == 0 {
                out += [UInt8(ascii: "\\"), UInt8(ascii: "x"), hex[Int(bytes[index] >> 4)], hex[Int(bytes[index] & 0xF)]]
                index += 1
            } else if bytes[index] == UInt8(ascii: "\\") {
                out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                index += 1
            } else {
                out += bytes[index..<(index + length)]
                index += length
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func escape(_ string: String) -> String {
        string.utf8.contains(UInt8(ascii: "\\")) ? escape(Array(string.utf8)) : string
    }

    public static func unescape(_ string: String) -> [UInt8] {
        let bytes = Array(string.utf8)
        guard bytes.contains(UInt8(ascii: "\\")) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        func hexValue(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 48...57: return byte - 48
            case 65...70: return byte - 55
            case 97...102: return byte - 87
            default: return nil
            }
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                if bytes[index + 1] == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")); index += 2; continue }
                if bytes[index + 1] == UInt8(ascii: "x"), index + 3 < bytes.count,
                   let high = hexValue(bytes[index + 2]), let low = hexValue(bytes[index + 3]) {
                    out.append(high << 4 | low); index += 4; continue
                }
            }
            out.append(bytes[index])
            index += 1
        }
        return out
    }

    /// Length of the valid UTF-8 sequence at `index`, or 0 when the byte there does not start one.
    package static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        func continuation(_ k: Int) -> Bool { index + k < bytes.count && bytes[index + k] & 0xC0 == 0x80 }
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0...0xEF:
            guard continuation(1), continuation(2) else { return 0 }
            let second = bytes[index + 1]
            if lead == 0xE0 && second < 0xA0 || lead == 0xED && second >= 0xA0 { return 0 }
            return 3
        case 0xF0...0xF4:
            guard continuation(1), continuation(2), continuation(3) else { return 0 }
            let second = bytes[index + 1]
            if lead == 0xF0 && second < 0x90 || lead == 0xF4 && second >= 0x90 { return 0 }
            return 4
        default: return 0
        }
    }
}

/// A file's content, unwrapped from its container, with the checksum of the file as stored.
public struct RawDocument: Sendable {
    public var file: SourceFile
    /// The content to decode: the file's bytes, or what a gzip or .docx container held.
    public var bytes: [UInt8]
    /// SHA-256 of the file as stored (before any unwrapping).
    public var sha256: String
    /// Size of the file as stored.
    public var fileSize: Int
    /// The format ingest recognised: `text`, `html`, `docx`; `+gzip` when it came gzip-compressed.
    public var format: String

    public init(file: SourceFile, bytes: [UInt8], sha256: String, format: String, fileSize: Int? = nil) {
        self.file = file; self.bytes = bytes; self.sha256 = sha256; self.format = format
        self.fileSize = fileSize ?? bytes.count
    }

    /// The same document without its bytes: what later stages keep of it once it is decoded (a
    /// large file is not held twice, as bytes and as text).
    public var withoutBytes: RawDocument {
        var copy = self
        copy.bytes = []
        return copy
    }

    /// The format without a container suffix.
    public var baseFormat: String { format.split(separator: "+").first.map(String.init) ?? format }

    public var id: String { String(sha256.prefix(16)) }
}
