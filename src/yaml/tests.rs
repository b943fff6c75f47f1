//! Tables with expected outputs taken from the reference Helm v3.17.3.

use super::*;

#[path = "tests_data.rs"]
mod data;

fn err_map(msg: String) -> Value {
    let mut m = BTreeMap::new();
    m.insert("Error".to_string(), Value::from(msg));
    Value::from(m)
}

/// Helm's `fromYaml` (errors land in the map's `Error` key), then `toJson`.
fn helm_from_yaml_to_json(text: &str) -> String {
    let v = from_yaml_map(text).unwrap_or_else(|e| err_map(e.msg));
    to_json(&v).unwrap_or_default()
}

#[test]
fn from_yaml_table() {
    let mut bad = Vec::new();
    for (input, want) in data::FROM_YAML
        .iter()
        .chain(data::FROM_YAML_MORE)
        .chain(data::FROM_YAML_QUIRKS)
        .chain(data::FROM_YAML_FLOW_QUESTION)
        .chain(data::FROM_YAML_FLOW_COLON)
        .chain(data::FROM_YAML_STALE_KEY)
        .chain(data::FROM_YAML_FUZZ)
    {
        let got = helm_from_yaml_to_json(input);
        if got != *want {
            bad.push(format!("{input:?}\n  want {want}\n  got  {got}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} differ:\n{}",
        bad.len(),
        data::FROM_YAML.len()
            + data::FROM_YAML_MORE.len()
            + data::FROM_YAML_QUIRKS.len()
            + data::FROM_YAML_FLOW_QUESTION.len()
            + data::FROM_YAML_FLOW_COLON.len()
            + data::FROM_YAML_STALE_KEY.len()
            + data::FROM_YAML_FUZZ.len(),
        bad.join("\n")
    );
}

#[test]
fn to_yaml_table() {
    let mut bad = Vec::new();
    for (input, want) in data::TO_YAML {
        let v = from_json(input).expect("table input is JSON");
        // Helm's toYaml swallows errors into "" and trims one newline.
        let got = match to_yaml(&v) {
            Ok(s) => s.strip_suffix('\n').unwrap_or(&s).to_string(),
            Err(_) => String::new(),
        };
        if got != *want {
            bad.push(format!("{input:?}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} differ:\n{}",
        bad.len(),
        data::TO_YAML.len(),
        bad.join("\n")
    );
}

#[test]
fn json_output_table() {
    for (input, compact, pretty, raw) in data::JSON_OUT {
        let v = from_json(input).expect("table input is JSON");
        assert_eq!(to_json(&v).unwrap(), *compact, "toJson {input}");
        assert_eq!(to_json_pretty(&v).unwrap(), *pretty, "toPrettyJson {input}");
        assert_eq!(to_raw_json(&v).unwrap(), *raw, "toRawJson {input}");
    }
}

#[test]
fn json_go_values() {
    // `{{ toJson 5 }} {{ toJson (list 1 2.5 "a" nil true) }} {{ toJson (dict) }}
    //  {{ toPrettyJson (list) }} {{ toJson (int64 7) }} {{ toRawJson "<a>" }} {{ toPrettyJson "x" }}`
    // renders `5 [1,2.5,"a",null,true] {} [] 7 "<a>" "x"`.
    let list = Value::from(vec![
        Value::Int(1),
        Value::Float(2.5),
        Value::from("a"),
        Value::Nil,
        Value::Bool(true),
    ]);
    let got = [
        to_json(&Value::Int(5)).unwrap(),
        to_json(&list).unwrap(),
        to_json(&Value::new_map()).unwrap(),
        to_json_pretty(&Value::from(Vec::new())).unwrap(),
        to_json(&Value::Int64(7)).unwrap(),
        to_raw_json(&Value::from("<a>")).unwrap(),
        to_json_pretty(&Value::from("x")).unwrap(),
    ]
    .join(" ");
    assert_eq!(got, r#"5 [1,2.5,"a",null,true] {} [] 7 "<a>" "x""#);
    let e = to_json(&Value::Float(f64::NAN)).unwrap_err();
    assert_eq!(e.msg, "json: unsupported value: NaN");
    assert_eq!(
        to_json(&Value::Bytes(std::rc::Rc::from(&b"hi"[..]))).unwrap(),
        r#""aGk=""#
    );
}

#[test]
fn json_error_table() {
    for (input, want) in data::JSON_ERRORS {
        let e = from_json(input).expect_err(input);
        assert_eq!(e.msg, *want, "{input:?}");
    }
    assert_eq!(
        from_json("[1e400]").unwrap_err().msg,
        "json: cannot unmarshal number 1e400 into Go value of type float64"
    );
}

#[test]
fn from_json_table() {
    for (input, want) in data::FROM_JSON.iter().chain(data::FROM_JSON_BYTES) {
        let got = match from_json(input) {
            Ok(v) => to_json(&v).unwrap(),
            Err(e) => to_json(&err_map(e.msg)).unwrap(),
        };
        assert_eq!(got, *want, "{input:?}");
    }
}

#[test]
fn key_order() {
    // go-yaml v2 encode_test.go TestSortedOutput order, confirmed by Helm's toYaml.
    let want: Vec<&str> = "'' .1 .2 .a 1 2 a!10 a/0001 a/002 a/3 a/10 a/11 a/0012 a/100 a~10 ab/1 b/1 b/01 b/2 b/02 b/3 b/03 b1 b01 b3 c2.10 c10.2 d1 d7 d7abc d12 d12a"
        .split(' ')
        .collect();
    let mut shuffled = want.clone();
    shuffled.reverse();
    shuffled.sort();
    assert_eq!(emit::key_order_for_test(&shuffled), want);
}

const HEAD_PREFIX: &str = "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ";
const META: &str = "struct { Name string \"json:\\\"name\\\"\"; Annotations map[string]string \"json:\\\"annotations\\\"\" }";

#[test]
fn simple_head_errors() {
    // `helm template` on a chart whose templates/t.yaml is the input: "YAML parse error on
    // snippet/templates/t.yaml: <message>".
    let cases: &[(&str, String)] = &[
        ("metadata: {annotations: [a]}", format!("{HEAD_PREFIX}array into Go struct field .metadata.annotations of type map[string]string")),
        ("metadata: {annotations: {a: {b: c}}}", format!("{HEAD_PREFIX}object into Go struct field .metadata.annotations of type string")),
        ("metadata: {annotations: {a: [1]}}", format!("{HEAD_PREFIX}array into Go struct field .metadata.annotations of type string")),
        ("kind: [a]", format!("{HEAD_PREFIX}array into Go struct field SimpleHead.kind of type string")),
        ("KIND: [1]", format!("{HEAD_PREFIX}array into Go struct field SimpleHead.kind of type string")),
        ("metadata: [x]", format!("{HEAD_PREFIX}array into Go struct field SimpleHead.metadata of type {META}")),
        ("metadata: str", format!("{HEAD_PREFIX}string into Go struct field SimpleHead.metadata of type {META}")),
        ("metadata: 5", format!("{HEAD_PREFIX}number into Go struct field SimpleHead.metadata of type {META}")),
        ("metadata: true", format!("{HEAD_PREFIX}bool into Go struct field SimpleHead.metadata of type {META}")),
        ("apiVersion: {a: b}", format!("{HEAD_PREFIX}object into Go struct field SimpleHead.apiVersion of type string")),
        ("metadata: {name: {a: 1}}", format!("{HEAD_PREFIX}object into Go struct field .metadata.name of type string")),
        ("metadata: {name: [1]}", format!("{HEAD_PREFIX}array into Go struct field .metadata.name of type string")),
        ("metadata: {annotations: 5}", format!("{HEAD_PREFIX}number into Go struct field .metadata.annotations of type map[string]string")),
        ("metadata: {annotations: true}", format!("{HEAD_PREFIX}bool into Go struct field .metadata.annotations of type map[string]string")),
        ("metadata: {annotations: x}", format!("{HEAD_PREFIX}string into Go struct field .metadata.annotations of type map[string]string")),
        ("foo", format!("{HEAD_PREFIX}string into Go value of type releaseutil.SimpleHead")),
        ("5", format!("{HEAD_PREFIX}number into Go value of type releaseutil.SimpleHead")),
        ("true", format!("{HEAD_PREFIX}bool into Go value of type releaseutil.SimpleHead")),
        ("kind: [a]\napiVersion: {a: 1}", format!("{HEAD_PREFIX}object into Go struct field SimpleHead.apiVersion of type string")),
        ("metadata: {annotations: {a: 1, b: [x], c: {d: e}}}", format!("{HEAD_PREFIX}array into Go struct field .metadata.annotations of type string")),
        ("kind: {a: 1}\nmetadata: [x]", format!("{HEAD_PREFIX}object into Go struct field SimpleHead.kind of type string")),
        ("a: .inf", "error converting YAML to JSON: json: unsupported value: +Inf".to_string()),
        ("kind: {a: .inf}", "error converting YAML to JSON: json: unsupported value: +Inf".to_string()),
        ("a: 1\nb: c: d", "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context".to_string()),
    ];
    for (input, want) in cases {
        let got = parse_simple_head(input)
            .map(|h| format!("{h:?}"))
            .unwrap_or_else(|e| e.msg);
        assert_eq!(&got, want, "{input:?}");
        assert_eq!(check_skeleton_paths(input), Ok(()), "{input:?}");
    }
}

#[test]
fn head_of_a_tree_reads_only_its_top_entries_where_nothing_else_can_fail() {
    // What the rest of the document can do to the head: fail on a key JSON cannot have
    // (anywhere, and before any type error of the head), or on a number JSON cannot
    // hold; duplicate and case-folded keys, and keys that are not strings, still count.
    let docs = [
        "kind: A\nspec:\n  a: {~: 1}\n",
        "kind: A\nspec: {~: 1}",
        "kind: A\nspec: {x: [1, {18446744073709551615: 1}]}",
        "kind: [a]\nspec: {~: 1}",
        "a: .inf\nb: {~: 1}\nkind: A",
        "kind: A\nspec: {a: [.nan]}",
        "kind: .inf\nmetadata: {name: x}",
        "kind: A\nkind: B\nmetadata: {name: a}\nmetadata: {name: b}",
        "Kind: A\nkind: B\nKIND: C",
        "? !!binary a2luZA==\n: Pod\nmetadata: {name: x}",
        "1: a\ntrue: b\n1.5: c\nkind: A",
        "kind: A\nmetadata: {name: n, annotations: {a: 1, b: ~}}\nspec: {x: [1, {y: z}]}",
        "kind: A\nmetadata: {annotations: {a: [1]}}\nspec: {b: c}",
        "apiVersion: v1\nkind: ConfigMap\ndata: {a: b}",
        "spec: {a: b}",
        "[a, b]",
    ];
    for doc in docs {
        let p = parse_yaml(doc).unwrap();
        assert_eq!(
            super::simple_head_of(&p),
            super::simple_head_of_whole(&p),
            "{doc:?}"
        );
    }
    let head = |doc: &str| super::simple_head_of(&parse_yaml(doc).unwrap());
    assert_eq!(head(docs[9]).unwrap().kind, "Pod");
    assert!(
        head(docs[1])
            .unwrap_err()
            .msg
            .contains("unsupported map key")
    );
    assert!(
        head(docs[5])
            .unwrap_err()
            .msg
            .contains("unsupported value: NaN")
    );
}

#[test]
fn simple_head_values() {
    // All of these render without error in Helm.
    let h = parse_simple_head(
        "metadata: {name: 1.10, annotations: {a: 1.10, b: true, c: null, d: 1e10, e: 0x10}}",
    )
    .unwrap();
    assert_eq!(h.name, "1.1");
    let ann: Vec<(String, String)> = h.annotations.into_iter().collect();
    let want: Vec<(String, String)> = [
        ("a", "1.1"),
        ("b", "true"),
        ("c", ""),
        ("d", "1e+10"),
        ("e", "16"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(ann, want);
    assert_eq!(parse_simple_head("kind: 1.5e-7").unwrap().kind, "1.5e-07");
    assert_eq!(parse_simple_head("kind: true").unwrap().kind, "true");
    assert_eq!(parse_simple_head("kind: 1e400").unwrap().kind, "1e400");
    assert_eq!(parse_simple_head("kind: .inf").unwrap().kind, "+Inf");
    assert_eq!(
        parse_simple_head("Kind: Pod\nkind: Svc").unwrap().kind,
        "Svc"
    );
    assert_eq!(
        parse_simple_head("# only a comment").unwrap(),
        SimpleHead::default()
    );
    let h = parse_simple_head(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  annotations:\n    helm.sh/hook: pre-install",
    )
    .unwrap();
    assert_eq!(
        (h.api_version.as_str(), h.kind.as_str(), h.name.as_str()),
        ("v1", "Pod", "x")
    );
    assert_eq!(
        h.annotations.get("helm.sh/hook").map(String::as_str),
        Some("pre-install")
    );
}

#[test]
fn to_yaml_root_values() {
    // `{{ toYaml "abc" }}|{{ toYaml "a\nb" }}|{{ toYaml " a\nb\n" }}|{{ toYaml nil }}|
    //  {{ toYaml (list) }}|{{ toYaml (dict) }}|{{ toYaml (list 1 "x" (list 2)) }}|{{ toYaml 1.5 }}|
    //  {{ toYaml 1000000.0 }}|{{ toYaml true }}|{{ toYaml "yes" }}|{{ toYaml "" }}|
    //  {{ toYaml (list "") }}|{{ toYaml (dict "" "") }}|{{ toYaml "a\n\n" }}`
    let want = "abc||-\n  a\n  b||2\n   a\n  b|null|[]|{}|- 1\n- x\n- - 2|1.5|1000000|true|\"yes\"|\"\"|- \"\"|\"\": \"\"||+\n  a\n";
    let mut m = BTreeMap::new();
    m.insert(String::new(), Value::from(""));
    let values = [
        Value::from("abc"),
        Value::from("a\nb"),
        Value::from(" a\nb\n"),
        Value::Nil,
        Value::from(Vec::new()),
        Value::new_map(),
        Value::from(vec![
            Value::Int(1),
            Value::from("x"),
            Value::from(vec![Value::Int(2)]),
        ]),
        Value::Float(1.5),
        Value::Float(1e6),
        Value::Bool(true),
        Value::from("yes"),
        Value::from(""),
        Value::from(vec![Value::from("")]),
        Value::from(m),
        Value::from("a\n\n"),
    ];
    let got: Vec<String> = values
        .iter()
        .map(|v| {
            let s = to_yaml(v).unwrap();
            s.strip_suffix('\n').unwrap_or(&s).to_string()
        })
        .collect();
    assert_eq!(got.join("|"), want);
}

#[test]
fn to_yaml_pretty_go_values() {
    // `{{ toYamlPretty (dict "a1b" 1 "a1_" 2 "a1B" 3 "a_" 4 "ab" 5 "x" 1000000.0 "i" 5
    //   "l" (list 1 2 (list 3)) "n" nil "e" (list) "f" 0.1 "big" 1e21 "neg" -1.5e-7) }}|
    //  {{ toYaml (dict "a1b" 1 "a1_" 2 "a1B" 3 "a_" 4 "ab" 5) }}|{{ toYamlPretty "a\tb\nc" }}|
    //  {{ toYaml "a\tb\nc" }}|{{ toYamlPretty (list (dict "a" 1 "b" (list 1))) }}`
    let want = "a_: 4\na1B: 3\na1b: 1\na1_: 2\nab: 5\nbig: 1e+21\ne: []\nf: 0.1\ni: 5\nl:\n  - 1\n  - 2\n  - - 3\n\"n\": null\nneg: -1.5e-07\nx: 1e+06|a_: 4\na1_: 2\na1B: 3\na1b: 1\nab: 5||-\n  a\tb\n  c|\"a\\tb\\nc\"|- a: 1\n  b:\n    - 1";
    let d = |pairs: Vec<(&str, Value)>| {
        let m: BTreeMap<String, Value> =
            pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        Value::from(m)
    };
    let keys = || {
        vec![
            ("a1b", Value::Int(1)),
            ("a1_", Value::Int(2)),
            ("a1B", Value::Int(3)),
            ("a_", Value::Int(4)),
            ("ab", Value::Int(5)),
        ]
    };
    let mut big = keys();
    big.extend([
        ("x", Value::Float(1e6)),
        ("i", Value::Int(5)),
        (
            "l",
            Value::from(vec![
                Value::Int(1),
                Value::Int(2),
                Value::from(vec![Value::Int(3)]),
            ]),
        ),
        ("n", Value::Nil),
        ("e", Value::from(Vec::new())),
        ("f", Value::Float(0.1)),
        ("big", Value::Float(1e21)),
        ("neg", Value::Float(-1.5e-7)),
    ]);
    let trim = |s: String| s.strip_suffix('\n').unwrap_or(&s).to_string();
    let got = [
        trim(to_yaml_pretty(&d(big)).unwrap()),
        trim(to_yaml(&d(keys())).unwrap()),
        trim(to_yaml_pretty(&Value::from("a\tb\nc")).unwrap()),
        trim(to_yaml(&Value::from("a\tb\nc")).unwrap()),
        trim(
            to_yaml_pretty(&Value::from(vec![d(vec![
                ("a", Value::Int(1)),
                ("b", Value::from(vec![Value::Int(1)])),
            ])]))
            .unwrap(),
        ),
    ]
    .join("|");
    assert_eq!(got, want);
}

#[test]
fn to_yaml_pretty_table() {
    let mut bad = Vec::new();
    for (input, want) in data::TO_YAML_PRETTY {
        let v = from_json(input).expect("table input is JSON");
        let got = match to_yaml_pretty(&v) {
            Ok(s) => s.strip_suffix('\n').unwrap_or(&s).to_string(),
            Err(_) => String::new(),
        };
        if got != *want {
            bad.push(format!("{input:?}\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} differ:\n{}",
        bad.len(),
        data::TO_YAML_PRETTY.len(),
        bad.join("\n")
    );
}

#[test]
fn key_order_tables() {
    for (input, want) in data::KEY_ORDER_V2 {
        let v = from_json(input).unwrap();
        let got = to_yaml(&v).unwrap();
        assert_eq!(got.strip_suffix('\n').unwrap_or(&got), *want, "{input}");
    }
    for (input, want) in data::KEY_ORDER_V3 {
        let v = from_json(input).unwrap();
        let got = to_yaml_pretty(&v).unwrap();
        assert_eq!(got.strip_suffix('\n').unwrap_or(&got), *want, "{input}");
    }
}

#[test]
fn shaped_string_fields() {
    // A chart with this Chart.yaml renders `{{ .Chart.AppVersion }} {{ .Chart.Description }}
    // {{ .Chart.Annotations.a }} {{ .Chart.Annotations.b }}` as `20230101 1.1 1e+10 true`.
    const SHAPE: Shape = Shape::Struct(&[
        ("appVersion", Shape::Str),
        ("description", Shape::Str),
        ("annotations", Shape::MapOf(&Shape::Str)),
    ]);
    let v = from_yaml_shaped(
        "apiVersion: v2\nname: c\nversion: 0.1.0\nappVersion: 20230101\ndescription: 1.10\nannotations:\n  a: 1e10\n  b: true\n",
        SHAPE,
    )
    .unwrap();
    assert_eq!(
        to_json(&v).unwrap(),
        r#"{"annotations":{"a":"1e+10","b":"true"},"apiVersion":"v2","appVersion":"20230101","description":"1.1","name":"c","version":"0.1.0"}"#
    );
}

#[test]
fn chart_metadata_shape() {
    // `{{ .Chart.Version }} {{ .Chart.AppVersion }} {{ .Chart.Keywords }}
    //  {{ (index .Chart.Maintainers 0).Name }} {{ (index .Chart.Maintainers 0).Email }}
    //  {{ .Chart.Sources }}` renders `1 20230101 [1.1 true x] 123 1000 [5]` for this Chart.yaml.
    let v = from_yaml_shaped(
        "apiVersion: v2\nname: c\nversion: 1.0\nappVersion: 20230101\nkeywords: [1.10, true, x]\nmaintainers:\n  - name: 123\n    email: 1e3\nsources: [5]\n",
        CHART_METADATA,
    )
    .unwrap();
    assert_eq!(
        to_json(&v).unwrap(),
        r#"{"apiVersion":"v2","appVersion":"20230101","keywords":["1.1","true","x"],"maintainers":[{"email":"1000","name":"123"}],"name":"c","sources":["5"],"version":"1"}"#
    );
}

#[test]
fn error_positions() {
    let e = from_yaml("a: 1\nb: c: d\n").unwrap_err();
    assert_eq!(
        e.msg,
        "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context"
    );
    assert_eq!(e.line, Some(2));
}

#[test]
fn block_scalar_at_end_of_input() {
    // A block scalar whose last line ends the input without a newline keeps no final
    // newline (libyaml-safer panics on this input; it is parsed with a shield).
    assert_eq!(
        helm_from_yaml_to_json("a: |\n  {\n    x\n  }"),
        r#"{"a":"{\n  x\n}"}"#
    );
    assert_eq!(helm_from_yaml_to_json("a: |+\n  x"), r#"{"a":"x"}"#);
    assert_eq!(helm_from_yaml_to_json("a: >-\n  x\n  y"), r#"{"a":"x y"}"#);
    assert_eq!(helm_from_yaml_to_json("a: |\n  x\n  "), r#"{"a":"x\n"}"#);
}

#[test]
fn invalid_utf8_input() {
    // `helm template` with such a values file: "failed to parse FILE: <message>".
    let cases: &[(&[u8], &str)] = &[
        (b"a: caf\xe9\nb: 1\n", "invalid trailing UTF-8 octet"),
        (b"a: 1\nb: \x80\n", "invalid leading UTF-8 octet"),
        (b"a: 1\nb: \xe9", "incomplete UTF-8 octet sequence"),
        (b"a: 1\n---\nb: \x80\n", "invalid leading UTF-8 octet"),
        (b"a: 1 # caf\xe9\n", "incomplete UTF-8 octet sequence"),
    ];
    for (input, want) in cases {
        let e = from_yaml_bytes(input).unwrap_err();
        assert_eq!(
            e.msg,
            format!("error converting YAML to JSON: yaml: {want}")
        );
    }
    assert_eq!(
        to_json(&from_yaml_bytes(b"a: 1").unwrap()).unwrap(),
        r#"{"a":1}"#
    );
}

#[test]
fn documents_and_arrays() {
    let docs = from_yaml_documents("a: 1\n---\n- x\n---\n").unwrap();
    assert_eq!(docs.len(), 3);
    assert_eq!(to_json(&docs[1]).unwrap(), r#"["x"]"#);
    assert!(docs[2].is_nil());
    assert_eq!(from_yaml_array("- 1\n- b").unwrap().len(), 2);
    assert_eq!(
        from_yaml_array("a: 1").unwrap_err().msg,
        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}"
    );
}

/// Developer harness: `KILN_YAML_CASES=file.json cargo test --lib yaml::tests::dev_compare -- --ignored --nocapture`
/// where the file is a JSON list of `{"mode": "...", "in": "...", "helm": "..."}` captured
/// from the reference Helm. Prints every mismatch.
#[test]
#[ignore]
fn dev_compare() {
    let Ok(path) = std::env::var("KILN_YAML_CASES") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("cases file");
    let cases = from_json(&text).expect("cases json");
    let mut bad = 0;
    let items = cases.list_items().unwrap_or_default();
    for c in &items {
        let m = c.as_map().expect("case map").borrow().clone();
        let input = m
            .get("in")
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default();
        let mode = m
            .get("mode")
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or("fromYaml".into());
        let Some(want) = m.get("helm").and_then(|v| v.as_str().map(String::from)) else {
            continue;
        };
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
            "fromJson" => match from_json(&input) {
                Ok(v @ Value::Map(_)) => to_json(&v).unwrap_or_default(),
                Ok(_) => "not a map".to_string(),
                Err(e) => to_json(&err_map(e.msg)).unwrap_or_default(),
            },
            "toYamlPretty" => {
                let v = from_json(&input).expect("toYamlPretty input is JSON");
                match to_yaml_pretty(&v) {
                    Ok(s) => s.strip_suffix('\n').unwrap_or(&s).to_string(),
                    Err(_) => String::new(),
                }
            }
            "yamlToYamlPretty" => match from_yaml_map(&input)
                .or_else(|e| Ok(err_map(e.msg)))
                .and_then(|v| to_yaml_pretty(&v))
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
                let at = got
                    .bytes()
                    .zip(want.bytes())
                    .position(|(a, b)| a != b)
                    .unwrap_or(0);
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
    let Ok(list) = std::env::var("KILN_YAML_FILES") else {
        return;
    };
    for f in std::fs::read_to_string(list).unwrap_or_default().lines() {
        println!("FILE {f}");
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let _ = from_yaml(&text);
    }
}

/// Developer timing: `KILN_YAML_BIG=file.yaml cargo test --release --lib yaml::tests::dev_big -- --ignored --nocapture`
#[test]
#[ignore]
fn dev_big() {
    let Ok(path) = std::env::var("KILN_YAML_BIG") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("file");
    let t = std::time::Instant::now();
    let docs = from_yaml_documents(&text).expect("parse");
    let parse = t.elapsed();
    let t = std::time::Instant::now();
    let outs: Vec<String> = docs.iter().map(|d| to_yaml(d).expect("emit")).collect();
    let emit = t.elapsed();
    let total: usize = outs.iter().map(|s| s.len()).sum();
    let same = outs.iter().filter(|y| text.contains(y.trim_end())).count();
    println!(
        "{} docs, parse {parse:?}, emit {emit:?} ({total} bytes), {same} docs re-emitted verbatim",
        docs.len()
    );
}

#[test]
#[ignore]
fn dev_events() {
    let Ok(text) = std::env::var("KILN_YAML_TEXT") else {
        return;
    };
    let mut p = libyaml_safer::Parser::new();
    p.set_input(text.as_bytes());
    for _ in 0..50 {
        match p.parse() {
            Ok(ev) => {
                println!("{:?} @{:?}", ev.data, ev.start_mark);
                if matches!(ev.data, libyaml_safer::EventData::StreamEnd) {
                    break;
                }
            }
            Err(e) => {
                println!("ERR {e:?}");
                break;
            }
        }
    }
}

#[test]
fn deep_nesting_does_not_overflow() {
    // On a main-thread-sized stack (8 MiB): nesting past kiln's limit is an error, never
    // a stack overflow.
    let run = || {
        for depth in [999usize, 1000, 1001, 10001] {
            let flow = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let mut block = String::new();
            for i in 0..depth {
                block.push_str(&" ".repeat(2 * i));
                block.push_str("a:\n");
            }
            for text in [flow, block] {
                if let Ok(v) = from_yaml(&text) {
                    let _ = to_yaml(&v);
                    let _ = to_json(&v);
                    let _ = to_json_pretty(&v);
                }
            }
        }
    };
    let t = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(run)
        .expect("thread");
    assert!(t.join().is_ok());
}

/// Developer timing of the reader layers: `KILN_YAML_BIG=file.yaml cargo test --release --lib yaml::tests::dev_reader_layers -- --ignored --nocapture`
#[test]
#[ignore]
fn dev_reader_layers() {
    let Ok(path) = std::env::var("KILN_YAML_BIG") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("file");
    let docs: Vec<String> = text.split("\n---\n").map(|d| format!("{d}\n")).collect();
    for round in 0..3 {
        println!("round {round}");
        let t = std::time::Instant::now();
        let mut n = 0;
        for d in &docs {
            let mut p = libyaml_safer::Parser::new();
            p.set_input(d.as_bytes());
            while let Ok(ev) = p.parse() {
                n += 1;
                if matches!(ev.data, libyaml_safer::EventData::StreamEnd) {
                    break;
                }
            }
        }
        let raw = t.elapsed();
        let t = std::time::Instant::now();
        for d in &docs {
            let _ = decode::decode_first(d);
        }
        let dec = t.elapsed();
        let t = std::time::Instant::now();
        for d in &docs {
            let _ = parse_simple_head(d);
        }
        let head = t.elapsed();
        println!(
            "{} docs, {n} events: raw {raw:?}, decode {dec:?}, simple_head {head:?}",
            docs.len()
        );
    }
}

/// The head read from the top-level entries alone equals the head (or the error) of the
/// whole document; anything in a skipped entry that could fail sends the document to the
/// whole decode.
#[test]
fn heads_from_top_entries_equal_whole_heads() {
    // (document, whether the top-entries path may take it)
    let cases: &[(&str, bool)] = &[
        ("kind: Pod\nspec:\n  a: 1\n", true),
        ("spec: {a: [1, 2]}\nKIND: Pod\nmetadata: {name: x}\n", true),
        ("spec:\n  a: .inf\nkind: Pod\n", false),
        ("spec:\n  - .nan\nkind: Pod\n", false),
        ("spec:\n  ~: x\nkind: Pod\n", false),
        ("spec:\n  18446744073709551615: x\nkind: Pod\n", false),
        ("spec:\n  18446744073709551616: x\nkind: Pod\n", true),
        ("spec:\n  [a]: x\nkind: Pod\n", false),
        ("spec:\n  <<: {a: 1}\nkind: Pod\n", false),
        ("spec:\n  <<: 5\nkind: Pod\n", false),
        ("spec:\n  '<<': 5\nkind: Pod\n", true),
        ("<<: {kind: Svc}\nkind: Pod\n", false),
        ("spec:\n  .inf: x\n  '~': y\nkind: Pod\n", true),
        ("kind: Pod\nkind: Svc\n", true),
        ("kind: [a]\nspec: 1\n", false),
        ("\u{212a}ind: Pod\nspec: 1\n", true),
        ("- a\n- b\n", false),
        ("# only a comment\n", false),
        ("spec: &a {x: 1}\nkind: Pod\n", false),
    ];
    for (doc, taken) in cases {
        let top = super::fast::events(doc).and_then(|events| {
            super::decode::decode_first_top_entries(doc, events, &could_name_head_field)
        });
        let used = top.is_some() && super::simple_head_of(&super::Parsed(top)).is_ok();
        assert_eq!(used, *taken, "{doc:?}");
        assert_eq!(check_skeleton_paths(doc), Ok(()), "{doc:?}");
    }
}
