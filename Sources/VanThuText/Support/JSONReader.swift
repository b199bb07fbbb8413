/// A small JSON parser over bytes, for reading back what `JSONWriter` wrote on hot paths: the
/// export reads one record summary per document, and Foundation's JSONDecoder spent about
/// 180 000 instructions on each (measured with callgrind), most of an export of small files.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Members in the order written (objects here are small: a list beats hashing every key).
    case object([(key: String, value: JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            // Objects are equal with the same members in any order.
            guard x.count == y.count else { return false }
            return x.allSatisfy { member in y.contains { $0.key == member.key && $0.value == member.value } }
        default: return false
        }
    }

    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public var offset: Int
        public var reason: String
        public var description: String { "JSON: \(reason) at byte \(offset)" }
    }

    /// Parses one JSON value that fills `bytes` (whitespace around it allowed).
    /// With `strict`, an object that names a key twice is an error (configuration files: which of
    /// the two would win is not for the reader to guess).
    public static func parse(_ bytes: [UInt8], strict: Bool = false) throws(ParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(ParseError) in
            var parser = Parser(bytes: buffer)
            parser.rejectDuplicateKeys = strict
            let value = try parser.value(depth: 0)
            parser.skipSpace()
            guard parser.position == buffer.count else { throw parser.error("trailing bytes") }
            return value
        }
    }

    private struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var rejectDuplicateKeys = false
        static let maximumDepth = 512

        func error(_ reason: String) -> ParseError { ParseError(offset: position, reason: reason) }

        mutating func skipSpace() {
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D
                    || bytes[position] == 0x09 {
                position += 1
            }
        }

        mutating func literal(_ word: StaticString, _ value: JSONValue) throws(ParseError) -> JSONValue {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count,
                  (0..<count).allSatisfy({ bytes[position + $0] == word.utf8Start[$0] }) else { throw error("unknown literal") }
            position += count
            return value
        }

        mutating func value(depth: Int) throws(ParseError) -> JSONValue {
            skipSpace()
            guard position < bytes.count else { throw error("unexpected end") }
            guard depth < Self.maximumDepth else { throw error("nested too deeply") }
            switch bytes[position] {
            case UInt8(ascii: "{"):
                position += 1
                var members: [(key: String, value: JSONValue)] = []
                var keys = Set<String>()
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
                while true {
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw error("expected a key") }
                    let keyStart = position
                    let key = try string()
                    if rejectDuplicateKeys && !keys.insert(key).inserted {
                        throw ParseError(offset: keyStart, reason: "duplicate key \"\(key)\"")
                    }
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':'") }
                    position += 1
                    members.append((key, try value(depth: depth + 1)))
                    skipSpace()
                    guard position < bytes.count else { throw error("unexpected end") }
                    if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                    if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
                    throw error("expected ',' or '}'")
                }
            case UInt8(ascii: "["):
                position += 1
                var elements: [JSONValue] = []
                skipSpace()
                if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return .array(elements) }
                while true {
                    elements.append(try value(depth: depth + 1))
                    skipSpace()
                    guard position < bytes.count else { throw error("unexpected end") }
                    if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
                    if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(elements) }
                    throw error("expected ',' or ']'")
                }
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default: return try number()
            }
        }

        mutating func number() throws(ParseError) -> JSONValue {
            let start = position
            var integral = true
            if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): position += 1
                case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"):
                    integral = false
                    position += 1
                default:
                    return try finishNumber(start: start, integral: integral)
                }
            }
            return try finishNumber(start: start, integral: integral)
        }

        func finishNumber(start: Int, integral: Bool) throws(ParseError) -> JSONValue {
            if integral, position - start < 19 {
                // Up to 18 digits cannot overflow: read them straight from the bytes.
                var index = start
                let negative = bytes[index] == UInt8(ascii: "-")
                if negative { index += 1 }
                guard index < position else { throw ParseError(offset: start, reason: "bad number") }
                var value = 0
                while index < position { value = value * 10 + Int(bytes[index] - UInt8(ascii: "0")); index += 1 }
                return .int(negative ? -value : value)
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            if integral, let value = Int(text) { return .int(value) }
            guard let value = Double(text) else { throw ParseError(offset: start, reason: "bad number") }
            return .double(value)
        }

        /// A string at `position` (its opening quote).
        mutating func string() throws(ParseError) -> String {
            position += 1
            let start = position
            // Fast path: no escapes.
            while position < bytes.count, bytes[position] != UInt8(ascii: "\""), bytes[position] != UInt8(ascii: "\\") { position += 1 }
            guard position < bytes.count else { throw error("unterminated string") }
            if bytes[position] == UInt8(ascii: "\"") {
                position += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(position - 1)]), as: UTF8.self)
            }
            var out = Array(bytes[start..<position])
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    position += 1
                    return String(decoding: out, as: UTF8.self)
                }
                guard byte == UInt8(ascii: "\\") else { out.append(byte); position += 1; continue }
                do throws(JSONStringEscape.Failure) {
                    try JSONStringEscape.decode(bytes, at: &position, into: &out)
                } catch {
                    throw ParseError(offset: error.offset, reason: error.reason)
                }
            }
            throw error("unterminated string")
        }
    }
}

/// Typed access to an object's members, with errors that name the member.
public struct JSONObject {
    public let members: [(key: String, value: JSONValue)]

    public init(_ value: JSONValue) throws(JSONValue.ParseError) {
        guard case .object(let members) = value else { throw JSONValue.ParseError(offset: 0, reason: "expected an object") }
        self.members = members
    }

    /// The member named `key` (the last one, when a writer repeated it).
    public subscript(_ key: String) -> JSONValue? {
        members.last { $0.key == key }?.value
    }

    package func mismatch(_ key: String, _ expected: String) -> JSONValue.ParseError {
        JSONValue.ParseError(offset: 0, reason: "\(key): expected \(expected)")
    }

    public func string(_ key: String) throws(JSONValue.ParseError) -> String {
        guard case .string(let value)? = self[key] else { throw mismatch(key, "a string") }
        return value
    }

    public func optionalString(_ key: String) throws(JSONValue.ParseError) -> String? {
        switch self[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: throw mismatch(key, "a string or null")
        }
    }

    public func int(_ key: String) throws(JSONValue.ParseError) -> Int {
        guard case .int(let value)? = self[key] else { throw mismatch(key, "an integer") }
        return value
    }

    public func optionalInt(_ key: String) throws(JSONValue.ParseError) -> Int? {
        switch self[key] {
        case nil, .null?: return nil
        case .int(let value)?: return value
        default: throw mismatch(key, "an integer or null")
        }
    }

    public func bool(_ key: String) throws(JSONValue.ParseError) -> Bool {
        guard case .bool(let value)? = self[key] else { throw mismatch(key, "true or false") }
        return value
    }

    public func array(_ key: String) throws(JSONValue.ParseError) -> [JSONValue] {
        guard case .array(let value)? = self[key] else { throw mismatch(key, "an array") }
        return value
    }

    public func object(_ key: String) throws(JSONValue.ParseError) -> JSONObject {
        guard let value = self[key] else { throw mismatch(key, "an object") }
        return try JSONObject(value)
    }
}
