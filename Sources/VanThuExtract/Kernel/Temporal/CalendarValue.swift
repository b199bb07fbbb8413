/// The calendar value of a temporal mention: some of year, quarter, month, day. A missing year is
/// filled from a neighbour ("từ ngày 01/3 đến ngày 30/6/2020") or from the document's own date.
package struct CalendarValue: Equatable, Sendable {
    package var year: Int?
    package var quarter: Int?
    package var month: Int?
    package var day: Int?
    /// Year relative to the document's year ("tháng 3 năm ngoái" → -1), when the year is a word.
    package var relativeYear: Int?

    package var precision: DatePrecision {
        if day != nil { return .day }
        if month != nil { return .month }
        if quarter != nil { return .quarter }
        return .year
    }

    /// ISO form (`YYYY-MM-DD`, `YYYY-MM`, `YYYY-Qn`, `YYYY`), or nil without a year.
    package var iso: String? {
        guard let year else { return nil }
        // Ten bytes at most, written by hand into a small string: interpolating and padding made
        // and joined several strings for each date.
        guard (0...9999).contains(year), (0...99).contains(month ?? 0), (0...99).contains(day ?? 0),
              (0...9).contains(quarter ?? 0) else { return isoByInterpolation }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 10) { buffer in
            var n = 0
            @inline(__always) func put(_ value: Int, _ width: Int) {
                var divisor = width == 4 ? 1000 : 10
                while divisor > 0 {
                    buffer[n] = UInt8(truncatingIfNeeded: 48 + value / divisor % 10)
                    n += 1
                    divisor /= 10
                }
            }
            put(year, 4)
            if let month {
                buffer[n] = 0x2D; n += 1
                put(month, 2)
                if let day {
                    buffer[n] = 0x2D; n += 1
                    put(day, 2)
                }
            } else if let quarter {
                buffer[n] = 0x2D; buffer[n + 1] = 0x51; buffer[n + 2] = UInt8(48 + quarter)
                n += 3
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<n]), as: UTF8.self)
        }
    }

    /// `iso` by string interpolation, for any values (negative ones, years past 9999).
    package var isoByInterpolation: String? {
        guard let year else { return nil }
        let y = Self.pad(year, 4)
        if let month {
            if let day { return "\(y)-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }
            return "\(y)-\(Self.pad(month, 2))"
        }
        if let quarter { return "\(y)-Q\(quarter)" }
        return y
    }

    /// The value with its year taken from `documentYear` when it has none of its own.
    package func resolved(documentYear: Int?) -> CalendarValue {
        guard year == nil, let documentYear else { return self }
        var copy = self
        copy.year = documentYear + (relativeYear ?? 0)
        return copy
    }

    package static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    package static func isValidYear(_ year: Int) -> Bool { year >= 1800 && year <= 2199 }
}
