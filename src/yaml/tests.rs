//! Tables with expected outputs taken from the reference Helm v3.17.3.

use super::*;

fn j(text: &str) -> String {
    match from_yaml(text) {
        Ok(v) => to_json(&v).unwrap_or_else(|e| format!("JSONERR {e}")),
        Err(e) => format!("ERR {}", e.msg),
    }
}

#[test]
fn reader_smoke() {
    assert_eq!(j("a: 1\nb: [x, yes]\n"), r#"{"a":1,"b":["x",true]}"#);
}

/// Developer harness: `KILN_YAML_CASES=file.json cargo test --lib yaml::tests::dev_compare -- --ignored --nocapture`
/// where the file is a JSON list of `{"mode": "...", "in": "...", "helm": "..."}` captured
/// from the reference Helm. Prints every mismatch.
#[test]
#[ignore]
fn dev_compare() {
    let Ok(path) = std::env::var("KILN_YAML_CASES") else { return };
    let text = std::fs::read_to_string(path).expect("cases file");
    let cases = from_json(&text).expect("cases json");
    let mut bad = 0;
    let items = cases.list_items().unwrap_or_default();
    for c in &items {
        let m = c.as_map().expect("case map").borrow().clone();
        let input = m.get("in").and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
        let mode = m.get("mode").and_then(|v| v.as_str().map(String::from)).unwrap_or("fromYaml".into());
        let Some(want) = m.get("helm").and_then(|v| v.as_str().map(String::from)) else { continue };
        let got = match mode.as_str() {
            "fromYaml" => match from_yaml_map(&input) {
                Ok(v) => to_json(&v).unwrap_or_else(|e| e.msg),
                Err(e) => {
                    let mut mm = std::collections::BTreeMap::new();
                    mm.insert("Error".to_string(), Value::from(e.msg));
                    to_json(&Value::from(mm)).unwrap_or_default()
                }
            },
            "toYaml" => {
                let v = from_json(&input).expect("toYaml input is JSON");
                match to_yaml(&v) {
                    Ok(s) => s.strip_suffix('\n').unwrap_or(&s).to_string(),
                    Err(e) => format!("ERR {}", e.msg),
                }
            }
            _ => continue,
        };
        if got != want {
            bad += 1;
            println!("MISMATCH input={input:?}\n  helm={want:?}\n  ours={got:?}");
        }
    }
    println!("{} cases, {bad} mismatches", items.len());
}
