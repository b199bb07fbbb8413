import ArgumentParser
import Foundation
import VanThuStore

/// Where the commands that read an archive find it: --archive, else the configuration's output folder.
/// `--output` and `-o` are older spellings of --archive here (these commands only read it).
struct ArchiveLocation: ParsableArguments {
    @Option(name: [.customLong("archive"), .customLong("output"), .customShort("o")],
            help: ArgumentHelp("The archive folder: the output folder of the runs, where vanthu.sqlite is (-o and --output are older spellings).",
                               valueName: "folder"))
    var archive: String?

    @Option(name: .shortAndLong, help: "The pipeline configuration (its output folder is read).")
    var config: String = "pipeline.json"

    @Option(help: ArgumentHelp("Read a PostgreSQL store instead of a folder: postgres://USER@HOST[:PORT]/DATABASE "
                               + "(the password from PGPASSWORD or ~/.pgpass).", valueName: "url"))
    var store: String?

    func openStore() throws -> any RecordStore {
        try CLISupport.openStore(output: archive, config: config, store: store)
    }
}

/// `--color auto|always|never`: auto colours on a terminal unless NO_COLOR is set (no-color.org).
enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    func enabled(fileDescriptor: Int32) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
            if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
            return isatty(fileDescriptor) == 1
        }
    }
}
