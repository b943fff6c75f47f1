//! Sprig's math functions (`numeric.go` and the arithmetic in `functions.go`).
//! Integer arithmetic converts with spf13/cast and returns int64; the `…f` family goes
//! through shopspring/decimal (exact sums and products, quotients rounded to 16 places).

use super::args::{R, float, int, list, nargs, nargs_min, to_f64, to_i64, wrong_type};
use crate::gotmpl::value::shortest_digits;
use crate::gotmpl::{FuncError, FuncMap, Host, Value};

pub(super) fn register(m: &mut FuncMap) {
    m.insert("add1", add1);
    m.insert("add", add);
    m.insert("sub", sub);
    m.insert("div", div);
    m.insert("mod", modulo);
    m.insert("mul", mul);
    m.insert("add1f", add1f);
    m.insert("addf", addf);
    m.insert("subf", subf);
    m.insert("divf", divf);
    m.insert("mulf", mulf);
    m.insert("biggest", biggest);
    m.insert("max", max);
    m.insert("min", min);
    m.insert("maxf", maxf);
    m.insert("minf", minf);
    m.insert("ceil", ceil);
    m.insert("floor", floor);
    m.insert("round", round);
    m.insert("until", until);
    m.insert("untilStep", until_step);
    m.insert("seq", seq);
}

fn add1(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("add1", a, 1)?;
    Ok(Value::Int64(to_i64(&a[0]).wrapping_add(1)))
}

fn add(_: &mut dyn Host, a: &[Value]) -> R {
    Ok(Value::Int64(
        a.iter().fold(0i64, |acc, v| acc.wrapping_add(to_i64(v))),
    ))
}

fn sub(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("sub", a, 2)?;
    Ok(Value::Int64(to_i64(&a[0]).wrapping_sub(to_i64(&a[1]))))
}

const DIV_ZERO: &str = "runtime error: integer divide by zero";

fn div(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("div", a, 2)?;
    let b = to_i64(&a[1]);
    if b == 0 {
        return Err(FuncError::new(DIV_ZERO));
    }
    Ok(Value::Int64(to_i64(&a[0]).wrapping_div(b)))
}

fn modulo(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("mod", a, 2)?;
    let b = to_i64(&a[1]);
    if b == 0 {
        return Err(FuncError::new(DIV_ZERO));
    }
    Ok(Value::Int64(to_i64(&a[0]).wrapping_rem(b)))
}

fn mul(_: &mut dyn Host, a: &[Value]) -> R {
    nargs_min("mul", a, 1)?;
    Ok(Value::Int64(
        a[1..]
            .iter()
            .fold(to_i64(&a[0]), |acc, v| acc.wrapping_mul(to_i64(v))),
    ))
}

fn max_imp(name: &str, a: &[Value]) -> R {
    nargs_min(name, a, 1)?;
    Ok(Value::Int64(a.iter().map(to_i64).max().unwrap_or(0)))
}

fn biggest(_: &mut dyn Host, a: &[Value]) -> R {
    max_imp("biggest", a)
}

fn max(_: &mut dyn Host, a: &[Value]) -> R {
    max_imp("max", a)
}

fn min(_: &mut dyn Host, a: &[Value]) -> R {
    nargs_min("min", a, 1)?;
    Ok(Value::Int64(a.iter().map(to_i64).min().unwrap_or(0)))
}

/// Go's `math.Max`.
fn go_max(x: f64, y: f64) -> f64 {
    if x.is_infinite() && x > 0.0 || y.is_infinite() && y > 0.0 {
        return f64::INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { y } else { x };
    }
    if x > y { x } else { y }
}

/// Go's `math.Min`.
fn go_min(x: f64, y: f64) -> f64 {
    if x.is_infinite() && x < 0.0 || y.is_infinite() && y < 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { x } else { y };
    }
    if x < y { x } else { y }
}

fn maxf(_: &mut dyn Host, a: &[Value]) -> R {
    nargs_min("maxf", a, 1)?;
    Ok(Value::Float(
        a[1..]
            .iter()
            .fold(to_f64(&a[0]), |acc, v| go_max(acc, to_f64(v))),
    ))
}

fn minf(_: &mut dyn Host, a: &[Value]) -> R {
    nargs_min("minf", a, 1)?;
    Ok(Value::Float(
        a[1..]
            .iter()
            .fold(to_f64(&a[0]), |acc, v| go_min(acc, to_f64(v))),
    ))
}

/// An exact decimal `m × 10^e` (shopspring/decimal for the sizes templates use).
#[derive(Clone, Copy, Debug)]
struct Dec {
    m: i128,
    e: i32,
}

fn pow10(n: u32) -> Option<i128> {
    10i128.checked_pow(n)
}

impl Dec {
    fn from_f64(f: f64) -> Option<Dec> {
        if !f.is_finite() {
            return None;
        }
        if f == 0.0 {
            return Some(Dec { m: 0, e: 0 });
        }
        let (digits, dp) = shortest_digits(f);
        let m: i128 = digits.parse().ok()?;
        let m = if f < 0.0 { -m } else { m };
        Some(Dec {
            m,
            e: dp - digits.len() as i32,
        })
    }

    fn align(a: Dec, b: Dec) -> Option<(i128, i128, i32)> {
        let e = a.e.min(b.e);
        let am = a.m.checked_mul(pow10((a.e - e) as u32)?)?;
        let bm = b.m.checked_mul(pow10((b.e - e) as u32)?)?;
        Some((am, bm, e))
    }

    fn add(a: Dec, b: Dec) -> Option<Dec> {
        let (x, y, e) = Dec::align(a, b)?;
        Some(Dec {
            m: x.checked_add(y)?,
            e,
        })
    }

    fn sub(a: Dec, b: Dec) -> Option<Dec> {
        let (x, y, e) = Dec::align(a, b)?;
        Some(Dec {
            m: x.checked_sub(y)?,
            e,
        })
    }

    fn mul(a: Dec, b: Dec) -> Option<Dec> {
        Some(Dec {
            m: a.m.checked_mul(b.m)?,
            e: a.e.checked_add(b.e)?,
        })
    }

    /// `DivRound(b, 16)`: the quotient truncated to 16 places, then rounded half away from zero.
    fn div(a: Dec, b: Dec) -> Option<Dec> {
        if b.m == 0 {
            return None;
        }
        let k = a.e - b.e + 16;
        let (num, den) = if k >= 0 {
            (a.m.checked_mul(pow10(k as u32)?)?, b.m)
        } else {
            (a.m, b.m.checked_mul(pow10((-k) as u32)?)?)
        };
        let mut q = num / den;
        let r = num % den;
        if r.unsigned_abs() * 2 >= den.unsigned_abs() {
            if (num < 0) != (den < 0) {
                q -= 1;
            } else {
                q += 1;
            }
        }
        Some(Dec { m: q, e: -16 })
    }

    fn to_f64(self) -> f64 {
        format!("{}e{}", self.m, self.e).parse().unwrap_or(0.0)
    }
}

#[derive(Clone, Copy)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

fn decimal_op(first: f64, rest: &[Value], op: Op) -> R {
    let mut acc = Dec::from_f64(first);
    let mut facc = first;
    for v in rest {
        let x = to_f64(v);
        if matches!(op, Op::Div) && x == 0.0 {
            return Err(FuncError::new("decimal division by 0"));
        }
        let d = Dec::from_f64(x);
        facc = match op {
            Op::Add => facc + x,
            Op::Sub => facc - x,
            Op::Mul => facc * x,
            Op::Div => facc / x,
        };
        acc = match (acc, d) {
            (Some(p), Some(q)) => match op {
                Op::Add => Dec::add(p, q),
                Op::Sub => Dec::sub(p, q),
                Op::Mul => Dec::mul(p, q),
                Op::Div => Dec::div(p, q),
            },
            _ => None,
        };
        if acc.is_none() {
            // Out of our exact range: fall back to float arithmetic from here on.
            acc = None;
        }
    }
    Ok(Value::Float(acc.map(Dec::to_f64).unwrap_or(facc)))
}

fn add1f(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("add1f", a, 1)?;
    decimal_op(to_f64(&a[0]), &[Value::Int(1)], Op::Add)
}

fn addf(_: &mut dyn Host, a: &[Value]) -> R {
    decimal_op(0.0, a, Op::Add)
}

fn subf(_: &mut dyn Host, a: &[Value]) -> R {
    nargs_min("subf", a, 1)?;
    decimal_op(to_f64(&a[0]), &a[1..], Op::Sub)
}

fn divf(_: &mut dyn Host, a: &[Value]) -> R {
    nargs_min("divf", a, 1)?;
    decimal_op(to_f64(&a[0]), &a[1..], Op::Div)
}

fn mulf(_: &mut dyn Host, a: &[Value]) -> R {
    nargs_min("mulf", a, 1)?;
    decimal_op(to_f64(&a[0]), &a[1..], Op::Mul)
}

fn ceil(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("ceil", a, 1)?;
    Ok(Value::Float(to_f64(&a[0]).ceil()))
}

fn floor(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("floor", a, 1)?;
    Ok(Value::Float(to_f64(&a[0]).floor()))
}

fn round(_: &mut dyn Host, a: &[Value]) -> R {
    nargs_min("round", a, 2)?;
    let p = int(a, 1)?;
    let round_on = if a.len() > 2 { float(a, 2)? } else { 0.5 };
    for i in 3..a.len() {
        float(a, i)?;
    }
    let val = to_f64(&a[0]);
    let pow = 10f64.powf(p as f64);
    let digit = pow * val;
    let frac = digit - digit.trunc();
    let r = if frac >= round_on {
        digit.ceil()
    } else {
        digit.floor()
    };
    Ok(Value::Float(r / pow))
}

/// Sprig's `untilStep`.
pub fn until_step_vec(start: i64, stop: i64, step: i64) -> Result<Vec<i64>, FuncError> {
    let mut v = Vec::new();
    let too_big = || FuncError::new("runtime error: makeslice: len out of range");
    if stop < start {
        if step >= 0 {
            return Ok(v);
        }
        let mut i = start;
        while i > stop {
            v.push(i);
            if v.len() > 1 << 22 {
                return Err(too_big());
            }
            i = match i.checked_add(step) {
                Some(n) => n,
                None => break,
            };
        }
        return Ok(v);
    }
    if step <= 0 {
        return Ok(v);
    }
    let mut i = start;
    while i < stop {
        v.push(i);
        if v.len() > 1 << 22 {
            return Err(too_big());
        }
        i = match i.checked_add(step) {
            Some(n) => n,
            None => break,
        };
    }
    Ok(v)
}

fn ints(v: Vec<i64>) -> Value {
    list(v.into_iter().map(Value::Int).collect())
}

fn until(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("until", a, 1)?;
    let count = int(a, 0)?;
    let step = if count < 0 { -1 } else { 1 };
    Ok(ints(until_step_vec(0, count, step)?))
}

fn until_step(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("untilStep", a, 3)?;
    Ok(ints(until_step_vec(int(a, 0)?, int(a, 1)?, int(a, 2)?)?))
}

fn seq(_: &mut dyn Host, a: &[Value]) -> R {
    let mut p = Vec::new();
    for v in a {
        match v {
            Value::Int(n) => p.push(*n),
            other => return Err(wrong_type("int", other)),
        }
    }
    let join = |v: Vec<i64>| {
        Value::str(
            v.iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(" "),
        )
    };
    let out = match p.len() {
        1 => {
            let (start, end) = (1, p[0]);
            let inc = if end < start { -1 } else { 1 };
            until_step_vec(start, end.wrapping_add(inc), inc)?
        }
        2 => {
            let (start, end) = (p[0], p[1]);
            let step = if end < start { -1 } else { 1 };
            until_step_vec(start, end.wrapping_add(step), step)?
        }
        3 => {
            let (start, step, end) = (p[0], p[1], p[2]);
            let mut inc = 1;
            if end < start {
                inc = -1;
                if step > 0 {
                    return Ok(Value::str(""));
                }
            }
            until_step_vec(start, end.wrapping_add(inc), step)?
        }
        _ => return Ok(Value::str("")),
    };
    Ok(join(out))
}
