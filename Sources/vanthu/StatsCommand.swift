import ArgumentParser
import Foundation
import VanThuText
import VanThuStore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Documents by kind and year, the most mentioned units, model counts by year and scope, upcoming deadlines.",
        discussion: "Sections with nothing in them are left out; --json gives every section, empty or not."
    )

    @OptionGroup var location: ArchiveLocation

    @Option(help: "Deadlines on or after this date are upcoming (default: today).")
    var today: String?

    @Flag(help: "Print the statistics as one JSON object.")
    var json = false

    func run() throws {
        if let today, !SearchQuery.isISODate(today) || today.count != 10 {
            CLISupport.notFound("--today \(today): expected a real date as YYYY-MM-DD")
        }
        let store = try location.openStore()
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone.current
        let stats = try ArchiveStatistics(store: store, today: today ?? formatter.string(from: Date()))
        if json {
            print(Self.json(stats))
            return
        }
        var lines = ["\(stats.documents) documents"]
        func section(_ title: String, _ body: [String]) {
            guard !body.isEmpty else { return }
            lines += ["", title] + body
        }
        section("by kind and year", stats.byKindAndYear.keys.sorted().map { kind in
            let years = stats.byKindAndYear[kind]!.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            return "  \(kind.padding(toLength: 9, withPad: " ", startingAt: 0)) " + years.joined(separator: "  ")
        })
        section("most mentioned units (documents, mentions)",
                stats.units.map { "  \(String($0.documents).leftPad(4)) \(String($0.mentions).leftPad(5))  \(CLISupport.oneLine($0.name))" })
        section("model counts by year and scope (totals)", stats.modelCounts.keys.sorted().flatMap { year in
            stats.modelCounts[year]!.sorted(by: { $0.key < $1.key }).map { "  \(year)  \(String($0.value).leftPad(6))  \(CLISupport.oneLine($0.key))" }
        })
        section("upcoming deadlines", stats.upcomingDeadlines.map {
            "  \($0.due)  \(Self.clip(CLISupport.oneLine($0.text), 80))  [\($0.id)] \(Self.clip(CLISupport.oneLine($0.title ?? ""), 60))"
        })
        print(lines.joined(separator: "\n"))
    }

    static func clip(_ text: String, _ width: Int) -> String { text.count > width ? String(text.prefix(width - 1)) + "…" : text }

    static func json(_ stats: ArchiveStatistics) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.field("documents", stats.documents)
        w.key("byKindAndYear")
        w.beginObject()
        for kind in stats.byKindAndYear.keys.sorted() {
            w.key(kind)
            w.beginObject()
            for (year, count) in stats.byKindAndYear[kind]!.sorted(by: { $0.key < $1.key }) { w.field(year, count) }
            w.endObject()
        }
        w.endObject()
        w.key("units")
        w.beginArray()
        for unit in stats.units {
            w.beginObject(); w.field("name", unit.name); w.field("documents", unit.documents); w.field("mentions", unit.mentions); w.endObject()
        }
        w.endArray()
        w.key("modelCounts")
        w.beginArray()
        for year in stats.modelCounts.keys.sorted() {
            for (scope, count) in stats.modelCounts[year]!.sorted(by: { $0.key < $1.key }) {
                w.beginObject(); w.field("year", year); w.field("scope", scope); w.field("count", count); w.endObject()
            }
        }
        w.endArray()
        w.key("upcomingDeadlines")
        w.beginArray()
        for d in stats.upcomingDeadlines {
            w.beginObject(); w.field("due", d.due); w.field("text", d.text); w.field("id", d.id); w.field("title", d.title); w.endObject()
        }
        w.endArray()
        w.endObject()
        return String(decoding: w.bytes, as: UTF8.self)
    }
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
