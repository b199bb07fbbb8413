import ArgumentParser
import Dispatch
import Foundation
import VanThuPipeline
import VanThuPostgres
import VanThuServe
import VanThuStore

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the archive to researchers: search, documents, units, deadlines and counts, with a JSON API.",
        discussion: """
        Reads the store and index read-only (a run may write them at the same time) and shows a finished run \
        without a restart. Listens on 127.0.0.1 unless --host says otherwise. The API is described at /openapi.json. \
        With --store (or pipeline.json's store) it serves a PostgreSQL store; the original files of roots \
        recorded by name are found where --root NAME:PATH (or pipeline.json's named inputs) says.
        """
    )

    @OptionGroup var location: ArchiveLocation

    @Option(help: "The address to listen on (127.0.0.1: this machine only; 0.0.0.0 opens it to the network).")
    var host = "127.0.0.1"

    @Option(help: "The port (0: any free port, printed when listening).")
    var port = 8080

    @Option(name: .customLong("root"), help: ArgumentHelp("Where the files of an input root recorded by name are on this machine "
                                                         + "(repeatable), for the original files.", valueName: "name:path"))
    var roots: [String] = []

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port): expected 0 to 65535") }
        for root in roots where PipelineConfig.InputSpec.splitName(root) == nil {
            throw ValidationError("--root \(root): expected NAME:PATH")
        }
    }

    func run() throws {
        var rootPaths: [String: String] = [:]
        let (configuration, base) = location.archive == nil
            ? try CLISupport.loadConfig(location.config, allowMissing: true) : (PipelineConfig(inputs: []), nil)
        let baseFolder = base ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for input in configuration.inputs {
            if let name = input.name {
                rootPaths[name] = input.path.hasPrefix("/") ? input.path : baseFolder.appendingPathComponent(input.path).standardizedFileURL.path
            }
        }
        for root in roots {
            if let (name, path) = PipelineConfig.InputSpec.splitName(root) { rootPaths[name] = CLISupport.absolute(path) }
        }
        let archive: ServedArchive
        var storeURL = location.store
        if storeURL == nil, location.archive == nil, case .postgres(let url) = configuration.store { storeURL = url }
        if let storeURL, storeURL != "sqlite" {
            archive = ServedArchive(store: try location.openStore(), rootPaths: rootPaths)
        } else {
            let folder = location.archive.map { URL(fileURLWithPath: CLISupport.absolute($0)) }
                ?? Pipeline(config: configuration, baseDirectory: baseFolder).outputFolder
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
                CLISupport.fail("vanthu: no archive folder \(folder.path) (run vanthu run first, or give --archive FOLDER)", status: .configuration)
            }
            archive = ServedArchive(folder: folder, rootPaths: rootPaths)
        }
        let options = ServeServer.Options(host: host, port: port)
        let host = self.host
        let done = DispatchSemaphore(value: 0)
        let failure = Failure()
        Task {
            do {
                try await ServeServer.run(archive: archive, options: options) { port in
                    let shown = host.contains(":") ? "[\(host)]" : host
                    FileHandle.standardError.write(Data("vanthu serve: http://\(shown):\(port)/ (archive \(archive.location))\n".utf8))
                }
            } catch {
                failure.set("\(error)")
            }
            done.signal()
        }
        done.wait()
        if let message = failure.get() { CLISupport.fail("vanthu serve: \(message)", status: .output) }
    }

    final class Failure: @unchecked Sendable {
        private let lock = NSLock()
        private var message: String?
        func set(_ value: String) { lock.lock(); message = value; lock.unlock() }
        func get() -> String? { lock.lock(); defer { lock.unlock() }; return message }
    }
}
