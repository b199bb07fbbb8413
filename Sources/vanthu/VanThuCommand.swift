import ArgumentParser
import Foundation
import VanThu

@main
struct VanThuCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vanthu",
        abstract: "Turn folders of Vietnamese official documents and news into one searchable JSON archive.",
        discussion: """
        Exit status: 0 every input archived; 1 finished, some inputs quarantined (see run.json); \
        2 configuration error; 3 output error; 4 another run holds the output folder; 64 bad command line.
        """,
        subcommands: [RunCommand.self, ExtractCommand.self, ValidateCommand.self, SearchCommand.self, ShowCommand.self, StatsCommand.self, ExportCommand.self, BenchCommand.self, BenchExtractorCommand.self],
        defaultSubcommand: RunCommand.self
    )

    static func main() {
        Signals.install()
        main(nil)
    }
}
