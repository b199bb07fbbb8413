import Crypto

/// SHA-256 (FIPS 180-4) for the checksum of every input file: apple/swift-crypto's (BoringSSL on
/// Linux, which uses the processor's SHA instructions), behind the small interface the pipeline
/// uses (bytes in, lower-case hex out).
public struct SHA256 {
    private var hasher = Crypto.SHA256()

    public init() {}

    public static func hex<C: Collection>(_ data: C) -> String where C.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(data)
        return hasher.finalizeHex()
    }

    public mutating func update<C: Collection>(_ data: C) where C.Element == UInt8 {
        let done: Void? = data.withContiguousStorageIfAvailable { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        if done == nil { Array(data).withUnsafeBytes { hasher.update(bufferPointer: $0) } }
    }

    public mutating func finalize() -> [UInt8] { Array(hasher.finalize()) }

    public mutating func finalizeHex() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in finalize() { hex.append(digits[Int(byte >> 4)]); hex.append(digits[Int(byte & 0xF)]) }
        return String(decoding: hex, as: UTF8.self)
    }
}
