import ArgumentParser
import Foundation
import VanThuStore

struct VerifyBagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-bag",
        abstract: "Check a BagIt bag against its manifests, as bagit-python's --validate does.",
        discussion: """
        Checks bagit.txt, every payload file against manifest-sha256.txt (changed, missing), every file under \
        data/ against the manifest (extra), Payload-Oxum, and the files tagmanifest-sha256.txt lists. Prints each \
        problem on its own line. Exit status: 0 the bag is valid; 1 it is not; 2 DIR is not a bag (no folder, no \
        bagit.txt, no SHA-256 manifest).
        """
    )

    @Argument(help: ArgumentHelp("The bag's folder.", valueName: "dir"))
    var bag: String

    func run() throws {
        let url = URL(fileURLWithPath: CLISupport.absolute(bag))
        let report = BagVerifier.verify(url)
        for problem in report.problems {
            if case .notABag = problem { CLISupport.fail("vanthu: \(problem.description)", status: .configuration) }
        }
        var lines = report.problems.map(\.description)
        for name in report.unchecked { lines.append("note: \(name) not checked (vanthu verify-bag computes SHA-256 only)") }
        if report.isValid {
            lines.append("\(url.path) is valid: \(report.payloadFiles) payload files, \(report.payloadBytes) bytes")
            print(lines.joined(separator: "\n"))
        } else {
            lines.append("\(url.path) is not valid: \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s")")
            print(lines.joined(separator: "\n"))
            Foundation.exit(ExitStatus.quarantined.rawValue)
        }
    }
}
