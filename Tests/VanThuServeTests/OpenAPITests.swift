import Foundation
import Testing
import VanThuExtract
import VanThuPipeline
import VanThuStore
import VanThuText
@testable import VanThuServe

/// Real responses of every API path, checked against the schemas of the OpenAPI document the
/// server serves (a small validator of the JSON Schema subset the document uses).
struct OpenAPITests {
    nonisolated(unsafe) static let spec: [String: Any] = {
        let response = ServeFixture.get("/openapi.json")
        return ServeFixture.json(response) as! [String: Any]
    }()

    /// Why `value` does not fit `schema` (empty when it fits).
    static func problems(_ value: JSONValue, _ schema: [String: Any], at path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = String(ref.split(separator: "/").last!)
            let schemas = (spec["components"] as! [String: Any])["schemas"] as! [String: Any]
            return problems(value, schemas[name] as! [String: Any], at: path)
        }
        if value == .null { return schema["nullable"] as? Bool == true ? [] : ["\(path): null where not nullable"] }
        var out: [String] = []
        if let values = schema["enum"] as? [String] {
            if case .string(let text) = value, values.contains(text) {} else { out.append("\(path): \(value) not in \(values)") }
        }
        switch (schema["type"] as? String, value) {
        case ("object", .object(let members)):
            let keys = Set(members.map(\.key))
            for key in schema["required"] as? [String] ?? [] where !keys.contains(key) { out.append("\(path): missing \(key)") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, item) in members {
                if let property = properties[key] as? [String: Any] {
                    out += problems(item, property, at: "\(path).\(key)")
                } else if schema["additionalProperties"] as? Bool == false {
                    out.append("\(path): unexpected \(key)")
                }
            }
        case ("array", .array(let items)):
            if let itemSchema = schema["items"] as? [String: Any] {
                for (index, item) in items.enumerated() { out += problems(item, itemSchema, at: "\(path)[\(index)]") }
            }
        case ("integer", .int(let number)):
            if let minimum = schema["minimum"] as? Int, number < minimum { out.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"] as? Int, number > maximum { out.append("\(path): above \(maximum)") }
        case ("string", .string), ("boolean", .bool), (nil, _): break
        case (let type?, _): out.append("\(path): \(value) is not of type \(type)")
        }
        return out
    }

    static func parse(_ response: ServeResponse) -> JSONValue? { try? JSONValue.parse(response.body) }

    /// The schema of `status`'s JSON response of the operation at `template`.
    static func schema(_ template: String, status: Int) -> [String: Any] {
        let paths = spec["paths"] as! [String: Any]
        let get = (paths[template] as! [String: Any])["get"] as! [String: Any]
        var response = (get["responses"] as! [String: Any])[String(status)] as! [String: Any]
        if let ref = response["$ref"] as? String {
            let responses = (spec["components"] as! [String: Any])["responses"] as! [String: Any]
            response = responses[String(ref.split(separator: "/").last!)] as! [String: Any]
        }
        let content = response["content"] as! [String: Any]
        return (content["application/json"] as! [String: Any])["schema"] as! [String: Any]
    }

    @Test func realResponsesMatchTheDocument() throws {
        let citing = ServeFixture.id(of: "ke-hoach-dan-van-kheo.txt")
        let unitKey = try #require((ServeFixture.json(ServeFixture.get("/api/units")) as? [String: Any]).flatMap { ($0["units"] as? [[String: Any]])?.first?["key"] as? String })
        let cases: [(String, String, Int)] = [
            ("/api/search?q=dan+van+kheo", "/api/search", 200),
            ("/api/search?q=dan+van&kind=news&deadline=0&page=1&size=2", "/api/search", 200),
            ("/api/search?unit=" + URLText.component("Sơn Lâm"), "/api/search", 200),
            ("/api/search?q=khong+co+gi+ca+xyzzy", "/api/search", 200),
            ("/api/search?q=a&size=0", "/api/search", 400),
            ("/api/search?q=a&x=1", "/api/search", 400),
            ("/api/documents/\(citing)", "/api/documents/{id}", 200),
            ("/api/documents/0000000000000000", "/api/documents/{id}", 404),
            ("/api/documents/zz", "/api/documents/{id}", 400),
            ("/api/units", "/api/units", 200),
            ("/api/units?q=son+lam", "/api/units", 200),
            // Lengths count what was sent, before trimming, as the document's maxLength does.
            ("/api/units?q=" + String(repeating: "%C2%A0", count: 301), "/api/units", 400),
            ("/api/search?unit=" + String(repeating: "%C2%A0", count: 301), "/api/search", 400),
            ("/api/units/" + URLText.component(unitKey), "/api/units/{key}", 200),
            ("/api/units/no%20such%20unit", "/api/units/{key}", 404),
            ("/api/deadlines", "/api/deadlines", 200),
            ("/api/counts", "/api/counts", 200),
            ("/api/counts?x=1", "/api/counts", 400),
        ]
        for (target, template, status) in cases {
            let response = ServeFixture.get(target)
            #expect(response.status == status, "\(target)")
            #expect(response.header("Content-Type")?.hasPrefix("application/json") == true, "\(target)")
            let value = try #require(Self.parse(response), "\(target)")
            let found = Self.problems(value, Self.schema(template, status: response.status))
            #expect(found.isEmpty, "\(target): \(found.prefix(5))")
        }
    }

    @Test func theValidatorCatchesAMismatch() {
        let schema: [String: Any] = ["$ref": "#/components/schemas/Counts"]
        func check(_ json: String) -> [String] { Self.problems(try! JSONValue.parse(Array(json.utf8)), schema) }
        #expect(!check(#"{"counts": [{"year": 2024, "status": "new", "count": 1, "facts": 1, "documents": 1}]}"#).isEmpty)
        #expect(!check(#"{"counts": [], "extra": true}"#).isEmpty)
        #expect(!check(#"{"counts": [{"year": null, "status": "new", "count": true, "facts": 1, "documents": 1}]}"#).isEmpty)
        #expect(check(#"{"counts": [{"year": null, "status": "new", "count": 1, "facts": 1, "documents": 1}]}"#).isEmpty)
    }

    @Test func everyPathOfTheDocumentIsServed() {
        let paths = (Self.spec["paths"] as! [String: Any]).keys
        #expect(Set(paths) == ["/api/search", "/api/documents/{id}", "/api/units", "/api/units/{key}", "/api/deadlines", "/api/counts"])
    }
}
