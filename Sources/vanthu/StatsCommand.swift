import ArgumentParser
import Foundation
import VanThu

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Documents by kind and year, the most mentioned units, model counts by year and scope, upcoming deadlines."
    )

    @OptionGroup var location: ArchiveLocation


    @Option(help: "Deadlines on or after this date are upcoming (default: today).")
    var today: String?

    func run() throws {
        if let today, !SearchQuery.isISODate(today) || today.count != 10 {
            throw ValidationError("--today \(today): expected a real date as YYYY-MM-DD")
        }
        let store = try location.openStore()
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone.current
        let stats = try ArchiveStatistics(store: store, today: today ?? formatter.string(from: Date()))
        var lines = ["\(stats.documents) documents", "", "by kind and year"]
        for kind in stats.byKindAndYear.keys.sorted() {
            let years = stats.byKindAndYear[kind]!.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            lines.append("  \(kind.padding(toLength: 9, withPad: " ", startingAt: 0)) " + years.joined(separator: "  "))
        }
        lines += ["", "most mentioned units (documents, mentions)"]
        lines += stats.units.map { "  \(String($0.documents).leftPad(4)) \(String($0.mentions).leftPad(5))  \($0.name)" }
        lines += ["", "model counts by year and scope (totals)"]
        for year in stats.modelCounts.keys.sorted() {
            for (scope, count) in stats.modelCounts[year]!.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(year)  \(String(count).leftPad(6))  \(scope)")
            }
        }
        lines += ["", "upcoming deadlines"]
        lines += stats.upcomingDeadlines.map { "  \($0.due)  \($0.text)  [\($0.id)] \($0.title ?? "")" }
        print(lines.joined(separator: "\n"))
    }
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
