import ArgumentParser
import VanThu

/// Where the commands that read an archive find it: --output, else the configuration's output folder.
struct ArchiveLocation: ParsableArguments {
    @Option(name: .shortAndLong, help: "The output folder of the runs (where vanthu.sqlite is).")
    var output: String?

    @Option(name: .shortAndLong, help: "The pipeline configuration (its output folder is read).")
    var config: String = "pipeline.json"

    func openStore() throws -> ArchiveStore {
        try CLISupport.openStore(output: output, config: config)
    }
}
