/// A small, fast, deterministic JSON writer.
///
/// Records are written field by field in a fixed order, so the same record always gives the same
/// bytes (the archive must be byte-identical across runs), and the writer avoids `JSONEncoder`,
/// which is an order of magnitude slower on the long `text` fields.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// One entry per open container: whether the next element needs a comma before it.
    private var needsComma: [Bool] = []
    private var afterKey = false

    public init(reservingCapacity capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func removeAll(keepingCapacity: Bool = true) {
        bytes.removeAll(keepingCapacity: keepingCapacity)
        needsComma.removeAll(keepingCapacity: true)
        afterKey = false
    }

    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        if let last = needsComma.last {
            if last { bytes.append(UInt8(ascii: ",")) }
            needsComma[needsComma.count - 1] = true
        }
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    public mutating func endObject() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    public mutating func endArray() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// A raw newline between container elements, for one-record-per-line layouts.
    public mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
    }

    public mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    /// A key already quoted and followed by its colon (`"id":`), as `quotedKey(_:)` makes it:
    /// schema members quote their key once, not once per record.
    public mutating func key(quoted: [UInt8]) {
        separate()
        bytes.append(contentsOf: quoted)
        afterKey = true
    }

    /// The bytes `key(_:)` appends for `name`.
    public static func quotedKey(_ name: String) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: name.utf8.count + 4)
        writer.appendQuoted(name)
        writer.bytes.append(UInt8(ascii: ":"))
        return writer.bytes
    }

    public mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
    }

    public mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func double(_ value: Double) {
        separate()
        if value.isFinite {
            if value == value.rounded(), abs(value) < 1e15 {
                bytes.append(contentsOf: String(Int(value)).utf8)
            } else {
                bytes.append(contentsOf: String(value).utf8)
            }
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// Appends already-serialised JSON (one complete value) as the next element.
    public mutating func raw<C: Collection>(_ json: C) where C.Element == UInt8 {
        separate()
        bytes.append(contentsOf: json)
    }

    public mutating func field<T: JSONWritable>(_ name: String, _ value: T?) {
        key(name)
        if let value { value.write(to: &self) } else { null() }
    }

    public mutating func field<T: JSONWritable>(_ name: String, _ value: T) {
        key(name)
        value.write(to: &self)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// The number of bytes `string(_:)` writes for `value` between its quotes.
    public static func escapedLength(of value: String) -> Int {
        var value = value
        return value.withUTF8 { escapedLength(of: $0) }
    }

    /// The same for a text given as its UTF-8 bytes.
    public static func escapedLength(of value: UnsafeBufferPointer<UInt8>) -> Int {
        var length = 0
        for byte in value {
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                length += 1
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                length += 2
            } else {
                length += 6
            }
        }
        return length
    }

    /// Writes what `string(_:)` writes between the quotes for the text whose UTF-8 bytes are
    /// `input` to `out` (room for `escapedLength(of: input)` bytes), and returns the count written.
    public static func escape(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        hex.withUnsafeBufferPointer { hex in
            for byte in input {
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                    out[written] = byte
                    written += 1
                    continue
                }
                out[written] = 0x5C
                switch byte {
                case UInt8(ascii: "\""): out[written + 1] = 0x22
                case UInt8(ascii: "\\"): out[written + 1] = 0x5C
                case 0x0A: out[written + 1] = UInt8(ascii: "n")
                case 0x0D: out[written + 1] = UInt8(ascii: "r")
                case 0x09: out[written + 1] = UInt8(ascii: "t")
                default:
                    out[written + 1] = UInt8(ascii: "u"); out[written + 2] = 0x30; out[written + 3] = 0x30
                    out[written + 4] = hex[Int(byte >> 4)]; out[written + 5] = hex[Int(byte & 0xF)]
                    written += 6
                    continue
                }
                written += 2
            }
        }
        return written
    }

    private mutating func appendQuoted(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { buffer in
            let count = buffer.count
            var runStart = 0
            var index = 0
            while index < count {
                let byte = buffer[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") { index += 1; continue }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index])) }
                index += 1
                runStart = index
                // Two appends, not an array literal: a newline every line of text must not allocate.
                switch byte {
                case UInt8(ascii: "\""): bytes.append(0x5C); bytes.append(0x22)
                case UInt8(ascii: "\\"): bytes.append(0x5C); bytes.append(0x5C)
                case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30,
                                              Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
                }
            }
            if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// A value that writes itself with `JSONWriter`, in a fixed field order.
public protocol JSONWritable {
    func write(to writer: inout JSONWriter)
}

extension String: JSONWritable {
    public func write(to writer: inout JSONWriter) { writer.string(self) }
}

extension Int: JSONWritable {
    public func write(to writer: inout JSONWriter) { writer.int(self) }
}

extension Double: JSONWritable {
    public func write(to writer: inout JSONWriter) { writer.double(self) }
}

extension Bool: JSONWritable {
    public func write(to writer: inout JSONWriter) { writer.bool(self) }
}

extension Array: JSONWritable where Element: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        writer.beginArray()
        for element in self { element.write(to: &writer) }
        writer.endArray()
    }
}

extension Dictionary: JSONWritable where Key == String, Value: JSONWritable {
    /// Keys are written sorted, so the output is deterministic.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        for key in keys.sorted() { writer.field(key, self[key]!) }
        writer.endObject()
    }
}

extension JSONWritable {
    public var jsonString: String {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.string
    }
}
