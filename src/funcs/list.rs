//! Sprig's list functions (`list.go`). The non-`must` variants panic where the `must`
//! ones return the error; Go's template engine turns both into the same call error.

use super::args::{NIL_DEREF, R, int, list, nargs, nargs_min, slice_items, to_i64};
use super::reflect::deep_equal;
use crate::gotmpl::{FuncError, FuncMap, Host, Value};
use std::rc::Rc;

pub(super) fn register(m: &mut FuncMap) {
    m.insert("list", list_fn);
    m.insert("tuple", list_fn);
    m.insert("append", push);
    m.insert("push", push);
    m.insert("mustAppend", must_push);
    m.insert("mustPush", must_push);
    m.insert("prepend", prepend);
    m.insert("mustPrepend", must_prepend);
    m.insert("first", first);
    m.insert("mustFirst", must_first);
    m.insert("rest", rest);
    m.insert("mustRest", must_rest);
    m.insert("last", last);
    m.insert("mustLast", must_last);
    m.insert("initial", initial);
    m.insert("mustInitial", must_initial);
    m.insert("reverse", reverse);
    m.insert("mustReverse", must_reverse);
    m.insert("uniq", uniq);
    m.insert("mustUniq", must_uniq);
    m.insert("without", without);
    m.insert("mustWithout", must_without);
    m.insert("has", has);
    m.insert("mustHas", must_has);
    m.insert("slice", slice);
    m.insert("mustSlice", must_slice);
    m.insert("concat", concat);
    m.insert("chunk", chunk);
    m.insert("mustChunk", must_chunk);
    m.insert("compact", compact);
    m.insert("mustCompact", must_compact);
}

fn list_fn(_: &mut dyn Host, a: &[Value]) -> R {
    Ok(list(a.to_vec()))
}

/// The elements of a slice argument, or Sprig's `Cannot WHAT on type KIND` error.
fn items(v: &Value, what: &str) -> Result<Vec<Value>, FuncError> {
    if v.is_nil() {
        return Err(FuncError::new(NIL_DEREF));
    }
    slice_items(v).ok_or_else(|| FuncError::new(format!("{what} {}", v.kind_name())))
}

macro_rules! twin {
    ($plain:ident, $must:ident, $name:expr, $mname:expr, $imp:ident, $n:expr) => {
        fn $plain(_: &mut dyn Host, a: &[Value]) -> R {
            nargs($name, a, $n)?;
            $imp(a)
        }
        fn $must(_: &mut dyn Host, a: &[Value]) -> R {
            nargs($mname, a, $n)?;
            $imp(a)
        }
    };
}

fn push_imp(a: &[Value]) -> R {
    let mut l = items(&a[0], "Cannot push on type")?;
    l.push(a[1].clone());
    Ok(list(l))
}
twin!(push, must_push, "append", "mustAppend", push_imp, 2);

fn prepend_imp(a: &[Value]) -> R {
    let mut l = items(&a[0], "Cannot prepend on type")?;
    l.insert(0, a[1].clone());
    Ok(list(l))
}
twin!(
    prepend,
    must_prepend,
    "prepend",
    "mustPrepend",
    prepend_imp,
    2
);

fn first_imp(a: &[Value]) -> R {
    let l = items(&a[0], "Cannot find first on type")?;
    Ok(l.into_iter().next().unwrap_or(Value::Nil))
}
twin!(first, must_first, "first", "mustFirst", first_imp, 1);

fn last_imp(a: &[Value]) -> R {
    let l = items(&a[0], "Cannot find last on type")?;
    Ok(l.into_iter().last().unwrap_or(Value::Nil))
}
twin!(last, must_last, "last", "mustLast", last_imp, 1);

fn rest_imp(a: &[Value]) -> R {
    let l = items(&a[0], "Cannot find rest on type")?;
    Ok(list(l.into_iter().skip(1).collect()))
}
twin!(rest, must_rest, "rest", "mustRest", rest_imp, 1);

fn initial_imp(a: &[Value]) -> R {
    let mut l = items(&a[0], "Cannot find initial on type")?;
    l.pop();
    Ok(list(l))
}
twin!(
    initial,
    must_initial,
    "initial",
    "mustInitial",
    initial_imp,
    1
);

fn reverse_imp(a: &[Value]) -> R {
    let mut l = items(&a[0], "Cannot find reverse on type")?;
    l.reverse();
    Ok(list(l))
}
twin!(
    reverse,
    must_reverse,
    "reverse",
    "mustReverse",
    reverse_imp,
    1
);

fn uniq_imp(a: &[Value]) -> R {
    let l = items(&a[0], "Cannot find uniq on type")?;
    let mut out: Vec<Value> = Vec::new();
    for x in l {
        if !out.iter().any(|y| deep_equal(&x, y)) {
            out.push(x);
        }
    }
    Ok(list(out))
}
twin!(uniq, must_uniq, "uniq", "mustUniq", uniq_imp, 1);

fn compact_imp(a: &[Value]) -> R {
    let l = items(&a[0], "Cannot compact on type")?;
    Ok(list(l.into_iter().filter(|x| x.truth()).collect()))
}
twin!(
    compact,
    must_compact,
    "compact",
    "mustCompact",
    compact_imp,
    1
);

fn without_imp(a: &[Value]) -> R {
    let l = items(&a[0], "Cannot find without on type")?;
    let omit = &a[1..];
    Ok(list(
        l.into_iter()
            .filter(|x| !omit.iter().any(|o| deep_equal(x, o)))
            .collect(),
    ))
}

fn without(_: &mut dyn Host, a: &[Value]) -> R {
    nargs_min("without", a, 1)?;
    without_imp(a)
}

fn must_without(_: &mut dyn Host, a: &[Value]) -> R {
    nargs_min("mustWithout", a, 1)?;
    without_imp(a)
}

fn has_imp(a: &[Value]) -> R {
    if a[1].is_nil() {
        return Ok(Value::Bool(false));
    }
    let l = items(&a[1], "Cannot find has on type")?;
    Ok(Value::Bool(l.iter().any(|x| deep_equal(&a[0], x))))
}
twin!(has, must_has, "has", "mustHas", has_imp, 2);

fn slice_imp(a: &[Value]) -> R {
    let l = items(&a[0], "list should be type of slice or array but")?;
    let len = l.len() as i64;
    if len == 0 {
        return Ok(Value::Nil);
    }
    let start = a.get(1).map(to_i64).unwrap_or(0);
    let end = if a.len() < 3 { len } else { to_i64(&a[2]) };
    if start < 0 || end < start || end > len {
        return Err(FuncError::new(
            "reflect.Value.Slice: slice index out of bounds",
        ));
    }
    let (s, e) = (start as usize, end as usize);
    Ok(match &a[0] {
        Value::StrList(sl) => Value::StrList(Rc::new(sl[s..e].to_vec())),
        Value::Bytes(b) => Value::Bytes(Rc::from(&b[s..e])),
        _ => list(l[s..e].to_vec()),
    })
}

fn slice(_: &mut dyn Host, a: &[Value]) -> R {
    nargs_min("slice", a, 1)?;
    slice_imp(a)
}

fn must_slice(_: &mut dyn Host, a: &[Value]) -> R {
    nargs_min("mustSlice", a, 1)?;
    slice_imp(a)
}

fn concat(_: &mut dyn Host, a: &[Value]) -> R {
    let mut out = Vec::new();
    for v in a {
        if v.is_nil() {
            return Err(FuncError::new(NIL_DEREF));
        }
        match slice_items(v) {
            Some(x) => out.extend(x),
            None => {
                return Err(FuncError::new(format!(
                    "Cannot concat type {} as list",
                    v.kind_name()
                )));
            }
        }
    }
    Ok(list(out))
}

fn chunk_imp(a: &[Value]) -> R {
    let size = int(a, 0)?;
    let l = items(&a[1], "Cannot chunk type")?;
    if size <= 0 {
        return Err(FuncError::new("runtime error: makeslice: len out of range"));
    }
    Ok(list(
        l.chunks(size as usize).map(|c| list(c.to_vec())).collect(),
    ))
}
twin!(chunk, must_chunk, "chunk", "mustChunk", chunk_imp, 2);
