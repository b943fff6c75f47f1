//! Expected outputs captured from the reference Helm v3.17.3 (never from kiln).

/// `{{ $yaml | fromYaml | toJson }}`: (YAML input, Helm output).
pub(super) const FROM_YAML: &[(&str, &str)] = &[
    ("a: 1", "{\"a\":1}"),
    (
        "a: yes\nb: No\nc: on\nd: OFF\ne: y\nf: n\ng: True",
        "{\"a\":true,\"b\":false,\"c\":true,\"d\":false,\"e\":true,\"f\":false,\"g\":true}",
    ),
    (
        "a: ~\nb: null\nc:\nd: Null\ne: ''",
        "{\"a\":null,\"b\":null,\"c\":null,\"d\":null,\"e\":\"\"}",
    ),
    (
        "a: 0755\nb: 0x1F\nc: 0o17\nd: 0b101\ne: 1_000\nf: +1\ng: -0b101\nh: 0999\ni: 1e3\nj: .5\nk: 1.\nl: -.5",
        "{\"a\":493,\"b\":31,\"c\":15,\"d\":5,\"e\":1000,\"f\":1,\"g\":-5,\"h\":999,\"i\":1000,\"j\":0.5,\"k\":1,\"l\":-0.5}",
    ),
    (
        "a: 1e400\nb: 18446744073709551615\nc: 99999999999999999999\nd: 9007199254740993\ne: -9223372036854775808",
        "{\"a\":\"1e400\",\"b\":18446744073709552000,\"c\":100000000000000000000,\"d\":9007199254740992,\"e\":-9223372036854776000}",
    ),
    (
        "a: 2020-01-01\nb: 2001-12-14t21:59:43.10-05:00\nc: 1:20\nd: 12:30:45",
        "{\"a\":\"2020-01-01\",\"b\":\"2001-12-14t21:59:43.10-05:00\",\"c\":\"1:20\",\"d\":\"12:30:45\"}",
    ),
    (
        "a: '1'\nb: \"yes\"\nc: !!str 123\nd: !!int '42'\ne: !!float 1\nf: !!bool yes",
        "{\"a\":\"1\",\"b\":\"yes\",\"c\":\"123\",\"d\":42,\"e\":1,\"f\":true}",
    ),
    ("a: !!binary aGVsbG8=", "{\"a\":\"hello\"}"),
    (
        "a: !!int abc",
        "{\"Error\":\"error converting YAML to JSON: yaml: cannot decode !!str `abc` as a !!int\"}",
    ),
    (
        "a: !!int 1.5",
        "{\"Error\":\"error converting YAML to JSON: yaml: cannot decode !!float `1.5` as a !!int\"}",
    ),
    ("a: !custom foo\nb: ! 12", "{\"a\":\"foo\",\"b\":\"12\"}"),
    (
        "a: &x {p: 1}\nb: *x\nc: [*x, *x]",
        "{\"a\":{\"p\":1},\"b\":{\"p\":1},\"c\":[{\"p\":1},{\"p\":1}]}",
    ),
    (
        "a: &a {x: 1, y: 1}\nb: {x: 2, <<: *a}\nc: {<<: *a, x: 2}\nd:\n  <<: [{x: 1}, {x: 2, z: 3}]",
        "{\"a\":{\"true\":1,\"x\":1},\"b\":{\"true\":1,\"x\":1},\"c\":{\"true\":1,\"x\":2},\"d\":{\"x\":1,\"z\":3}}",
    ),
    (
        "base: &b\n  k1: v1\n  k2: v2\nderived:\n  <<: *b\n  k2: over\n",
        "{\"base\":{\"k1\":\"v1\",\"k2\":\"v2\"},\"derived\":{\"k1\":\"v1\",\"k2\":\"over\"}}",
    ),
    (
        "a: {<<: 5}",
        "{\"Error\":\"error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value\"}",
    ),
    (
        "a: {<<: [1]}",
        "{\"Error\":\"error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value\"}",
    ),
    ("'<<': x\n\"<<\": y", "{\"\\u003c\\u003c\":true}"),
    (
        "a: *nope",
        "{\"Error\":\"error converting YAML to JSON: yaml: unknown anchor 'nope' referenced\"}",
    ),
    (
        "a: &x [*x]",
        "{\"Error\":\"error converting YAML to JSON: yaml: anchor 'x' value contains itself\"}",
    ),
    (
        "1: a\n2.5: b\ntrue: c\non: d\n0x10: e\n1e3: f\n-1: g",
        "{\"-1\":\"g\",\"1\":\"a\",\"1000\":\"f\",\"16\":\"e\",\"2.5\":\"b\",\"true\":\"d\"}",
    ),
    (
        "? [a]\n: b",
        "{\"Error\":\"error converting YAML to JSON: yaml: invalid map key: []interface {}{\\\"a\\\"}\"}",
    ),
    (
        "? {a: 1}\n: b",
        "{\"Error\":\"error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{\\\"a\\\":1}\"}",
    ),
    (
        "~: x",
        "{\"Error\":\"error converting YAML to JSON: unsupported map key of type: %!s(\\u003cnil\\u003e), key: \\u003cnil\\u003e, value: \\\"x\\\"\"}",
    ),
    ("a: 1\na: 2", "{\"a\":2}"),
    ("a:\n  b: 1\n  b:\n    c: 2", "{\"a\":{\"b\":{\"c\":2}}}"),
    (
        "a: .inf",
        "{\"Error\":\"error converting YAML to JSON: json: unsupported value: +Inf\"}",
    ),
    (
        "a: [-.inf]",
        "{\"Error\":\"error converting YAML to JSON: json: unsupported value: -Inf\"}",
    ),
    (
        "a: .nan",
        "{\"Error\":\"error converting YAML to JSON: json: unsupported value: NaN\"}",
    ),
    ("", "{}"),
    ("# only a comment\n", "{}"),
    ("---\n", "{}"),
    (
        "--- 5",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal number into Go value of type map[string]interface {}\"}",
    ),
    (
        "- a\n- b",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\"}",
    ),
    (
        "just a string",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map[string]interface {}\"}",
    ),
    ("a: 1\n---\nb: 2", "{\"a\":1}"),
    ("a: 1\n---\nb: [", "{\"a\":1}"),
    (
        "a: 1\nb: c: d",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context\"}",
    ),
    (
        "a: [1, 2\nb: 3",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'\"}",
    ),
    (
        "a:\n  - b\n  c: d",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 2: did not find expected '-' indicator\"}",
    ),
    (
        "a: \"abc\n",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 2: found unexpected end of stream\"}",
    ),
    (
        "a: 'abc",
        "{\"Error\":\"error converting YAML to JSON: yaml: found unexpected end of stream\"}",
    ),
    (
        "a: b\n\tc: d",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 2: found a tab character that violates indentation\"}",
    ),
    (
        "a:\n  b: c\n d: e",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 2: did not find expected key\"}",
    ),
    (
        "key: value\n  bad: indent",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context\"}",
    ),
    (
        "- a\nb: c",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 1: did not find expected '-' indicator\"}",
    ),
    (
        "a: {b: c",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 1: did not find expected ',' or '}'\"}",
    ),
    (
        "a: [b, c}",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected ',' or ']'\"}",
    ),
    (
        "a: |\n  x\n y",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 2: did not find expected key\"}",
    ),
    (
        "{a: 1, b: [1,2,{c: d}]}",
        "{\"a\":1,\"b\":[1,2,{\"c\":\"d\"}]}",
    ),
    ("a: \"\\u00e9\\x41\\n\\t\"", "{\"a\":\"éA\\n\\t\"}"),
    (
        "a: >\n  folded\n  text\n\n  para\n",
        "{\"a\":\"folded text\\npara\\n\"}",
    ),
    (
        "a: |+\n  keep\n\nb: |-\n  strip\n",
        "{\"a\":\"keep\\n\\n\",\"b\":\"strip\"}",
    ),
    ("a: !!null ''", "{\"a\":null}"),
    ("a: !!timestamp 2001-01-01", "{\"a\":\"2001-01-01\"}"),
    (
        "a: 0.1\nb: 1.5e-7\nc: 123456789.5\nd: -0.0\ne: 1e21",
        "{\"a\":0.1,\"b\":1.5e-7,\"c\":123456789.5,\"d\":-0,\"e\":1e+21}",
    ),
    (
        "a: 0b2\nb: 08\nc: 0o8\nd: 0x\ne: +\nf: -\ng: 1__0\nh: _1",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 6: block sequence entries are not allowed in this context\"}",
    ),
    (
        "a: 1_0.5\nb: +.5\nc: -1e-3\nd: 1E5\ne: 1e+5",
        "{\"a\":10.5,\"b\":0.5,\"c\":-0.001,\"d\":100000,\"e\":100000}",
    ),
    ("%YAML 1.1\n---\na: 1", "{\"a\":1}"),
    (
        "a: @b",
        "{\"Error\":\"error converting YAML to JSON: yaml: found character that cannot start any token\"}",
    ),
    (
        "a: `b",
        "{\"Error\":\"error converting YAML to JSON: yaml: found character that cannot start any token\"}",
    ),
    ("a: b #c\nd: e#f", "{\"a\":\"b\",\"d\":\"e#f\"}"),
    (
        "'a\nb': c",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context\"}",
    ),
    ("a: !!map {b: c}", "{\"a\":{\"b\":\"c\"}}"),
    ("a: !!seq [b]", "{\"a\":[\"b\"]}"),
    (
        "a: !!str\nb: !!int",
        "{\"Error\":\"error converting YAML to JSON: yaml: cannot decode !!null `` as a !!int\"}",
    ),
    ("a: &x 1\nb: &x 2\nc: *x", "{\"a\":1,\"b\":2,\"c\":2}"),
    (
        "x: &a\n  - &b 1\n  - *b\ny: *a",
        "{\"true\":[1,1],\"x\":[1,1]}",
    ),
    (
        "a:\n- b\n-  c\n- - d\n  - e",
        "{\"a\":[\"b\",\"c\",[\"d\",\"e\"]]}",
    ),
    (
        "a: [a, b]: c",
        "{\"Error\":\"error converting YAML to JSON: yaml: mapping values are not allowed in this context\"}",
    ),
    (
        "[a, b]: c",
        "{\"Error\":\"error converting YAML to JSON: yaml: invalid map key: []interface {}{\\\"a\\\", \\\"b\\\"}\"}",
    ),
    (
        "a: b: c",
        "{\"Error\":\"error converting YAML to JSON: yaml: mapping values are not allowed in this context\"}",
    ),
    (
        "a: - b",
        "{\"Error\":\"error converting YAML to JSON: yaml: block sequence entries are not allowed in this context\"}",
    ),
    (
        "- - - a",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\"}",
    ),
    (
        "a: !!float 1e400",
        "{\"Error\":\"error converting YAML to JSON: yaml: cannot decode !!str `1e400` as a !!float\"}",
    ),
    (
        "a: !!float abc",
        "{\"Error\":\"error converting YAML to JSON: yaml: cannot decode !!str `abc` as a !!float\"}",
    ),
    (
        "a: 0b1111111111111111111111111111111111111111111111111111111111111111",
        "{\"a\":18446744073709552000}",
    ),
    (
        "a: -0b1000000000000000000000000000000000000000000000000000000000000000",
        "{\"a\":-9223372036854776000}",
    ),
    (
        "a: 0x8000000000000000\nb: -0x8000000000000000",
        "{\"a\":9223372036854776000,\"b\":-9223372036854776000}",
    ),
    (
        "a: '\u{1}'",
        "{\"Error\":\"error converting YAML to JSON: yaml: control characters are not allowed\"}",
    ),
    ("a: \"\\x01\"", "{\"a\":\"\\u0001\"}"),
    ("\u{feff}a: 1", "{\"a\":1}"),
    ("a: 1\n...\n", "{\"a\":1}"),
    ("a: 1\n...\nb: 2", "{\"a\":1}"),
    ("a: { b: 1, c: }", "{\"a\":{\"b\":1,\"c\":null}}"),
    (
        "a: [ , ]",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected node content\"}",
    ),
    ("a: {? b}", "{\"a\":{\"b\":null}}"),
    (
        "a:\n  ? b\n  ? c\n  : d",
        "{\"a\":{\"b\":null,\"c\":\"d\"}}",
    ),
    (
        "- &x a\n- *x\n- &x b\n- *x",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\"}",
    ),
    ("a: [a:b, c: d]", "{\"a\":[\"a:b\",{\"c\":\"d\"}]}"),
    ("a: {a:b}", "{\"a\":{\"a:b\":null}}"),
    ("a: {a:b, c: d}", "{\"a\":{\"a:b\":null,\"c\":\"d\"}}"),
    (
        "a: [a, , b]",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected node content\"}",
    ),
    ("a: [a: b]", "{\"a\":[{\"a\":\"b\"}]}"),
    ("a: [? a : b]", "{\"a\":[{\"a\":\"b\"}]}"),
    ("a: |2\n   x\n  y", "{\"a\":\" x\\ny\"}"),
    ("a: |-2\n    x", "{\"a\":\"  x\"}"),
    ("a: >+\n  x\n\n", "{\"a\":\"x\\n\\n\"}"),
    ("a: b\r\nc: d\r\n", "{\"a\":\"b\",\"c\":\"d\"}"),
    ("a: |\r\n  x\r\n  y\r\n", "{\"a\":\"x\\ny\\n\"}"),
    ("a: b\rc: d\r", "{\"a\":\"b\",\"c\":\"d\"}"),
    ("a: b\t#c", "{\"a\":\"b\"}"),
    ("a: 'it''s'", "{\"a\":\"it's\"}"),
    (
        "a: -1a\nb: :x\nc: ?x\nd: -x",
        "{\"a\":\"-1a\",\"b\":\":x\",\"c\":\"?x\",\"d\":\"-x\"}",
    ),
    (
        "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: v",
        "{\"Error\":\"error converting YAML to JSON: yaml: mapping values are not allowed in this context\"}",
    ),
    (
        "a: vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv",
        "{\"a\":\"vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv\"}",
    ),
    (
        "- kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: v",
        "{\"Error\":\"error converting YAML to JSON: yaml: mapping values are not allowed in this context\"}",
    ),
    (
        "a: \"multi\n  line\n\n  quoted\"",
        "{\"a\":\"multi line\\nquoted\"}",
    ),
    ("a: 'multi\n  line'", "{\"a\":\"multi line\"}"),
    (
        "a: plain\n  continued\n\n  para",
        "{\"a\":\"plain continued\\npara\"}",
    ),
    ("a:    # comment\n  b: 1", "{\"a\":{\"b\":1}}"),
    ("a: !<tag:yaml.org,2002:str> 5", "{\"a\":\"5\"}"),
    (
        "%TAG !e! tag:example.com,2000:\n---\na: !e!foo 5",
        "{\"a\":\"5\"}",
    ),
    (
        "a: !e!foo 5",
        "{\"Error\":\"error converting YAML to JSON: yaml: found undefined tag handle\"}",
    ),
    ("a: &anc\nb: *anc", "{\"a\":null,\"b\":null}"),
    ("a: &anc\n  - 1\nb: *anc", "{\"a\":[1],\"b\":[1]}"),
    ("? a\n? b\n: c", "{\"a\":null,\"b\":\"c\"}"),
    ("a: b\n  # comment\nc: d", "{\"a\":\"b\",\"c\":\"d\"}"),
    ("a:\n- 1\n- 2\nb:\n  - 3", "{\"a\":[1,2],\"b\":[3]}"),
    (
        "a:\n    - 1\n    -   b: 2\n        c: 3",
        "{\"a\":[1,{\"b\":2,\"c\":3}]}",
    ),
    (
        "- a: 1\n  b: 2\n- c",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\"}",
    ),
    ("a: \"\\ \"", "{\"a\":\" \"}"),
    (
        "a: \"\\/\"",
        "{\"Error\":\"error converting YAML to JSON: yaml: found unknown escape character\"}",
    ),
    (
        "a: \"\\N\\_\\L\\P\\e\\0\"",
        "{\"a\":\"\u{85}\u{a0}\\u2028\\u2029\\u001b\\u0000\"}",
    ),
    ("a: \"\\U0001F600\"", "{\"a\":\"😀\"}"),
    (
        "a: \"\\z\"",
        "{\"Error\":\"error converting YAML to JSON: yaml: found unknown escape character\"}",
    ),
    ("a: '\\'", "{\"a\":\"\\\\\"}"),
    ("a: !!str &x 5\nb: *x", "{\"a\":\"5\",\"b\":\"5\"}"),
    ("a: &x !!str 5\nb: *x", "{\"a\":\"5\",\"b\":\"5\"}"),
    ("a: ---", "{\"a\":\"---\"}"),
    ("--- \na: 1\n--- \nb: 2", "{\"a\":1}"),
    ("a: 1\n--- |\n  x", "{\"a\":1}"),
    (
        "--- |\n  x",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map[string]interface {}\"}",
    ),
    (
        "--- >\n  x\n  y",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map[string]interface {}\"}",
    ),
    ("a: b\n...\n---\nc: d", "{\"a\":\"b\"}"),
    ("a: [1,\n  2,\n 3]", "{\"a\":[1,2,3]}"),
    (
        "a: {b: [1, {c: d}], e: {f: g}}",
        "{\"a\":{\"b\":[1,{\"c\":\"d\"}],\"e\":{\"f\":\"g\"}}}",
    ),
    ("a: x\n b", "{\"a\":\"x b\"}"),
    ("a:\n  b\n  c", "{\"a\":\"b c\"}"),
    ("a: 1 # c\n#c2\nb: 2", "{\"a\":1,\"b\":2}"),
    ("a: >\n\n  x", "{\"a\":\"\\nx\"}"),
    ("a: |\n\n\n  x\n\n", "{\"a\":\"\\n\\nx\\n\"}"),
    ("a: |\n  x\n\n# c\n", "{\"a\":\"x\\n\"}"),
    ("x: { a: 1 ,b: 2 }", "{\"x\":{\"a\":1,\"b\":2}}"),
    ("x: [ 'a' , \"b\" ]", "{\"x\":[\"a\",\"b\"]}"),
    ("x: [a\n, b]", "{\"x\":[\"a\",\"b\"]}"),
    (
        "{ a: 1 }: 2",
        "{\"Error\":\"error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{\\\"a\\\":1}\"}",
    ),
    ("a: !!binary |\n  aGVs\n  bG8=", "{\"a\":\"hello\"}"),
    (
        "a: !!binary zzz",
        "{\"Error\":\"error converting YAML to JSON: yaml: !!binary value contains invalid base64 data\"}",
    ),
    ("a: 0.5e", "{\"a\":\"0.5e\"}"),
    ("a: 1e", "{\"a\":\"1e\"}"),
    ("a: 1.2e3.4", "{\"a\":\"1.2e3.4\"}"),
    ("a: 12:30", "{\"a\":\"12:30\"}"),
    ("a: 1:2:3", "{\"a\":\"1:2:3\"}"),
    ("a: -1:20", "{\"a\":\"-1:20\"}"),
    (
        "a: 2001-12-14T21:59:43.10Z",
        "{\"a\":\"2001-12-14T21:59:43.10Z\"}",
    ),
    (
        "a: 2001-12-14 21:59:43.10 -5",
        "{\"a\":\"2001-12-14 21:59:43.10 -5\"}",
    ),
    ("a: 20011214", "{\"a\":20011214}"),
    ("a: 1e1_0", "{\"a\":10000000000}"),
    ("a: 0x_1F", "{\"a\":31}"),
    ("a: 0b_1", "{\"a\":1}"),
    ("a: 0.1_5", "{\"a\":0.15}"),
    ("a: 00", "{\"a\":0}"),
    ("a: 007", "{\"a\":7}"),
    ("a: 08.5", "{\"a\":8.5}"),
    ("a: +0x10", "{\"a\":16}"),
    ("a: -0x10", "{\"a\":-16}"),
    ("a: 0X10", "{\"a\":16}"),
    ("a: 0O17", "{\"a\":15}"),
    ("a: 0B11", "{\"a\":3}"),
    (
        "a: +.inf\nb: -.Inf\nc: .NAN",
        "{\"Error\":\"error converting YAML to JSON: json: unsupported value: +Inf\"}",
    ),
    (
        "a: [.inf]",
        "{\"Error\":\"error converting YAML to JSON: json: unsupported value: +Inf\"}",
    ),
    ("a: ~x", "{\"a\":\"~x\"}"),
    ("a: yes!", "{\"a\":\"yes!\"}"),
    (
        "a: \"\"\nb: ''\nc: !!str",
        "{\"a\":\"\",\"b\":\"\",\"c\":\"\"}",
    ),
    (
        "a:\n  - &x {b: 1}\n  - <<: *x\n    c: 2",
        "{\"a\":[{\"b\":1},{\"b\":1,\"c\":2}]}",
    ),
    ("a: {<<: {b: 1}, b: 2}", "{\"a\":{\"b\":2}}"),
    (
        "a: {<<: [{b: 1}, {b: 2, c: 3}], c: 4}",
        "{\"a\":{\"b\":1,\"c\":4}}",
    ),
    ("<<: {a: 1}\nb: 2", "{\"a\":1,\"b\":2}"),
    (
        "a: {<<: *x}",
        "{\"Error\":\"error converting YAML to JSON: yaml: unknown anchor 'x' referenced\"}",
    ),
    (
        "a: &x {<<: *x}",
        "{\"Error\":\"error converting YAML to JSON: yaml: anchor 'x' value contains itself\"}",
    ),
    ("a: !!merge <<", "{\"a\":\"\\u003c\\u003c\"}"),
    ("a: {!!merge <<: {b: 1}}", "{\"a\":{\"b\":1}}"),
    (
        "a: {!!str <<: {b: 1}}",
        "{\"a\":{\"\\u003c\\u003c\":{\"b\":1}}}",
    ),
    ("a: b\n\n\n", "{\"a\":\"b\"}"),
    ("\n\n\na: b", "{\"a\":\"b\"}"),
    ("  a: b\n  c: d", "{\"a\":\"b\",\"c\":\"d\"}"),
    ("  a: b\n c: d", "{\"a\":\"b\"}"),
    (
        "a:\n  b: 1\n   c: 2",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context\"}",
    ),
    (
        "- a\n  - b",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\"}",
    ),
    (
        "a: [b]c",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected key\"}",
    ),
    (
        "a: 'b'c",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected key\"}",
    ),
    (
        "a: \"b\" c",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected key\"}",
    ),
    (
        "a: b: c: d",
        "{\"Error\":\"error converting YAML to JSON: yaml: mapping values are not allowed in this context\"}",
    ),
    (
        "\t",
        "{\"Error\":\"error converting YAML to JSON: yaml: found character that cannot start any token\"}",
    ),
    (
        "a:\n\t- b",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 2: found character that cannot start any token\"}",
    ),
    ("a: \u{2028}", "{\"a\":null}"),
    ("a: \u{feff}x", "{\"a\":\"\u{feff}x\"}"),
    ("a: \"\u{85}\"", "{\"a\":\" \"}"),
    ("a: x\u{85}b: 1", "{\"a\":\"x\",\"b\":1}"),
    (
        "a: \u{0}",
        "{\"Error\":\"error converting YAML to JSON: yaml: control characters are not allowed\"}",
    ),
    (
        "a: b\u{0}c",
        "{\"Error\":\"error converting YAML to JSON: yaml: control characters are not allowed\"}",
    ),
    ("a: \"it\\'s\"", "{\"a\":\"it's\"}"),
    (
        "a: \"x\\'y\\'z\"\nb: \"\\'\"",
        "{\"a\":\"x'y'z\",\"b\":\"'\"}",
    ),
    (
        "a: 1\nb: \"x\\/y\"",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 2: found unknown escape character\"}",
    ),
    (
        "a: 1\nb:\n  c: \"multi\n   line \\/ here\"",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 4: found unknown escape character\"}",
    ),
    (
        "\u{feff}a: \"x\\/\"",
        "{\"Error\":\"error converting YAML to JSON: yaml: found unknown escape character\"}",
    ),
    ("\u{feff}a: \"x\\'\"", "{\"a\":\"x'\"}"),
    ("a: 'x\\/'", "{\"a\":\"x\\\\/\"}"),
    ("a: \"\\\\/\"", "{\"a\":\"\\\\/\"}"),
    ("a: |\n  \\/\n", "{\"a\":\"\\\\/\\n\"}"),
    ("a: \"\\\t\"", "{\"a\":\"\\t\"}"),
    ("b: 1\na: \"\\\t\"", "{\"a\":\"\\t\",\"b\":1}"),
    (
        "list:\n- \"\\'\"\n- \"ok\"\n- 'x'",
        "{\"list\":[\"'\",\"ok\",\"x\"]}",
    ),
    ("a: \"\\x41\\u0042\\U00000043\"", "{\"a\":\"ABC\"}"),
    (
        "a: \"\\xZZ\"",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected hexdecimal number\"}",
    ),
    (
        "a: \"\\u00\"",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected hexdecimal number\"}",
    ),
    (
        "a: \"\\ud800\"",
        "{\"Error\":\"error converting YAML to JSON: yaml: found invalid Unicode character escape code\"}",
    ),
    ("a: \"x\\\n  y\"", "{\"a\":\"xy\"}"),
];

/// `{{ $json | fromJson | toYaml }}`: (JSON input, Helm output).
pub(super) const TO_YAML: &[(&str, &str)] = &[
    ("{\"v\": \"\"}", "v: \"\""),
    ("{\"v\": \" \"}", "v: ' '"),
    ("{\"v\": \"a\"}", "v: a"),
    ("{\"v\": \"true\"}", "v: \"true\""),
    ("{\"v\": \"yes\"}", "v: \"yes\""),
    ("{\"v\": \"Yes\"}", "v: \"Yes\""),
    ("{\"v\": \"y\"}", "v: \"y\""),
    ("{\"v\": \"n\"}", "v: \"n\""),
    ("{\"v\": \"on\"}", "v: \"on\""),
    ("{\"v\": \"off\"}", "v: \"off\""),
    ("{\"v\": \"null\"}", "v: \"null\""),
    ("{\"v\": \"~\"}", "v: \"~\""),
    ("{\"v\": \"Null\"}", "v: \"Null\""),
    ("{\"v\": \"123\"}", "v: \"123\""),
    ("{\"v\": \"0755\"}", "v: \"0755\""),
    ("{\"v\": \"0x1F\"}", "v: \"0x1F\""),
    ("{\"v\": \"1e3\"}", "v: \"1e3\""),
    ("{\"v\": \".5\"}", "v: \".5\""),
    ("{\"v\": \"1.\"}", "v: \"1.\""),
    ("{\"v\": \"-\"}", "v: '-'"),
    ("{\"v\": \"--\"}", "v: --"),
    ("{\"v\": \"---\"}", "v: '---'"),
    ("{\"v\": \"--- a\"}", "v: '--- a'"),
    ("{\"v\": \"...\"}", "v: '...'"),
    ("{\"v\": \"-a\"}", "v: -a"),
    ("{\"v\": \"- a\"}", "v: '- a'"),
    ("{\"v\": \"?\"}", "v: '?'"),
    ("{\"v\": \"? a\"}", "v: '? a'"),
    ("{\"v\": \"?a\"}", "v: ?a"),
    ("{\"v\": \":\"}", "v: ':'"),
    ("{\"v\": \":a\"}", "v: :a"),
    ("{\"v\": \"a:\"}", "v: 'a:'"),
    ("{\"v\": \"a: b\"}", "v: 'a: b'"),
    ("{\"v\": \"a:b\"}", "v: a:b"),
    ("{\"v\": \"#a\"}", "v: '#a'"),
    ("{\"v\": \"a#b\"}", "v: a#b"),
    ("{\"v\": \"a #b\"}", "v: 'a #b'"),
    ("{\"v\": \"*a\"}", "v: '*a'"),
    ("{\"v\": \"&a\"}", "v: '&a'"),
    ("{\"v\": \"!a\"}", "v: '!a'"),
    ("{\"v\": \"|a\"}", "v: '|a'"),
    ("{\"v\": \">a\"}", "v: '>a'"),
    ("{\"v\": \"'a\"}", "v: '''a'"),
    ("{\"v\": \"\\\"a\"}", "v: '\"a'"),
    ("{\"v\": \"%a\"}", "v: '%a'"),
    ("{\"v\": \"@a\"}", "v: '@a'"),
    ("{\"v\": \"`a\"}", "v: '`a'"),
    ("{\"v\": \",a\"}", "v: ',a'"),
    ("{\"v\": \"a,b\"}", "v: a,b"),
    ("{\"v\": \"[a\"}", "v: '[a'"),
    ("{\"v\": \"a]\"}", "v: a]"),
    ("{\"v\": \"{a\"}", "v: '{a'"),
    ("{\"v\": \"a}\"}", "v: a}"),
    ("{\"v\": \"a'b\"}", "v: a'b"),
    ("{\"v\": \"it's\"}", "v: it's"),
    ("{\"v\": \"2020-01-01\"}", "v: \"2020-01-01\""),
    ("{\"v\": \"2020-1-1\"}", "v: \"2020-1-1\""),
    (
        "{\"v\": \"2001-12-14t21:59:43.10-05:00\"}",
        "v: \"2001-12-14t21:59:43.10-05:00\"",
    ),
    (
        "{\"v\": \"2001-12-14 21:59:43\"}",
        "v: \"2001-12-14 21:59:43\"",
    ),
    ("{\"v\": \"1:20\"}", "v: \"1:20\""),
    ("{\"v\": \"190:20:30.15\"}", "v: \"190:20:30.15\""),
    ("{\"v\": \"1:70\"}", "v: 1:70"),
    ("{\"v\": \"<<\"}", "v: <<"),
    ("{\"v\": \"=\"}", "v: ="),
    ("{\"v\": \".inf\"}", "v: \".inf\""),
    ("{\"v\": \"-.inf\"}", "v: \"-.inf\""),
    ("{\"v\": \".nan\"}", "v: \".nan\""),
    ("{\"v\": \".NaN\"}", "v: \".NaN\""),
    ("{\"v\": \"+.inf\"}", "v: \"+.inf\""),
    ("{\"v\": \"1_000\"}", "v: \"1_000\""),
    ("{\"v\": \"0b101\"}", "v: \"0b101\""),
    ("{\"v\": \"+1\"}", "v: \"+1\""),
    ("{\"v\": \"-1\"}", "v: \"-1\""),
    ("{\"v\": \"1.2.3\"}", "v: 1.2.3"),
    ("{\"v\": \"1.0\"}", "v: \"1.0\""),
    ("{\"v\": \"1e400\"}", "v: 1e400"),
    ("{\"v\": \"Inf\"}", "v: Inf"),
    ("{\"v\": \"NaN\"}", "v: NaN"),
    ("{\"v\": \" lead\"}", "v: ' lead'"),
    ("{\"v\": \"trail \"}", "v: 'trail '"),
    ("{\"v\": \"a  b\"}", "v: a  b"),
    ("{\"v\": \"tab\\there\"}", "v: \"tab\\there\""),
    ("{\"v\": \"a\\nb\"}", "v: |-\n  a\n  b"),
    ("{\"v\": \"a\\nb\\n\"}", "v: |\n  a\n  b"),
    ("{\"v\": \"a\\nb\\n\\n\"}", "v: |+\n  a\n  b\n"),
    ("{\"v\": \"\\na\"}", "v: |2-\n\n  a"),
    ("{\"v\": \" a\\nb\"}", "v: |2-\n   a\n  b"),
    ("{\"v\": \"a \\nb\"}", "v: \"a \\nb\""),
    ("{\"v\": \"a\\n b\"}", "v: |-\n  a\n   b"),
    ("{\"v\": \"a\\n\\nb\"}", "v: |-\n  a\n\n  b"),
    ("{\"v\": \"\\n\"}", "v: |2+\n"),
    ("{\"v\": \"\\n\\n\"}", "v: |2+\n\n"),
    ("{\"v\": \"a\\r\\nb\"}", "v: \"a\\r\\nb\""),
    ("{\"v\": \"a\\rb\"}", "v: \"a\\rb\""),
    ("{\"v\": \"\\u00e9\"}", "v: é"),
    ("{\"v\": \"\\u4f60\\u597d\"}", "v: 你好"),
    (
        "{\"v\": \"emoji \\ud83d\\ude00\"}",
        "v: \"emoji \\U0001F600\"",
    ),
    ("{\"v\": \"\\u00a0nbsp\"}", "v: \u{a0}nbsp"),
    ("{\"v\": \"x\\u00a0y\"}", "v: x\u{a0}y"),
    ("{\"v\": \"\\u2028\"}", "v: '\u{2028}'"),
    ("{\"v\": \"a\\u2028b\"}", "v: 'a\u{2028}  b'"),
    ("{\"v\": \"\\u0085\"}", "v: ' '"),
    ("{\"v\": \"\\ufeffbom\"}", "v: \"\\uFEFF\\x62\\x6F\\x6D\""),
    ("{\"v\": \"a\\ufeffb\"}", "v: \"a\\uFEFFb\""),
    ("{\"v\": \"\\u0000\"}", "v: \"\\0\""),
    (
        "{\"v\": \"\\u0007\\b\\u000b\\f\\u001b\"}",
        "v: \"\\a\\b\\v\\f\\e\"",
    ),
    ("{\"v\": \"\\u007f\"}", ""),
    ("{\"v\": \"back\\\\slash\"}", "v: back\\slash"),
    ("{\"v\": \"quote\\\"d\"}", "v: quote\"d"),
    ("{\"v\": \"<>&\"}", "v: <>&"),
    (
        "{\"v\": \"abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890\"}",
        "v: abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890",
    ),
    (
        "{\"v\": \"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"}",
        "v: 'word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word word word\n  word word word word word word word word '",
    ),
    (
        "{\"v\": \"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word\"}",
        "v: word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word word word\n  word word word word word word word word",
    ),
    (
        "{\"v\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}",
        "v: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ),
    (
        "{\"v\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"}",
        "v: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n  bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
    ),
    (
        "{\"v\": \"x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x y\"}",
        "v: x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x\n  x x x x x x x x x x x x x x x x x x x x y",
    ),
    (
        "{\"v\": \"'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '\"}",
        "v: '''abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '''",
    ),
    (
        "{\"v\": \"- abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890\"}",
        "v: '- abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890'",
    ),
    (
        "{\"v\": \"tab\\t abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz  ABCDEFGHIJKLMNOPQRSTUVWXYZ  1234567890   x\"}",
        "v: \"tab\\t abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n  \\ ABCDEFGHIJKLMNOPQRSTUVWXYZ  1234567890   x\"",
    ),
    (
        "{\"v\": \"line1 \\nabcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890\"}",
        "v: \"line1 \\nabcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890\"",
    ),
    (
        "{\"v\": \"long line in literal abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\\nsecond\"}",
        "v: |-\n  long line in literal abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n  second",
    ),
    (
        "{\"v\": \"\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9 \\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\"}",
        "v: éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n  ééééé",
    ),
    (
        "{\"v\": \"\\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \"}",
        "v: '日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語\n  日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 '",
    ),
    ("{\"\": 1}", "\"\": 1"),
    ("{\" \": 1}", "' ': 1"),
    ("{\"a\": 1}", "a: 1"),
    ("{\"true\": 1}", "\"true\": 1"),
    ("{\"yes\": 1}", "\"yes\": 1"),
    ("{\"Yes\": 1}", "\"Yes\": 1"),
    ("{\"y\": 1}", "\"y\": 1"),
    ("{\"n\": 1}", "\"n\": 1"),
    ("{\"on\": 1}", "\"on\": 1"),
    ("{\"off\": 1}", "\"off\": 1"),
    ("{\"null\": 1}", "\"null\": 1"),
    ("{\"~\": 1}", "\"~\": 1"),
    ("{\"Null\": 1}", "\"Null\": 1"),
    ("{\"123\": 1}", "\"123\": 1"),
    ("{\"0755\": 1}", "\"0755\": 1"),
    ("{\"0x1F\": 1}", "\"0x1F\": 1"),
    ("{\"1e3\": 1}", "\"1e3\": 1"),
    ("{\".5\": 1}", "\".5\": 1"),
    ("{\"1.\": 1}", "\"1.\": 1"),
    ("{\"-\": 1}", "'-': 1"),
    ("{\"--\": 1}", "--: 1"),
    ("{\"---\": 1}", "'---': 1"),
    ("{\"--- a\": 1}", "'--- a': 1"),
    ("{\"...\": 1}", "'...': 1"),
    ("{\"-a\": 1}", "-a: 1"),
    ("{\"- a\": 1}", "'- a': 1"),
    ("{\"?\": 1}", "'?': 1"),
    ("{\"? a\": 1}", "'? a': 1"),
    ("{\"?a\": 1}", "?a: 1"),
    ("{\":\": 1}", "':': 1"),
    ("{\":a\": 1}", ":a: 1"),
    ("{\"a:\": 1}", "'a:': 1"),
    ("{\"a: b\": 1}", "'a: b': 1"),
    ("{\"a:b\": 1}", "a:b: 1"),
    ("{\"#a\": 1}", "'#a': 1"),
    ("{\"a#b\": 1}", "a#b: 1"),
    ("{\"a #b\": 1}", "'a #b': 1"),
    ("{\"*a\": 1}", "'*a': 1"),
    ("{\"&a\": 1}", "'&a': 1"),
    ("{\"!a\": 1}", "'!a': 1"),
    ("{\"|a\": 1}", "'|a': 1"),
    ("{\">a\": 1}", "'>a': 1"),
    ("{\"'a\": 1}", "'''a': 1"),
    ("{\"\\\"a\": 1}", "'\"a': 1"),
    ("{\"%a\": 1}", "'%a': 1"),
    ("{\"@a\": 1}", "'@a': 1"),
    ("{\"`a\": 1}", "'`a': 1"),
    ("{\",a\": 1}", "',a': 1"),
    ("{\"a,b\": 1}", "a,b: 1"),
    ("{\"[a\": 1}", "'[a': 1"),
    ("{\"a]\": 1}", "a]: 1"),
    ("{\"{a\": 1}", "'{a': 1"),
    ("{\"a}\": 1}", "a}: 1"),
    ("{\"a'b\": 1}", "a'b: 1"),
    ("{\"it's\": 1}", "it's: 1"),
    ("{\"2020-01-01\": 1}", "\"2020-01-01\": 1"),
    ("{\"2020-1-1\": 1}", "\"2020-1-1\": 1"),
    (
        "{\"2001-12-14t21:59:43.10-05:00\": 1}",
        "\"2001-12-14t21:59:43.10-05:00\": 1",
    ),
    ("{\"2001-12-14 21:59:43\": 1}", "\"2001-12-14 21:59:43\": 1"),
    ("{\"1:20\": 1}", "\"1:20\": 1"),
    ("{\"a\\nb\": 1}", "? |-\n  a\n  b\n: 1"),
    (
        "{\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": 1}",
        "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: 1",
    ),
    (
        "{\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": 1}",
        "? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: 1",
    ),
    (
        "{\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk x\": 1}",
        "? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n  x\n: 1",
    ),
    ("{\"\": 1}", "\"\": 1"),
    ("{\"v\": 0}", "v: 0"),
    ("{\"v\": 1}", "v: 1"),
    ("{\"v\": -1}", "v: -1"),
    ("{\"v\": 1.5}", "v: 1.5"),
    ("{\"v\": 0.1}", "v: 0.1"),
    ("{\"v\": 1000000.0}", "v: 1000000"),
    ("{\"v\": 1000000}", "v: 1000000"),
    ("{\"v\": 123456789}", "v: 123456789"),
    ("{\"v\": 1234567.5}", "v: 1.2345675e+06"),
    ("{\"v\": 1.5e-07}", "v: 1.5e-07"),
    ("{\"v\": 1e-06}", "v: 1e-06"),
    ("{\"v\": 1e-07}", "v: 1e-07"),
    ("{\"v\": 1e+20}", "v: 1e+20"),
    ("{\"v\": 1e+21}", "v: 1e+21"),
    (
        "{\"v\": 1.7976931348623157e+308}",
        "v: 1.7976931348623157e+308",
    ),
    ("{\"v\": 5e-324}", "v: 5e-324"),
    ("{\"v\": 9007199254740993}", "v: 9007199254740992"),
    ("{\"v\": 18446744073709551615}", "v: 1.8446744073709552e+19"),
    ("{\"v\": 9223372036854775807}", "v: 9223372036854776000"),
    ("{\"v\": -9223372036854775808}", "v: -9.223372036854776e+18"),
    ("{\"v\": 100000}", "v: 100000"),
    ("{\"v\": 1e-06}", "v: 1e-06"),
    ("{\"v\": 123456789.0}", "v: 123456789"),
    ("{\"v\": -0.0}", "v: 0"),
    ("{\"v\": 3.0}", "v: 3"),
    ("{\"v\": 25000000000.0}", "v: 25000000000"),
    ("{\"v\": null}", "v: null"),
    ("{\"v\": true}", "v: true"),
    ("{\"v\": false}", "v: false"),
    ("{\"v\": []}", "v: []"),
    ("{\"v\": {}}", "v: {}"),
    ("{\"v\": [[]]}", "v:\n- []"),
    ("{\"v\": [{}]}", "v:\n- {}"),
    (
        "{\"v\": [1, \"a\", null, [2, 3], {\"b\": [4]}]}",
        "v:\n- 1\n- a\n- null\n- - 2\n  - 3\n- b:\n  - 4",
    ),
    (
        "{\"v\": [[1, 2], [3, [4, 5]]]}",
        "v:\n- - 1\n  - 2\n- - 3\n  - - 4\n    - 5",
    ),
    (
        "{\"v\": [{\"a\": 1, \"b\": 2}, {\"c\": [1, 2]}]}",
        "v:\n- a: 1\n  b: 2\n- c:\n  - 1\n  - 2",
    ),
    (
        "{\"v\": {\"a\": {\"b\": {\"c\": [1, {\"d\": \"e\\nf\"}]}}}}",
        "v:\n  a:\n    b:\n      c:\n      - 1\n      - d: |-\n          e\n          f",
    ),
    (
        "{\"a9\": 1, \"a10\": 2, \"b1\": 1, \"b01\": 1, \"b3\": 1, \"a_b\": 1, \"aB\": 1, \"a-x\": 1, \"ab\": 1, \"foo.bar\": 1, \"foobar\": 1, \"A\": 1, \"a\": 1, \"Z\": 1, \"_\": 1, \"-\": 1, \"1\": 1, \"10\": 1, \"2\": 1, \".1\": 1, \"\\u00e4\": 1, \"z\": 1}",
        "'-': 1\n\".1\": 1\n_: 1\n\"1\": 1\n\"2\": 1\n\"10\": 1\nA: 1\nZ: 1\na: 1\na-x: 1\na_b: 1\na9: 1\na10: 2\naB: 1\nab: 1\nb1: 1\nb01: 1\nb3: 1\nfoo.bar: 1\nfoobar: 1\nz: 1\nä: 1",
    ),
    (
        "{\"''\": 1, \".1\": 1, \".2\": 1, \".a\": 1, \"1\": 1, \"2\": 1, \"a!10\": 1, \"a/0001\": 1, \"a/002\": 1, \"a/3\": 1, \"a/10\": 1, \"a/11\": 1, \"a/0012\": 1, \"a/100\": 1, \"a~10\": 1, \"ab/1\": 1, \"b/1\": 1, \"b/01\": 1, \"b/2\": 1, \"b/02\": 1, \"b/3\": 1, \"b/03\": 1, \"b1\": 1, \"b01\": 1, \"b3\": 1, \"c2.10\": 1, \"c10.2\": 1, \"d1\": 1, \"d7\": 1, \"d7abc\": 1, \"d12\": 1, \"d12a\": 1}",
        "'''''': 1\n\".1\": 1\n\".2\": 1\n.a: 1\n\"1\": 1\n\"2\": 1\na!10: 1\na/0001: 1\na/002: 1\na/3: 1\na/10: 1\na/11: 1\na/0012: 1\na/100: 1\na~10: 1\nab/1: 1\nb/1: 1\nb/01: 1\nb/2: 1\nb/02: 1\nb/3: 1\nb/03: 1\nb1: 1\nb01: 1\nb3: 1\nc2.10: 1\nc10.2: 1\nd1: 1\nd7: 1\nd7abc: 1\nd12: 1\nd12a: 1",
    ),
    ("{\"v\": [\"a\\nb\", \"c\"]}", "v:\n- |-\n  a\n  b\n- c"),
    (
        "{\"v\": {\"k\": [\"x\\n\", \" y\"]}}",
        "v:\n  k:\n  - |\n    x\n  - ' y'",
    ),
    (
        "{\"v\": [\" a\\nb\", \"a\\n\\n\"]}",
        "v:\n- |2-\n   a\n  b\n- |+\n  a\n",
    ),
    ("{\"v\": [{\"a\": [{\"b\": \"c\"}]}]}", "v:\n- a:\n  - b: c"),
    ("{\"v\": \"a\\nb\", \"w\": \"x\"}", "v: |-\n  a\n  b\nw: x"),
    (
        "{\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": {\"a\": 1}}",
        "? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: a: 1",
    ),
    (
        "{\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": [1, 2]}",
        "? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: - 1\n  - 2",
    ),
    (
        "{\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": \"a\\nb\"}",
        "? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: |-\n  a\n  b",
    ),
    ("{\"a\\nb\": {\"c\": 1}}", "? |-\n  a\n  b\n: c: 1"),
    ("{\"a\\nb\": [1]}", "? |-\n  a\n  b\n: - 1"),
    (
        "{\"v\": [\"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"]}",
        "v:\n- 'word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word '",
    ),
    (
        "{\"deep\": {\"deeper\": {\"deepest\": \"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"}}}",
        "deep:\n  deeper:\n    deepest: 'word word word word word word word word word word word word word word\n      word word word word word word word word word word word word word word word word '",
    ),
    (
        "{\"deep\": {\"deeper\": [{\"deepest\": \"long long long long long long long long long long long long long long long long long long long long long long long long long long long long long long \\nx\"}]}}",
        "deep:\n  deeper:\n  - deepest: \"long long long long long long long long long long long long long long\n      long long long long long long long long long long long long long long long long\n      \\nx\"",
    ),
];

/// `fromJson` then (`toJson`, `toPrettyJson`, `toRawJson`): (JSON input, Helm outputs).
pub(super) const JSON_OUT: &[(&str, &str, &str, &str)] = &[
    (
        "{\"a\": \"<>&\", \"b\": \"\\u2028\\u2029\", \"c\": \"\\u0000\\u0001\\b\\f\\u001f\", \"d\": \"\\u00e9\\ud83d\\ude00\", \"e\": \"q\\\"b\\\\s/\", \"f\": \"\\t\\n\\r\"}",
        "{\"a\":\"\\u003c\\u003e\\u0026\",\"b\":\"\\u2028\\u2029\",\"c\":\"\\u0000\\u0001\\b\\f\\u001f\",\"d\":\"é😀\",\"e\":\"q\\\"b\\\\s/\",\"f\":\"\\t\\n\\r\"}",
        "{\n  \"a\": \"\\u003c\\u003e\\u0026\",\n  \"b\": \"\\u2028\\u2029\",\n  \"c\": \"\\u0000\\u0001\\b\\f\\u001f\",\n  \"d\": \"é😀\",\n  \"e\": \"q\\\"b\\\\s/\",\n  \"f\": \"\\t\\n\\r\"\n}",
        "{\"a\":\"<>&\",\"b\":\"\\u2028\\u2029\",\"c\":\"\\u0000\\u0001\\b\\f\\u001f\",\"d\":\"é😀\",\"e\":\"q\\\"b\\\\s/\",\"f\":\"\\t\\n\\r\"}",
    ),
    (
        "{\"n\": [0, 1, -1, 1.5, 0.1, 1000000.0, 1e+20, 1e+21, 1e-06, 1e-07, 1.5e-07, 123456789.5, -0.0, 5e-324, 1.7976931348623157e+308, 9007199254740993]}",
        "{\"n\":[0,1,-1,1.5,0.1,1000000,100000000000000000000,1e+21,0.000001,1e-7,1.5e-7,123456789.5,-0,5e-324,1.7976931348623157e+308,9007199254740992]}",
        "{\n  \"n\": [\n    0,\n    1,\n    -1,\n    1.5,\n    0.1,\n    1000000,\n    100000000000000000000,\n    1e+21,\n    0.000001,\n    1e-7,\n    1.5e-7,\n    123456789.5,\n    -0,\n    5e-324,\n    1.7976931348623157e+308,\n    9007199254740992\n  ]\n}",
        "{\"n\":[0,1,-1,1.5,0.1,1000000,100000000000000000000,1e+21,0.000001,1e-7,1.5e-7,123456789.5,-0,5e-324,1.7976931348623157e+308,9007199254740992]}",
    ),
    (
        "{\"e\": {}, \"l\": [], \"n\": null, \"t\": true, \"f\": false, \"nested\": {\"x\": [{\"y\": []}, {}]}}",
        "{\"e\":{},\"f\":false,\"l\":[],\"n\":null,\"nested\":{\"x\":[{\"y\":[]},{}]},\"t\":true}",
        "{\n  \"e\": {},\n  \"f\": false,\n  \"l\": [],\n  \"n\": null,\n  \"nested\": {\n    \"x\": [\n      {\n        \"y\": []\n      },\n      {}\n    ]\n  },\n  \"t\": true\n}",
        "{\"e\":{},\"f\":false,\"l\":[],\"n\":null,\"nested\":{\"x\":[{\"y\":[]},{}]},\"t\":true}",
    ),
    (
        "{\"z\": 1, \"a\": {\"k10\": 1, \"k9\": 2, \"K\": 3}}",
        "{\"a\":{\"K\":3,\"k10\":1,\"k9\":2},\"z\":1}",
        "{\n  \"a\": {\n    \"K\": 3,\n    \"k10\": 1,\n    \"k9\": 2\n  },\n  \"z\": 1\n}",
        "{\"a\":{\"K\":3,\"k10\":1,\"k9\":2},\"z\":1}",
    ),
];

/// `fromJson` errors (the map's `Error`): (input, Helm message).
pub(super) const JSON_ERRORS: &[(&str, &str)] = &[
    ("{\"a\":1", "unexpected end of JSON input"),
    ("{\"a\" 1}", "invalid character '1' after object key"),
    ("x", "invalid character 'x' looking for beginning of value"),
    (
        "[1,]",
        "invalid character ']' looking for beginning of value",
    ),
    ("{\"a\":1}x", "invalid character 'x' after top-level value"),
    ("\"ab", "unexpected end of JSON input"),
    (
        "{\"a\":1,}",
        "invalid character '}' looking for beginning of object key string",
    ),
    (
        "tru",
        "invalid character ' ' in literal true (expecting 'e')",
    ),
    (
        "trux",
        "invalid character 'x' in literal true (expecting 'e')",
    ),
    (
        "1.",
        "invalid character ' ' after decimal point in numeric literal",
    ),
    ("-", "invalid character ' ' in numeric literal"),
    ("01", "invalid character '1' after top-level value"),
    ("\"\\q\"", "invalid character 'q' in string escape code"),
    (
        "{1:2}",
        "invalid character '1' looking for beginning of object key string",
    ),
    ("[1 2]", "invalid character '2' after array element"),
    ("", "unexpected end of JSON input"),
    ("   ", "unexpected end of JSON input"),
    (
        "\"a\\u12\"",
        "invalid character '\"' in \\u hexadecimal character escape",
    ),
];

/// `{{ $json | fromJson | toYamlPretty }}`: (JSON input, Helm output).
pub(super) const TO_YAML_PRETTY: &[(&str, &str)] = &[
    ("{\"v\": \"\"}", "v: \"\""),
    ("{\"v\": \" \"}", "v: ' '"),
    ("{\"v\": \"a\"}", "v: a"),
    ("{\"v\": \"true\"}", "v: \"true\""),
    ("{\"v\": \"yes\"}", "v: \"yes\""),
    ("{\"v\": \"Yes\"}", "v: \"Yes\""),
    ("{\"v\": \"y\"}", "v: \"y\""),
    ("{\"v\": \"n\"}", "v: \"n\""),
    ("{\"v\": \"on\"}", "v: \"on\""),
    ("{\"v\": \"off\"}", "v: \"off\""),
    ("{\"v\": \"null\"}", "v: \"null\""),
    ("{\"v\": \"~\"}", "v: \"~\""),
    ("{\"v\": \"Null\"}", "v: \"Null\""),
    ("{\"v\": \"123\"}", "v: \"123\""),
    ("{\"v\": \"0755\"}", "v: \"0755\""),
    ("{\"v\": \"0x1F\"}", "v: \"0x1F\""),
    ("{\"v\": \"1e3\"}", "v: \"1e3\""),
    ("{\"v\": \".5\"}", "v: \".5\""),
    ("{\"v\": \"1.\"}", "v: \"1.\""),
    ("{\"v\": \"-\"}", "v: '-'"),
    ("{\"v\": \"--\"}", "v: --"),
    ("{\"v\": \"---\"}", "v: '---'"),
    ("{\"v\": \"--- a\"}", "v: '--- a'"),
    ("{\"v\": \"...\"}", "v: '...'"),
    ("{\"v\": \"-a\"}", "v: -a"),
    ("{\"v\": \"- a\"}", "v: '- a'"),
    ("{\"v\": \"?\"}", "v: '?'"),
    ("{\"v\": \"? a\"}", "v: '? a'"),
    ("{\"v\": \"?a\"}", "v: ?a"),
    ("{\"v\": \":\"}", "v: ':'"),
    ("{\"v\": \":a\"}", "v: :a"),
    ("{\"v\": \"a:\"}", "v: 'a:'"),
    ("{\"v\": \"a: b\"}", "v: 'a: b'"),
    ("{\"v\": \"a:b\"}", "v: a:b"),
    ("{\"v\": \"#a\"}", "v: '#a'"),
    ("{\"v\": \"a#b\"}", "v: a#b"),
    ("{\"v\": \"a #b\"}", "v: 'a #b'"),
    ("{\"v\": \"*a\"}", "v: '*a'"),
    ("{\"v\": \"&a\"}", "v: '&a'"),
    ("{\"v\": \"!a\"}", "v: '!a'"),
    ("{\"v\": \"|a\"}", "v: '|a'"),
    ("{\"v\": \">a\"}", "v: '>a'"),
    ("{\"v\": \"'a\"}", "v: '''a'"),
    ("{\"v\": \"\\\"a\"}", "v: '\"a'"),
    ("{\"v\": \"%a\"}", "v: '%a'"),
    ("{\"v\": \"@a\"}", "v: '@a'"),
    ("{\"v\": \"`a\"}", "v: '`a'"),
    ("{\"v\": \",a\"}", "v: ',a'"),
    ("{\"v\": \"a,b\"}", "v: a,b"),
    ("{\"v\": \"[a\"}", "v: '[a'"),
    ("{\"v\": \"a]\"}", "v: a]"),
    ("{\"v\": \"{a\"}", "v: '{a'"),
    ("{\"v\": \"a}\"}", "v: a}"),
    ("{\"v\": \"a'b\"}", "v: a'b"),
    ("{\"v\": \"it's\"}", "v: it's"),
    ("{\"v\": \"2020-01-01\"}", "v: \"2020-01-01\""),
    ("{\"v\": \"2020-1-1\"}", "v: \"2020-1-1\""),
    (
        "{\"v\": \"2001-12-14t21:59:43.10-05:00\"}",
        "v: \"2001-12-14t21:59:43.10-05:00\"",
    ),
    (
        "{\"v\": \"2001-12-14 21:59:43\"}",
        "v: \"2001-12-14 21:59:43\"",
    ),
    ("{\"v\": \"1:20\"}", "v: \"1:20\""),
    ("{\"v\": \"190:20:30.15\"}", "v: \"190:20:30.15\""),
    ("{\"v\": \"1:70\"}", "v: 1:70"),
    ("{\"v\": \"<<\"}", "v: <<"),
    ("{\"v\": \"=\"}", "v: ="),
    ("{\"v\": \".inf\"}", "v: \".inf\""),
    ("{\"v\": \"-.inf\"}", "v: \"-.inf\""),
    ("{\"v\": \".nan\"}", "v: \".nan\""),
    ("{\"v\": \".NaN\"}", "v: \".NaN\""),
    ("{\"v\": \"+.inf\"}", "v: \"+.inf\""),
    ("{\"v\": \"1_000\"}", "v: \"1_000\""),
    ("{\"v\": \"0b101\"}", "v: \"0b101\""),
    ("{\"v\": \"+1\"}", "v: \"+1\""),
    ("{\"v\": \"-1\"}", "v: \"-1\""),
    ("{\"v\": \"1.2.3\"}", "v: 1.2.3"),
    ("{\"v\": \"1.0\"}", "v: \"1.0\""),
    ("{\"v\": \"1e400\"}", "v: 1e400"),
    ("{\"v\": \"Inf\"}", "v: Inf"),
    ("{\"v\": \"NaN\"}", "v: NaN"),
    ("{\"v\": \" lead\"}", "v: ' lead'"),
    ("{\"v\": \"trail \"}", "v: 'trail '"),
    ("{\"v\": \"a  b\"}", "v: a  b"),
    ("{\"v\": \"tab\\there\"}", "v: \"tab\\there\""),
    ("{\"v\": \"a\\nb\"}", "v: |-\n  a\n  b"),
    ("{\"v\": \"a\\nb\\n\"}", "v: |\n  a\n  b"),
    ("{\"v\": \"a\\nb\\n\\n\"}", "v: |+\n  a\n  b\n"),
    ("{\"v\": \"\\na\"}", "v: |2-\n\n  a"),
    ("{\"v\": \" a\\nb\"}", "v: |2-\n   a\n  b"),
    ("{\"v\": \"a \\nb\"}", "v: \"a \\nb\""),
    ("{\"v\": \"a\\n b\"}", "v: |-\n  a\n   b"),
    ("{\"v\": \"a\\n\\nb\"}", "v: |-\n  a\n\n  b"),
    ("{\"v\": \"\\n\"}", "v: |2+\n"),
    ("{\"v\": \"\\n\\n\"}", "v: |2+\n\n"),
    ("{\"v\": \"a\\r\\nb\"}", "v: \"a\\r\\nb\""),
    ("{\"v\": \"a\\rb\"}", "v: \"a\\rb\""),
    ("{\"v\": \"\\u00e9\"}", "v: é"),
    ("{\"v\": \"\\u4f60\\u597d\"}", "v: 你好"),
    (
        "{\"v\": \"emoji \\ud83d\\ude00\"}",
        "v: \"emoji \\U0001F600\"",
    ),
    ("{\"v\": \"\\u00a0nbsp\"}", "v: \u{a0}nbsp"),
    ("{\"v\": \"x\\u00a0y\"}", "v: x\u{a0}y"),
    ("{\"v\": \"\\u2028\"}", "v: '\u{2028}'"),
    ("{\"v\": \"a\\u2028b\"}", "v: 'a\u{2028}  b'"),
    ("{\"v\": \"\\u0085\"}", "v: \"\\N\""),
    ("{\"v\": \"\\ufeffbom\"}", "v: \"\\uFEFF\\x62\\x6F\\x6D\""),
    ("{\"v\": \"a\\ufeffb\"}", "v: \"a\\uFEFFb\""),
    ("{\"v\": \"\\u0000\"}", "v: \"\\0\""),
    (
        "{\"v\": \"\\u0007\\b\\u000b\\f\\u001b\"}",
        "v: \"\\a\\b\\v\\f\\e\"",
    ),
    ("{\"v\": \"\\u007f\"}", "v: \"\\x7F\""),
    ("{\"v\": \"back\\\\slash\"}", "v: back\\slash"),
    ("{\"v\": \"quote\\\"d\"}", "v: quote\"d"),
    ("{\"v\": \"<>&\"}", "v: <>&"),
    (
        "{\"v\": \"abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890\"}",
        "v: abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890",
    ),
    (
        "{\"v\": \"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"}",
        "v: 'word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word '",
    ),
    (
        "{\"v\": \"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word\"}",
        "v: word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word",
    ),
    (
        "{\"v\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}",
        "v: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    ),
    (
        "{\"v\": \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\"}",
        "v: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
    ),
    (
        "{\"v\": \"x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x y\"}",
        "v: x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x x y",
    ),
    (
        "{\"v\": \"'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '\"}",
        "v: '''abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '''",
    ),
    (
        "{\"v\": \"- abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890\"}",
        "v: '- abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890'",
    ),
    (
        "{\"v\": \"tab\\t abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz  ABCDEFGHIJKLMNOPQRSTUVWXYZ  1234567890   x\"}",
        "v: \"tab\\t abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz  ABCDEFGHIJKLMNOPQRSTUVWXYZ  1234567890   x\"",
    ),
    (
        "{\"v\": \"line1 \\nabcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890\"}",
        "v: \"line1 \\nabcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890\"",
    ),
    (
        "{\"v\": \"long line in literal abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\\nsecond\"}",
        "v: |-\n  long line in literal abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n  second",
    ),
    (
        "{\"v\": \"\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9 \\u00e9\\u00e9\\u00e9\\u00e9\\u00e9\"}",
        "v: éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé ééééé",
    ),
    (
        "{\"v\": \"\\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \\u65e5\\u672c\\u8a9e \"}",
        "v: '日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 日本語 '",
    ),
    ("{\"\": 1}", "\"\": 1"),
    ("{\" \": 1}", "' ': 1"),
    ("{\"a\": 1}", "a: 1"),
    ("{\"true\": 1}", "\"true\": 1"),
    ("{\"yes\": 1}", "\"yes\": 1"),
    ("{\"Yes\": 1}", "\"Yes\": 1"),
    ("{\"y\": 1}", "\"y\": 1"),
    ("{\"n\": 1}", "\"n\": 1"),
    ("{\"on\": 1}", "\"on\": 1"),
    ("{\"off\": 1}", "\"off\": 1"),
    ("{\"null\": 1}", "\"null\": 1"),
    ("{\"~\": 1}", "\"~\": 1"),
    ("{\"Null\": 1}", "\"Null\": 1"),
    ("{\"123\": 1}", "\"123\": 1"),
    ("{\"0755\": 1}", "\"0755\": 1"),
    ("{\"0x1F\": 1}", "\"0x1F\": 1"),
    ("{\"1e3\": 1}", "\"1e3\": 1"),
    ("{\".5\": 1}", "\".5\": 1"),
    ("{\"1.\": 1}", "\"1.\": 1"),
    ("{\"-\": 1}", "'-': 1"),
    ("{\"--\": 1}", "--: 1"),
    ("{\"---\": 1}", "'---': 1"),
    ("{\"--- a\": 1}", "'--- a': 1"),
    ("{\"...\": 1}", "'...': 1"),
    ("{\"-a\": 1}", "-a: 1"),
    ("{\"- a\": 1}", "'- a': 1"),
    ("{\"?\": 1}", "'?': 1"),
    ("{\"? a\": 1}", "'? a': 1"),
    ("{\"?a\": 1}", "?a: 1"),
    ("{\":\": 1}", "':': 1"),
    ("{\":a\": 1}", ":a: 1"),
    ("{\"a:\": 1}", "'a:': 1"),
    ("{\"a: b\": 1}", "'a: b': 1"),
    ("{\"a:b\": 1}", "a:b: 1"),
    ("{\"#a\": 1}", "'#a': 1"),
    ("{\"a#b\": 1}", "a#b: 1"),
    ("{\"a #b\": 1}", "'a #b': 1"),
    ("{\"*a\": 1}", "'*a': 1"),
    ("{\"&a\": 1}", "'&a': 1"),
    ("{\"!a\": 1}", "'!a': 1"),
    ("{\"|a\": 1}", "'|a': 1"),
    ("{\">a\": 1}", "'>a': 1"),
    ("{\"'a\": 1}", "'''a': 1"),
    ("{\"\\\"a\": 1}", "'\"a': 1"),
    ("{\"%a\": 1}", "'%a': 1"),
    ("{\"@a\": 1}", "'@a': 1"),
    ("{\"`a\": 1}", "'`a': 1"),
    ("{\",a\": 1}", "',a': 1"),
    ("{\"a,b\": 1}", "a,b: 1"),
    ("{\"[a\": 1}", "'[a': 1"),
    ("{\"a]\": 1}", "a]: 1"),
    ("{\"{a\": 1}", "'{a': 1"),
    ("{\"a}\": 1}", "a}: 1"),
    ("{\"a'b\": 1}", "a'b: 1"),
    ("{\"it's\": 1}", "it's: 1"),
    ("{\"2020-01-01\": 1}", "\"2020-01-01\": 1"),
    ("{\"2020-1-1\": 1}", "\"2020-1-1\": 1"),
    (
        "{\"2001-12-14t21:59:43.10-05:00\": 1}",
        "\"2001-12-14t21:59:43.10-05:00\": 1",
    ),
    ("{\"2001-12-14 21:59:43\": 1}", "\"2001-12-14 21:59:43\": 1"),
    ("{\"1:20\": 1}", "\"1:20\": 1"),
    ("{\"a\\nb\": 1}", "? |-\n  a\n  b\n: 1"),
    (
        "{\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": 1}",
        "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: 1",
    ),
    (
        "{\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": 1}",
        "? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: 1",
    ),
    (
        "{\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk x\": 1}",
        "? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk x\n: 1",
    ),
    ("{\"v\": 0}", "v: 0"),
    ("{\"v\": 1}", "v: 1"),
    ("{\"v\": -1}", "v: -1"),
    ("{\"v\": 1.5}", "v: 1.5"),
    ("{\"v\": 0.1}", "v: 0.1"),
    ("{\"v\": 1000000.0}", "v: 1e+06"),
    ("{\"v\": 1000000}", "v: 1e+06"),
    ("{\"v\": 123456789}", "v: 1.23456789e+08"),
    ("{\"v\": 1234567.5}", "v: 1.2345675e+06"),
    ("{\"v\": 1.5e-07}", "v: 1.5e-07"),
    ("{\"v\": 1e-06}", "v: 1e-06"),
    ("{\"v\": 1e-07}", "v: 1e-07"),
    ("{\"v\": 1e+20}", "v: 1e+20"),
    ("{\"v\": 1e+21}", "v: 1e+21"),
    (
        "{\"v\": 1.7976931348623157e+308}",
        "v: 1.7976931348623157e+308",
    ),
    ("{\"v\": 5e-324}", "v: 5e-324"),
    ("{\"v\": 9007199254740993}", "v: 9.007199254740992e+15"),
    ("{\"v\": 18446744073709551615}", "v: 1.8446744073709552e+19"),
    ("{\"v\": 9223372036854775807}", "v: 9.223372036854776e+18"),
    ("{\"v\": -9223372036854775808}", "v: -9.223372036854776e+18"),
    ("{\"v\": 100000}", "v: 100000"),
    ("{\"v\": 123456789.0}", "v: 1.23456789e+08"),
    ("{\"v\": -0.0}", "v: -0"),
    ("{\"v\": 3.0}", "v: 3"),
    ("{\"v\": 25000000000.0}", "v: 2.5e+10"),
    ("{\"v\": null}", "v: null"),
    ("{\"v\": true}", "v: true"),
    ("{\"v\": false}", "v: false"),
    ("{\"v\": []}", "v: []"),
    ("{\"v\": {}}", "v: {}"),
    ("{\"v\": [[]]}", "v:\n  - []"),
    ("{\"v\": [{}]}", "v:\n  - {}"),
    (
        "{\"v\": [1, \"a\", null, [2, 3], {\"b\": [4]}]}",
        "v:\n  - 1\n  - a\n  - null\n  - - 2\n    - 3\n  - b:\n      - 4",
    ),
    (
        "{\"v\": [[1, 2], [3, [4, 5]]]}",
        "v:\n  - - 1\n    - 2\n  - - 3\n    - - 4\n      - 5",
    ),
    (
        "{\"v\": [{\"a\": 1, \"b\": 2}, {\"c\": [1, 2]}]}",
        "v:\n  - a: 1\n    b: 2\n  - c:\n      - 1\n      - 2",
    ),
    (
        "{\"v\": {\"a\": {\"b\": {\"c\": [1, {\"d\": \"e\\nf\"}]}}}}",
        "v:\n  a:\n    b:\n      c:\n        - 1\n        - d: |-\n            e\n            f",
    ),
    (
        "{\"a9\": 1, \"a10\": 2, \"b1\": 1, \"b01\": 1, \"b3\": 1, \"a_b\": 1, \"aB\": 1, \"a-x\": 1, \"ab\": 1, \"foo.bar\": 1, \"foobar\": 1, \"A\": 1, \"a\": 1, \"Z\": 1, \"_\": 1, \"-\": 1, \"1\": 1, \"10\": 1, \"2\": 1, \".1\": 1, \"\\u00e4\": 1, \"z\": 1}",
        "'-': 1\n\".1\": 1\n_: 1\n\"1\": 1\n\"2\": 1\n\"10\": 1\nA: 1\nZ: 1\na: 1\na-x: 1\na_b: 1\na9: 1\na10: 2\naB: 1\nab: 1\nb1: 1\nb01: 1\nb3: 1\nfoo.bar: 1\nfoobar: 1\nz: 1\nä: 1",
    ),
    (
        "{\"''\": 1, \".1\": 1, \".2\": 1, \".a\": 1, \"1\": 1, \"2\": 1, \"a!10\": 1, \"a/0001\": 1, \"a/002\": 1, \"a/3\": 1, \"a/10\": 1, \"a/11\": 1, \"a/0012\": 1, \"a/100\": 1, \"a~10\": 1, \"ab/1\": 1, \"b/1\": 1, \"b/01\": 1, \"b/2\": 1, \"b/02\": 1, \"b/3\": 1, \"b/03\": 1, \"b1\": 1, \"b01\": 1, \"b3\": 1, \"c2.10\": 1, \"c10.2\": 1, \"d1\": 1, \"d7\": 1, \"d7abc\": 1, \"d12\": 1, \"d12a\": 1}",
        "'''''': 1\n\".1\": 1\n\".2\": 1\n.a: 1\n\"1\": 1\n\"2\": 1\na!10: 1\na/0001: 1\na/002: 1\na/3: 1\na/10: 1\na/11: 1\na/0012: 1\na/100: 1\na~10: 1\nab/1: 1\nb/1: 1\nb/01: 1\nb/2: 1\nb/02: 1\nb/3: 1\nb/03: 1\nb1: 1\nb01: 1\nb3: 1\nc2.10: 1\nc10.2: 1\nd1: 1\nd7: 1\nd7abc: 1\nd12: 1\nd12a: 1",
    ),
    (
        "{\"v\": [\"a\\nb\", \"c\"]}",
        "v:\n  - |-\n    a\n    b\n  - c",
    ),
    (
        "{\"v\": {\"k\": [\"x\\n\", \" y\"]}}",
        "v:\n  k:\n    - |\n      x\n    - ' y'",
    ),
    (
        "{\"v\": [\" a\\nb\", \"a\\n\\n\"]}",
        "v:\n  - |2-\n     a\n    b\n  - |+\n    a\n",
    ),
    (
        "{\"v\": [{\"a\": [{\"b\": \"c\"}]}]}",
        "v:\n  - a:\n      - b: c",
    ),
    ("{\"v\": \"a\\nb\", \"w\": \"x\"}", "v: |-\n  a\n  b\nw: x"),
    (
        "{\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": {\"a\": 1}}",
        "? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: a: 1",
    ),
    (
        "{\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": [1, 2]}",
        "? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: - 1\n  - 2",
    ),
    (
        "{\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\": \"a\\nb\"}",
        "? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n: |-\n  a\n  b",
    ),
    ("{\"a\\nb\": {\"c\": 1}}", "? |-\n  a\n  b\n: c: 1"),
    ("{\"a\\nb\": [1]}", "? |-\n  a\n  b\n: - 1"),
    (
        "{\"v\": [\"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"]}",
        "v:\n  - 'word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word '",
    ),
    (
        "{\"deep\": {\"deeper\": {\"deepest\": \"word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word \"}}}",
        "deep:\n  deeper:\n    deepest: 'word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word '",
    ),
    (
        "{\"deep\": {\"deeper\": [{\"deepest\": \"long long long long long long long long long long long long long long long long long long long long long long long long long long long long long long \\nx\"}]}}",
        "deep:\n  deeper:\n    - deepest: \"long long long long long long long long long long long long long long long long long long long long long long long long long long long long long long \\nx\"",
    ),
];

/// More `{{ $yaml | fromYaml | toJson }}` cases: (YAML input, Helm output).
pub(super) const FROM_YAML_MORE: &[(&str, &str)] = &[
    (
        "a: [!foo,bar]",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'\"}",
    ),
    ("a: !foo,bar", "{\"a\":\"\"}"),
    ("a:\tb", "{\"a\":\"b\"}"),
    ("a: b\t\nc:\td", "{\"a\":\"b\",\"c\":\"d\"}"),
    ("a:\t[b]", "{\"a\":[\"b\"]}"),
    (
        "- \ta",
        "{\"Error\":\"error converting YAML to JSON: yaml: found character that cannot start any token\"}",
    ),
    ("a: [b,c]", "{\"a\":[\"b\",\"c\"]}"),
    ("a: [b ,c]", "{\"a\":[\"b\",\"c\"]}"),
    ("a: {b,c}", "{\"a\":{\"b\":null,\"c\":null}}"),
    ("a: {b: ,c: }", "{\"a\":{\"b\":null,\"c\":null}}"),
    (
        "a: [:b]",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected node content\"}",
    ),
    ("a: {b:c: d}", "{\"a\":{\"b:c\":\"d\"}}"),
    (
        "a: [-b, - c]",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected node content\"}",
    ),
    ("a: [--- , ...]", "{\"a\":[\"---\",\"...\"]}"),
    ("a: b ---", "{\"a\":\"b ---\"}"),
    ("---a: 1", "{\"---a\":1}"),
    (
        "--- a: 1",
        "{\"Error\":\"error converting YAML to JSON: yaml: mapping values are not allowed in this context\"}",
    ),
    ("a: 1\n--- b", "{\"a\":1}"),
    (
        "...",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected node content\"}",
    ),
    ("a: 1\n...\n...", "{\"a\":1}"),
    ("a: !!str\n  b", "{\"a\":\"b\"}"),
    ("a: &x\n  b: 1\n", "{\"a\":{\"b\":1}}"),
    (
        "? - a\n: b",
        "{\"Error\":\"error converting YAML to JSON: yaml: invalid map key: []interface {}{\\\"a\\\"}\"}",
    ),
    ("a:\n  ? |\n    lit\n  : v", "{\"a\":{\"lit\\n\":\"v\"}}"),
    ("a: |1\n  x", "{\"a\":\" x\"}"),
    (
        "a: |0\n x",
        "{\"Error\":\"error converting YAML to JSON: yaml: found an indentation indicator equal to 0\"}",
    ),
    (
        "a: |10\n x",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected comment or line break\"}",
    ),
    ("a: >2-\n   x\n  y", "{\"a\":\" x\\ny\"}"),
    ("a: |\n x\n  y", "{\"a\":\"x\\n y\"}"),
    ("a:\n   |\n   x", "{\"a\":\"x\"}"),
    ("a: 'x\n\n  y'", "{\"a\":\"x\\ny\"}"),
    ("a: \"x\n\n  y\"", "{\"a\":\"x\\ny\"}"),
    ("a: x\n\n  y", "{\"a\":\"x\\ny\"}"),
    (
        "a: x #c\n  y",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 1: did not find expected key\"}",
    ),
    ("a: \"x\"#c", "{\"a\":\"x\"}"),
    ("a: 'x'#c", "{\"a\":\"x\"}"),
    ("a: [x]#c", "{\"a\":[\"x\"]}"),
    ("{a: 1}#c", "{\"a\":1}"),
    ("a: b\nb: a\n? c", "{\"a\":\"b\",\"b\":\"a\",\"c\":null}"),
    (
        "a: *x &x",
        "{\"Error\":\"error converting YAML to JSON: yaml: unknown anchor 'x' referenced\"}",
    ),
    ("&x a: *x", "{\"a\":\"a\"}"),
    ("a: &x b\n*x : c", "{\"a\":\"b\",\"b\":\"c\"}"),
    ("a: &x b\n*x: c", "{\"a\":\"b\",\"b\":\"c\"}"),
    ("? &x a\n: *x", "{\"a\":\"a\"}"),
    ("a: [&x 1, *x]", "{\"a\":[1,1]}"),
    ("a: {&x b: *x}", "{\"a\":{\"b\":\"b\"}}"),
    ("a: !!set {b, c}", "{\"a\":{\"b\":null,\"c\":null}}"),
    ("a: !!omap [b: 1, c: 2]", "{\"a\":[{\"b\":1},{\"c\":2}]}"),
    ("a: !!pairs [b: 1]", "{\"a\":[{\"b\":1}]}"),
    ("a: !!int 0x1F", "{\"a\":31}"),
    ("a: !!int '0o17'", "{\"a\":15}"),
    ("a: !!float '.5'", "{\"a\":0.5}"),
    ("a: !!bool 'on'", "{\"a\":true}"),
    (
        "a: !!null 'x'",
        "{\"Error\":\"error converting YAML to JSON: yaml: cannot decode !!str `x` as a !!null\"}",
    ),
    ("a: !!str yes", "{\"a\":\"yes\"}"),
    (
        "a: !!timestamp 'x'",
        "{\"Error\":\"error converting YAML to JSON: yaml: cannot decode !!str `x` as a !!timestamp\"}",
    ),
    (
        "a: !!int",
        "{\"Error\":\"error converting YAML to JSON: yaml: cannot decode !!null `` as a !!int\"}",
    ),
    (
        "a: !!float",
        "{\"Error\":\"error converting YAML to JSON: yaml: cannot decode !!null `` as a !!float\"}",
    ),
    (
        "a: !!bool",
        "{\"Error\":\"error converting YAML to JSON: yaml: cannot decode !!null `` as a !!bool\"}",
    ),
    ("a: !!str ~", "{\"a\":\"~\"}"),
    ("a: !!merge x", "{\"a\":\"x\"}"),
    (
        "a: !!int 99999999999999999999",
        "{\"Error\":\"error converting YAML to JSON: yaml: cannot decode !!float `99999999999999999999` as a !!int\"}",
    ),
    ("a: !!float 0x10", "{\"a\":16}"),
    ("a: !!int -0b11", "{\"a\":-3}"),
    ("a: !!float -0b11", "{\"a\":-3}"),
    ("a: !!float 0o17", "{\"a\":15}"),
    ("1.5: a\n1.50: b", "{\"1.5\":\"b\"}"),
    ("0.1: a", "{\"0.1\":\"a\"}"),
    ("1e7: a", "{\"1e+07\":\"a\"}"),
    ("1e-7: a", "{\"1e-07\":\"a\"}"),
    ("123456789: a", "{\"123456789\":\"a\"}"),
    ("1.23456789: a", "{\"1.2345679\":\"a\"}"),
    ("3.4e39: a", "{\".inf\":\"a\"}"),
    (".inf: a", "{\".inf\":\"a\"}"),
    ("-.inf: a", "{\"-.inf\":\"a\"}"),
    (".nan: a", "{\".nan\":\"a\"}"),
    (
        "0x8000000000000000: a",
        "{\"Error\":\"error converting YAML to JSON: unsupported map key of type: uint64, key: 0x8000000000000000, value: \\\"a\\\"\"}",
    ),
    ("-0x8000000000000001: a", "{\"-0x8000000000000001\":\"a\"}"),
    ("18446744073709551616: a", "{\"1.8446744e+19\":\"a\"}"),
    (
        "null: a",
        "{\"Error\":\"error converting YAML to JSON: unsupported map key of type: %!s(\\u003cnil\\u003e), key: \\u003cnil\\u003e, value: \\\"a\\\"\"}",
    ),
    ("'': a", "{\"\":\"a\"}"),
    ("? ''\n: a", "{\"\":\"a\"}"),
    (
        "? \n: a",
        "{\"Error\":\"error converting YAML to JSON: unsupported map key of type: %!s(\\u003cnil\\u003e), key: \\u003cnil\\u003e, value: \\\"a\\\"\"}",
    ),
    ("? !!str\n: a", "{\"\":\"a\"}"),
    ("y: 1\nyes: 2\n'y': 3", "{\"true\":2,\"y\":3}"),
    ("true: 1\nTrue: 2\n'true': 3", "{\"true\":3}"),
    ("a: {1: 2, '1': 3}", "{\"a\":{\"1\":3}}"),
    (
        "%YAML 1.2\n---\na: 1",
        "{\"Error\":\"error converting YAML to JSON: yaml: found incompatible YAML document\"}",
    ),
    (
        "%YAML 2.0\n---\na: 1",
        "{\"Error\":\"error converting YAML to JSON: yaml: found incompatible YAML document\"}",
    ),
    (
        "%YAML 1.1\n%YAML 1.1\n---\na: 1",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 1: found duplicate %YAML directive\"}",
    ),
    (
        "%FOO bar\n---\na: 1",
        "{\"Error\":\"error converting YAML to JSON: yaml: found unknown directive name\"}",
    ),
    ("%TAG ! tag:x,2000:\n---\na: !y 1", "{\"a\":\"1\"}"),
    ("a: !<!> x", "{\"a\":\"x\"}"),
    (
        "a: !!<x> y",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected tag URI\"}",
    ),
    (
        "a: !e!x 1",
        "{\"Error\":\"error converting YAML to JSON: yaml: found undefined tag handle\"}",
    ),
    (
        "icon: !https:[//min.io/x.png\nk: v",
        "{\"icon\":\"\",\"k\":\"v\"}",
    ),
    ("a: !t]x 1", "{\"a\":\"1\"}"),
    (
        "a: [!t]",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'\"}",
    ),
    (
        "a: {k: !t}",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected whitespace or line break\"}",
    ),
];

/// Key order (sets where go-yaml's comparator is consistent; others are random in Helm):
/// `{{ $json | fromJson | toYaml }}`.
pub(super) const KEY_ORDER_V2: &[(&str, &str)] = &[
    (
        "{\"/A\": 1, \"\\u00e9._3\": 1, \"~0B\": 1, \"3b\": 1, \"b\": 1, \"0\": 1, \"B\": 1, \"~\": 1, \"A/\": 1, \"A2\\u65e5~-\": 1, \"_1B2.\": 1, \"3\": 1, \"b3b~\": 1, \"A2A\": 1}",
        "/A: 1\n_1B2.: 1\n\"~\": 1\n~0B: 1\n\"0\": 1\n\"3\": 1\n3b: 1\nA/: 1\nA2A: 1\nA2日~-: 1\nB: 1\nb: 1\nb3b~: 1\né._3: 1",
    ),
    (
        "{\"ABa0B\": 1, \"\\u65e5bA\": 1, \"90~9\": 1, \"_\\u00e9_/.a\": 1, \"~Ab-\": 1, \"b\": 1, \"~./30b\": 1, \"////\": 1, \"-0\": 1, \"03\": 1, \".-0A\": 1, \".1B\\u65e5\": 1, \"2\": 1, \"\\u65e5-\\u00e9\": 1, \"bB~\": 1, \"3a\\u65e519_\": 1, \"B-\": 1, \".\\u65e5\\u00e9\": 1, \"03/\": 1, \"/A2b2\\u00e9\": 1, \"\\u65e5b1\\u00e9\": 1, \"\\u65e5\": 1, \"0\": 1}",
        "\"-0\": 1\n.-0A: 1\n.1B日: 1\n.日é: 1\n////: 1\n/A2b2é: 1\n_é_/.a: 1\n~./30b: 1\n~Ab-: 1\n\"0\": 1\n\"2\": 1\n3a日19_: 1\n\"03\": 1\n03/: 1\n90~9: 1\nABa0B: 1\nB-: 1\nb: 1\nbB~: 1\n日: 1\n日-é: 1\n日b1é: 1\n日bA: 1",
    ),
    (
        "{\"ab2/0\": 1, \"2\\u65e51~\": 1, \"-\": 1, \"\\u65e592\": 1, \"a_\": 1, \"9\\u65e51a2.\": 1, \"b9.1.3\": 1, \"0\": 1, \"\\u00e9\\u65e5\\u65e5_\": 1, \".\\u00e9..b3\": 1, \"9..\\u65e5BB\": 1, \"32\\u65e5.aa\": 1, \"3\": 1, \"-323/\": 1, \"a\\u65e5.bB\": 1, \"2-2\\u65e5\": 1}",
        "'-': 1\n-323/: 1\n.é..b3: 1\n\"0\": 1\n2-2日: 1\n2日1~: 1\n\"3\": 1\n9..日BB: 1\n9日1a2.: 1\n32日.aa: 1\na_: 1\nab2/0: 1\na日.bB: 1\nb9.1.3: 1\né日日_: 1\n日92: 1",
    ),
    (
        "{\"1\": 1, \"-\": 1, \"\\u00e9\": 1, \"9\": 1, \"~90A3\": 1, \"3\": 1, \"ab9\": 1}",
        "'-': 1\n~90A3: 1\n\"1\": 1\n\"3\": 1\n\"9\": 1\nab9: 1\né: 1",
    ),
    (
        "{\"\\u00e9\\u65e5/b\\u65e5_\": 1, \"9\": 1, \".1\": 1, \"0a3baA\": 1, \"ab\": 1, \"A/a__\": 1, \"\\u00e9Aa3\": 1, \"b\\u65e592\": 1, \"b0/\": 1, \"_0\": 1, \"bb\\u65e59b9\": 1, \".B\": 1, \"9a\\u00e9b\": 1, \"-\": 1, \"3b0/-\\u65e5\": 1, \"~\": 1, \"--3\": 1, \"_\": 1, \"23\": 1}",
        "'-': 1\n--3: 1\n\".1\": 1\n.B: 1\n_: 1\n_0: 1\n\"~\": 1\n0a3baA: 1\n3b0/-日: 1\n\"9\": 1\n9aéb: 1\n\"23\": 1\nA/a__: 1\nab: 1\nb0/: 1\nbb日9b9: 1\nb日92: 1\néAa3: 1\né日/b日_: 1",
    ),
    (
        "{\"\\u00e99/22\": 1, \"a_\": 1, \"9\": 1, \"2bA~\\u00e9\": 1, \".~\": 1, \".3\\u65e5\\u65e5/a\": 1, \".b/\": 1, \"9_0\": 1, \"9B\": 1, \"b\": 1, \"B2\\u65e5\": 1, \"2\": 1, \"_039~-\": 1, \"-/B\": 1, \"b.~9\": 1, \"A\": 1, \"0_\\u65e5A0\": 1, \"B2_b\": 1, \"a\\u65e5\": 1, \"9.\": 1, \"\\u65e5~\": 1, \"a_\\u00e9b\": 1, \"\\u65e5\": 1, \"0\": 1, \"/\": 1, \"-B-a\": 1, \"\\u00e9/_0~.\": 1, \"_\\u00e9\\u00e9\": 1}",
        "-/B: 1\n-B-a: 1\n.~: 1\n.3日日/a: 1\n.b/: 1\n/: 1\n_039~-: 1\n_éé: 1\n\"0\": 1\n0_日A0: 1\n\"2\": 1\n2bA~é: 1\n\"9\": 1\n\"9.\": 1\n\"9_0\": 1\n9B: 1\nA: 1\nB2_b: 1\nB2日: 1\na_: 1\na_éb: 1\na日: 1\nb: 1\nb.~9: 1\né/_0~.: 1\né9/22: 1\n日: 1\n日~: 1",
    ),
    (
        "{\"2\": 1, \"A\\u65e5\": 1, \".1_b\": 1, \"-\": 1, \"0b1/9~\": 1, \"_~A\": 1, \".~~\": 1, \".\": 1, \"~B\": 1, \".\\u00e910a\": 1, \"/\": 1, \"2//2a~\": 1, \"\\u65e5b~B/\": 1}",
        "'-': 1\n.: 1\n.~~: 1\n.1_b: 1\n.é10a: 1\n/: 1\n_~A: 1\n~B: 1\n0b1/9~: 1\n\"2\": 1\n2//2a~: 1\nA日: 1\n日b~B/: 1",
    ),
    (
        "{\"2_0A\": 1, \"/\": 1, \"1b\": 1, \"-A/b\": 1, \"0/b.1\": 1, \"._\": 1}",
        "-A/b: 1\n._: 1\n/: 1\n0/b.1: 1\n1b: 1\n2_0A: 1",
    ),
    (
        "{\"9aA.\": 1, \"\\u00e9\\u65e531a\": 1, \"0\\u00e9Bb09\": 1, \".\": 1, \"B.3\": 1, \"_02.\": 1, \"\\u65e510a3\": 1, \"A_\": 1, \"0_\": 1, \"9_-aA\": 1, \"3AaA\": 1, \"~~.A0\": 1}",
        ".: 1\n_02.: 1\n~~.A0: 1\n\"0_\": 1\n0éBb09: 1\n3AaA: 1\n9_-aA: 1\n9aA.: 1\nA_: 1\nB.3: 1\né日31a: 1\n日10a3: 1",
    ),
    (
        "{\"a\": 1, \"131A\": 1, \"20~2~\": 1, \"1_b_A\": 1, \"\\u65e5a/~\\u00e9b\": 1}",
        "1_b_A: 1\n20~2~: 1\n131A: 1\na: 1\n日a/~éb: 1",
    ),
    (
        "{\"a\": 1, \"\\u65e53\\u65e51a1\": 1, \"9.2\\u65e5B\": 1, \"bA\": 1, \"A\": 1, \"9A__\": 1, \"-B\\u65e5\\u65e50A\": 1, \"2-_\": 1, \".~~b\": 1, \"~0\": 1, \"A\\u65e5\\u00e90\": 1, \"\\u65e5/-\": 1, \"/A/_\": 1, \"0\\u65e5\": 1, \"2_~-\": 1, \"B.-\": 1, \"\\u00e9\\u65e5_\": 1, \".a\": 1}",
        "-B日日0A: 1\n.~~b: 1\n.a: 1\n/A/_: 1\n~0: 1\n0日: 1\n2-_: 1\n2_~-: 1\n9.2日B: 1\n9A__: 1\nA: 1\nA日é0: 1\nB.-: 1\na: 1\nbA: 1\né日_: 1\n日/-: 1\n日3日1a1: 1",
    ),
    (
        "{\"0_9\": 1, \"a\": 1, \"\\u65e5A\": 1, \"/0b2A\": 1, \"1~A\": 1, \"\\u00e91B1A~\": 1}",
        "/0b2A: 1\n\"0_9\": 1\n1~A: 1\na: 1\né1B1A~: 1\n日A: 1",
    ),
    (
        "{\"A/\\u00e929\": 1, \"A-a\": 1, \"A_009\": 1, \"//\": 1, \"3_\": 1, \"9~1\": 1, \"/3\\u00e9_a-\": 1, \"1\": 1, \"a/\\u00e9b.\": 1, \"\\u65e5.b\\u65e5/\": 1, \"22\": 1, \"_../03\": 1, \"B.\\u00e9\": 1, \"_~\": 1, \"a.9\": 1, \"\\u65e5\": 1, \"0\": 1, \"9-\\u65e52\": 1, \"3\": 1, \"\\u00e99-_\": 1}",
        "//: 1\n/3é_a-: 1\n_../03: 1\n_~: 1\n\"0\": 1\n\"1\": 1\n\"3\": 1\n\"3_\": 1\n9-日2: 1\n9~1: 1\n\"22\": 1\nA-a: 1\nA/é29: 1\nA_009: 1\nB.é: 1\na.9: 1\na/éb.: 1\né9-_: 1\n日: 1\n日.b日/: 1",
    ),
    (
        "{\"-\": 1, \"~93\": 1, \"\\u65e5B0A\": 1, \".0-3A1\": 1, \"2\\u65e5_B92\": 1, \"30a9\": 1, \"_-19\\u65e5\": 1, \"\\u00e90\\u00e909~\": 1}",
        "'-': 1\n.0-3A1: 1\n_-19日: 1\n~93: 1\n2日_B92: 1\n30a9: 1\né0é09~: 1\n日B0A: 1",
    ),
    (
        "{\"a\": 1, \"~A.-_\\u65e5\": 1, \"A~29\": 1, \"bb\": 1, \"2_2ab\": 1, \"\\u65e5093\": 1, \"/\": 1, \"_0a\\u00e9-0\": 1, \"10131\": 1, \"a_1.\": 1, \"\\u65e59120\": 1, \"~1A\": 1}",
        "/: 1\n_0aé-0: 1\n~1A: 1\n~A.-_日: 1\n2_2ab: 1\n\"10131\": 1\nA~29: 1\na: 1\na_1.: 1\nbb: 1\n日093: 1\n日9120: 1",
    ),
    (
        "{\".A1.a\": 1, \"11\": 1, \"A_B\\u65e5\\u00e9\": 1, \"_\": 1, \"a0a3b\": 1, \".\": 1, \"\\u00e9bB\": 1, \"aaB\": 1, \"3-/\": 1, \"29a\\u00e93\\u00e9\": 1}",
        ".: 1\n.A1.a: 1\n_: 1\n3-/: 1\n\"11\": 1\n29aé3é: 1\nA_B日é: 1\na0a3b: 1\naaB: 1\nébB: 1",
    ),
    (
        "{\"1A9B\\u00e9\\u65e5\": 1, \"\\u00e9/\": 1, \"33\": 1, \"~A/A.-\": 1, \"a/\": 1, \"3-~-\": 1, \"A-0.\": 1, \"9BBB/\": 1}",
        "~A/A.-: 1\n1A9Bé日: 1\n3-~-: 1\n9BBB/: 1\n\"33\": 1\nA-0.: 1\na/: 1\né/: 1",
    ),
    (
        "{\"a.B1\": 1, \"-\": 1, \"\\u00e9\": 1, \"2a30\": 1, \"9\": 1, \"9AB9Ba\": 1, \"3A_B\": 1, \"0\\u00e9B0_\": 1, \"_93b\": 1, \".1B\": 1, \"/\\u00e9AA\": 1}",
        "'-': 1\n.1B: 1\n/éAA: 1\n_93b: 1\n0éB0_: 1\n2a30: 1\n3A_B: 1\n\"9\": 1\n9AB9Ba: 1\na.B1: 1\né: 1",
    ),
    (
        "{\"_\\u00e93/2\": 1, \"9B\\u65e590\": 1, \"/0~9\": 1, \".\": 1, \".\\u00e9_\\u65e5\\u65e5\": 1, \"~/\": 1, \"~~/\\u00e9.\": 1, \"-\\u65e59\": 1, \"b.\\u00e9A/\": 1, \"a3-\": 1, \"2~a\": 1, \"\\u65e5/\\u00e9-\": 1, \"./02\": 1, \"ab3B\": 1, \"Ba~B\": 1, \"\\u00e9_1_\": 1, \"1\": 1, \"A\": 1, \"-.02\": 1, \"3b--3\": 1, \"/a.13\": 1, \"2_A\": 1, \"2/\": 1, \"\\u65e5\": 1, \"._.//-\": 1, \".B30\": 1, \"B/\\u00e9\\u00e9_\": 1, \"\\u65e5__\": 1}",
        "\"-.02\": 1\n-日9: 1\n.: 1\n./02: 1\n._.//-: 1\n.B30: 1\n.é_日日: 1\n/0~9: 1\n/a.13: 1\n_é3/2: 1\n~/: 1\n~~/é.: 1\n\"1\": 1\n2/: 1\n2_A: 1\n2~a: 1\n3b--3: 1\n9B日90: 1\nA: 1\nB/éé_: 1\nBa~B: 1\na3-: 1\nab3B: 1\nb.éA/: 1\né_1_: 1\n日: 1\n日/é-: 1\n日__: 1",
    ),
    (
        "{\"902~B\": 1, \"9\": 1, \"./\": 1, \"1_22~1\": 1, \"/A\": 1, \"\\u65e5\\u00e9~Aa\": 1, \"Bb.2\\u00e9/\": 1, \"A333\": 1, \"1-a\\u00e9_\": 1, \"a_/Baa\": 1, \"1\": 1, \"1B\": 1, \"A\": 1, \"b1.-.\": 1, \"/3~_/\\u65e5\": 1, \"B\": 1, \"1B_-~\": 1, \"9\\u65e5b3\": 1, \"-03.91\": 1, \"_\": 1, \"1\\u65e5\": 1, \"3\": 1, \"A~a\": 1}",
        "\"-03.91\": 1\n./: 1\n/3~_/日: 1\n/A: 1\n_: 1\n\"1\": 1\n1-aé_: 1\n1_22~1: 1\n1B: 1\n1B_-~: 1\n1日: 1\n\"3\": 1\n\"9\": 1\n902~B: 1\n9日b3: 1\nA: 1\nA~a: 1\nA333: 1\nB: 1\nBb.2é/: 1\na_/Baa: 1\nb1.-.: 1\n日é~Aa: 1",
    ),
    (
        "{\"\\u00e9\\u00e931.\": 1, \"_.3~\": 1, \"2//\": 1, \"_\": 1, \"9\": 1, \"a-030b\": 1, \".3/2\": 1, \".B-/\": 1, \"/bB\": 1, \"90\": 1}",
        ".3/2: 1\n.B-/: 1\n/bB: 1\n_: 1\n_.3~: 1\n2//: 1\n\"9\": 1\n\"90\": 1\na-030b: 1\néé31.: 1",
    ),
    (
        "{\"_2b_b\": 1, \"2_0/\": 1, \"9\": 1, \".\": 1, \"09\\u00e9.\": 1, \"2.b\": 1, \"3A/A1\": 1, \"b9/a0_\": 1, \"_0\": 1, \"A9\": 1, \"A_13\\u65e59\": 1, \"/_./\\u00e90\": 1, \"3/20B\": 1, \"/39b\": 1, \".~a\\u00e93/\": 1, \"1a.\": 1, \"A\": 1, \"\\u00e9A2~0\\u65e5\": 1, \"BA\": 1, \"B1_\": 1, \"2_\\u65e523\": 1, \".aB_\": 1, \"~\\u00e9-\": 1, \"/\": 1, \"b13-2B\": 1}",
        ".: 1\n.~aé3/: 1\n.aB_: 1\n/: 1\n/_./é0: 1\n/39b: 1\n_0: 1\n_2b_b: 1\n~é-: 1\n1a.: 1\n2.b: 1\n2_0/: 1\n2_日23: 1\n3/20B: 1\n3A/A1: 1\n\"9\": 1\n09é.: 1\nA: 1\nA_13日9: 1\nA9: 1\nB1_: 1\nBA: 1\nb9/a0_: 1\nb13-2B: 1\néA2~0日: 1",
    ),
    (
        "{\"a\": 1, \".93AA\": 1, \"B1-\\u00e9\": 1, \"1B\": 1, \"\\u65e5\": 1, \"3b0aa/\": 1, \"B_\": 1, \"_-/1.-\": 1, \".0\": 1, \"\\u65e5b-9\": 1, \"b_9\": 1, \"_.\": 1, \"._1b\": 1, \"\\u65e52-a\": 1}",
        "._1b: 1\n\".0\": 1\n.93AA: 1\n_-/1.-: 1\n_.: 1\n1B: 1\n3b0aa/: 1\nB_: 1\nB1-é: 1\na: 1\nb_9: 1\n日: 1\n日2-a: 1\n日b-9: 1",
    ),
    (
        "{\"1_b0\": 1, \"/A2\\u65e5~\": 1, \"\\u00e9\": 1, \"22.a\": 1, \"310\\u00e9/b\": 1, \"~\": 1, \"_b\": 1, \"A~-b\\u00e9a\": 1}",
        "/A2日~: 1\n_b: 1\n\"~\": 1\n1_b0: 1\n22.a: 1\n310é/b: 1\nA~-béa: 1\né: 1",
    ),
    (
        "{\".\": 1, \"A/3\": 1, \"-a2\": 1, \"\\u00e9b\": 1, \"B29\": 1, \"0/bA\": 1, \".~\": 1, \"3\\u00e9/\": 1, \"2\\u65e5b-\\u00e9\": 1, \"BA39.\": 1, \"a9B3..\": 1, \"\\u00e9a\": 1, \"\\u65e5A.B.-\": 1, \"2\": 1, \"B\\u00e9/12\\u65e5\": 1, \"1/\": 1, \"a\\u00e9.\": 1, \"b\\u00e90B\": 1, \"B.1.-\": 1, \"2\\u00e9_B0~\": 1, \"-_~.\\u65e50\": 1, \"a\": 1, \"B3\": 1, \"0\": 1, \"\\u65e53\\u00e93Bb\": 1, \"B31\": 1}",
        "-_~.日0: 1\n-a2: 1\n.: 1\n.~: 1\n\"0\": 1\n0/bA: 1\n1/: 1\n\"2\": 1\n2é_B0~: 1\n2日b-é: 1\n3é/: 1\nA/3: 1\nB.1.-: 1\nB3: 1\nB29: 1\nB31: 1\nBA39.: 1\nBé/12日: 1\na: 1\na9B3..: 1\naé.: 1\nbé0B: 1\néa: 1\néb: 1\n日3é3Bb: 1\n日A.B.-: 1",
    ),
    (
        "{\"\\u00e9/\\u00e9/_1\": 1, \"-199\": 1, \"b0__9\": 1, \"-b2b1_\": 1, \".\\u00e9.~b\": 1}",
        "\"-199\": 1\n-b2b1_: 1\n.é.~b: 1\nb0__9: 1\né/é/_1: 1",
    ),
    (
        "{\"0-39\\u65e5\": 1, \"/9\\u00e9aa\": 1, \"\\u00e99.909\": 1, \".\": 1, \"0b\": 1, \"-1ba0\": 1, \"-A~\": 1, \"a\\u65e5/-1A\": 1, \"A0\": 1, \".~.\": 1, \"Ab-\\u65e5\": 1, \"1\": 1, \"2\": 1, \"2_B2\": 1, \"Abb-0\": 1, \"3/\": 1, \"93a2A/\": 1, \"a-a\": 1, \"a\": 1, \"_\": 1, \"--\": 1, \"\\u65e5\": 1}",
        "--: 1\n-1ba0: 1\n-A~: 1\n.: 1\n.~.: 1\n/9éaa: 1\n_: 1\n0-39日: 1\n0b: 1\n\"1\": 1\n\"2\": 1\n2_B2: 1\n3/: 1\n93a2A/: 1\nA0: 1\nAb-日: 1\nAbb-0: 1\na: 1\na-a: 1\na日/-1A: 1\né9.909: 1\n日: 1",
    ),
    (
        "{\"99\\u65e5.\\u65e5\": 1, \"30b.2\": 1, \"0~a1\": 1, \"bBB\": 1, \"b9\": 1, \"9/\": 1, \"A~\": 1, \".\\u65e5b.2\": 1, \".9a-A\": 1, \"0B\": 1, \"A/-\\u00e9-\\u00e9\": 1, \"/.\": 1, \"A\": 1, \"-~/0\": 1, \"3~BaA\": 1, \"/~0a\": 1, \"2B\": 1, \"1a99bA\": 1, \"\\u00e9_-~9/\": 1, \"b/9-b3\": 1, \"a\\u65e5\\u65e5-/\": 1}",
        "-~/0: 1\n.9a-A: 1\n.日b.2: 1\n/.: 1\n/~0a: 1\n0~a1: 1\n0B: 1\n1a99bA: 1\n2B: 1\n3~BaA: 1\n9/: 1\n30b.2: 1\n99日.日: 1\nA: 1\nA/-é-é: 1\nA~: 1\na日日-/: 1\nb/9-b3: 1\nb9: 1\nbBB: 1\né_-~9/: 1",
    ),
    (
        "{\"\\u00e9\": 1, \"99b-/\": 1, \"Bb3b\": 1, \"2a1\": 1, \"0~A0-\": 1, \"~\": 1, \"2/A_-/\": 1, \"\\u65e50a3\": 1, \"aB\\u65e5b2\": 1, \"\\u00e9A2-\\u65e5\": 1}",
        "\"~\": 1\n0~A0-: 1\n2/A_-/: 1\n2a1: 1\n99b-/: 1\nBb3b: 1\naB日b2: 1\né: 1\néA2-日: 1\n日0a3: 1",
    ),
    (
        "{\"A-ab~-\": 1, \"_/~A__\": 1, \"\\u00e922A\": 1, \"/~\": 1, \"\\u65e5\": 1, \"9\": 1, \"\\u65e50.-2\\u00e9\": 1, \"\\u00e9_\": 1, \".\\u00e9\": 1, \"~B\": 1, \"0\": 1, \"9_20A\": 1, \"2\\u00e9\": 1}",
        ".é: 1\n/~: 1\n_/~A__: 1\n~B: 1\n\"0\": 1\n2é: 1\n\"9\": 1\n9_20A: 1\nA-ab~-: 1\né_: 1\né22A: 1\n日: 1\n日0.-2é: 1",
    ),
];

/// The same with `toYamlPretty`.
pub(super) const KEY_ORDER_V3: &[(&str, &str)] = &[
    (
        "{\"/A\": 1, \"\\u00e9._3\": 1, \"~0B\": 1, \"3b\": 1, \"b\": 1, \"0\": 1, \"B\": 1, \"~\": 1, \"A/\": 1, \"A2\\u65e5~-\": 1, \"_1B2.\": 1, \"3\": 1, \"b3b~\": 1, \"A2A\": 1}",
        "/A: 1\n_1B2.: 1\n\"~\": 1\n~0B: 1\n\"0\": 1\n\"3\": 1\n3b: 1\nA/: 1\nA2A: 1\nA2日~-: 1\nB: 1\nb: 1\nb3b~: 1\né._3: 1",
    ),
    (
        "{\"ABa0B\": 1, \"\\u65e5bA\": 1, \"90~9\": 1, \"_\\u00e9_/.a\": 1, \"~Ab-\": 1, \"b\": 1, \"~./30b\": 1, \"////\": 1, \"-0\": 1, \"03\": 1, \".-0A\": 1, \".1B\\u65e5\": 1, \"2\": 1, \"\\u65e5-\\u00e9\": 1, \"bB~\": 1, \"3a\\u65e519_\": 1, \"B-\": 1, \".\\u65e5\\u00e9\": 1, \"03/\": 1, \"/A2b2\\u00e9\": 1, \"\\u65e5b1\\u00e9\": 1, \"\\u65e5\": 1, \"0\": 1}",
        "\"-0\": 1\n.-0A: 1\n.1B日: 1\n.日é: 1\n////: 1\n/A2b2é: 1\n_é_/.a: 1\n~./30b: 1\n~Ab-: 1\n\"0\": 1\n\"2\": 1\n3a日19_: 1\n\"03\": 1\n03/: 1\n90~9: 1\nABa0B: 1\nB-: 1\nb: 1\nbB~: 1\n日: 1\n日-é: 1\n日b1é: 1\n日bA: 1",
    ),
    (
        "{\"ab2/0\": 1, \"2\\u65e51~\": 1, \"-\": 1, \"\\u65e592\": 1, \"a_\": 1, \"9\\u65e51a2.\": 1, \"b9.1.3\": 1, \"0\": 1, \"\\u00e9\\u65e5\\u65e5_\": 1, \".\\u00e9..b3\": 1, \"9..\\u65e5BB\": 1, \"32\\u65e5.aa\": 1, \"3\": 1, \"-323/\": 1, \"a\\u65e5.bB\": 1, \"2-2\\u65e5\": 1}",
        "'-': 1\n-323/: 1\n.é..b3: 1\n\"0\": 1\n2日1~: 1\n2-2日: 1\n\"3\": 1\n9日1a2.: 1\n9..日BB: 1\n32日.aa: 1\na_: 1\nab2/0: 1\na日.bB: 1\nb9.1.3: 1\né日日_: 1\n日92: 1",
    ),
    (
        "{\"Bb\": 1, \"29\\u00e9\\u65e53\": 1, \".\\u00e9~00a\": 1, \"9A1\": 1, \"\\u00e9ab\\u00e9-\": 1, \"b2_B\": 1, \".0\": 1, \"0~9\": 1, \"\\u00e9\\u00e9a\": 1, \"0\\u65e5.00a\": 1, \"B/\\u65e5131\": 1, \"~/-~2.\": 1, \"0~22a\": 1, \"\\u65e5B\": 1, \"A-\\u65e5BA\": 1, \"b.a\": 1, \"\\u00e9-b3\": 1, \"0\\u00e93\": 1, \"0\\u65e5-b\": 1, \"B\": 1, \"1a01\": 1, \"-9~0A\": 1, \"110a0\\u00e9\": 1, \"2_3\": 1, \"29\": 1, \"-_bB\": 1, \"-b/\\u00e9/b\": 1, \"A1~\": 1, \"92\\u00e90~B\": 1}",
        "-_bB: 1\n-9~0A: 1\n-b/é/b: 1\n\".0\": 1\n.é~00a: 1\n~/-~2.: 1\n0é3: 1\n0日-b: 1\n0日.00a: 1\n0~9: 1\n0~22a: 1\n1a01: 1\n\"2_3\": 1\n9A1: 1\n\"29\": 1\n29é日3: 1\n92é0~B: 1\n110a0é: 1\nA-日BA: 1\nA1~: 1\nB: 1\nB/日131: 1\nBb: 1\nb.a: 1\nb2_B: 1\né-b3: 1\néabé-: 1\nééa: 1\n日B: 1",
    ),
    (
        "{\"1\": 1, \"-\": 1, \"\\u00e9\": 1, \"9\": 1, \"~90A3\": 1, \"3\": 1, \"ab9\": 1}",
        "'-': 1\n~90A3: 1\n\"1\": 1\n\"3\": 1\n\"9\": 1\nab9: 1\né: 1",
    ),
    (
        "{\"1\": 1, \"2\\u65e53\\u00e9B~\": 1, \"19\": 1, \"a\": 1, \"0/\": 1, \"2_\\u00e919\": 1, \"__\": 1, \"9\": 1, \"\\u65e5/_23-\": 1, \"1Ab/\": 1, \"_3_A\\u00e9\": 1, \"a9A\": 1, \"A0a\": 1}",
        "__: 1\n_3_Aé: 1\n0/: 1\n\"1\": 1\n1Ab/: 1\n2日3éB~: 1\n2_é19: 1\n\"9\": 1\n\"19\": 1\nA0a: 1\na: 1\na9A: 1\n日/_23-: 1",
    ),
    (
        "{\"\\u00e9\\u65e5/b\\u65e5_\": 1, \"9\": 1, \".1\": 1, \"0a3baA\": 1, \"ab\": 1, \"A/a__\": 1, \"\\u00e9Aa3\": 1, \"b\\u65e592\": 1, \"b0/\": 1, \"_0\": 1, \"bb\\u65e59b9\": 1, \".B\": 1, \"9a\\u00e9b\": 1, \"-\": 1, \"3b0/-\\u65e5\": 1, \"~\": 1, \"--3\": 1, \"_\": 1, \"23\": 1}",
        "'-': 1\n--3: 1\n\".1\": 1\n.B: 1\n_: 1\n_0: 1\n\"~\": 1\n0a3baA: 1\n3b0/-日: 1\n\"9\": 1\n9aéb: 1\n\"23\": 1\nA/a__: 1\nab: 1\nb0/: 1\nbb日9b9: 1\nb日92: 1\néAa3: 1\né日/b日_: 1",
    ),
    (
        "{\"\\u00e99/22\": 1, \"a_\": 1, \"9\": 1, \"2bA~\\u00e9\": 1, \".~\": 1, \".3\\u65e5\\u65e5/a\": 1, \".b/\": 1, \"9_0\": 1, \"9B\": 1, \"b\": 1, \"B2\\u65e5\": 1, \"2\": 1, \"_039~-\": 1, \"-/B\": 1, \"b.~9\": 1, \"A\": 1, \"0_\\u65e5A0\": 1, \"B2_b\": 1, \"a\\u65e5\": 1, \"9.\": 1, \"\\u65e5~\": 1, \"a_\\u00e9b\": 1, \"\\u65e5\": 1, \"0\": 1, \"/\": 1, \"-B-a\": 1, \"\\u00e9/_0~.\": 1, \"_\\u00e9\\u00e9\": 1}",
        "-/B: 1\n-B-a: 1\n.~: 1\n.3日日/a: 1\n.b/: 1\n/: 1\n_039~-: 1\n_éé: 1\n\"0\": 1\n0_日A0: 1\n\"2\": 1\n2bA~é: 1\n\"9\": 1\n9B: 1\n\"9.\": 1\n\"9_0\": 1\nA: 1\nB2日: 1\nB2_b: 1\na_: 1\na_éb: 1\na日: 1\nb: 1\nb.~9: 1\né/_0~.: 1\né9/22: 1\n日: 1\n日~: 1",
    ),
    (
        "{\"1\": 1, \"\\u65e5\\u65e5ab\": 1, \"23b1-\": 1, \"\\u00e9~0\": 1, \"9\": 1, \"\\u00e9~_a0A\": 1, \"//\": 1, \"_99\": 1, \"\\u00e9\\u00e93B\": 1, \"b-3.9\": 1, \"3_\\u65e5/\": 1, \"2a~/~\": 1, \".02\": 1, \"1b2\\u65e53\\u00e9\": 1, \"2/9-A\\u65e5\": 1}",
        "\".02\": 1\n//: 1\n_99: 1\n\"1\": 1\n1b2日3é: 1\n2a~/~: 1\n2/9-A日: 1\n3_日/: 1\n\"9\": 1\n23b1-: 1\nb-3.9: 1\né~_a0A: 1\né~0: 1\néé3B: 1\n日日ab: 1",
    ),
    (
        "{\"0B\": 1, \"~.\": 1, \"-~./2a\": 1, \"9\": 1, \"A_09~\": 1, \"_Aa2\\u65e5~\": 1, \"BBb_2/\": 1, \"33a~\": 1, \"\\u65e5A\": 1, \"_\\u00e99-3\": 1, \"\\u00e9bAa03\": 1, \"3aa\": 1}",
        "-~./2a: 1\n_Aa2日~: 1\n_é9-3: 1\n~.: 1\n0B: 1\n3aa: 1\n\"9\": 1\n33a~: 1\nA_09~: 1\nBBb_2/: 1\nébAa03: 1\n日A: 1",
    ),
    (
        "{\"A\\u00e9bA\": 1, \"\\u65e5a~3/A\": 1, \"\\u00e93\": 1, \"0/A2a\": 1, \"b\": 1, \"_B\\u65e5\": 1, \"1Bab\": 1, \"1a_0\": 1, \"\\u00e9A\": 1, \"_2\": 1, \"\\u00e9-Bb\": 1, \"2\": 1, \"9-A\": 1, \"b2\\u65e5\": 1, \"/.-\": 1, \"-.\": 1, \"2b-\": 1, \"b.~\": 1, \"3--\\u00e9.\": 1, \"\\u00e9/9~\\u65e50\": 1, \"0~AA1\": 1, \"._~b\": 1, \"-2\": 1, \"b2/13\": 1, \"\\u65e5\": 1, \".\\u00e9\": 1, \"13\\u65e5~A\": 1, \"3\": 1, \"-9_\": 1}",
        "-.: 1\n\"-2\": 1\n\"-9_\": 1\n._~b: 1\n.é: 1\n/.-: 1\n_2: 1\n_B日: 1\n0/A2a: 1\n0~AA1: 1\n1Bab: 1\n1a_0: 1\n\"2\": 1\n2b-: 1\n\"3\": 1\n3--é.: 1\n9-A: 1\n13日~A: 1\nAébA: 1\nb: 1\nb.~: 1\nb2日: 1\nb2/13: 1\né-Bb: 1\né/9~日0: 1\né3: 1\néA: 1\n日: 1\n日a~3/A: 1",
    ),
    (
        "{\"3133\": 1, \"\\u00e9ABa\\u65e53\": 1, \"aB.2A.\": 1, \"A\": 1, \"9\": 1, \"\\u00e9130~\\u00e9\": 1, \"3B__9\": 1, \"9.992\": 1, \"b/9\": 1, \"_2\": 1, \"1\\u00e99\": 1, \".A_3\": 1, \"3B\": 1, \"2b\": 1, \"-1~B\": 1, \"0A2\": 1, \"b2B~\\u65e5\": 1}",
        "-1~B: 1\n.A_3: 1\n_2: 1\n0A2: 1\n1é9: 1\n2b: 1\n3B: 1\n3B__9: 1\n\"9\": 1\n\"9.992\": 1\n\"3133\": 1\nA: 1\naB.2A.: 1\nb/9: 1\nb2B~日: 1\né130~é: 1\néABa日3: 1",
    ),
    (
        "{\"2\": 1, \"A\\u65e5\": 1, \".1_b\": 1, \"-\": 1, \"0b1/9~\": 1, \"_~A\": 1, \".~~\": 1, \".\": 1, \"~B\": 1, \".\\u00e910a\": 1, \"/\": 1, \"2//2a~\": 1, \"\\u65e5b~B/\": 1}",
        "'-': 1\n.: 1\n.~~: 1\n.1_b: 1\n.é10a: 1\n/: 1\n_~A: 1\n~B: 1\n0b1/9~: 1\n\"2\": 1\n2//2a~: 1\nA日: 1\n日b~B/: 1",
    ),
    (
        "{\"2_0A\": 1, \"/\": 1, \"1b\": 1, \"-A/b\": 1, \"0/b.1\": 1, \"._\": 1}",
        "-A/b: 1\n._: 1\n/: 1\n0/b.1: 1\n1b: 1\n2_0A: 1",
    ),
    (
        "{\"\\u65e5/\": 1, \"-B/\\u00e9_~\": 1, \".A2\": 1, \".~\": 1, \"b\": 1, \"93\": 1, \"91-\": 1, \"13/2\\u65e5\": 1, \"2A\": 1, \"/.9/.\": 1, \"-\": 1, \"\\u65e5\\u00e93\\u00e9\\u00e9\": 1, \"A\": 1, \"32\": 1, \"/1\": 1, \"9-/19B\": 1, \".\\u00e9\\u00e91aa\": 1, \"b\\u00e9A\": 1, \"3~/\": 1, \"0.-b\\u00e9\": 1, \"A.\\u00e9B9\": 1, \"1/.B\": 1, \"9\\u00e909\\u65e5\": 1, \"bA/0ab\": 1, \"3b\": 1, \"B20\\u65e5_\": 1, \"0\": 1}",
        "'-': 1\n-B/é_~: 1\n.~: 1\n.A2: 1\n.éé1aa: 1\n/.9/.: 1\n/1: 1\n\"0\": 1\n0.-bé: 1\n1/.B: 1\n2A: 1\n3b: 1\n3~/: 1\n9é09日: 1\n9-/19B: 1\n13/2日: 1\n\"32\": 1\n91-: 1\n\"93\": 1\nA: 1\nA.éB9: 1\nB20日_: 1\nb: 1\nbA/0ab: 1\nbéA: 1\n日/: 1\n日é3éé: 1",
    ),
    (
        "{\"9aA.\": 1, \"\\u00e9\\u65e531a\": 1, \"0\\u00e9Bb09\": 1, \".\": 1, \"B.3\": 1, \"_02.\": 1, \"\\u65e510a3\": 1, \"A_\": 1, \"0_\": 1, \"9_-aA\": 1, \"3AaA\": 1, \"~~.A0\": 1}",
        ".: 1\n_02.: 1\n~~.A0: 1\n0éBb09: 1\n\"0_\": 1\n3AaA: 1\n9aA.: 1\n9_-aA: 1\nA_: 1\nB.3: 1\né日31a: 1\n日10a3: 1",
    ),
    (
        "{\"a\": 1, \"131A\": 1, \"20~2~\": 1, \"1_b_A\": 1, \"\\u65e5a/~\\u00e9b\": 1}",
        "1_b_A: 1\n20~2~: 1\n131A: 1\na: 1\n日a/~éb: 1",
    ),
    (
        "{\"21-2/-\": 1, \"~9_2ba\": 1, \".91_2\": 1, \"AB-9A9\": 1, \"3/\\u65e5\\u65e5a\": 1, \"B.\\u65e5A\": 1, \"--~\": 1, \"b\": 1, \"93\": 1, \"\\u00e913B93\": 1, \"b/B32\": 1, \"3\\u65e51Bb\\u65e5\": 1, \"2\": 1, \"Aa\": 1, \"AbAb.2\": 1, \"1.0aa\": 1, \"B\": 1, \"~\": 1, \"BA\": 1, \"\\u65e5_a~a\": 1, \"2b_1~\": 1, \"Aa.\": 1, \"a.9\": 1, \"A.-\": 1, \"_\\u65e5B0B2\": 1, \"0\": 1, \"B\\u65e51\\u65e5\": 1, \"3_2/b1\": 1}",
        "--~: 1\n\".91_2\": 1\n_日B0B2: 1\n\"~\": 1\n~9_2ba: 1\n\"0\": 1\n1.0aa: 1\n\"2\": 1\n2b_1~: 1\n3日1Bb日: 1\n3/日日a: 1\n3_2/b1: 1\n21-2/-: 1\n\"93\": 1\nA.-: 1\nAB-9A9: 1\nAa: 1\nAa.: 1\nAbAb.2: 1\nB: 1\nB.日A: 1\nBA: 1\nB日1日: 1\na.9: 1\nb: 1\nb/B32: 1\né13B93: 1\n日_a~a: 1",
    ),
    (
        "{\"b~a.2_\": 1, \"92BB\": 1, \".B\\u00e92\\u65e5\": 1, \"B-.B//\": 1, \"3\\u00e90A.-\": 1, \"a.-~\\u00e9\": 1, \"B1B\": 1, \"329_\": 1, \"/a3\": 1, \"~3_\\u00e9\": 1, \"930-\": 1, \"1-a/\\u65e5\": 1, \"~331\": 1, \"__\": 1, \"212\": 1, \"A\": 1, \"1/\": 1, \"003-.1\": 1, \"2/\\u00e9\": 1, \"3/19\": 1, \"-2\": 1, \"\\u65e5\\u00e9a~\": 1, \"a\": 1, \"B\\u00e9~-9B\": 1, \"B.A99\": 1, \"~1/\": 1, \"/Aab\": 1, \"0\": 1, \"/0\": 1, \"0\\u00e9-1\\u00e9\": 1}",
        "\"-2\": 1\n.Bé2日: 1\n/0: 1\n/Aab: 1\n/a3: 1\n__: 1\n~1/: 1\n~3_é: 1\n~331: 1\n\"0\": 1\n0é-1é: 1\n1-a/日: 1\n1/: 1\n2/é: 1\n3é0A.-: 1\n3/19: 1\n003-.1: 1\n92BB: 1\n\"212\": 1\n\"329_\": 1\n930-: 1\nA: 1\nB-.B//: 1\nB.A99: 1\nB1B: 1\nBé~-9B: 1\na: 1\na.-~é: 1\nb~a.2_: 1\n日éa~: 1",
    ),
    (
        "{\"\\u65e5~b.\": 1, \"b_\": 1, \"2b\\u00e9BB9\": 1, \"2/\": 1, \"/3/\": 1, \"9/\": 1, \".9B3\": 1, \"b\": 1, \"210b\": 1, \"1b_2\\u65e5\": 1, \"9~1\\u65e5a9\": 1, \"\\u00e9.\": 1, \"-0.aa\": 1, \"2\\u65e530.~\": 1, \"_/\": 1, \"3_-\": 1, \"_0\\u65e5.\": 1, \"B03\": 1}",
        "-0.aa: 1\n.9B3: 1\n/3/: 1\n_/: 1\n_0日.: 1\n1b_2日: 1\n2béBB9: 1\n2日30.~: 1\n2/: 1\n3_-: 1\n9/: 1\n9~1日a9: 1\n210b: 1\nB03: 1\nb: 1\nb_: 1\né.: 1\n日~b.: 1",
    ),
    (
        "{\"a\": 1, \"\\u65e53\\u65e51a1\": 1, \"9.2\\u65e5B\": 1, \"bA\": 1, \"A\": 1, \"9A__\": 1, \"-B\\u65e5\\u65e50A\": 1, \"2-_\": 1, \".~~b\": 1, \"~0\": 1, \"A\\u65e5\\u00e90\": 1, \"\\u65e5/-\": 1, \"/A/_\": 1, \"0\\u65e5\": 1, \"2_~-\": 1, \"B.-\": 1, \"\\u00e9\\u65e5_\": 1, \".a\": 1}",
        "-B日日0A: 1\n.~~b: 1\n.a: 1\n/A/_: 1\n~0: 1\n0日: 1\n2-_: 1\n2_~-: 1\n9A__: 1\n9.2日B: 1\nA: 1\nA日é0: 1\nB.-: 1\na: 1\nbA: 1\né日_: 1\n日/-: 1\n日3日1a1: 1",
    ),
    (
        "{\"0_9\": 1, \"a\": 1, \"\\u65e5A\": 1, \"/0b2A\": 1, \"1~A\": 1, \"\\u00e91B1A~\": 1}",
        "/0b2A: 1\n\"0_9\": 1\n1~A: 1\na: 1\né1B1A~: 1\n日A: 1",
    ),
    (
        "{\"2\": 1, \"A\\u65e5AB~\": 1, \"a93\\u00e9\": 1, \"a\": 1, \"A-.\\u00e9\\u65e5\": 1, \"\\u65e520a~a\": 1, \"0\\u65e5~Bb\": 1, \"/\\u00e9ba/\": 1, \"b/__1\\u65e5\": 1, \"0\": 1, \"B\": 1, \"10B.1~\": 1, \"~\": 1, \"1A.0b_\": 1, \"\\u65e5\\u00e99AAa\": 1}",
        "/éba/: 1\n\"~\": 1\n\"0\": 1\n0日~Bb: 1\n1A.0b_: 1\n\"2\": 1\n10B.1~: 1\nA-.é日: 1\nA日AB~: 1\nB: 1\na: 1\na93é: 1\nb/__1日: 1\n日20a~a: 1\n日é9AAa: 1",
    ),
    (
        "{\"A/\\u00e929\": 1, \"A-a\": 1, \"A_009\": 1, \"//\": 1, \"3_\": 1, \"9~1\": 1, \"/3\\u00e9_a-\": 1, \"1\": 1, \"a/\\u00e9b.\": 1, \"\\u65e5.b\\u65e5/\": 1, \"22\": 1, \"_../03\": 1, \"B.\\u00e9\": 1, \"_~\": 1, \"a.9\": 1, \"\\u65e5\": 1, \"0\": 1, \"9-\\u65e52\": 1, \"3\": 1, \"\\u00e99-_\": 1}",
        "//: 1\n/3é_a-: 1\n_../03: 1\n_~: 1\n\"0\": 1\n\"1\": 1\n\"3\": 1\n\"3_\": 1\n9-日2: 1\n9~1: 1\n\"22\": 1\nA-a: 1\nA/é29: 1\nA_009: 1\nB.é: 1\na.9: 1\na/éb.: 1\né9-_: 1\n日: 1\n日.b日/: 1",
    ),
    (
        "{\"/1\\u00e91.3\": 1, \"0\\u00e9B/ab\": 1, \".\\u00e9\\u65e5b/\": 1, \"a\\u00e9\": 1, \"a2_\": 1, \"/1\\u00e93\": 1, \"2A13b.\": 1, \"b\": 1, \"aBA2\\u65e5\": 1, \"31A9.A\": 1, \"/B.\": 1, \"-3b\": 1, \"A\": 1, \"1/\": 1, \"299~B\": 1, \"a\": 1, \"aA9\\u65e5A\": 1, \"0\": 1, \"09A-\": 1, \"\\u00e9B\\u65e5-.\": 1, \"--3\\u65e5\": 1}",
        "--3日: 1\n-3b: 1\n.é日b/: 1\n/1é1.3: 1\n/1é3: 1\n/B.: 1\n\"0\": 1\n0éB/ab: 1\n1/: 1\n2A13b.: 1\n09A-: 1\n31A9.A: 1\n299~B: 1\nA: 1\na: 1\na2_: 1\naA9日A: 1\naBA2日: 1\naé: 1\nb: 1\néB日-.: 1",
    ),
    (
        "{\"-\": 1, \"~93\": 1, \"\\u65e5B0A\": 1, \".0-3A1\": 1, \"2\\u65e5_B92\": 1, \"30a9\": 1, \"_-19\\u65e5\": 1, \"\\u00e90\\u00e909~\": 1}",
        "'-': 1\n.0-3A1: 1\n_-19日: 1\n~93: 1\n2日_B92: 1\n30a9: 1\né0é09~: 1\n日B0A: 1",
    ),
    (
        "{\"a\": 1, \"~A.-_\\u65e5\": 1, \"A~29\": 1, \"bb\": 1, \"2_2ab\": 1, \"\\u65e5093\": 1, \"/\": 1, \"_0a\\u00e9-0\": 1, \"10131\": 1, \"a_1.\": 1, \"\\u65e59120\": 1, \"~1A\": 1}",
        "/: 1\n_0aé-0: 1\n~1A: 1\n~A.-_日: 1\n2_2ab: 1\n\"10131\": 1\nA~29: 1\na: 1\na_1.: 1\nbb: 1\n日093: 1\n日9120: 1",
    ),
    (
        "{\".A1.a\": 1, \"11\": 1, \"A_B\\u65e5\\u00e9\": 1, \"_\": 1, \"a0a3b\": 1, \".\": 1, \"\\u00e9bB\": 1, \"aaB\": 1, \"3-/\": 1, \"29a\\u00e93\\u00e9\": 1}",
        ".: 1\n.A1.a: 1\n_: 1\n3-/: 1\n\"11\": 1\n29aé3é: 1\nA_B日é: 1\na0a3b: 1\naaB: 1\nébB: 1",
    ),
    (
        "{\"1A9B\\u00e9\\u65e5\": 1, \"\\u00e9/\": 1, \"33\": 1, \"~A/A.-\": 1, \"a/\": 1, \"3-~-\": 1, \"A-0.\": 1, \"9BBB/\": 1}",
        "~A/A.-: 1\n1A9Bé日: 1\n3-~-: 1\n9BBB/: 1\n\"33\": 1\nA-0.: 1\na/: 1\né/: 1",
    ),
    (
        "{\"a.B1\": 1, \"-\": 1, \"\\u00e9\": 1, \"2a30\": 1, \"9\": 1, \"9AB9Ba\": 1, \"3A_B\": 1, \"0\\u00e9B0_\": 1, \"_93b\": 1, \".1B\": 1, \"/\\u00e9AA\": 1}",
        "'-': 1\n.1B: 1\n/éAA: 1\n_93b: 1\n0éB0_: 1\n2a30: 1\n3A_B: 1\n\"9\": 1\n9AB9Ba: 1\na.B1: 1\né: 1",
    ),
];

/// `{{ $json | fromJson | toJson }}` (errors in the map's `Error`): (input, Helm output).
pub(super) const FROM_JSON: &[(&str, &str)] = &[
    ("{\"a\":1.0}", "{\"a\":1}"),
    ("{\"a\":-0}", "{\"a\":-0}"),
    (
        "{\"a\":12345678901234567890}",
        "{\"a\":12345678901234567000}",
    ),
    ("{\"a\":1E5}", "{\"a\":100000}"),
    ("{\"a\":1e-400}", "{\"a\":0}"),
    ("{\"a\":0.1e1}", "{\"a\":1}"),
    (
        "{\"a\":\"\\u0000\\ud83d\\ude00\\ud800x\\udc00\"}",
        "{\"a\":\"\\u0000😀�x�\"}",
    ),
    ("{\"a\":\"\\/\"}", "{\"a\":\"/\"}"),
    (
        "{\"a\":[1,[2,[3]]],\"b\":{}}",
        "{\"a\":[1,[2,[3]]],\"b\":{}}",
    ),
    (" {\"a\" : 1 } ", "{\"a\":1}"),
    ("{\"a\":1}\n", "{\"a\":1}"),
    ("{\"a\":1,\"a\":2}", "{\"a\":2}"),
    (
        "{\"a\":tRue}",
        "{\"Error\":\"invalid character 'R' in literal true (expecting 'r')\"}",
    ),
    (
        "{\"a\":nul}",
        "{\"Error\":\"invalid character '}' in literal null (expecting 'l')\"}",
    ),
    (
        "{\"a\":1e}",
        "{\"Error\":\"invalid character '}' in exponent of numeric literal\"}",
    ),
    (
        "{\"a\":-}",
        "{\"Error\":\"invalid character '}' in numeric literal\"}",
    ),
    (
        "{\"a\":.5}",
        "{\"Error\":\"invalid character '.' looking for beginning of value\"}",
    ),
    (
        "{\"a\":01}",
        "{\"Error\":\"invalid character '1' after object key:value pair\"}",
    ),
    (
        "{\"a\":\"\t\"}",
        "{\"Error\":\"invalid character '\\\\t' in string literal\"}",
    ),
    (
        "{\"a\":\"x\\u12G4\"}",
        "{\"Error\":\"invalid character 'G' in \\\\u hexadecimal character escape\"}",
    ),
    (
        "{\"a\":1}{",
        "{\"Error\":\"invalid character '{' after top-level value\"}",
    ),
    ("{\"\":1}", "{\"\":1}"),
    (
        "{\"a\":1.5e308,\"b\":-1.7976931348623157e308}",
        "{\"a\":1.5e+308,\"b\":-1.7976931348623157e+308}",
    ),
    ("{\"a\":4.9e-324,\"b\":2e-324}", "{\"a\":5e-324,\"b\":0}"),
    ("{\"a\":123456789012345678}", "{\"a\":123456789012345680}"),
    ("{\"a\":\"\\ud800\\u0041\"}", "{\"a\":\"�A\"}"),
    ("{\"a\":\"\\udc00\\ud800\"}", "{\"a\":\"��\"}"),
];

/// go-yaml quirks (empty flow collection as implicit key, aliases, Go `%#v` in errors).
pub(super) const FROM_YAML_QUIRKS: &[(&str, &str)] = &[
    ("{}: a", "{}"),
    (
        "[]: a",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\"}",
    ),
    ("{} x: y", "{}"),
    ("{ }: a", "{}"),
    (
        "a:\n  {}: b",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 1: did not find expected key\"}",
    ),
    (
        "a:\n  []: b\n  c: d",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 1: did not find expected key\"}",
    ),
    (
        "- {}: a",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected '-' indicator\"}",
    ),
    ("{}\n", "{}"),
    (
        "[] # c\n",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\"}",
    ),
    ("{}: a\n---\nb: 1", "{}"),
    ("{} : a", "{}"),
    (
        "? {}\n: a",
        "{\"Error\":\"error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{}\"}",
    ),
    (
        "x: 1\n{}: a",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 1: did not find expected key\"}",
    ),
    (
        "a: &a {x: 1}\nb: {<<: [*a, *a, *a]}",
        "{\"a\":{\"x\":1},\"b\":{\"x\":1}}",
    ),
    (
        "&dependencies:\n- condition: mariadb.enabled\n  name: mariadb\n  repository: https://charts.bitnami.com/bitnami",
        "{\"Error\":\"error converting YAML to JSON: unsupported map key of type: %!s(\\u003cnil\\u003e), key: \\u003cnil\\u003e, value: []interface {}{map[interface {}]interface {}{\\\"condition\\\":\\\"mariadb.enabled\\\", \\\"name\\\":\\\"mariadb\\\", \\\"repository\\\":\\\"https://charts.bitnami.com/bitnami\\\"}}\"}",
    ),
];

/// `fromJson` errors naming non-ASCII and control bytes.
pub(super) const FROM_JSON_BYTES: &[(&str, &str)] = &[
    (
        "{\"a\":é}",
        "{\"Error\":\"invalid character 'Ã' looking for beginning of value\"}",
    ),
    (
        "{\"a\":\u{1}}",
        "{\"Error\":\"invalid character '\\\\x01' looking for beginning of value\"}",
    ),
    (
        "{\"a\":\u{7f}}",
        "{\"Error\":\"invalid character '\\\\x7f' looking for beginning of value\"}",
    ),
    (
        "é",
        "{\"Error\":\"invalid character 'Ã' looking for beginning of value\"}",
    ),
    (
        "{\"a\":\"\u{1}\"}",
        "{\"Error\":\"invalid character '\\\\x01' in string literal\"}",
    ),
    (
        "{\"a\":\\}",
        "{\"Error\":\"invalid character '\\\\\\\\' looking for beginning of value\"}",
    ),
    (
        "{\"a\":'}",
        "{\"Error\":\"invalid character '\\\\'' looking for beginning of value\"}",
    ),
    (
        "{\"a\":tré}",
        "{\"Error\":\"invalid character 'Ã' in literal true (expecting 'u')\"}",
    ),
    (
        "\u{ad}",
        "{\"Error\":\"invalid character 'Â' looking for beginning of value\"}",
    ),
];

/// `?` inside flow plain scalars (a key indicator to go-yaml).
pub(super) const FROM_YAML_FLOW_QUESTION: &[(&str, &str)] = &[
    (
        "a: 1\nb: [x, y?z]",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'\"}",
    ),
    (
        "a: 1\nb: {k: v?w}",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 1: did not find expected ',' or '}'\"}",
    ),
    (
        "a: 1\nb: {k?x: v}",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 1: did not find expected ',' or '}'\"}",
    ),
    (
        "a: 1\nb: [k: v?w]",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'\"}",
    ),
    (
        "a: 1\nb: [[x?y]]",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'\"}",
    ),
    (
        "a: 1\nb: [\n  x?y\n]",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 2: did not find expected ',' or ']'\"}",
    ),
    (
        "a: [http://x?y=1]",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected ',' or ']'\"}",
    ),
    ("a: {u: 'http://x?y=1'}", "{\"a\":{\"u\":\"http://x?y=1\"}}"),
    ("a: x?y", "{\"a\":\"x?y\"}"),
    (
        "- [a?]",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected ',' or ']'\"}",
    ),
    (
        "a: [a?b, ?x, x?]",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected ',' or ']'\"}",
    ),
    (
        "a: {b: c?d, ?e: f}",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected ',' or '}'\"}",
    ),
];

/// `:` before a flow indicator stays in the plain scalar (go-yaml).
pub(super) const FROM_YAML_FLOW_COLON: &[(&str, &str)] = &[
    ("a: [b:]", "{\"a\":[\"b:\"]}"),
    ("{a:,b: c}", "{\"a:\":null,\"b\":\"c\"}"),
    (
        "a: [x:[y]]",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected ',' or ']'\"}",
    ),
    ("a: {b: c:}", "{\"a\":{\"b\":\"c:\"}}"),
    ("a: [a:, b]", "{\"a\":[\"a:\",\"b\"]}"),
    (
        "a: {b:{c: d}}",
        "{\"Error\":\"error converting YAML to JSON: yaml: did not find expected ',' or '}'\"}",
    ),
    (
        "a: [1:, 2:]\nb: 'x:]'",
        "{\"a\":[\"1:\",\"2:\"],\"b\":\"x:]\"}",
    ),
    ("a: [\"q:\", x:]", "{\"a\":[\"q:\",\"x:\"]}"),
    (
        "a: [b:]\nc: d: e",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context\"}",
    ),
];

/// Where go-yaml reports a key without `:` (after the next token).
pub(super) const FROM_YAML_STALE_KEY: &[(&str, &str)] = &[
    (
        "a: 1\nbad",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 3: could not find expected ':'\"}",
    ),
    (
        "a: 1\nbad\n",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 3: could not find expected ':'\"}",
    ),
    (
        "a: 1\nbad # c",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 3: could not find expected ':'\"}",
    ),
    (
        "a: 1\nbad\nc: 'x\n  y'\n",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 3: could not find expected ':'\"}",
    ),
    (
        "a: 1\nbad\n'x\n  y': 1\n",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 3: could not find expected ':'\"}",
    ),
    (
        "a: 1\nbad\n|\n  x\n",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 3: could not find expected ':'\"}",
    ),
    (
        "  a: 1\n  bad\n # c",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 3: could not find expected ':'\"}",
    ),
    (
        "a:\n  b: 1\n  bad",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 4: could not find expected ':'\"}",
    ),
    (
        "    annotations: {}\n    labels: {}\n    extraP #orts: []\n  # -- Upgrade strategy for the continuous testoymen Deployment",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 5: could not find expected ':'\"}",
    ),
    (
        "    labels: 1\n    extraP #orts: []\n  # -- Upgrade",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 4: could not find expected ':'\"}",
    ),
    (
        "    labels: 1\n    extraP #orts: []\n  # -- Upgrade\n",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 4: could not find expected ':'\"}",
    ),
    (
        "    labels: 1\n    extraP\n  # -- Upgrade",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 3: could not find expected ':'\"}",
    ),
    (
        "    labels: 1\n    extraP\n",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 3: could not find expected ':'\"}",
    ),
    (
        "labels: 1\nextraP\n# x",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 3: could not find expected ':'\"}",
    ),
];

/// Mutated corpus values around go-yaml's handling of `{}`/`[]` starting a line and of
/// stale keys (generated inputs, Helm outputs).
pub(super) const FROM_YAML_FUZZ: &[(&str, &str)] = &[
    (
        "    scaleUp:\n      policies:\n        - type: Pods\n          value: 4\n          periodSeconds: #60\n        - type: Percent\n      {}    value: 100\n          periodSeconds: 15\n      stabilizationWindowSeconds: 80\n  enableStatefulSetAutoDeletePVC: true\nalloy:\n  resources:\n    requests:\n      memory: 100Mi\n",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 6: did not find expected key\"}",
    ),
    (
        "    extraPaths: []\n    # - path: /*\n    #   backend:\n    #     service:",
        "{\"extraPaths\":[]}",
    ),
    (
        "     {}       status:\n              description: OnePasswordItemStatus defines the observed sta of OnePasswordItem\n              properties:\n                ditions:\n                  items:\n                    properties:",
        "{}",
    ),
    (
        "  resources:\n    limits:\n      cpu: 3\n    ?  memory: 4Gi\n    requests:\n      cpu: 2\n      memory: 2Gi\n  extraEnv:\n    # Keep a little bi\"t lower than memory limits\n    - name: GOMEMLIMIT\n      value: 3750MiB\n\nchunksCache:\n  # default is 500MB, with limited memory keep this smaller\n {} writebackSizeLimit: 10MB",
        "{\"Error\":\"error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{\\\"memory\\\":\\\"4Gi\\\"}\"}",
    ),
    (
        "  type: statefulset\n  autoscaling:\n    vertical:\n      enabled: true\n{}      resourcePolicy:\n        containerPolicies:\n        - containerName: alloy\n          controlledResources:\n         - cpu\n          - memory\n          controlledValues: \"RequestsAndLimits\"\n          maxA,llowed:\n            cpu: \"500m\"\n            memory: \"600Mi\"\n          minAllowed:",
        "{\"autoscaling\":{\"vertical\":{\"enabled\":true}},\"type\":\"statefulset\"}",
    ),
    (
        "                      type: string\n                    type: array\n                  tokenUrl:\n                    minLength: 1\n                    type: string\n                required:\n                - clientId\n                - clientSecret\n []               - t>okenUrl\n                type: object\n              prober:\n                properties:\n                  path:",
        "{\"type\":\"string\"}",
    ),
    (
        "                        source:\n                          type: string\n                        value:\n                  []        type: string\n                      type: object\n                    |json:",
        "{\"source\":{\"type\":\"string\"},\"value\":null}",
    ),
    (
        "                submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds\"\n              type: string\n            metadata:\n              type: object\n            spec:\n              description: OnePasswordItemSpec defines the desired state of g-arcO*nePasswordItem\n         []     properties:\n                itemPath:\n                  type: string\n              type: object\n            status:",
        "{\"submits requests to. Cannot be updated. In CamelCase. More info\":\"https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds\\\"\"}",
    ),
    (
        "       []             batchWait:\n                      type: string\n                   bearerToken:\n                      type: string",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\"}",
    ),
    (
        "                              Domain defines the host to which the cookie will be sent.\n {}                             More info: https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Set-Cookie#domaindomain-value\n                            type: string\n                          httpOnly:",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context\"}",
    ),
    (
        "  extraPvcLabels: {}\n  disableWarning: false\n\n  ## If persistence not enabled, this allows to 'mount the\n  ## lo&a cal storage in-memory to improve performance\n  ##\n  inMemory:",
        "{\"disableWarning\":false,\"extraPvcLabels\":{},\"inMemory\":null}",
    ),
    (
        "[]    bouncer:\n      moduleName: github.com/maxlerebourg/crowdsec-bouncer-traefik-plugin\n      version: v1.4.2\ngateway:\n  enabled: true\n  listeners:\n    web:\n    <<:   port: 8000\n      protocol: HTTP\n      namespaceP[]olicy:",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\"}",
    ),
    (
        "    - name: MINIO_CONSOLE_TLS_ENABLE\n      value: \"off\"\n    - name: WAls:\n TCHED_NAMESPACE\n      value: \"minio-tenant\"\n  serviceAccountAnnotations:\n {}   example.com/owner: storage\n  additionalLabels:\n    example.com/stack: homelab\n  image:\n    tag: v7.1.1\n    pullPolicy: Always\n  sidecarImage:",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context\"}",
    ),
    (
        "                             certFile:\n                          type: string\n                        insecureSkipVerify:\n                          []type: boolean\n                        keyFile:\n                          t     ype: string\n                        keySecret:",
        "{\"certFile\":null}",
    ),
    (
        "                anyOf:\n    {}            - type: integer\n                - type: string\n                description: DialTimeout is the amount of time to wait until a connection\n                  to a backend serve]ger\ner can be established.",
        "{\"anyOf\":null}",
    ),
    (
        "\n    object_store:\n      type: s3\n\n      s3:\n        access_key_id: thanos-minio\n        secret_access_key: thanos-minio123\n {}       region: us-east-1\n        insecure: true\n        endpoint: http://minio.minio.svc.cluster.local:9000\n        http:\n          tls_config:",
        "{\"object_store\":{\"s3\":{\"access_key_id\":\"thanos-minio\",\"secret_access_key\":\"thanos-minio123\"},\"type\":\"s3\"}}",
    ),
    (
        "                                    optional:\n                                      type: boolean\n                                  required:\n                                  - key\n                                  type: object\n                                  x-kubernetes-map-type: atomic\n                                secret:\n                                  properties:\n                                 []   key:\n                                  {    type: string\n                                    name:\n                           #           type: string",
        "{\"optional\":{\"type\":\"boolean\"}}",
    ),
    (
        "{}# -- Overrides the cart's computed fullname\nfullnameOverride: \n",
        "{}",
    ),
    (
        "loki:\n  commonConfig:\n    replication_factor: \n {} useTestSchema: true\n  storage:\n    bucketNames:&a ",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 3: did not find expected key\"}",
    ),
    (
        "          status:\n            descrip#tion: The current status of this APIPortal.\n            properties:\n  []            - hash:\n                description: Hash is a hash representing the APIPortal.",
        "{\"status\":{\"descrip#tion\":\"The current status of this APIPortal.\",\"properties\":null}}",
    ),
    (
        "  enabled: true\n  interval: 30s\n  []additionalLabels:\n    release: prometheus\n  metricRelabelings:\n    - action: keep\n      regex: alloy_.*|prometheus_.*|loki_.*\n      sourceLabels: [__name__]",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 2: did not find expected key\"}",
    ),
    (
        "                      - ath\n                      - server\n        {}              type: object\n                    persistentVlumeClaim:",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\"}",
    ),
    (
        "                                  fieldPath:\n                                    type: string\n                    []            required:\n                                - fieldPath\n                                type: object",
        "{\"fieldPath\":{\"type\":\"string\"}}",
    ),
    (
        "|\n    extraEnv:\n    - name: HOSTNAME\n      valueFrom:\n        fieldRef:\n          fieldPath: spec.nodeName\n  extraArgs:\n    - --disable-support-bundle\n  extraPorts:\n   - name: otlp-grpc\n      port: 4317\n      targetPort: 4317\n      protocol: TP\n    - name: faro\n      port: 12347",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal string into Go value of type map[string]interface {}\"}",
    ),
    (
        "                                  containerName:\n                                         type: string\n                                  divisor:\n                                    anyOf:\n                                    - type: integer\n                     []      []         - type: string",
        "{\"containerName\":{\"type\":\"string\"},\"divisor\":{\"anyOf\":[{\"type\":\"integer\"}]}}",
    ),
    (
        "             []       enableHtt&a p2:\n                      type: boolean\n                    filterRunning:\n                      type: boolean\n                    followRedirects:\n                      type: boolean\n                    honorLabels:\n        #              type: boolean\n                    honorTimestamps:\n                      type: boolean\n                    interval:\n                      pattern: ^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\"}",
    ),
    (
        "service:\n  type: ClusterIP\n  port: 8080\ningress:\n  enabled: true\n  className: traefik\n  a[nnotations:\n    cert-manager.io/cluster-issuer: letsencrypt\n  hosts:\n    - host: subs.example.com\n      paths:\n  []      - path: / /\n  \n          pathType: Prefix\n  tls:",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 11: did not find expected key\"}",
    ),
    (
        "                                        group:\n                                          default: \"\"\n                                          description: |-\n                                            Group is the group of the referent. For example, \"gateway.networking.k8s.io\".\n                                            When unspecified or empty string, core API group is inferred.\n                                      []    # maxLength: 253\n                                          pattern: ^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$\n                                               type: string\n                                        kind:\n                                          default: Service\n                                          description: |-",
        "{\"group\":{\"default\":\"\",\"description\":\"Group is the group of the referent. For example, \\\"gateway.networking.k8s.io\\\".\\nWhen unspecified or empty string, core API group is inferred.\"}}",
    ),
    (
        "    preferredDuringSchedulingIgnoredDuringcution:\n      - podAffinityTerm:\n          labelSelector:\n            matchLabels:\n              app.kubernetes.io/instance: grafana-t[est\n  []            app.kubernetes.io/name: grafana",
        "{\"preferredDuringSchedulingIgnoredDuringcution\":[{\"podAffinityTerm\":{\"labelSelector\":{\"matchLabels\":{\"app.kubernetes.io/instance\":\"grafana-t[est\"}}}}]}",
    ),
    (
        "# https://kuber!netes.io/docs/concepts/policy/pod-security-policy/\npodSecurityPolicy:\n  enabled: false\n\n# Deployment pod annotations\npodAnnotations: {}\n\n## Set pod priorityClassName\n# priorityClassName: \"\"\n\npodSecurityContext: {}\n\nsecurityContext:|\n   {}",
        "{\"Error\":\"error converting YAML to JSON: yaml: line 14: could not find expected ':'\"}",
    ),
    (
        "\n  service:\n    annotations: {}\n    labels: {}\n    # -- https://kubernetes.io/docs/concepts/services-networking/service-traffic-policy/\n    internalTrafficPolicy: Cluster\n    type: ClusterIP\n    extraPorts: []\n    # - port: 11811",
        "{\"service\":{\"annotations\":{},\"extraPorts\":[],\"internalTrafficPolicy\":\"Cluster\",\"labels\":{},\"type\":\"ClusterIP\"}}",
    ),
    (
        "     {} name: traefik-security-headers\n    spec:\n      header        stsSonds: 31536000",
        "{}",
    ),
    (
        "         []                     This can be a reference to a named port.\n                         x-kubernetes-int-or-string: true\n                          weight:\n                            description: Weight defines the weiht used when balancing\n                              requests between multiple Kubernetes Service.",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\"}",
    ),
    (
        "  clustering:\n    enabled:> true\n  stabilityLevel: public-preview\n  storagePath: /var/lib/alloy\n  enableReporting: false\n  extraEnv:\n    - name: HOSTNAME\n      valueFrom:\n        fieldRef:\n          fieldPath: spec.nodeName\n  extraArgs:\n    - --disable-support-bundle\n  extraPorts:",
        "{\"clustering\":\"enabled:\\u003e true\",\"enableReporting\":false,\"extraArgs\":[\"--disable-support-bundle\"],\"extraEnv\":[{\"name\":\"HOSTNAME\",\"valueFrom\":{\"fieldRef\":{\"fieldPath\":\"spec.nodeName\"}}}],\"extraPorts\":null,\"stabilityLevel\":\"public-preview\",\"storagePath\":\"/var/lib/alloy\"}",
    ),
    (
        "                            type: boolean\n                          port:\n                            anyOf:\n                            - type: integer\n                            - type: string\n    ean\n                         description: |-\n                              {}Port defines the port of a Kubernetes Service.\n                              Th     is can be a reference to a named port.",
        "{\"type\":\"boolean\"}",
    ),
    (
        "      serviceDown:\n        enabled: true\n        # Duration before alerting\n        for: \"5m\"\n    []    # Severity level\n        severity: \"cr[itical\"\n    # Additional custom rules\n    additionalRules: []\n    # - alert: CustomAlert\n    #   expr: cu stom_metric > 100",
        "{\"serviceDown\":{\"enabled\":true,\"for\":\"5m\"}}",
    ),
    (
        "                  []    The secret must be of type Opaque and contain a key named 'value'.\n                   maxLength: 253\n                    type: string\n                  stripAuthorizationHeader:\n                    description: StripAuorizationHeader determines whether to strip\n                      the Authorization header before forwarding the request.\n                    type: boolean\n                  tokenNameClaim:\n                    description: |-",
        "{\"Error\":\"error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}\"}",
    ),
    (
        "                                  type: object\n                                  x-kubernetes-map-type: atomic\n                              type: object\n                            certFile:\n                              type: string\n                            insecureSkipVerify:\n                              type: boolean\n                            keyFile:\n                     {}         type: string\n                          keySecret:\n                              properties:\n                                key:\n            !                      type: string",
        "{\"type\":\"object\",\"x-kubernetes-map-type\":\"atomic\"}",
    ),
    (
        "   {}       status:\n            description: The current status of this ManagedApplication.\n            properties:\n              apiKeyVersions:",
        "{}",
    ),
    (
        "                              type: string\n                            type: array\n                          countEntryBytes:\n                            type: boolean\n                          description:\n    []                        type: string\n                          matchAll:\n                            type: boolean",
        "{\"type\":\"string\"}",
    ),
];
