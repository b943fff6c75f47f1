//! Generated: templates executed by the reference Helm v3.17.3 with VALUES as the
//! values file (output with `<no value>` removed, or `ERR:` and the message after
//! `at <…>: `, or `ERR:HELM:` and a `required`/`fail` message). Do not edit by hand.

pub const VALUES: &str = "n: 1000000\nf: 1.5\ni: 3\ns: \"str\"\nyes: \"yes\"\nb: false\nz: null\nempty: \"\"\nlist: [a, b, c]\nnums: [3, 1, 2]\nmap: {k1: v1, k2: {deep: 1}}\nemptymap: {}\nver: \"v1.25.3-gke.100\"\nmem: \"512Mi\"\npct: 25\n";

pub const CASES: &[(&str, &str)] = &[
    (
        "{{ .Values.n }} {{ toString .Values.n }} {{ quote .Values.n }} {{ toYaml .Values.n }}",
        " <nil>  null",
    ),
    (
        "{{ int .Values.n }} {{ int64 .Values.f }} {{ add .Values.i 1 }} {{ typeOf (add .Values.i 1) }}",
        "0 1 4 int64",
    ),
    (
        "{{ repeat .Values.i \"x\" }}",
        "ERR:wrong type for value; expected int; got float64",
    ),
    ("{{ repeat (int .Values.i) \"x\" }}", "xxx"),
    (
        "{{ upper .Values.z }}",
        "ERR:wrong type for value; expected string; got interface {}",
    ),
    (
        "{{ upper .Values.missing }}",
        "ERR:wrong type for value; expected string; got interface {}",
    ),
    (
        "{{ $x := .Values.missing }}{{ upper $x }}",
        "ERR:invalid value; expected string",
    ),
    (
        "{{ default \"d\" .Values.empty }} {{ default \"d\" .Values.b }} {{ default \"d\" .Values.z }} {{ default \"d\" .Values.missing }}",
        "d d d d",
    ),
    (
        "{{ .Values.list | join \",\" }} {{ .Values.nums | sortAlpha }} {{ first .Values.list }} {{ last .Values.list }}",
        "a,b,c [1 2 3] a c",
    ),
    (
        "{{ has \"b\" .Values.list }} {{ has 1 .Values.nums }} {{ has (float64 1) .Values.nums }}",
        "true false true",
    ),
    (
        "{{ $d := dict \"a\" 1 }}{{ $_ := set $d \"b\" 2 }}{{ $d }}",
        "map[a:1 b:2]",
    ),
    (
        "{{ $d := dict \"a\" 1 }}{{ $e := $d }}{{ $_ := set $e \"c\" 3 }}{{ $d }} {{ $_ := unset $d \"a\" }}{{ $e }}",
        "map[a:1 c:3] map[c:3]",
    ),
    (
        "{{ $m := .Values.map }}{{ $_ := set $m \"k3\" \"new\" }}{{ .Values.map }}",
        "map[k1:v1 k2:map[deep:1] k3:new]",
    ),
    (
        "{{ $dst := dict \"a\" (dict \"x\" 1) }}{{ $_ := merge $dst (dict \"a\" (dict \"y\" 2) \"b\" 3) }}{{ $dst }}",
        "map[a:map[x:1 y:2] b:3]",
    ),
    (
        "{{ $dst := dict \"a\" 1 }}{{ $r := mergeOverwrite $dst (dict \"a\" 2) }}{{ $dst }} {{ $r }}",
        "map[a:2] map[a:2]",
    ),
    (
        "{{ $src := dict \"s\" (dict \"n\" 1) }}{{ $dst := merge (dict) $src }}{{ $_ := set $dst.s \"n\" 2 }}{{ $src }}",
        "map[s:map[n:2]]",
    ),
    (
        "{{ $c := deepCopy .Values.map }}{{ $_ := set $c \"k1\" \"changed\" }}{{ .Values.map.k1 }} {{ $c.k1 }}",
        "v1 changed",
    ),
    (
        "{{ dig \"k2\" \"deep\" \"none\" .Values.map }} {{ dig \"k2\" \"nope\" \"none\" .Values.map }} {{ dig \"k1\" \"x\" \"none\" .Values.map | quote }}",
        "ERR:error calling dig: interface conversion: interface {} is string, not map[string]interface {}",
    ),
    (
        "{{ hasKey .Values.map \"k1\" }} {{ hasKey .Values.emptymap \"x\" }} {{ keys .Values.map | sortAlpha }}",
        "true false [k1 k2]",
    ),
    (
        "{{ get .Values.map \"k1\" }} {{ get .Values.map \"nope\" | quote }}",
        "v1 \"\"",
    ),
    ("{{ pluck \"k1\" .Values.map .Values.emptymap }}", "[v1]"),
    (
        "{{ semverCompare \">=1.19-0\" .Values.ver }} {{ semverCompare \">=1.26\" .Values.ver }}",
        "true false",
    ),
    (
        "{{ (semver .Values.ver).Minor }} {{ (semver .Values.ver).Prerelease }}",
        "25 gke.100",
    ),
    (
        "{{ trimSuffix \"Mi\" .Values.mem | float64 | mulf 1048576 | ceil | int64 }}",
        "536870912",
    ),
    ("{{ ceil (mulf 3 (divf (int .Values.pct) 100)) }}", "1"),
    (
        "{{ divf .Values.pct 3 }} {{ mulf .Values.f .Values.i }}",
        "8.333333333333334 4.5",
    ),
    (
        "{{ toJson .Values }}",
        "{\"b\":false,\"empty\":\"\",\"emptymap\":{},\"f\":1.5,\"false\":1000000,\"i\":3,\"list\":[\"a\",\"b\",\"c\"],\"map\":{\"k1\":\"v1\",\"k2\":{\"deep\":1}},\"mem\":\"512Mi\",\"nums\":[3,1,2],\"pct\":25,\"s\":\"str\",\"true\":\"yes\",\"ver\":\"v1.25.3-gke.100\",\"z\":null}",
    ),
    (
        "{{ toYaml .Values.map | nindent 2 }}",
        "\n  k1: v1\n  k2:\n    deep: 1",
    ),
    (
        "{{ .Values.list | toYaml | indent 4 }}",
        "    - a\n    - b\n    - c",
    ),
    ("{{ tpl \"{{ .Values.s }}-x\" . }}", "str-x"),
    (
        "{{ include \"nope\" . }}",
        "ERR:error calling include: template: no template \"nope\" associated with template \"gotpl\"",
    ),
    (
        "{{ required \"need s\" .Values.s }} {{ required \"need i\" .Values.i }}",
        "str 3",
    ),
    ("{{ required \"need z\" .Values.z }}", "ERR:HELM:need z"),
    (
        "{{ required \"need empty\" .Values.empty }}",
        "ERR:HELM:need empty",
    ),
    ("{{ fail \"stop here\" }}", "ERR:HELM:stop here"),
    (
        "{{ printf \"%s\" (b64enc .Values.s) }} {{ b64dec (b64enc .Values.s) }} {{ sha256sum .Values.s | trunc 10 }}",
        "c3Ry str 8c25cb3686",
    ),
    (
        "{{ regexReplaceAll \"[^a-z]\" .Values.mem \"\" }} {{ regexFind \"[0-9]+\" .Values.mem }} {{ regexSplit \"i\" .Values.mem -1 }}",
        "i 512 [512M ]",
    ),
    (
        "{{ .Values.s | upper | quote }} {{ .Values.s | title }} {{ .Values.s | replace \"t\" \"T\" }} {{ .Values.s | contains \"tr\" }}",
        "\"STR\" Str sTr true",
    ),
    (
        "{{ list .Values.s .Values.i .Values.f | toJson }}",
        "[\"str\",3,1.5]",
    ),
    (
        "{{ ternary \"a\" \"b\" .Values.b }} {{ ternary \"a\" \"b\" (not .Values.b) }}",
        "b a",
    ),
    (
        "{{ coalesce .Values.z .Values.empty .Values.s }} {{ empty .Values.emptymap }} {{ empty .Values.map }}",
        "str true false",
    ),
    (
        "{{ range $k, $v := .Values.map }}{{ $k }}={{ kindOf $v }};{{ end }}",
        "k1=string;k2=map;",
    ),
    (
        "{{ range until 3 }}{{ . }}{{ end }} {{ range $i, $e := .Values.list }}{{ $i }}{{ $e }}{{ end }}",
        "012 0a1b2c",
    ),
    (
        "{{ index .Values.list 1 }} {{ len .Values.list }} {{ slice .Values.list 1 }}",
        "b 3 [b c]",
    ),
    (
        "{{ kindIs \"map\" .Values.map }} {{ kindIs \"slice\" .Values.list }} {{ kindIs \"float64\" .Values.i }} {{ typeOf .Values.z }}",
        "true true true <nil>",
    ),
    (
        "{{ .Values.yes }} {{ toYaml .Values.yes }} {{ quote .Values.yes }}",
        " null ",
    ),
    (
        "{{ $l := list }}{{ range .Values.list }}{{ $l = append $l (upper .) }}{{ end }}{{ $l }}",
        "[A B C]",
    ),
    (
        "{{ without .Values.list \"b\" }} {{ uniq (concat .Values.list .Values.list) }} {{ compact (list \"\" .Values.s nil) }}",
        "[a c] [a b c] [str]",
    ),
    (
        "{{ $x := dict \"a\" (list 1 2) }}{{ $y := deepCopy $x }}{{ $_ := set $y \"b\" 1 }}{{ $x }} {{ $y }}",
        "map[a:[1 2]] map[a:[1 2] b:1]",
    ),
    (
        "{{ fromYaml \"a: [1, 2]\\nb: {c: d}\" | toJson }}",
        "{\"a\":[1,2],\"b\":{\"c\":\"d\"}}",
    ),
    ("{{ (fromYaml \"a: 1\").a | typeOf }}", "float64"),
    (
        "{{ toString (dict \"a\" .Values.f \"b\" .Values.n) }}",
        "map[a:1.5 b:<nil>]",
    ),
    (
        "{{ printf \"%v\" .Values.map }}",
        "map[k1:v1 k2:map[deep:1]]",
    ),
    (
        "{{ lookup \"v1\" \"Secret\" \"ns\" \"n\" }}{{ (lookup \"v1\" \"Secret\" \"ns\" \"n\").data }}{{ hasKey ((lookup \"v1\" \"Secret\" \"ns\" \"n\").data) \"k\" }}",
        "map[]false",
    ),
    (
        "{{ $s := (lookup \"v1\" \"Secret\" \"ns\" \"n\").data }}{{ hasKey $s \"k\" }}",
        "false",
    ),
    (
        "{{ $p := .Values.z | default .Values.missing }}{{ mustMergeOverwrite (dict \"a\" 1) $p }}",
        "map[a:1]",
    ),
    ("{{ getHostByName \"example.com\" | quote }}", "\"\""),
    (
        "{{ now | date \"2006\" | len }} {{ date \"2006-01-02\" 0 }}",
        "4 1970-01-01",
    ),
    (
        "{{ $v := .Values }}{{ $_ := set $v \"added\" 1 }}{{ .Values.added }}",
        "1",
    ),
    (
        "{{ $l := .Values.list }}{{ $l2 := append $l \"d\" }}{{ .Values.list }} {{ $l2 }}",
        "[a b c] [a b c d]",
    ),
    (
        "{{ toYaml (dict \"b\" .Values.b \"list\" .Values.list \"m\" .Values.emptymap) }}",
        "b: false\nlist:\n- a\n- b\n- c\nm: {}",
    ),
    (
        "{{ range $k, $v := (split \",\" \"x,y,z\") }}{{ $k }}{{ $v }}{{ end }}",
        "_0x_1y_2z",
    ),
    ("{{ $a := splitList \",\" \"x,y\" }}{{ index $a 1 }}", "y"),
    ("{{ .Values.f | toString | replace \".\" \"_\" }}", "1_5"),
    (
        "{{ include \"nope\" . | default \"d\" }}",
        "ERR:error calling include: template: no template \"nope\" associated with template \"gotpl\"",
    ),
    ("{{ tpl (toYaml .Values.map) . }}", "k1: v1\nk2:\n  deep: 1"),
    ("{{ cat \"a\" .Values.z \"b\" }}", "a b"),
    ("{{ now | typeOf }}", "time.Time"),
];
