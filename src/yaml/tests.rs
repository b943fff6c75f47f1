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
            "yamlToYaml" => match from_yaml_map(&input)
                .or_else(|e| {
                    let mut mm = std::collections::BTreeMap::new();
                    mm.insert("Error".to_string(), Value::from(e.msg));
                    Ok(Value::from(mm))
                })
                .and_then(|v| to_yaml(&v))
            {
                Ok(s) => s.strip_suffix('\n').unwrap_or(&s).to_string(),
                Err(_) => String::new(),
            },
            "toYaml" => {
                let v = from_json(&input).expect("toYaml input is JSON");
                match to_yaml(&v) {
                    Ok(s) => s.strip_suffix('\n').unwrap_or(&s).to_string(),
                    Err(_) => String::new(),
                }
            }
            _ => continue,
        };
        if got != want {
            bad += 1;
            if input.len() < 2000 {
                println!("MISMATCH input={input:?}\n  helm={want:?}\n  ours={got:?}");
            } else {
                let file = m.get("file").map(|v| v.to_go_string()).unwrap_or_default();
                let at = got.bytes().zip(want.bytes()).position(|(a, b)| a != b).unwrap_or(0);
                let lo = at.saturating_sub(200);
                println!(
                    "MISMATCH {mode} {file} at {at}\n  helm={:?}\n  ours={:?}",
                    &want.get(lo..(at + 200).min(want.len())).unwrap_or(""),
                    &got.get(lo..(at + 200).min(got.len())).unwrap_or("")
                );
            }
        }
    }
    println!("{} cases, {bad} mismatches", items.len());
}

#[test]
#[ignore]
fn dev_parse_files() {
    let Ok(list) = std::env::var("KILN_YAML_FILES") else { return };
    for f in std::fs::read_to_string(list).unwrap_or_default().lines() {
        println!("FILE {f}");
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let _ = from_yaml(&text);
    }
}
