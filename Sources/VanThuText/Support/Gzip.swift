import CVanThuZlib

/// gzip through zlib: compression for archive copies, decompression (multi-member, size-capped)
/// for gzip inputs.
public enum Gzip {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case zlib(String)
        case truncated
        case tooLarge(limit: Int)

        public var description: String {
            switch self {
            case .zlib(let message): return "zlib: \(message)"
            case .truncated: return "truncated gzip stream"
            case .tooLarge(let limit): return "decompressed size over the limit of \(limit) bytes"
            }
        }
    }

    /// gzip-compresses `input` (one member).
    public static func compress(_ input: [UInt8], level: Int32 = 6) throws(Failure) -> [UInt8] {
        let deflater = try Deflater(level: level)
        var output: [UInt8] = []
        do {
            try input.withUnsafeBytes { try deflater.compress($0) { output += $0 } }
            try deflater.finish { output += $0 }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .zlib("\(error)")
        }
        return output
    }

    /// Streaming gzip compression (one member): feed chunks, then finish. Memory stays at zlib's
    /// window and one output chunk whatever the input's size.
    public final class Deflater {
        private var stream = z_stream()
        private var finished = false
        private var chunk = [UInt8](repeating: 0, count: 1 << 18)

        public init(level: Int32 = 6) throws(Failure) {
            guard deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw .zlib("deflateInit2 failed")
            }
        }

        deinit { deflateEnd(&stream) }

        /// Compresses `input`, handing each compressed chunk to `output`.
        public func compress(_ input: UnsafeRawBufferPointer, into output: ([UInt8]) throws -> Void) throws {
            try run(input, flush: Z_NO_FLUSH, into: output)
        }

        /// Ends the member, handing the last compressed chunks to `output`.
        public func finish(into output: ([UInt8]) throws -> Void) throws {
            guard !finished else { return }
            try run(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH, into: output)
            finished = true
        }

        private func run(_ input: UnsafeRawBufferPointer, flush: Int32, into output: ([UInt8]) throws -> Void) throws {
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = UInt32(input.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    let status = deflate(&stream, flush)
                    return (status, out.count - Int(stream.avail_out))
                }
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw Failure.zlib("deflate returned \(status)")
                }
                if produced > 0 { try output(Array(chunk[0..<produced])) }
                if flush == Z_FINISH ? status == Z_STREAM_END : (stream.avail_in == 0 && produced < chunk.count) { break }
            }
        }
    }

    /// Decompresses a gzip (or zlib) stream, including several gzip members one after another.
    /// Fails on a truncated stream and when the output would exceed `limit` bytes (a gzip bomb).
    public static func decompress(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        try inflate(input, windowBits: 15 + 32, limit: limit, members: true)
    }

    /// zlib's inflate over a whole buffer. `windowBits` 15 + 32 reads gzip or zlib headers, -15 raw
    /// deflate (zip entries); `members` goes on after the end of a stream when more input follows.
    package static func inflate(_ input: [UInt8], windowBits: Int32, limit: Int, members: Bool) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .zlib("inflateInit2 failed")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        // A gzip stream ends with its (last member's) size modulo 2^32: room for that much, within
        // the limit, spares the doublings of a growing buffer, which held a 64 MB content and
        // its 32 MB predecessor at once (issue 14, item 8). A wrong size only means growing.
        if windowBits > 15, input.count >= 18 {
            let n = input.count
            let size = Int(input[n - 4]) | Int(input[n - 3]) << 8 | Int(input[n - 2]) << 16 | Int(input[n - 1]) << 24
            output.reserveCapacity(min(size, limit))
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var failure: Failure?
        // zlib reads the input where it lies (`next_in` is not const only for old zlibs): no copy.
        input.withUnsafeBufferPointer { inBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
            stream.avail_in = UInt32(inBuffer.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { outBuffer -> (Int32, Int) in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    let status = CVanThuZlib.inflate(&stream, Z_NO_FLUSH)
                    return (status, outBuffer.count - Int(stream.avail_out))
                }
                if produced > 0 {
                    if output.count + produced > limit { failure = .tooLarge(limit: limit); return }
                    output.append(contentsOf: chunk[0..<produced])
                }
                switch status {
                case Z_STREAM_END:
                    guard members else { return }
                    // Another member may follow; skip trailing zero padding.
                    while stream.avail_in > 0 && stream.next_in.pointee == 0 {
                        stream.next_in += 1; stream.avail_in -= 1
                    }
                    if stream.avail_in == 0 { return }
                    guard inflateReset(&stream) == Z_OK else { failure = .zlib("inflateReset failed"); return }
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 { failure = .truncated; return }
                    if produced == 0 { failure = .zlib("no progress"); return }
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    failure = .zlib(message)
                    return
                }
            }
        }
        if let failure { throw failure }
        return output
    }
}
