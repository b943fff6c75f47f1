//! The stack's own templates: values files and extra manifests ending in `.j2` are
//! rendered with the environment's variables (minijinja, strict about undefined names).
//! Files without `.j2` are read as they are, so chart values that contain Go template
//! text (`{{ include … }}` for `tpl`) pass through untouched.

use super::{Environment, StackError};
use minijinja::{Environment as Jinja, UndefinedBehavior};
use std::path::Path;

/// Most minijinja instructions one stack template may run (a values file needs a few
/// thousand; nested loops over huge ranges hit this in about a second).
pub const MAX_FUEL: u64 = 20_000_000;

/// Read a stack file (values or manifest), rendering it when its name ends in `.j2`.
/// `env_name` is available to templates as `env`.
pub fn read(
    dir: &Path,
    rel: &str,
    env_name: &str,
    env: &Environment,
) -> Result<String, StackError> {
    let path = dir.join(rel);
    let text = std::fs::read_to_string(&path).map_err(|e| StackError {
        file: path.clone(),
        line: 0,
        col: 0,
        msg: format!("cannot read {rel}: {e}"),
        hint: Some("check the path in stack.yaml; paths are relative to the stack folder".into()),
    })?;
    if !rel.ends_with(".j2") {
        return Ok(text);
    }
    render(&path, &text, env_name, env)
}

/// Render one template text; errors name the file and line.
pub fn render(
    path: &Path,
    text: &str,
    env_name: &str,
    env: &Environment,
) -> Result<String, StackError> {
    let mut jinja = Jinja::new();
    jinja.set_undefined_behavior(UndefinedBehavior::Strict);
    jinja.set_keep_trailing_newline(true);
    // Values files come from pull requests: bound the work a template may do (nested
    // loops), so a hostile one ends in an error instead of running forever.
    jinja.set_fuel(Some(MAX_FUEL));
    let name = path.display().to_string();
    let fail = |e: minijinja::Error| {
        let mut msg = e
            .detail()
            .map(str::to_string)
            .unwrap_or_else(|| e.kind().to_string());
        let undefined = e.kind() == minijinja::ErrorKind::UndefinedError;
        if e.kind() == minijinja::ErrorKind::OutOfFuel {
            msg = format!("the template does too much work (more than {MAX_FUEL} steps)");
        }
        if undefined {
            let known: Vec<&str> = env.vars.keys().map(String::as_str).collect();
            msg = format!(
                "{msg} (the environment `{env_name}` defines: {})",
                known.join(", ")
            );
        }
        StackError {
            file: path.to_path_buf(),
            line: e.line().unwrap_or(0),
            col: 0,
            msg: format!("template error: {msg}"),
            hint: if undefined {
                Some("define the variable under environments.<env>.vars in stack.yaml".into())
            } else if e.kind() == minijinja::ErrorKind::OutOfFuel {
                Some("simplify the loops; a values template should only fill in variables".into())
            } else {
                None
            },
        }
    };
    jinja.add_template(&name, text).map_err(fail)?;
    let tmpl = jinja.get_template(&name).map_err(fail)?;
    let mut ctx = env.vars.clone();
    ctx.insert(
        "env".into(),
        serde_json::Value::String(env_name.to_string()),
    );
    tmpl.render(&ctx).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env() -> Environment {
        let mut e = Environment::default();
        e.vars
            .insert("domain".into(), serde_json::json!("example.com"));
        e
    }

    #[test]
    fn renders_vars_and_env_name() {
        let out = render(
            Path::new("v.yaml.j2"),
            "host: a.{{ domain }} # {{ env }}\n",
            "default",
            &env(),
        )
        .unwrap();
        assert_eq!(out, "host: a.example.com # default\n");
    }

    #[test]
    fn undefined_variables_name_file_and_line() {
        let e = render(
            Path::new("v.yaml.j2"),
            "a: 1\nb: {{ domian }}\n",
            "prod",
            &env(),
        )
        .unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.to_string().starts_with("v.yaml.j2:2:"), "{e}");
        assert!(e.msg.contains("defines: domain"), "{e}");
    }

    #[test]
    fn hostile_templates_end_in_errors() {
        let e = Environment::default();
        let cases = [
            (
                "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
                "too much work",
            ),
            (
                "{% for i in range(1000000000) %}x{% endfor %}",
                "too many elements",
            ),
            (
                "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
                "recursion limit",
            ),
            ("{{ 'x' * 1000000000 }}", "too large"),
        ];
        for (text, want) in cases {
            let start = std::time::Instant::now();
            let err = render(Path::new("v.yaml.j2"), text, "default", &e).unwrap_err();
            assert!(err.msg.contains(want), "{text}: {err}");
            assert!(
                start.elapsed().as_secs() < 10,
                "{text}: took {:?}",
                start.elapsed()
            );
        }
        // A realistic values template stays far below the budget.
        let mut big = String::new();
        for i in 0..2000 {
            big.push_str(&format!(
                "k{i}: {{{{ env }}}}-{{% for x in range(10) %}}{{{{ x }}}}{{% endfor %}}\n"
            ));
        }
        assert!(render(Path::new("v.yaml.j2"), &big, "default", &e).is_ok());
    }
}
