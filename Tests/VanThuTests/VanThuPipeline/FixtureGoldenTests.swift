import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats
@testable import VanThuExtract
@testable import VanThuPipeline

/// Each folder of `fixtures/` holds a document the project wrote itself (`input.*`) and what the
/// pipeline must find in it (`expected.json`). Fields present in expected.json are compared:
/// `kind`, `title`, `date` exactly; `header` field by field; `dates` (day and month precision),
/// `years`, `periods`, `deadlines` (by due, with recurrence and to), `modelCounts` (count, status,
/// field, year) and `references` as exact sets; `unitsInclude` must all be found (by canonical key,
/// or one inside the other); `textContains` / `textExcludes` check the cleaned text; `quarantined`
/// gives the reason a page with nothing to archive must be refused with. Any other member of the
/// record (`Record.fields`: `kind`, `title`, `date`, `titleRule`, `dateSource` … and any member
/// added later) is compared as the archive writes it, exactly; a key that is neither is an error.
struct FixtureGoldenTests {
    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: TestSupport.fixtures.path)) ?? []
        return names.filter {
            FileManager.default.fileExists(atPath: TestSupport.fixtures.appendingPathComponent($0).appendingPathComponent("expected.json").path)
        }.sorted()
    }()

    @Test func thereAreFixtures() {
        #expect(Self.cases.count >= 5)
    }

    @Test("fixture", arguments: cases)
    func fixture(_ name: String) throws {
        let folder = TestSupport.fixtures.appendingPathComponent(name)
        let input = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("input.") })
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("expected.json"))) as? [String: Any])
        let stages = Pipeline.DocumentStages(config: PipelineConfig(inputs: []))
        let url = folder.appendingPathComponent(input)
        let processed = stages.process(SourceFile(url: url, relativePath: "\(name)/\(input)", size: 0))
        if let reason = expected["quarantined"] as? String {
            // A page with nothing to archive: refused, with the reason.
            switch processed {
            case .success: Issue.record("\(name): archived, want quarantined (\(reason))")
            case .failure(let failure): #expect(failure.reason == reason, "\(name)")
            }
            return
        }
        let record = try processed.get().record
        for failure in Self.compare(record, expected) {
            Issue.record("\(name): \(failure)")
        }
    }

    /// The keys of expected.json compared by a rule of their own (sets, canonical keys, parts of
    /// the text), or not compared (`about`, `quarantined`).
    static let matchedLoosely: Set<String> = [
        "about", "quarantined", "header", "dates", "years", "periods", "deadlines", "modelCounts", "references",
        "unitsInclude", "textContains", "textExcludes",
    ]

    /// A value JSONSerialization read, as the tree `JSONValue.parse` makes.
    static func json(_ value: Any) -> JSONValue {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]),
              let parsed = try? JSONValue.parse([UInt8](data)) else { return .null }
        return parsed
    }

    static func compare(_ record: Record, _ expected: [String: Any]) -> [String] {
        var failures: [String] = []
        func same(_ field: String, _ got: Any?, _ want: Any?) {
            let g = got.map { "\($0)" } ?? "nil", w = (want is NSNull ? nil : want).map { "\($0)" } ?? "nil"
            if g != w { failures.append("\(field): got \(g), want \(w)") }
        }
        func sameSet(_ field: String, _ got: [String], _ want: [String]) {
            let g = Set(got), w = Set(want)
            if g != w { failures.append("\(field): spurious \(g.subtracting(w).sorted()), missed \(w.subtracting(g).sorted())") }
        }
        func key(_ s: String?) -> String { VietnameseFolding.canonicalKey(s ?? "") }
        for (field, want) in expected where !matchedLoosely.contains(field) {
            guard let member = Record.fields.first(where: { $0.key == field }) else {
                failures.append("\(field): not a member of the record nor a rule of this comparer")
                continue
            }
            let got = member.value(record)
            if got != json(want) { failures.append("\(field): got \(got), want \(json(want))") }
        }
        if let header = expected["header"] as? [String: Any] {
            let h = record.header ?? DispatchHeader()
            for (field, value) in header {
                switch field {
                case "recipients": sameSet("header.recipients", h.recipients.map(key), (value as? [String] ?? []).map(key))
                case "copyTo": sameSet("header.copyTo", h.copyTo.map(key), (value as? [String] ?? []).map(key))
                case "signer":
                    for (part, v) in value as? [String: String] ?? [:] {
                        let got = part == "name" ? h.signer?.name : part == "position" ? h.signer?.position : h.signer?.authority
                        same("header.signer.\(part)", key(got), key(v))
                    }
                case "number": same("header.number", h.number, value)
                case "date": same("header.date", h.date, value)
                default:
                    // Any other member of the header (`DispatchHeader.fields`), by canonical key.
                    guard let member = DispatchHeader.fields.first(where: { $0.key == field }) else {
                        failures.append("header.\(field): not a member of the header")
                        continue
                    }
                    guard case .string(let got) = member.value(h) else {
                        same("header.\(field)", member.value(h), json(value))
                        continue
                    }
                    same("header.\(field)", key(got), key(value as? String))
                }
            }
        }
        if let dates = expected["dates"] as? [String] {
            sameSet("dates", record.dates.filter { $0.precision == .day || $0.precision == .month }.compactMap(\.value), dates)
        }
        if let years = expected["years"] as? [String] {
            sameSet("years", record.dates.filter { $0.precision == .year }.compactMap(\.value), years)
        }
        if let periods = expected["periods"] as? [[String]] {
            sameSet("periods", record.periods.map { "\($0.from.prefix(4))-\($0.to.prefix(4))" }, periods.map { $0.joined(separator: "-") })
        }
        if let deadlines = expected["deadlines"] as? [[String: Any]] {
            sameSet("deadlines", record.deadlines.compactMap(\.due), deadlines.compactMap { $0["due"] as? String })
            for want in deadlines {
                guard let due = want["due"] as? String, let got = record.deadlines.first(where: { $0.due == due }) else { continue }
                if want.keys.contains("recurrence") { same("deadline \(due) recurrence", got.recurrence?.rawValue, want["recurrence"]) }
                if let to = want["to"] as? String { same("deadline \(due) to", key(got.to), key(to)) }
            }
        }
        if let counts = expected["modelCounts"] as? [[String: Any]] {
            let got = record.modelCounts.filter { !$0.approximate && $0.count != nil }.map { c in
                "\(c.count!) \(c.status.rawValue) \(c.field ?? "-") \(c.year.map(String.init) ?? "-")"
            }
            let want = counts.map { c in
                "\(c["count"] as! Int) \(c["status"] as? String ?? "total") \(c["field"] as? String ?? "-") \((c["year"] as? Int).map(String.init) ?? "-")"
            }
            if got.sorted() != want.sorted() { failures.append("modelCounts: got \(got.sorted()), want \(want.sorted())") }
        }
        if let references = expected["references"] as? [String] {
            sameSet("references", record.references.map(\.id), references)
        }
        if let units = expected["unitsInclude"] as? [String] {
            let keys = record.units.map(\.key)
            for unit in units {
                let k = key(unit)
                if !keys.contains(where: { $0 == k || " \($0) ".contains(" \(k) ") || " \(k) ".contains(" \($0) ") && $0.split(separator: " ").count >= 2 }) {
                    failures.append("units: missed \(unit)")
                }
            }
        }
        for needle in expected["textContains"] as? [String] ?? [] where !record.text.contains(needle) {
            failures.append("text lost \"\(needle)\"")
        }
        for needle in expected["textExcludes"] as? [String] ?? [] where record.text.contains(needle) {
            failures.append("text keeps chrome \"\(needle)\"")
        }
        return failures
    }
}
