import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock (flock) on `OUTPUT/.vanthu.lock`, held for as long as the run lives: two runs
/// on one output never interleave. The kernel releases it when the process ends, even by kill -9.
public final class OutputLock {
    public enum Failure: Error, CustomStringConvertible {
        case busy(path: String)
        case cannotOpen(path: String, reason: String)

        public var description: String {
            switch self {
            case .busy(let path): return "another vanthu run is using this output folder (lock \(path)); wait for it, or run with --wait"
            case .cannotOpen(let path, let reason): return "cannot open the lock file \(path): \(reason)"
            }
        }
    }

    private let fd: Int32
    public let path: String

    public init(folder: URL, wait: Bool) throws(Failure) {
        path = folder.appendingPathComponent(".vanthu.lock").path
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        while flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            if errno == EINTR { continue }
            close(fd)
            throw .busy(path: path)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
