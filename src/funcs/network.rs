//! `getHostByName`: Helm without `--enable-dns` answers "" for every name.

use super::args::{R, nargs, s};
use crate::gotmpl::{FuncMap, Host, Value};

pub(super) fn register(m: &mut FuncMap) {
    m.insert("getHostByName", get_host_by_name);
}

fn get_host_by_name(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("getHostByName", a, 1)?;
    s(a, 0)?;
    Ok(Value::str(""))
}
