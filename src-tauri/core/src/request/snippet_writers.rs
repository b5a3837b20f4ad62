//! The three snippet languages, written from one [`Plan`]. Every literal goes through one
//! quoting function per language (shell single quotes; JSON string literals, which are valid
//! Python and JavaScript strings), so a body with quotes, `$`, backslashes or emoji is sent
//! and signed exactly as Tokenbench would. The seeds' `echo -n` becomes `printf '%s'`, which
//! prints any body unchanged in every shell (`echo` would eat a body starting with `-n`).

use super::snippet::{AuthValue, Plan};

/// `'…'` with embedded `'` written as `'\''`.
fn sh_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// A JSON string literal, also a valid Python 3 and JavaScript string literal.
fn str_lit(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

/// `"Name: prefix${VAR}"` when the literal part needs no escaping in double quotes, else
/// `'Name: prefix'"${VAR}"`.
fn sh_header_with_var(name: &str, prefix: &str, var: &str) -> String {
    let literal = format!("{name}: {prefix}");
    if literal.chars().all(|c| c.is_ascii_alphanumeric() || " -_:./=,;+".contains(c)) {
        format!("\"{literal}${{{var}}}\"")
    } else {
        format!("{}\"${{{var}}}\"", sh_quote(&literal))
    }
}

fn has_body(plan: &Plan) -> bool {
    plan.hmac || !plan.body.is_empty()
}

/// cURL for bash/zsh.
pub(super) fn curl(plan: &Plan) -> String {
    let mut out: String = plan.comments.iter().map(|c| format!("# {c}\n")).collect();
    if let Some(id) = &plan.token_id {
        if let Some(v) = &id.inline {
            out.push_str(&format!("{}={}\n", id.env, sh_quote(v)));
        }
    }
    if let (Some(v), false) = (&plan.secret.inline, plan.auth.is_empty()) {
        out.push_str(&format!("{}={}\n", plan.secret.env, sh_quote(v)));
    }
    if plan.hmac {
        out.push_str(&format!("SIGNING_KEY=$(printf '%s' \"${}\" | openssl dgst -sha256 | awk '{{print $2}}')\n", plan.secret.env));
        out.push_str(&format!("BODY={}\n", sh_quote(&plan.body)));
        out.push_str("SIGNATURE=$(printf '%s' \"$BODY\" | openssl dgst -sha256 -hmac \"$SIGNING_KEY\" | awk '{print $2}')\n");
    }
    let method = match plan.method.as_str() {
        "GET" if plan.body.is_empty() => String::new(),
        "HEAD" => " --head".to_string(),
        m => format!(" -X {m}"),
    };
    let mut args = vec![format!("curl{method} {}", sh_quote(&plan.url))];
    for (name, value) in &plan.headers {
        args.push(format!("-H {}", sh_quote(&format!("{name}: {value}"))));
    }
    for (name, value) in &plan.auth {
        args.push(match value {
            AuthValue::Secret { prefix } => format!("-H {}", sh_header_with_var(name, prefix, &plan.secret.env)),
            AuthValue::TokenId { prefix } => {
                let env = plan.token_id.as_ref().map(|t| t.env.as_str()).unwrap_or("TOKEN_ID");
                format!("-H {}", sh_header_with_var(name, prefix, env))
            }
            AuthValue::Signature => format!("-H {}", sh_header_with_var(name, "", "SIGNATURE")),
        });
    }
    if plan.hmac {
        if !plan.body.is_empty() {
            args.push("--data-raw \"$BODY\"".to_string());
        }
    } else if !plan.body.is_empty() {
        args.push(format!("--data-raw {}", sh_quote(&plan.body)));
    }
    out.push_str(&args.join(" \\\n  "));
    out.push('\n');
    out
}

/// The header value expression in Python/TypeScript: `"Bearer " + API_TOKEN`.
fn value_expr(plan: &Plan, value: &AuthValue) -> String {
    let join = |prefix: &str, var: &str| if prefix.is_empty() { var.to_string() } else { format!("{} + {var}", str_lit(prefix)) };
    match value {
        AuthValue::Secret { prefix } => join(prefix, &plan.secret.var),
        AuthValue::TokenId { prefix } => join(prefix, plan.token_id.as_ref().map(|t| t.var.as_str()).unwrap_or("TOKEN_ID")),
        AuthValue::Signature => "sign(body)".to_string(),
    }
}

/// TypeScript (Node 18+ `fetch`, ES module for top-level `await`).
pub(super) fn typescript(plan: &Plan) -> String {
    let mut out: String = plan.comments.iter().map(|c| format!("// {c}\n")).collect();
    if plan.hmac {
        out.push_str("import crypto from \"crypto\";\n");
    }
    out.push('\n');
    let declare = |out: &mut String, v: &super::snippet::Value, note: &str| match &v.inline {
        Some(value) => out.push_str(&format!("const {} = {};{note}\n", v.var, str_lit(value))),
        None => out.push_str(&format!("const {} = process.env.{}!;{note}\n", v.var, v.env)),
    };
    if let Some(id) = &plan.token_id {
        declare(&mut out, id, " // stk_...");
    }
    if !plan.auth.is_empty() {
        declare(&mut out, &plan.secret, "");
    }
    if plan.hmac {
        out.push_str("\n// derive the signing key by hashing the secret\n");
        out.push_str(&format!("const SIGNING_KEY = crypto.createHash(\"sha256\").update({}).digest(\"hex\");\n\n", plan.secret.var));
        out.push_str(
            "function sign(body: string): string {\n  return crypto.createHmac(\"sha256\", SIGNING_KEY).update(body).digest(\"hex\");\n}\n",
        );
    }
    if has_body(plan) {
        out.push_str(&format!("\nconst body = {};\n", str_lit(&plan.body)));
    }
    out.push_str(&format!("\nconst res = await fetch({}, {{\n  method: {},\n  headers: {{\n", str_lit(&plan.url), str_lit(&plan.method)));
    for (name, value) in &plan.headers {
        out.push_str(&format!("    {}: {},\n", str_lit(name), str_lit(value)));
    }
    for (name, value) in &plan.auth {
        out.push_str(&format!("    {}: {},\n", str_lit(name), value_expr(plan, value)));
    }
    out.push_str("  },\n");
    if !plan.body.is_empty() {
        out.push_str("  body,\n");
    }
    out.push_str("});\nconsole.log(res.status, await res.text());\n");
    out
}

/// Python 3 with `requests`.
pub(super) fn python(plan: &Plan) -> String {
    let mut out: String = plan.comments.iter().map(|c| format!("# {c}\n")).collect();
    if plan.hmac {
        out.push_str("import hashlib\nimport hmac\n");
    }
    let reads_env = (!plan.auth.is_empty() && plan.secret.inline.is_none()) || plan.token_id.as_ref().is_some_and(|t| t.inline.is_none());
    if reads_env {
        out.push_str("import os\n");
    }
    out.push_str("\nimport requests\n\n");
    let declare = |out: &mut String, v: &super::snippet::Value, note: &str| match &v.inline {
        Some(value) => out.push_str(&format!("{} = {}{note}\n", v.var, str_lit(value))),
        None => out.push_str(&format!("{} = os.environ[{}]{note}\n", v.var, str_lit(&v.env))),
    };
    if let Some(id) = &plan.token_id {
        declare(&mut out, id, "  # stk_...");
    }
    if !plan.auth.is_empty() {
        declare(&mut out, &plan.secret, "");
    }
    if plan.hmac {
        out.push_str("\n# derive the signing key by hashing the secret\n");
        out.push_str(&format!("SIGNING_KEY = hashlib.sha256({}.encode()).hexdigest()\n\n\n", plan.secret.var));
        out.push_str(
            "def sign(body: str) -> str:\n    return hmac.new(SIGNING_KEY.encode(), body.encode(), hashlib.sha256).hexdigest()\n\n",
        );
    }
    if has_body(plan) {
        out.push_str(&format!("\nbody = {}\n", str_lit(&plan.body)));
    }
    out.push_str(&format!("res = requests.request(\n    {},\n    {},\n    headers={{\n", str_lit(&plan.method), str_lit(&plan.url)));
    for (name, value) in &plan.headers {
        out.push_str(&format!("        {}: {},\n", str_lit(name), str_lit(value)));
    }
    for (name, value) in &plan.auth {
        out.push_str(&format!("        {}: {},\n", str_lit(name), value_expr(plan, value)));
    }
    out.push_str("    },\n");
    if !plan.body.is_empty() {
        out.push_str("    data=body.encode(),\n");
    }
    out.push_str(")\nprint(res.status_code, res.text)\n");
    out
}
