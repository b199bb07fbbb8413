import Foundation
import Testing
@testable import VanThuText
@testable import VanThuExtract

/// A document must give the same facts however it was stored: as an HTML page with site chrome
/// (UTF-8, or Windows-1258 with its meta tag), gzip-compressed in several members, in the legacy
/// encodings (TCVN3, VNI, VISCII, Windows-1258), UTF-16 with or without a byte order mark, in NFD,
/// or with the old tone placement. Each rendering is compared with the plain UTF-8 text fact by
/// fact (what the scorer reads), and must name its encoding.
struct RenderingEquivalenceTests {
    struct Source: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var testDescription: String { name }
    }

    static let sources: [Source] = {
        var sources: [Source] = []
        let names = ["cong-van-huyen-uy", "ke-hoach-ubnd", "news-model-counts", "web-dump-chrome", "traps"]
        for name in names {
            if let text = try? String(contentsOf: TestSupport.fixtures.appendingPathComponent("\(name)/input.txt"), encoding: .utf8) {
                sources.append(Source(name: name, text: text))
            }
        }
        if let shared = TestSupport.shared {
            let folder = shared.appendingPathComponent("seeds")
            for file in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
                if let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) {
                    sources.append(Source(name: "seed " + file, text: text))
                }
            }
        }
        return sources
    }()

    static let renderings = ["html", "html-windows-1258", "gzip", "tcvn3", "vni", "viscii", "windows-1258",
                             "utf-16le", "utf-16be", "utf-16le-bom", "utf-16be-bom", "nfd", "old-tones"]

    /// What the scorer compares, with names folded as it folds them.
    static func facts(_ record: Record) -> [String] {
        func key(_ s: String?) -> String { VietnameseFolding.canonicalKey(s ?? "") }
        var out = ["kind=\(record.kind.rawValue)", "title=\(key(record.title))", "date=\(record.date ?? "-")"]
        out += record.dates.map { "date:\($0.value ?? "?")/\($0.precision.rawValue)" }
        out += record.periods.map { "period:\($0.from)-\($0.to)" }
        out += record.deadlines.map { "deadline:\($0.due ?? "-")|\($0.recurrence?.rawValue ?? "-")|\(key($0.to))" }
        out += record.modelCounts.map { "count:\($0.count.map(String.init) ?? "~")|\($0.status.rawValue)|\($0.field ?? "-")|\($0.year.map(String.init) ?? "-")" }
        out += record.references.map { "reference:\($0.id)" }
        out += Set(record.units.map { "unit:" + key($0.name) }).sorted()
        if let h = record.header {
            out += ["number=\(h.number ?? "-")", "type=\(key(h.documentType))", "issuer=\(key(h.issuer))", "place=\(key(h.place))",
                    "header.date=\(h.date ?? "-")", "subject=\(key(h.subject))", "signer=\(key(h.signer?.name))|\(key(h.signer?.position))|\(key(h.signer?.authority))"]
            out += h.recipients.map { "to:" + key($0) } + h.copyTo.map { "copy:" + key($0) }
        }
        return out.sorted()
    }


    static func toOldTones(_ text: String) -> String {
        let pairs: [(String, String)] = [("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("õa", "oã"), ("ọa", "oạ"),
                                         ("òe", "oè"), ("óe", "oé"), ("ùy", "uỳ"), ("úy", "uý"), ("ủy", "uỷ"), ("ũy", "uỹ"), ("ụy", "uỵ")]
        var out = text
        for (new, old) in pairs {
            // Only at a syllable's end, where the two placements differ.
            out = out.replacingOccurrences(of: new + " ", with: old + " ").replacingOccurrences(of: new + ",", with: old + ",")
                .replacingOccurrences(of: new + "\n", with: old + "\n").replacingOccurrences(of: new + ".", with: old + ".")
        }
        return out
    }

    @Test("same facts in every rendering", arguments: sources)
    func renderingsGiveTheSameFacts(_ source: Source) throws {
        let plain = try TestSupport.process(Array(source.text.utf8), name: "plain.txt").get()
        let plainFacts = Self.facts(plain)
        for rendering in Self.renderings {
            var baseline = plainFacts
            let bytes: [UInt8]
            var name = "doc.txt"
            var encoding: String?
            switch rendering {
            case "html":
                bytes = Array(FormatTests.htmlPage(source.text).utf8)
                name = "doc.html"
                encoding = "utf-8"
            case "html-windows-1258":
                let page = LegacyRenderer.render(FormatTests.htmlPage(source.text, charset: "windows-1258"), as: "windows-1258")
                bytes = page.bytes
                name = "doc.html"
                encoding = "windows-1258"
                // Characters Windows-1258 lacks become ASCII stand-ins: compare with the text as rendered.
                let rendered = LegacyRenderer.render(source.text, as: "windows-1258").expected
                baseline = Self.facts(try TestSupport.process(Array(rendered.utf8), name: "plain.txt").get())
            case "gzip":
                let all = Array(source.text.utf8)
                bytes = try Gzip.compress(Array(all[..<(all.count / 3)])) + Gzip.compress(Array(all[(all.count / 3)...]))
                name = "doc.txt.gz"
                encoding = "utf-8"
            case "nfd":
                bytes = Array(source.text.decomposedStringWithCanonicalMapping.utf8)
                encoding = "utf-8"
            case "old-tones":
                bytes = Array(Self.toOldTones(source.text).utf8)
                encoding = "utf-8"
            default:
                let rendered = LegacyRenderer.render(source.text, as: rendering)
                bytes = rendered.bytes
                encoding = rendering.replacingOccurrences(of: "-bom", with: "")
                if rendered.expected != source.text.precomposedStringWithCanonicalMapping {
                    baseline = Self.facts(try TestSupport.process(Array(rendered.expected.utf8), name: "plain.txt").get())
                }
            }
            switch TestSupport.process(bytes, name: name) {
            case .failure(let failure):
                Issue.record("\(source.name) as \(rendering): quarantined at \(failure.stage.rawValue): \(failure.reason)")
            case .success(let record):
                if let encoding { #expect(record.source.encoding == encoding, "\(source.name) as \(rendering)") }
                let got = Self.facts(record)
                if got != baseline {
                    let missing = baseline.filter { !got.contains($0) }, extra = got.filter { !baseline.contains($0) }
                    Issue.record("\(source.name) as \(rendering): missing \(missing), extra \(extra)")
                }
            }
        }
    }
}
