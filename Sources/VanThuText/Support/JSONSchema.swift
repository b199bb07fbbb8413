/// A value that reads itself back from the JSON its `write(to:)` wrote.
public protocol JSONReadable {
    init(json: JSONValue) throws(JSONValue.ParseError)
}

/// Written with `JSONWriter` and read back with `JSONValue`: the archive's values.
public typealias JSONCodable = JSONReadable & JSONWritable

/// A type whose JSON members are listed once, in `fields`: its writer, its reader (with a default
/// for each member an older version did not write) and its `Decodable` conformance all come
/// from that list. Adding a stored property means adding one line to `fields`
/// (`RecordSchemaTests.everyStoredPropertyIsAMember` fails when a stored property of the
/// record's types has no line).
public protocol JSONSchemaObject: JSONCodable, Decodable {
    /// The value a reader starts from: each member the JSON lacks keeps its value here.
    static var blank: Self { get }
    /// The members, in the order they are written.
    static var fields: [JSONField<Self>] { get }
}

extension JSONSchemaObject {
    /// The value as the archive files, the API and `vanthu show --json` show it: every member but
    /// the `storeOnly` ones.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        for field in Self.fields where !field.storeOnly { field.write(self, &writer) }
        writer.endObject()
    }

    /// The value as the store keeps it: `write(to:)`'s members, then the `storeOnly` ones. Returns
    /// the length of `write(to:)`'s JSON, which is these bytes up to the first store-only member
    /// (and the closing `}`), or nil when no store-only member was written (the two are the same).
    @discardableResult
    public func writeForStore(to writer: inout JSONWriter) -> Int? {
        let start = writer.bytes.count
        writer.beginObject()
        for field in Self.fields where !field.storeOnly { field.write(self, &writer) }
        let archived = writer.bytes.count
        for field in Self.fields where field.storeOnly { field.write(self, &writer) }
        let wroteMore = writer.bytes.count != archived
        writer.endObject()
        return wroteMore ? archived - start + 1 : nil
    }

    /// The JSON `write(to:)` writes, cut from the JSON `writeForStore` wrote, given the length it
    /// returned (nil: the same bytes).
    public static func archivedJSON(ofStored bytes: [UInt8], length: Int?) -> [UInt8] {
        guard let length, length >= 2, length <= bytes.count else { return bytes }
        var cut = Array(bytes[..<(length - 1)])
        cut.append(UInt8(ascii: "}"))
        return cut
    }

    public init(json: JSONValue) throws(JSONValue.ParseError) {
        let object = try JSONObject(json)
        self = Self.blank
        for field in Self.fields { try field.read(object, &self) }
    }

    /// Reads the JSON `write(to:)` wrote (or an older version of it).
    public init(jsonBytes bytes: [UInt8]) throws(JSONValue.ParseError) {
        try self.init(json: JSONValue.parse(bytes))
    }

    /// Foundation's decoder reads the same members with the same defaults.
    public init(from decoder: any Decoder) throws {
        try self.init(json: JSONValue(from: decoder))
    }

    /// Number of elements of each counted member (`facts`, or one given a `count`), by key.
    public var memberCounts: [String: Int] {
        var counts: [String: Int] = [:]
        for field in Self.fields { if let count = field.count { counts[field.key] = count(self) } }
        return counts
    }

    /// This value with only the members that have `role` (the others as in `blank`).
    public func keepingOnly(_ role: JSONField<Self>.Role) -> Self {
        var copy = Self.blank
        for field in Self.fields where field.roles.contains(role) { field.copy(self, &copy) }
        return copy
    }
}

/// One member of a `JSONSchemaObject`: its key, how it is written and read, and its default.
/// Made from a key path by `member`, `optional` and `required`.
public struct JSONField<Root>: @unchecked Sendable {
    // Unchecked: the closures capture only a key, a key path and an immutable default value.

    /// What else a member is, beyond being written and read.
    public enum Role: Sendable, Hashable {
        /// Kept in the store writer's queue: the `documents` row's columns are made from it.
        case storeRow
        /// Kept by the store with the value (`writeForStore`), never written by `write(to:)`: not
        /// in the archive files nor the API's JSON. Such members come last in `fields`.
        case storeOnly
    }

    public let key: String
    public let roles: Set<Role>
    /// `roles` has `storeOnly`.
    let storeOnly: Bool
    let write: (Root, inout JSONWriter) -> Void
    let read: (JSONObject, inout Root) throws(JSONValue.ParseError) -> Void
    let copy: (Root, inout Root) -> Void
    /// For counted members (facts): how many the value holds.
    let count: ((Root) -> Int)?
    /// The member's value as JSON, for comparing (the golden tests), even where `write` omits it.
    public let value: (Root) -> JSONValue

    /// `writtenIf`: when the member is written (nil: always). A member older readers did not
    /// know is written only when set, so that records without it keep their bytes.
    init<Value: JSONCodable>(_ key: String, _ path: WritableKeyPath<Root, Value>, default fallback: Value?,
                             writtenIf: ((Value) -> Bool)?, roles: Set<Role>, count: ((Value) -> Int)?) {
        self.key = key
        self.roles = roles
        self.storeOnly = roles.contains(.storeOnly)
        let quoted = JSONWriter.quotedKey(key)
        if let shouldWrite = writtenIf {
            write = { root, writer in
                let value = root[keyPath: path]
                guard shouldWrite(value) else { return }
                writer.key(quoted: quoted)
                value.write(to: &writer)
            }
        } else {
            write = { root, writer in
                writer.key(quoted: quoted)
                root[keyPath: path].write(to: &writer)
            }
        }
        read = { (object: JSONObject, root: inout Root) throws(JSONValue.ParseError) in
            guard let json = object[key] else {
                guard let fallback else { throw object.mismatch(key, "a value (it has no default)") }
                root[keyPath: path] = fallback
                return
            }
            do throws(JSONValue.ParseError) {
                root[keyPath: path] = try Value(json: json)
            } catch {
                throw JSONValue.ParseError(offset: error.offset, reason: "\(key).\(error.reason)")
            }
        }
        copy = { source, target in target[keyPath: path] = source[keyPath: path] }
        self.count = count.map { count in { root in count(root[keyPath: path]) } }
        value = { root in
            var writer = JSONWriter(reservingCapacity: 64)
            root[keyPath: path].write(to: &writer)
            return (try? JSONValue.parse(writer.bytes)) ?? .null
        }
    }

    /// A member that must be present: a JSON without it is not this type.
    public static func required<Value: JSONCodable>(_ key: String, _ path: WritableKeyPath<Root, Value>,
                                                    roles: Set<Role> = []) -> JSONField {
        JSONField(key, path, default: nil, writtenIf: nil, roles: roles, count: nil)
    }

    /// A member read as `default` when absent (written by a version that did not know it).
    /// With `count`, the member is counted in `memberCounts`.
    public static func member<Value: JSONCodable>(_ key: String, _ path: WritableKeyPath<Root, Value>, default fallback: Value,
                                                  writtenIf: ((Value) -> Bool)? = nil, roles: Set<Role> = [],
                                                  count: ((Value) -> Int)? = nil) -> JSONField {
        JSONField(key, path, default: fallback, writtenIf: writtenIf, roles: roles, count: count)
    }

    /// An optional member, nil when absent.
    public static func optional<Wrapped: JSONCodable>(_ key: String, _ path: WritableKeyPath<Root, Wrapped?>,
                                                      writtenIf: ((Wrapped?) -> Bool)? = nil, roles: Set<Role> = [],
                                                      counted: Bool = false) -> JSONField {
        JSONField(key, path, default: .some(nil), writtenIf: writtenIf, roles: roles, count: counted ? { $0 == nil ? 0 : 1 } : nil)
    }

    /// A list of facts: empty when absent, and counted in `memberCounts`.
    public static func facts<Element: JSONCodable>(_ key: String, _ path: WritableKeyPath<Root, [Element]>) -> JSONField {
        JSONField(key, path, default: [], writtenIf: nil, roles: [], count: { $0.count })
    }
}

// MARK: - The values members are made of

extension String: JSONReadable {
    public init(json: JSONValue) throws(JSONValue.ParseError) {
        guard case .string(let value) = json else { throw JSONValue.ParseError(offset: 0, reason: "expected a string") }
        self = value
    }
}

extension Int: JSONReadable {
    public init(json: JSONValue) throws(JSONValue.ParseError) {
        guard case .int(let value) = json else { throw JSONValue.ParseError(offset: 0, reason: "expected an integer") }
        self = value
    }
}

extension Double: JSONReadable {
    public init(json: JSONValue) throws(JSONValue.ParseError) {
        switch json {
        case .int(let value): self = Double(value)
        case .double(let value): self = value
        default: throw JSONValue.ParseError(offset: 0, reason: "expected a number")
        }
    }
}

extension Bool: JSONReadable {
    public init(json: JSONValue) throws(JSONValue.ParseError) {
        guard case .bool(let value) = json else { throw JSONValue.ParseError(offset: 0, reason: "expected true or false") }
        self = value
    }
}

extension Optional: JSONWritable where Wrapped: JSONWritable {
    public func write(to writer: inout JSONWriter) {
        if let self { self.write(to: &writer) } else { writer.null() }
    }
}

extension Optional: JSONReadable where Wrapped: JSONReadable {
    public init(json: JSONValue) throws(JSONValue.ParseError) {
        if case .null = json { self = nil } else { self = try Wrapped(json: json) }
    }
}

extension Array: JSONReadable where Element: JSONReadable {
    public init(json: JSONValue) throws(JSONValue.ParseError) {
        guard case .array(let values) = json else { throw JSONValue.ParseError(offset: 0, reason: "expected an array") }
        var elements: [Element] = []
        elements.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            do throws(JSONValue.ParseError) { elements.append(try Element(json: value)) } catch {
                throw JSONValue.ParseError(offset: error.offset, reason: "[\(index)] \(error.reason)")
            }
        }
        self = elements
    }
}

extension Dictionary: JSONReadable where Key == String, Value: JSONReadable {
    public init(json: JSONValue) throws(JSONValue.ParseError) {
        guard case .object(let members) = json else { throw JSONValue.ParseError(offset: 0, reason: "expected an object") }
        var dictionary: [String: Value] = [:]
        for (key, value) in members { dictionary[key] = try Value(json: value) }
        self = dictionary
    }
}

/// Enums stored as their raw string (`DocumentKind`, `DatePrecision` …).
extension JSONReadable where Self: RawRepresentable, RawValue == String {
    public init(json: JSONValue) throws(JSONValue.ParseError) {
        guard case .string(let raw) = json, let value = Self(rawValue: raw) else {
            throw JSONValue.ParseError(offset: 0, reason: "expected one of the names of \(Self.self)")
        }
        self = value
    }
}

extension JSONWritable where Self: RawRepresentable, RawValue == String {
    public func write(to writer: inout JSONWriter) { writer.string(rawValue) }
}

// MARK: - Foundation's decoder

extension JSONValue: Decodable {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Whatever value the decoder holds, as the tree `JSONValue.parse` makes.
    public init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: AnyKey.self) {
            var members: [(key: String, value: JSONValue)] = []
            for key in object.allKeys { members.append((key.stringValue, try object.decode(JSONValue.self, forKey: key))) }
            self = .object(members)
            return
        }
        if var array = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !array.isAtEnd { elements.append(try array.decode(JSONValue.self)) }
            self = .array(elements)
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() { self = .null }
        else if let value = try? single.decode(Bool.self) { self = .bool(value) }
        else if let value = try? single.decode(Int.self) { self = .int(value) }
        else if let value = try? single.decode(Double.self) { self = .double(value) }
        else { self = .string(try single.decode(String.self)) }
    }
}
