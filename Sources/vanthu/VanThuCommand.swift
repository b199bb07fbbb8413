import ArgumentParser
import Foundation
import VanThuExtract

@main
struct VanThuCommand: ParsableCommand {
    static let version = "0.16.0 (rules \(ExtractorRegistry.rulesVersion))"

    static let configuration = CommandConfiguration(
        commandName: "vanthu",
        abstract: "Turn folders of Vietnamese official documents and news into one searchable JSON archive.",
        discussion: """
        Exit status: 0 success; 1 run finished with inputs quarantined (see run.json), or search found nothing; \
        2 configuration error; 3 output error (archive, store, index); 4 another run holds the output folder; \
        5 not found (an unknown document id, field or date value); 6 input root missing (or empty while the archive \
        holds files from it: not mounted?); 64 bad command line; 128+N stopped by signal N.
        """,
        version: version,
        subcommands: [RunCommand.self, ExtractCommand.self, ValidateCommand.self, SearchCommand.self, ShowCommand.self, StatsCommand.self, ServeCommand.self, ExportCommand.self, VerifyBagCommand.self, BenchCommand.self, BenchExtractorCommand.self]
    )

    static func main() {
        Signals.install()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = Self.dispatchProblem(arguments) {
            switch problem {
            case .help:
                print(helpMessage())
                Foundation.exit(0)
            case .unknown(let message):
                CLISupport.fail(message, status: .usage)
            }
        }
        main(arguments)
    }

    enum DispatchProblem: Equatable { case help, unknown(String) }

    static var commandNames: [String] { configuration.subcommands.map { $0._commandName } }

    /// No arguments: the help (a bare `vanthu` never runs anything). A first word that is no
    /// command (a typo) or `help` of one: an error naming the closest command, before anything runs.
    static func dispatchProblem(_ arguments: [String]) -> DispatchProblem? {
        guard let first = arguments.first else { return .help }
        if first.hasPrefix("-") { return nil }
        if first == "help" {
            guard let name = arguments.dropFirst().first(where: { !$0.hasPrefix("-") }), !commandNames.contains(name) else { return nil }
            return .unknown(unknownCommand(name))
        }
        return commandNames.contains(first) ? nil : .unknown(unknownCommand(first))
    }

    static func unknownCommand(_ name: String) -> String {
        let shown = name.count > 40 ? String(name.prefix(40)) + "…" : name
        var message = "vanthu: '\(shown)' is not a vanthu command (nothing was run)."
        if let near = suggestion(for: name, among: commandNames) {
            message += " Did you mean '\(near)'?"
        } else if FileManager.default.fileExists(atPath: name) {
            message += " To archive it: vanthu run --output OUT \(shown)"
        }
        return message + "\ncommands: " + commandNames.joined(separator: ", ") + "; vanthu --help says more"
    }

    /// The command nearest to a mistyped one (edit distance at most 2, or a prefix), as git does.
    static func suggestion(for word: String, among names: [String]) -> String? {
        let lower = word.lowercased()
        if lower.count >= 2, let prefixed = names.first(where: { $0.hasPrefix(lower) }) { return prefixed }
        let scored = names.map { ($0, editDistance(Array(lower), Array($0))) }.min { $0.1 < $1.1 }
        guard let (name, distance) = scored, distance <= max(1, min(2, name.count / 3)) else { return nil }
        return name
    }

    /// Edit distance where swapping two neighbours ("serach") counts one.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard a.count < 100, !a.isEmpty, !b.isEmpty else { return a.count < 100 ? max(a.count, b.count) : Int.max }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
