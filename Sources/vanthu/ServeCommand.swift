import ArgumentParser
import Dispatch
import Foundation
import VanThuPipeline
import VanThuServe

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the archive to researchers: search, documents, units, deadlines and counts, with a JSON API.",
        discussion: """
        Reads the store and index read-only (a run may write them at the same time) and shows a finished run \
        without a restart. Listens on 127.0.0.1 unless --host says otherwise. The API is described at /openapi.json.
        """
    )

    @OptionGroup var location: ArchiveLocation

    @Option(help: "The address to listen on (127.0.0.1: this machine only; 0.0.0.0 opens it to the network).")
    var host = "127.0.0.1"

    @Option(help: "The port (0: any free port, printed when listening).")
    var port = 8080

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port): expected 0 to 65535") }
    }

    func run() throws {
        let folder: URL
        if let archive = location.archive {
            folder = URL(fileURLWithPath: CLISupport.absolute(archive))
        } else {
            let (configuration, base) = try CLISupport.loadConfig(location.config, allowMissing: true)
            folder = Pipeline(config: configuration, baseDirectory: base ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).outputFolder
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            CLISupport.fail("vanthu: no archive folder \(folder.path) (run vanthu run first, or give --archive FOLDER)", status: .configuration)
        }
        let archive = ServedArchive(folder: folder)
        let options = ServeServer.Options(host: host, port: port)
        let host = self.host
        let done = DispatchSemaphore(value: 0)
        let failure = Failure()
        Task {
            do {
                try await ServeServer.run(archive: archive, options: options) { port in
                    let shown = host.contains(":") ? "[\(host)]" : host
                    FileHandle.standardError.write(Data("vanthu serve: http://\(shown):\(port)/ (archive \(folder.path))\n".utf8))
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
