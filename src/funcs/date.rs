//! Sprig's date functions (`date.go`) with Go's layout-based formatting and parsing.
//! Times are [`TimeObj`] host objects (`time.Time`). Zones: `UTC`, `Local` (the process
//! offset) and fixed offsets; other zone names fall back to UTC (no tz database).

use super::args::{R, nargs, s};
use crate::gotmpl::{FuncError, FuncMap, Host, Object, Value};
use chrono::{Datelike, Offset, TimeZone, Timelike};
use std::rc::Rc;

pub(super) fn register(m: &mut FuncMap) {
    m.insert("ago", ago);
    m.insert("date", date);
    m.insert("date_in_zone", date_in_zone);
    m.insert("dateInZone", date_in_zone);
    m.insert("date_modify", date_modify);
    m.insert("dateModify", date_modify);
    m.insert("must_date_modify", must_date_modify);
    m.insert("mustDateModify", must_date_modify);
    m.insert("duration", duration);
    m.insert("durationRound", duration_round);
    m.insert("htmlDate", html_date);
    m.insert("htmlDateInZone", html_date_in_zone);
    m.insert("now", now);
    m.insert("toDate", to_date);
    m.insert("mustToDate", must_to_date);
    m.insert("unixEpoch", unix_epoch);
}

/// A Go `time.Time`: an instant plus the zone it is shown in.
#[derive(Debug, Clone)]
pub struct TimeObj {
    pub secs: i64,
    pub nsec: u32,
    /// Seconds east of UTC.
    pub offset: i32,
    /// Zone abbreviation (`UTC`, or empty to print the numeric offset).
    pub zone: String,
    /// Whether Go would print a monotonic clock reading (`time.Now()`).
    pub mono: bool,
}

fn local_offset(secs: i64) -> i32 {
    match chrono::Local.timestamp_opt(secs, 0) {
        chrono::LocalResult::Single(t) => t.offset().fix().local_minus_utc(),
        _ => 0,
    }
}

fn zone_name(offset: i32) -> String {
    if offset == 0 {
        "UTC".into()
    } else {
        String::new()
    }
}

impl TimeObj {
    pub fn now() -> TimeObj {
        let (secs, nsec) = super::random::now();
        let offset = local_offset(secs);
        TimeObj {
            secs,
            nsec,
            offset,
            zone: zone_name(offset),
            mono: true,
        }
    }

    pub fn unix(secs: i64) -> TimeObj {
        let offset = local_offset(secs);
        TimeObj {
            secs,
            nsec: 0,
            offset,
            zone: zone_name(offset),
            mono: false,
        }
    }

    fn value(self) -> Value {
        Value::Object(Rc::new(self))
    }

    /// The same instant shown in `zone` (`time.LoadLocation` names; unknown -> UTC).
    fn in_zone(&self, zone: &str) -> TimeObj {
        let offset = match zone {
            "Local" => local_offset(self.secs),
            _ => 0,
        };
        TimeObj {
            offset,
            zone: zone_name(offset),
            mono: false,
            ..self.clone()
        }
    }

    fn civil(&self) -> chrono::NaiveDateTime {
        let t = self.secs.saturating_add(self.offset as i64);
        chrono::DateTime::from_timestamp(t, self.nsec)
            .map(|d| d.naive_utc())
            .unwrap_or_default()
    }

    /// Go's `Time.Format(layout)`.
    pub fn format(&self, layout: &str) -> String {
        go_format(self, layout)
    }

    fn string(&self) -> String {
        let mut out = self.format("2006-01-02 15:04:05.999999999 -0700 MST");
        if self.mono {
            out.push_str(" m=+0.000000001");
        }
        out
    }
}

impl Object for TimeObj {
    fn type_name(&self) -> String {
        "time.Time".into()
    }

    fn get(&self, name: &str, args: &[Value]) -> Option<Result<Value, FuncError>> {
        let c = self.civil();
        let zero = |v: Value| -> Result<Value, FuncError> {
            if args.is_empty() {
                Ok(v)
            } else {
                Err(FuncError::bare(format!(
                    "wrong number of args for {name}: want 0 got {}",
                    args.len()
                )))
            }
        };
        Some(match name {
            "Format" => {
                if args.len() != 1 {
                    return Some(Err(FuncError::bare(format!(
                        "wrong number of args for Format: want 1 got {}",
                        args.len()
                    ))));
                }
                s(args, 0).map(|l| Value::str(self.format(l)))
            }
            "Unix" => zero(Value::Int64(self.secs)),
            "UnixMilli" => zero(Value::Int64(
                self.secs * 1000 + self.nsec as i64 / 1_000_000,
            )),
            "UnixNano" => zero(Value::Int64(
                self.secs.wrapping_mul(1_000_000_000) + self.nsec as i64,
            )),
            "Year" => zero(Value::Int(c.year() as i64)),
            "Day" => zero(Value::Int(c.day() as i64)),
            "YearDay" => zero(Value::Int(c.ordinal() as i64)),
            "Hour" => zero(Value::Int(c.hour() as i64)),
            "Minute" => zero(Value::Int(c.minute() as i64)),
            "Second" => zero(Value::Int(c.second() as i64)),
            "Nanosecond" => zero(Value::Int(self.nsec as i64)),
            "String" => zero(Value::str(self.string())),
            "UTC" => zero(self.in_zone("UTC").value()),
            "Local" => zero(self.in_zone("Local").value()),
            "IsZero" => zero(Value::Bool(self.secs == -62135596800 && self.nsec == 0)),
            _ => return None,
        })
    }

    fn format(&self) -> String {
        self.string()
    }

    fn to_plain(&self) -> Value {
        Value::str(self.format("2006-01-02T15:04:05.999999999Z07:00"))
    }

    fn kind(&self) -> &'static str {
        "struct"
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

const LONG_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const LONG_DAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Std {
    LongMonth,
    Month,
    NumMonth,
    ZeroMonth,
    LongWeekDay,
    WeekDay,
    Day,
    UnderDay,
    ZeroDay,
    UnderYearDay,
    ZeroYearDay,
    Hour,
    Hour12,
    ZeroHour12,
    Minute,
    ZeroMinute,
    Second,
    ZeroSecond,
    LongYear,
    Year,
    PM,
    Pm,
    TZ,
    Iso8601TZ,
    Iso8601SecondsTZ,
    Iso8601ShortTZ,
    Iso8601ColonTZ,
    Iso8601ColonSecondsTZ,
    NumTZ,
    NumSecondsTz,
    NumShortTZ,
    NumColonTZ,
    NumColonSecondsTZ,
    /// Fractional seconds: digit count, and whether trailing zeros are trimmed (`.999`).
    Frac(usize, bool),
}

/// Go's `nextStdChunk`: (prefix, std, suffix).
fn next_std(layout: &str) -> (&str, Option<(Std, usize)>) {
    let b = layout.as_bytes();
    let starts = |i: usize, p: &str| layout[i..].starts_with(p);
    for i in 0..b.len() {
        let found: Option<(Std, usize)> = match b[i] {
            b'J' if starts(i, "Jan") => {
                if starts(i, "January") {
                    Some((Std::LongMonth, 7))
                } else {
                    Some((Std::Month, 3))
                }
            }
            b'M' if starts(i, "Mon") => {
                if starts(i, "Monday") {
                    Some((Std::LongWeekDay, 6))
                } else {
                    Some((Std::WeekDay, 3))
                }
            }
            b'M' if starts(i, "MST") => Some((Std::TZ, 3)),
            b'0' if i + 1 < b.len() && (b'1'..=b'6').contains(&b[i + 1]) => Some((
                [
                    Std::ZeroMonth,
                    Std::ZeroDay,
                    Std::ZeroHour12,
                    Std::ZeroMinute,
                    Std::ZeroSecond,
                    Std::Year,
                ][(b[i + 1] - b'1') as usize],
                2,
            )),
            b'0' if starts(i, "002") => Some((Std::ZeroYearDay, 3)),
            b'1' => {
                if starts(i, "15") {
                    Some((Std::Hour, 2))
                } else {
                    Some((Std::NumMonth, 1))
                }
            }
            b'2' => {
                if starts(i, "2006") {
                    Some((Std::LongYear, 4))
                } else {
                    Some((Std::Day, 1))
                }
            }
            b'_' if i + 1 < b.len() && b[i + 1] == b'2' => {
                if starts(i + 1, "2006") {
                    return (&layout[..i + 1], Some((Std::LongYear, 4)));
                }
                Some((Std::UnderDay, 2))
            }
            b'_' if starts(i, "__2") => Some((Std::UnderYearDay, 3)),
            b'3' => Some((Std::Hour12, 1)),
            b'4' => Some((Std::Minute, 1)),
            b'5' => Some((Std::Second, 1)),
            b'P' if starts(i, "PM") => Some((Std::PM, 2)),
            b'p' if starts(i, "pm") => Some((Std::Pm, 2)),
            b'-' => {
                if starts(i, "-070000") {
                    Some((Std::NumSecondsTz, 7))
                } else if starts(i, "-07:00:00") {
                    Some((Std::NumColonSecondsTZ, 9))
                } else if starts(i, "-0700") {
                    Some((Std::NumTZ, 5))
                } else if starts(i, "-07:00") {
                    Some((Std::NumColonTZ, 6))
                } else if starts(i, "-07") {
                    Some((Std::NumShortTZ, 3))
                } else {
                    None
                }
            }
            b'Z' => {
                if starts(i, "Z070000") {
                    Some((Std::Iso8601SecondsTZ, 7))
                } else if starts(i, "Z07:00:00") {
                    Some((Std::Iso8601ColonSecondsTZ, 9))
                } else if starts(i, "Z0700") {
                    Some((Std::Iso8601TZ, 5))
                } else if starts(i, "Z07:00") {
                    Some((Std::Iso8601ColonTZ, 6))
                } else if starts(i, "Z07") {
                    Some((Std::Iso8601ShortTZ, 3))
                } else {
                    None
                }
            }
            b'.' | b',' if i + 1 < b.len() && (b[i + 1] == b'0' || b[i + 1] == b'9') => {
                let ch = b[i + 1];
                let mut j = i + 1;
                while j < b.len() && b[j] == ch {
                    j += 1;
                }
                if j < b.len() && b[j].is_ascii_digit() {
                    None
                } else {
                    Some((Std::Frac(j - (i + 1), ch == b'9'), j - i))
                }
            }
            _ => None,
        };
        if let Some(f) = found {
            return (&layout[..i], Some(f));
        }
    }
    (layout, None)
}

fn push_tz(out: &mut String, offset: i32, colon: bool, seconds: bool, short: bool) {
    let mut zone = offset / 60;
    let mut abs = offset;
    if zone < 0 {
        out.push('-');
        zone = -zone;
        abs = -abs;
    } else {
        out.push('+');
    }
    out.push_str(&format!("{:02}", zone / 60));
    if !short {
        if colon {
            out.push(':');
        }
        out.push_str(&format!("{:02}", zone % 60));
    }
    if seconds {
        if colon {
            out.push(':');
        }
        out.push_str(&format!("{:02}", abs % 60));
    }
}

fn go_format(t: &TimeObj, layout: &str) -> String {
    let c = t.civil();
    let mut out = String::new();
    let mut rest = layout;
    loop {
        let (prefix, std) = next_std(rest);
        out.push_str(prefix);
        let Some((std, len)) = std else { break };
        let hour = c.hour();
        match std {
            Std::Year => out.push_str(&format!("{:02}", c.year().rem_euclid(100))),
            Std::LongYear => out.push_str(&format!("{:04}", c.year())),
            Std::Month => out.push_str(&LONG_MONTHS[c.month0() as usize][..3]),
            Std::LongMonth => out.push_str(LONG_MONTHS[c.month0() as usize]),
            Std::NumMonth => out.push_str(&c.month().to_string()),
            Std::ZeroMonth => out.push_str(&format!("{:02}", c.month())),
            Std::WeekDay => {
                out.push_str(&LONG_DAYS[c.weekday().num_days_from_sunday() as usize][..3])
            }
            Std::LongWeekDay => {
                out.push_str(LONG_DAYS[c.weekday().num_days_from_sunday() as usize])
            }
            Std::Day => out.push_str(&c.day().to_string()),
            Std::UnderDay => out.push_str(&format!("{:>2}", c.day())),
            Std::ZeroDay => out.push_str(&format!("{:02}", c.day())),
            Std::UnderYearDay => out.push_str(&format!("{:>3}", c.ordinal())),
            Std::ZeroYearDay => out.push_str(&format!("{:03}", c.ordinal())),
            Std::Hour => out.push_str(&format!("{hour:02}")),
            Std::Hour12 => out.push_str(
                &(if hour.is_multiple_of(12) {
                    12
                } else {
                    hour % 12
                })
                .to_string(),
            ),
            Std::ZeroHour12 => out.push_str(&format!(
                "{:02}",
                if hour.is_multiple_of(12) {
                    12
                } else {
                    hour % 12
                }
            )),
            Std::Minute => out.push_str(&c.minute().to_string()),
            Std::ZeroMinute => out.push_str(&format!("{:02}", c.minute())),
            Std::Second => out.push_str(&c.second().to_string()),
            Std::ZeroSecond => out.push_str(&format!("{:02}", c.second())),
            Std::PM => out.push_str(if hour >= 12 { "PM" } else { "AM" }),
            Std::Pm => out.push_str(if hour >= 12 { "pm" } else { "am" }),
            Std::Iso8601TZ
            | Std::Iso8601ColonTZ
            | Std::Iso8601SecondsTZ
            | Std::Iso8601ShortTZ
            | Std::Iso8601ColonSecondsTZ
                if t.offset == 0 =>
            {
                out.push('Z')
            }
            Std::Iso8601TZ | Std::NumTZ => push_tz(&mut out, t.offset, false, false, false),
            Std::Iso8601ColonTZ | Std::NumColonTZ => {
                push_tz(&mut out, t.offset, true, false, false)
            }
            Std::Iso8601SecondsTZ | Std::NumSecondsTz => {
                push_tz(&mut out, t.offset, false, true, false)
            }
            Std::Iso8601ColonSecondsTZ | Std::NumColonSecondsTZ => {
                push_tz(&mut out, t.offset, true, true, false)
            }
            Std::Iso8601ShortTZ | Std::NumShortTZ => {
                push_tz(&mut out, t.offset, false, false, true)
            }
            Std::TZ => {
                if !t.zone.is_empty() {
                    out.push_str(&t.zone);
                } else {
                    push_tz(&mut out, t.offset, false, false, false);
                }
            }
            Std::Frac(n, trim) => {
                let sep = &rest[prefix.len()..prefix.len() + 1];
                let digits = format!("{:09}", t.nsec);
                let mut d = &digits[..n.min(9)];
                if trim {
                    d = d.trim_end_matches('0');
                    if !d.is_empty() {
                        out.push_str(sep);
                        out.push_str(d);
                    }
                } else {
                    out.push_str(sep);
                    out.push_str(d);
                    for _ in 9..n {
                        out.push('0');
                    }
                }
            }
        }
        rest = &rest[prefix.len() + len..];
    }
    out
}

/// Go's `time.Parse` for the layouts charts use (numeric fields, month/day names,
/// fractional seconds, numeric zones and `Z`); `Err` carries Go-like text.
fn go_parse(layout: &str, value: &str) -> Result<TimeObj, String> {
    let q = super::args::go_quote;
    let cannot = |velem: &str, lelem: &str| {
        format!(
            "parsing time {} as {}: cannot parse {} as {}",
            q(value),
            q(layout),
            q(velem),
            q(lelem)
        )
    };
    let mut rest_l = layout;
    let mut v = value;
    let (mut year, mut month, mut day, mut hour, mut min, mut sec, mut nsec) =
        (1i32, 1u32, 1u32, 0u32, 0u32, 0u32, 0u32);
    let mut pm: Option<bool> = None;
    let mut offset: Option<i32> = None;
    fn num(v: &str, min: usize, max: usize) -> Option<(u32, &str)> {
        let n = v
            .bytes()
            .take(max)
            .take_while(|c| c.is_ascii_digit())
            .count();
        if n < min {
            return None;
        }
        Some((v[..n].parse().ok()?, &v[n..]))
    }
    loop {
        let (prefix, std) = next_std(rest_l);
        v = v.strip_prefix(prefix).ok_or_else(|| cannot(v, prefix))?;
        let Some((std, len)) = std else {
            if !v.is_empty() {
                return Err(format!(
                    "parsing time {}: extra text: {}",
                    super::args::go_quote(value),
                    super::args::go_quote(v)
                ));
            }
            break;
        };
        let stdstr = &rest_l[prefix.len()..prefix.len() + len];
        rest_l = &rest_l[prefix.len() + len..];
        let hold = v;
        let err = || cannot(hold, stdstr);
        match std {
            Std::LongYear => {
                let (n, r) = num(v, 4, 4).ok_or_else(err)?;
                year = n as i32;
                v = r;
            }
            Std::Year => {
                let (n, r) = num(v, 2, 2).ok_or_else(err)?;
                year = if n >= 69 {
                    1900 + n as i32
                } else {
                    2000 + n as i32
                };
                v = r;
            }
            Std::ZeroMonth | Std::NumMonth => {
                let (n, r) =
                    num(v, if std == Std::ZeroMonth { 2 } else { 1 }, 2).ok_or_else(err)?;
                month = n;
                v = r;
            }
            Std::Month | Std::LongMonth => {
                let idx = LONG_MONTHS
                    .iter()
                    .position(|m| {
                        let m = if std == Std::Month { &m[..3] } else { m };
                        v.len() >= m.len()
                            && v.as_bytes()[..m.len()].eq_ignore_ascii_case(m.as_bytes())
                    })
                    .ok_or_else(err)?;
                let l = if std == Std::Month {
                    3
                } else {
                    LONG_MONTHS[idx].len()
                };
                month = idx as u32 + 1;
                v = &v[l..];
            }
            Std::WeekDay | Std::LongWeekDay => {
                let idx = LONG_DAYS
                    .iter()
                    .position(|d| {
                        let d = if std == Std::WeekDay { &d[..3] } else { d };
                        v.len() >= d.len()
                            && v.as_bytes()[..d.len()].eq_ignore_ascii_case(d.as_bytes())
                    })
                    .ok_or_else(err)?;
                let l = if std == Std::WeekDay {
                    3
                } else {
                    LONG_DAYS[idx].len()
                };
                v = &v[l..];
            }
            Std::Day | Std::ZeroDay | Std::UnderDay => {
                let t = if std == Std::UnderDay {
                    v.strip_prefix(' ').unwrap_or(v)
                } else {
                    v
                };
                let (n, r) = num(t, if std == Std::ZeroDay { 2 } else { 1 }, 2).ok_or_else(err)?;
                day = n;
                v = r;
            }
            Std::ZeroYearDay | Std::UnderYearDay => {
                let (_, r) = num(v.trim_start(), 1, 3).ok_or_else(err)?;
                v = r;
            }
            Std::Hour => {
                let (n, r) = num(v, 2, 2).ok_or_else(err)?;
                hour = n;
                v = r;
            }
            Std::Hour12 | Std::ZeroHour12 => {
                let (n, r) =
                    num(v, if std == Std::ZeroHour12 { 2 } else { 1 }, 2).ok_or_else(err)?;
                hour = n;
                v = r;
            }
            Std::Minute | Std::ZeroMinute => {
                let (n, r) =
                    num(v, if std == Std::ZeroMinute { 2 } else { 1 }, 2).ok_or_else(err)?;
                min = n;
                v = r;
            }
            Std::Second | Std::ZeroSecond => {
                let (n, r) =
                    num(v, if std == Std::ZeroSecond { 2 } else { 1 }, 2).ok_or_else(err)?;
                sec = n;
                v = r;
                // Go accepts fractional seconds after a seconds field even if the layout has none.
                if (v.starts_with('.') || v.starts_with(',')) && !rest_l.starts_with(['.', ',']) {
                    let digits = v[1..].bytes().take_while(|c| c.is_ascii_digit()).count();
                    if digits > 0 {
                        let frac = &v[1..1 + digits];
                        nsec = format!("{:0<9}", &frac[..frac.len().min(9)])
                            .parse()
                            .unwrap_or(0);
                        v = &v[1 + digits..];
                    }
                }
            }
            Std::Frac(n, trim) => {
                if !v.starts_with(['.', ',']) {
                    if trim {
                        continue;
                    }
                    return Err(err());
                }
                let digits = v[1..].bytes().take_while(|c| c.is_ascii_digit()).count();
                if !trim && digits != n {
                    return Err(err());
                }
                let frac = &v[1..1 + digits];
                nsec = format!("{:0<9}", &frac[..frac.len().min(9)])
                    .parse()
                    .unwrap_or(0);
                v = &v[1 + digits..];
            }
            Std::PM | Std::Pm => {
                if v.len() < 2 {
                    return Err(err());
                }
                match &v.as_bytes()[..2].to_ascii_uppercase()[..] {
                    b"PM" => pm = Some(true),
                    b"AM" => pm = Some(false),
                    _ => return Err(err()),
                }
                v = &v[2..];
            }
            Std::TZ => {
                if let Some(r) = v.strip_prefix("UTC") {
                    offset = Some(0);
                    v = r;
                } else {
                    let n = v.bytes().take_while(|c| c.is_ascii_uppercase()).count();
                    if n < 3 {
                        return Err(err());
                    }
                    v = &v[n..];
                }
            }
            _ => {
                // Numeric or ISO 8601 zones.
                let iso = matches!(
                    std,
                    Std::Iso8601TZ
                        | Std::Iso8601ColonTZ
                        | Std::Iso8601SecondsTZ
                        | Std::Iso8601ShortTZ
                        | Std::Iso8601ColonSecondsTZ
                );
                if iso && v.starts_with('Z') {
                    offset = Some(0);
                    v = &v[1..];
                    continue;
                }
                let sign = match v.as_bytes().first() {
                    Some(b'+') => 1,
                    Some(b'-') => -1,
                    _ => return Err(err()),
                };
                let body = &v[1..];
                let (hh, r) = num(body, 2, 2).ok_or_else(err)?;
                let mut r = r;
                let mut mm = 0;
                let mut ss = 0;
                let short = matches!(std, Std::Iso8601ShortTZ | Std::NumShortTZ);
                let colon = matches!(
                    std,
                    Std::Iso8601ColonTZ
                        | Std::NumColonTZ
                        | Std::Iso8601ColonSecondsTZ
                        | Std::NumColonSecondsTZ
                );
                if !short {
                    if colon {
                        r = r.strip_prefix(':').ok_or_else(err)?;
                    }
                    let (m2, r2) = num(r, 2, 2).ok_or_else(err)?;
                    mm = m2;
                    r = r2;
                    if matches!(
                        std,
                        Std::Iso8601SecondsTZ
                            | Std::NumSecondsTz
                            | Std::Iso8601ColonSecondsTZ
                            | Std::NumColonSecondsTZ
                    ) {
                        if colon {
                            r = r.strip_prefix(':').ok_or_else(err)?;
                        }
                        let (s2, r3) = num(r, 2, 2).ok_or_else(err)?;
                        ss = s2;
                        r = r3;
                    }
                }
                offset = Some(sign * (hh as i32 * 3600 + mm as i32 * 60 + ss as i32));
                v = r;
            }
        }
    }
    let err = || format!("parsing time {}: hour out of range", q(value));
    if let Some(p) = pm {
        if hour > 12 {
            return Err(err());
        }
        if p && hour < 12 {
            hour += 12;
        } else if !p && hour == 12 {
            hour = 0;
        }
    }
    let date = chrono::NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        format!(
            "parsing time {}: day out of range",
            super::args::go_quote(value)
        )
    })?;
    let time = chrono::NaiveTime::from_hms_opt(hour, min, sec).ok_or_else(err)?;
    let naive = chrono::NaiveDateTime::new(date, time);
    let local_secs = naive.and_utc().timestamp();
    let (secs, off) = match offset {
        Some(o) => (local_secs - o as i64, o),
        None => {
            let o = local_offset(local_secs);
            (local_secs - o as i64, o)
        }
    };
    let zone = if off == 0 {
        "UTC".to_string()
    } else {
        String::new()
    };
    Ok(TimeObj {
        secs,
        nsec,
        offset: off,
        zone,
        mono: false,
    })
}

/// Sprig's `dateInZone` argument handling: times, unix seconds, else now.
fn time_arg(v: &Value) -> TimeObj {
    match v {
        Value::Object(o) => match o.as_any().downcast_ref::<TimeObj>() {
            Some(t) => t.clone(),
            None => TimeObj::now(),
        },
        Value::Int(n) | Value::Int64(n) => TimeObj::unix(*n),
        _ => TimeObj::now(),
    }
}

fn time_param(a: &[Value], i: usize) -> Result<TimeObj, FuncError> {
    match a.get(i) {
        Some(Value::Object(o)) => {
            if let Some(t) = o.as_any().downcast_ref::<TimeObj>() {
                return Ok(t.clone());
            }
            Err(super::args::wrong_type("time.Time", &a[i]))
        }
        Some(v) => Err(super::args::wrong_type("time.Time", v)),
        None => Err(super::args::wrong_type("time.Time", &Value::Nil)),
    }
}

fn format_in_zone(layout: &str, v: &Value, zone: &str) -> String {
    time_arg(v).in_zone(zone).format(layout)
}

fn date(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("date", a, 2)?;
    Ok(Value::str(format_in_zone(s(a, 0)?, &a[1], "Local")))
}

fn date_in_zone(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("dateInZone", a, 3)?;
    let layout = s(a, 0)?;
    let zone = s(a, 2)?;
    Ok(Value::str(format_in_zone(layout, &a[1], zone)))
}

fn html_date(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("htmlDate", a, 1)?;
    Ok(Value::str(format_in_zone("2006-01-02", &a[0], "Local")))
}

fn html_date_in_zone(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("htmlDateInZone", a, 2)?;
    let zone = s(a, 1)?;
    Ok(Value::str(format_in_zone("2006-01-02", &a[0], zone)))
}

fn now(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("now", a, 0)?;
    Ok(TimeObj::now().value())
}

fn to_date(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("toDate", a, 2)?;
    let (layout, value) = (s(a, 0)?, s(a, 1)?);
    Ok(go_parse(layout, value)
        .unwrap_or(TimeObj {
            secs: -62135596800,
            nsec: 0,
            offset: 0,
            zone: "UTC".into(),
            mono: false,
        })
        .value())
}

fn must_to_date(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("mustToDate", a, 2)?;
    let (layout, value) = (s(a, 0)?, s(a, 1)?);
    go_parse(layout, value)
        .map(TimeObj::value)
        .map_err(FuncError::new)
}

fn unix_epoch(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("unixEpoch", a, 1)?;
    Ok(Value::str(time_param(a, 0)?.secs.to_string()))
}

/// Go's `time.ParseDuration`, in nanoseconds.
pub fn parse_duration(st: &str) -> Result<i64, String> {
    let orig = st;
    let bad = || format!("time: invalid duration {}", super::args::go_quote(orig));
    let (neg, mut rest) = match st.as_bytes().first() {
        Some(b'-') => (true, &st[1..]),
        Some(b'+') => (false, &st[1..]),
        _ => (false, st),
    };
    if rest == "0" {
        return Ok(0);
    }
    if rest.is_empty() {
        return Err(bad());
    }
    let mut total: f64 = 0.0;
    while !rest.is_empty() {
        let n = rest
            .bytes()
            .take_while(|c| c.is_ascii_digit() || *c == b'.')
            .count();
        if n == 0 {
            return Err(bad());
        }
        let num: f64 = rest[..n].parse().map_err(|_| bad())?;
        rest = &rest[n..];
        let u = rest
            .bytes()
            .take_while(|c| !c.is_ascii_digit() && *c != b'.')
            .count();
        let unit = &rest[..u];
        rest = &rest[u..];
        let mult = match unit {
            "ns" => 1.0,
            "us" | "µs" | "μs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            "m" => 60e9,
            "h" => 3600e9,
            "" => {
                return Err(format!(
                    "time: missing unit in duration {}",
                    super::args::go_quote(orig)
                ));
            }
            _ => {
                return Err(format!(
                    "time: unknown unit {} in duration {}",
                    super::args::go_quote(unit),
                    super::args::go_quote(orig)
                ));
            }
        };
        total += num * mult;
    }
    if total > i64::MAX as f64 {
        return Err(bad());
    }
    Ok(if neg {
        -(total.round() as i64)
    } else {
        total.round() as i64
    })
}

/// Go's `time.Duration.String`.
pub fn duration_string(d: i64) -> String {
    if d == 0 {
        return "0s".into();
    }
    let neg = d < 0;
    let u = d.unsigned_abs();
    let mut out = String::new();
    if u < 1_000_000_000 {
        let (unit, div) = if u < 1_000 {
            ("ns", 1u64)
        } else if u < 1_000_000 {
            ("µs", 1_000)
        } else {
            ("ms", 1_000_000)
        };
        out.push_str(&frac_string(u, div));
        out.push_str(unit);
    } else {
        let secs_total = u / 1_000_000_000;
        let h = secs_total / 3600;
        let m = (secs_total % 3600) / 60;
        let s_ns = u % 60_000_000_000;
        if h > 0 {
            out.push_str(&format!("{h}h"));
        }
        if h > 0 || m > 0 {
            out.push_str(&format!("{m}m"));
        }
        out.push_str(&frac_string(s_ns, 1_000_000_000));
        out.push('s');
    }
    if neg {
        out.insert(0, '-');
    }
    out
}

fn frac_string(v: u64, div: u64) -> String {
    let int = v / div;
    let frac = v % div;
    if frac == 0 {
        return int.to_string();
    }
    let width = (div as f64).log10().round() as usize;
    let f = format!("{frac:0width$}");
    format!("{int}.{}", f.trim_end_matches('0'))
}

fn duration(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("duration", a, 1)?;
    let n: i64 = match &a[0] {
        Value::Str(st) => super::args::parse_go_int(st, false).unwrap_or(0),
        Value::Int64(n) => *n,
        _ => 0,
    };
    Ok(Value::str(duration_string(n.wrapping_mul(1_000_000_000))))
}

fn duration_round(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("durationRound", a, 1)?;
    let d: i64 = match &a[0] {
        Value::Str(st) => parse_duration(st).unwrap_or(0),
        Value::Int64(n) => *n,
        Value::Object(o) => match o.as_any().downcast_ref::<TimeObj>() {
            Some(t) => {
                let now = TimeObj::now();
                (now.secs - t.secs) * 1_000_000_000 + now.nsec as i64 - t.nsec as i64
            }
            None => 0,
        },
        _ => 0,
    };
    let u = d.unsigned_abs();
    let hour = 3_600_000_000_000u64;
    let units = [
        (hour * 24 * 365, "y"),
        (hour * 24 * 30, "mo"),
        (hour * 24, "d"),
        (hour, "h"),
        (60_000_000_000, "m"),
        (1_000_000_000, "s"),
    ];
    for (size, name) in units {
        if u > size {
            return Ok(Value::str(format!("{}{name}", u / size)));
        }
    }
    Ok(Value::str("0s"))
}

fn ago(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("ago", a, 1)?;
    let t = match &a[0] {
        Value::Object(o) => o
            .as_any()
            .downcast_ref::<TimeObj>()
            .cloned()
            .unwrap_or_else(TimeObj::now),
        Value::Int(n) | Value::Int64(n) => TimeObj::unix(*n),
        _ => TimeObj::now(),
    };
    let now = TimeObj::now();
    let ns = (now.secs - t.secs) as i128 * 1_000_000_000 + now.nsec as i128 - t.nsec as i128;
    let rounded = ((ns as f64) / 1e9).round() as i64;
    Ok(Value::str(duration_string(
        rounded.saturating_mul(1_000_000_000),
    )))
}

fn modify(a: &[Value]) -> Result<Result<TimeObj, String>, FuncError> {
    let d = s(a, 0)?;
    let t = time_param(a, 1)?;
    Ok(parse_duration(d).map(|ns| {
        let total = t.nsec as i64 + ns.rem_euclid(1_000_000_000);
        let secs = t.secs + ns.div_euclid(1_000_000_000) + total / 1_000_000_000;
        TimeObj {
            secs,
            nsec: (total % 1_000_000_000) as u32,
            mono: false,
            ..t.clone()
        }
    }))
}

fn date_modify(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("dateModify", a, 2)?;
    let t = time_param(a, 1)?;
    Ok(modify(a)?.unwrap_or(t).value())
}

fn must_date_modify(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("mustDateModify", a, 2)?;
    modify(a)?.map(TimeObj::value).map_err(FuncError::new)
}
