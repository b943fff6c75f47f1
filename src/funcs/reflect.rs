//! Sprig's reflection functions (`reflect.go`) and Go's `reflect.DeepEqual`.

use super::args::{R, nargs, s};
use crate::gotmpl::{FuncMap, Host, Value};
use std::rc::Rc;

pub(super) fn register(m: &mut FuncMap) {
    m.insert("typeOf", type_of);
    m.insert("typeIs", type_is);
    m.insert("typeIsLike", type_is_like);
    m.insert("kindOf", kind_of);
    m.insert("kindIs", kind_is);
    m.insert("deepEqual", deep_equal_fn);
}

/// Go's `reflect.DeepEqual` over template values (types must match exactly).
pub fn deep_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Nil, Value::Nil) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Int64(x), Value::Int64(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::StrList(x), Value::StrList(y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| deep_equal(p, q))
        }
        (Value::Map(x), Value::Map(y)) => {
            if Rc::ptr_eq(x, y) {
                return true;
            }
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| deep_equal(v, w)))
        }
        (Value::Object(x), Value::Object(y)) => {
            Rc::ptr_eq(x, y) || (x.type_name() == y.type_name() && x.format() == y.format())
        }
        _ => false,
    }
}

fn type_of(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("typeOf", a, 1)?;
    Ok(Value::str(a[0].type_name()))
}

fn type_is(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("typeIs", a, 2)?;
    let target = s(a, 0)?;
    Ok(Value::Bool(target == a[1].type_name()))
}

fn type_is_like(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("typeIsLike", a, 2)?;
    let target = s(a, 0)?;
    let t = a[1].type_name();
    Ok(Value::Bool(target == t || format!("*{target}") == t))
}

fn kind_of(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("kindOf", a, 1)?;
    Ok(Value::str(a[0].kind_name()))
}

fn kind_is(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("kindIs", a, 2)?;
    let target = s(a, 0)?;
    Ok(Value::Bool(target == a[1].kind_name()))
}

fn deep_equal_fn(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("deepEqual", a, 2)?;
    Ok(Value::Bool(deep_equal(&a[0], &a[1])))
}
