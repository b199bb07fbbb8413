import ArgumentParser
import Foundation
import VanThuExtract

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one archived document, readable by a person (or as JSON).",
        discussion: "ID may be shortened to its first characters (at least 4). Long lists show their first 10 entries; --all shows every one, --json gives the whole record as archive.json has it, --dropped the lines the chrome filter took out with their rules. An unknown id exits 5."
    )

    @OptionGroup var location: ArchiveLocation


    @Flag(help: "Print the record as JSON.")
    var json = false

    @Flag(help: "Also print the cleaned text.")
    var text = false

    @Flag(help: "List every date, deadline, unit … (by default long lists show their first 10).")
    var all = false

    @Flag(help: "Also print the lines the chrome filter dropped from the text, each with its line number and the rule that dropped it (kept in the store, not in archive.json).")
    var dropped = false

    @Argument(help: "The document id.")
    var id: String

    func run() throws {
        let store = try location.openStore()
        let shown = id.count > 40 ? String(id.prefix(40)) + "…" : id
        guard id.count >= 4 else {
            CLISupport.notFound("no document with id \(shown) (give at least 4 characters of an id; vanthu search lists them)")
        }
        let record: Record
        switch try store.lookup(id: id) {
        case .found(let found): record = found
        case .notFound:
            CLISupport.notFound("no document with id \(shown) (ids are hexadecimal; give at least 4 of their first characters; vanthu search lists them)")
        case .ambiguous(let ids):
            CLISupport.notFound("\(shown) starts several ids (\(ids.joined(separator: ", "))…): give more characters")
        }
        if json { print(record.jsonString); return }
        var lines: [String] = []
        lines.append("\(record.title ?? "(no title)")")
        lines.append("id \(record.id) · \(record.kind.rawValue) · \(record.date ?? "no date")\(record.gone == true ? " · gone" : "")")
        lines.append("source \(record.source.root.map { $0 + " : " } ?? "")\(record.source.path) (\(record.source.format), \(record.source.encoding), \(record.source.bytes) bytes, sha256 \(record.source.sha256.prefix(16))…)")
        if !record.source.alsoAt.isEmpty { lines.append("also at " + record.source.alsoAt.joined(separator: ", ")) }
        if let h = record.header {
            lines.append("")
            lines.append("header")
            for (label, value) in [("number", h.number), ("type", h.documentType), ("issuer", h.issuer), ("place", h.place),
                                   ("date", h.date), ("subject", h.subject)] {
                if let value { lines.append("  \(label.padding(toLength: 10, withPad: " ", startingAt: 0)) \(value)") }
            }
            if !h.recipients.isEmpty { lines.append("  to         " + h.recipients.joined(separator: "; ")) }
            if !h.copyTo.isEmpty { lines.append("  copy to    " + h.copyTo.joined(separator: "; ")) }
            if let s = h.signer { lines.append("  signed     " + [s.authority, s.position, s.name].compactMap { $0 }.joined(separator: " · ")) }
        }
        let shortList = 10
        func section(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            lines.append("")
            if all || items.count <= shortList + 2 {
                lines.append("\(title) (\(items.count))")
                lines += items.map { "  " + CLISupport.oneLine($0) }
            } else {
                lines.append("\(items.count) \(title): first \(shortList) (--all or --json for every one)")
                lines += items.prefix(shortList).map { "  " + CLISupport.oneLine($0) }
                lines.append("  … \(items.count - shortList) more")
            }
        }
        section("dates", record.dates.map { "\($0.value ?? "?")  \($0.text)" })
        section("periods", record.periods.map { "\($0.from)–\($0.to)  \($0.text)" })
        section("deadlines", record.deadlines.map { d in
            "\(d.due ?? "relative")\(d.recurrence.map { " (\($0.rawValue))" } ?? "")  \(d.text)" + (d.to.map { " → \($0)" } ?? "")
        })
        section("model counts", record.modelCounts.map { c in
            "\(c.count.map(String.init) ?? "≈\(c.lowerBound.map(String.init) ?? "?")") \(c.status)"
                + (c.field.map { " · \($0)" } ?? "") + (c.year.map { " · \($0)" } ?? "") + (c.scope.map { " · \($0)" } ?? "")
                + "  «\(c.text)»"
        })
        section("units", record.units.map { "\($0.name) (\($0.mentions.count)×)" })
        section("people", record.people.map { [$0.position, $0.name, $0.unit].compactMap { $0 }.joined(separator: " · ") })
        section("references", record.references.map { [$0.type, $0.id, $0.date].compactMap { $0 }.joined(separator: " ") })
        if dropped {
            lines.append("")
            if record.droppedLines.isEmpty {
                lines.append("dropped lines: none")
            } else {
                lines.append("dropped lines (\(record.droppedLines.count))")
                lines += record.droppedLines.map { "  line \($0.line + 1)  \($0.rule)  " + CLISupport.oneLine($0.text) }
            }
        }
        if text { lines.append(""); lines.append(record.text) }
        print(lines.joined(separator: "\n"))
    }
}
