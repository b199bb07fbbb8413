import CZlib

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
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .zlib("deflateInit2 failed")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 32)
        var input = input
        let status: Int32 = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw .zlib("deflate returned \(status)") }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    /// Decompresses a gzip (or zlib) stream, including several gzip members one after another.
    /// Fails on a truncated stream and when the output would exceed `limit` bytes (a gzip bomb).
    public static func decompress(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        try inflate(input, windowBits: 15 + 32, limit: limit, members: true)
    }

    /// zlib's inflate over a whole buffer. `windowBits` 15 + 32 reads gzip or zlib headers, -15 raw
    /// deflate (zip entries); `members` goes on after the end of a stream when more input follows.
    static func inflate(_ input: [UInt8], windowBits: Int32, limit: Int, members: Bool) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .zlib("inflateInit2 failed")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = input
        var failure: Failure?
        input.withUnsafeMutableBufferPointer { inBuffer in
            stream.next_in = inBuffer.baseAddress
            stream.avail_in = UInt32(inBuffer.count)
            while true {
                let (status, produced) = chunk.withUnsafeMutableBufferPointer { outBuffer -> (Int32, Int) in
                    stream.next_out = outBuffer.baseAddress
                    stream.avail_out = UInt32(outBuffer.count)
                    let status = CZlib.inflate(&stream, Z_NO_FLUSH)
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
