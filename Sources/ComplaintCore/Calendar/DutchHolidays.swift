/// A named day on which the organisation does not count working days.
public struct Holiday: Sendable, Equatable, Codable {
    /// The day itself.
    public var date: LocalDate
    /// The Dutch name as parents and staff know it ("Tweede Paasdag"), or a closing day's own label.
    public var name: String

    /// Creates a holiday or closing day.
    public init(date: LocalDate, name: String) {
        self.date = date
        self.name = name
    }
}

/// The organisation's choices about which days count as holidays.
public struct HolidaySettings: Sendable, Equatable {
    /// Goede Vrijdag is not a general day off in the Netherlands; most organisations observe it anyway.
    public var observeGoodFriday = true
    /// Bevrijdingsdag is a day off every fifth year (2025, 2030) under most collective agreements; some give it yearly.
    public var liberationDayEveryYear = false
    /// The organisation's own closing days (e.g. a study day or the days between Kerst and Nieuwjaar), with their label.
    public var closingDays: [Holiday] = []

    /// Creates settings; the defaults match the common childcare collective agreement.
    public init(observeGoodFriday: Bool = true, liberationDayEveryYear: Bool = false, closingDays: [Holiday] = []) {
        self.observeGoodFriday = observeGoodFriday
        self.liberationDayEveryYear = liberationDayEveryYear
        self.closingDays = closingDays
    }
}

/// The Dutch public holidays (nationale feestdagen) plus the organisation's closing days.
public struct DutchHolidays: Sendable {
    /// The choices this calendar was made with.
    public let settings: HolidaySettings
    /// The days of `holidays(in:)` for the years around now: counting working days asks about
    /// every day of a term, and building a year's list for each of them was most of that cost.
    private var knownDays: Set<LocalDate>
    private static let knownYears = 2000...2100

    /// Creates the holiday list for an organisation.
    public init(settings: HolidaySettings = .init()) {
        self.settings = settings
        knownDays = []
        knownDays = Set(Self.knownYears.flatMap { holidays(in: $0).map(\.date) })
    }

    /// All holidays and closing days of `year`, sorted by date (public holidays before a closing day on the same date).
    public func holidays(in year: Int) -> [Holiday] {
        let easter = DutchHolidays.easterSunday(year)
        var days: [Holiday] = [Holiday(date: LocalDate(year: year, month: 1, day: 1), name: "Nieuwjaarsdag")]
        if settings.observeGoodFriday {
            days.append(Holiday(date: easter.adding(days: -2), name: "Goede Vrijdag"))
        }
        days.append(Holiday(date: easter, name: "Eerste Paasdag"))
        days.append(Holiday(date: easter.adding(days: 1), name: "Tweede Paasdag"))
        days.append(Holiday(date: DutchHolidays.kingsDay(year), name: "Koningsdag"))
        if settings.liberationDayEveryYear || year % 5 == 0 {
            days.append(Holiday(date: LocalDate(year: year, month: 5, day: 5), name: "Bevrijdingsdag"))
        }
        days.append(Holiday(date: easter.adding(days: 39), name: "Hemelvaartsdag"))
        days.append(Holiday(date: easter.adding(days: 49), name: "Eerste Pinksterdag"))
        days.append(Holiday(date: easter.adding(days: 50), name: "Tweede Pinksterdag"))
        days.append(Holiday(date: LocalDate(year: year, month: 12, day: 25), name: "Eerste Kerstdag"))
        days.append(Holiday(date: LocalDate(year: year, month: 12, day: 26), name: "Tweede Kerstdag"))
        days += settings.closingDays.filter { $0.date.year == year }
        // Hemelvaart can precede Bevrijdingsdag, so sort; the offset keeps public holidays
        // before a closing day on the same date.
        return days.enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
    }

    /// Whether `date` is a public holiday or a closing day.
    public func isHoliday(_ date: LocalDate) -> Bool {
        Self.knownYears.contains(date.year) ? knownDays.contains(date) : holiday(on: date) != nil
    }

    /// The holiday or closing day on `date`, if any (the public holiday when both fall on it).
    public func holiday(on date: LocalDate) -> Holiday? {
        holidays(in: date.year).first { $0.date == date }
    }

    /// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let monthAndDay = h + l - 7 * m + 114
        return LocalDate(year: year, month: monthAndDay / 31, day: monthAndDay % 31 + 1)
    }

    /// Koningsdag (the rule since 2014): 27 April, or Saturday 26 April when the 27th is a Sunday.
    public static func kingsDay(_ year: Int) -> LocalDate {
        let april27 = LocalDate(year: year, month: 4, day: 27)
        return april27.weekday == 7 ? LocalDate(year: year, month: 4, day: 26) : april27
    }
}
