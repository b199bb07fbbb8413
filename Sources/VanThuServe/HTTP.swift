import Foundation

/// A request as the server's handlers see it: no framework types, so the handlers are tested
/// without a socket (`ServeApp.respond`), and the Hummingbird adapter stays a few lines.
public struct ServeRequest: Sendable {
    public var method: String
    /// The path as sent (percent-encoded).
    public var path: String
    /// The raw query string, without `?`.
    public var query: String

    public init(method: String = "GET", path: String, query: String = "") {
        self.method = method; self.path = path; self.query = query
    }

    /// Splits "path?query".
    public init(method: String = "GET", target: String) {
        if let mark = target.firstIndex(of: "?") {
            self.init(method: method, path: String(target[..<mark]), query: String(target[target.index(after: mark)...]))
        } else {
            self.init(method: method, path: target)
        }
    }
}

public struct ServeResponse: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(status: Int = 200, contentType: String, body: [UInt8], headers: [(String, String)] = []) {
        self.status = status
        self.headers = [("Content-Type", contentType)] + headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    static func html(_ page: String, status: Int = 200) -> ServeResponse {
        ServeResponse(status: status, contentType: "text/html; charset=utf-8", body: Array(page.utf8))
    }

    /// JSON with `<`, `>` and `&` written as `\u003c`, `\u003e`, `\u0026`: the same strings to
    /// a JSON reader, and no markup even to a client that sniffs. (Outside strings JSON has none
    /// of these bytes, so replacing every one is exact.)
    static func json(_ bytes: [UInt8], status: Int = 200) -> ServeResponse {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "<"): out += Array("\\u003c".utf8)
            case UInt8(ascii: ">"): out += Array("\\u003e".utf8)
            case UInt8(ascii: "&"): out += Array("\\u0026".utf8)
            default: out.append(byte)
            }
        }
        return ServeResponse(status: status, contentType: "application/json; charset=utf-8", body: out)
    }
}

/// A request the server refuses, with the status and a message for a person.
public struct RequestProblem: Error, Equatable, CustomStringConvertible {
    public var status: Int
    public var message: String

    public init(_ status: Int, _ message: String) { self.status = status; self.message = message }

    public var description: String { "\(status) \(message)" }

    static func badRequest(_ message: String) -> RequestProblem { RequestProblem(400, message) }
    static func notFound(_ message: String) -> RequestProblem { RequestProblem(404, message) }
}

/// The query string's parameters: each at most once, each one the route knows, each value valid
/// UTF-8 after percent-decoding (`+` is a space, as forms send it).
struct QueryParameters {
    static let maximumBytes = 8192
    private(set) var values: [String: String] = [:]

    init(_ raw: String, allowed: Set<String>) throws(RequestProblem) {
        guard raw.utf8.count <= Self.maximumBytes else {
            throw .badRequest("the query string is \(raw.utf8.count) bytes; at most \(Self.maximumBytes)")
        }
        for pair in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                throw .badRequest("the query string is not valid percent-encoded UTF-8")
            }
            guard allowed.contains(name) else {
                let shown = name.count > 40 ? String(name.prefix(40)) + "…" : name
                throw .badRequest("unknown parameter \"\(shown)\"; this address takes: \(allowed.sorted().joined(separator: ", "))")
            }
            guard values[name] == nil else { throw .badRequest("parameter \"\(name)\" is given twice") }
            values[name] = value
        }
    }

    subscript(name: String) -> String? { values[name] }

    /// A value as given, for parameters with a fixed form (a kind, a date, a number): absent is
    /// nil, and an empty value is refused (the pages' forms never send one).
    func nonEmpty(_ name: String) throws(RequestProblem) -> String? {
        guard let value = values[name] else { return nil }
        guard !value.isEmpty else { throw .badRequest("\(name) is empty; leave it out instead") }
        return value
    }

    /// A value with its surrounding spaces removed; nil when absent or blank.
    func trimmed(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Percent-decoding of one component; nil for a broken escape or bytes that are not UTF-8.
    static func decode<S: StringProtocol>(_ component: S) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(component.utf8)[...]
        while let byte = iterator.popFirst() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(0x20)
            case UInt8(ascii: "%"):
                guard iterator.count >= 2, let high = hex(iterator.popFirst()!), let low = hex(iterator.popFirst()!) else { return nil }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        // Any text is accepted (control characters too: a search folds them away, and HTML.escape
        // drops them from a page); only bytes that are not UTF-8 are refused.
        return String(validating: bytes, as: UTF8.self)
    }

    static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// Building URLs: every value percent-encoded (only unreserved characters stay as they are).
enum URLText {
    static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    static func component(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// "path?name=value&…", the parameters in the order given, empty values left out.
    static func with(_ path: String, _ parameters: [(String, String?)]) -> String {
        let pairs = parameters.compactMap { name, value in value.flatMap { $0.isEmpty ? nil : component(name) + "=" + component($0) } }
        return pairs.isEmpty ? path : path + "?" + pairs.joined(separator: "&")
    }
}
