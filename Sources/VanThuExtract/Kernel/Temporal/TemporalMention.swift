/// One temporal expression found by `TemporalScanner`, in folded-text offsets.
package struct TemporalMention: Sendable {
    package enum Kind: Sendable, Equatable {
        /// A calendar day, month, quarter or year (`value`).
        case point
        /// A span from `value` to `end` (`giai đoạn 2015-2020`, `từ ngày 01/3 đến ngày 30/6/2020`).
        case period
        /// A day of the month with no month yet (`ngày 1` in `từ ngày 1 đến ngày 5/3/2020`).
        case dayOnly
        /// A count of days, months … (`15 ngày`), for relative deadlines; only when asked for.
        case duration
    }

    package enum Recurrence: String, Sendable {
        case yearly, monthly
    }

    package var kind: Kind
    /// The span of the mention's text, cue word included (`ngày 14/8/2015`, `Sáng 9/3`).
    package var range: Range<Int>
    package var value: CalendarValue
    /// The end of a period.
    package var end: CalendarValue?
    package var recurrence: Recurrence?
    /// The word that introduced the mention.
    package var cue: TemporalCue
    package var rule: String
    /// Set when the mention became part of a period and is no longer a fact of its own (years of
    /// `từ năm 2015 đến năm 2017`).
    package var absorbed = false
}
