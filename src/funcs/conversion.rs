//! Type conversions: `toString`, `atoi`, `int`, `int64`, `float64`, `toDecimal`.

use super::args::{R, nargs, parse_go_int, s, strval, to_f64, to_i64};
use crate::gotmpl::{FuncMap, Host, Value};

pub(super) fn register(m: &mut FuncMap) {
    m.insert("toString", to_string);
    m.insert("atoi", atoi);
    m.insert("int", int);
    m.insert("int64", int64);
    m.insert("float64", float64);
    m.insert("toDecimal", to_decimal);
}

fn to_string(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("toString", a, 1)?;
    Ok(Value::str(strval(&a[0])))
}

/// `strconv.Atoi` with the error ignored: out-of-range values clamp, syntax errors give 0.
fn atoi(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("atoi", a, 1)?;
    let st = s(a, 0)?;
    let n = match parse_go_int(st, false) {
        Some(n) => n,
        None => {
            let body = st.strip_prefix(['+', '-']).unwrap_or(st);
            if !body.is_empty() && body.bytes().all(|b| b.is_ascii_digit()) {
                if st.starts_with('-') {
                    i64::MIN
                } else {
                    i64::MAX
                }
            } else {
                0
            }
        }
    };
    Ok(Value::Int(n))
}

fn int(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("int", a, 1)?;
    Ok(Value::Int(to_i64(&a[0])))
}

fn int64(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("int64", a, 1)?;
    Ok(Value::Int64(to_i64(&a[0])))
}

fn float64(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("float64", a, 1)?;
    Ok(Value::Float(to_f64(&a[0])))
}

/// Unix octal to decimal: `strconv.ParseInt(fmt.Sprint(v), 8, 64)`, errors give 0.
fn to_decimal(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("toDecimal", a, 1)?;
    let text = a[0].to_go_string();
    let (neg, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text.as_str()),
    };
    let mut n: i128 = 0;
    let ok = !body.is_empty()
        && body.chars().all(|c| {
            if let Some(d) = c.to_digit(8) {
                n = n * 8 + d as i128;
                n <= (1i128 << 63)
            } else {
                false
            }
        });
    let v = if !ok {
        0
    } else if neg {
        (-n) as i64
    } else if n > i64::MAX as i128 {
        0
    } else {
        n as i64
    };
    Ok(Value::Int64(v))
}
