//! Token shapes, compiled: which provider's shape a value matches, the prefix a mask may show,
//! and the public and secret parts a shape marks with named groups. Masking, recognition,
//! scanning and redaction all build on this; it depends on nothing but the profiles, so none of
//! them depends on another just to match a shape.

use regex::Regex;

use crate::profile::{Profile, Profiles, Shape};
use crate::token::Environment;

/// One profile shape matching a value.
#[derive(Debug, Clone)]
pub struct ShapeMatch<'a> {
    /// The provider whose shape matched.
    pub profile: &'a Profile,
    /// The shape that matched.
    pub shape: &'a Shape,
    /// From the shape, else from its `env` group.
    pub environment: Option<Environment>,
    /// The shape's label, else the value up to and including the `env` group and its `_`.
    pub prefix: Option<String>,
    /// The `public` group (PacSpace), which is not secret.
    pub public_id: Option<String>,
    /// The `secret` group, where a shape marks the part of the value that is the secret
    /// proper (PacSpace's `pk_env_PUBLIC.SECRET`): redaction looks for it on its own too.
    pub secret_part: Option<String>,
}

/// Every profile's shapes, compiled once. Build one per call, or one per scan of many values.
pub struct ShapeMatcher<'a> {
    shapes: Vec<(&'a Profile, &'a Shape, Regex)>,
}

impl<'a> ShapeMatcher<'a> {
    /// Compiles every shape of every profile. A pattern that does not compile (only possible in
    /// a user profile) is skipped, so one bad file cannot stop recognition of the others.
    pub fn new(profiles: &'a Profiles) -> Self {
        let shapes = profiles
            .all()
            .iter()
            .flat_map(|p| p.shapes.iter().map(move |s| (p, s)))
            .filter_map(|(p, s)| Regex::new(&s.pattern).ok().map(|re| (p, s, re)))
            .collect();
        ShapeMatcher { shapes }
    }

    /// Every (profile, shape) whose pattern matches `value` exactly as given, in profile order.
    pub fn matches(&self, value: &str) -> Vec<ShapeMatch<'a>> {
        let mut found = Vec::new();
        for (profile, shape, re) in &self.shapes {
            let Some(caps) = re.captures(value) else { continue };
            let env = caps.name("env");
            let label = Some(shape.label.as_str()).filter(|l| !l.is_empty() && value.starts_with(*l));
            let prefix = label.map(str::to_owned).or_else(|| {
                env.map(|m| {
                    let end = if value[m.end()..].starts_with('_') { m.end() + 1 } else { m.end() };
                    value[..end].to_owned()
                })
            });
            found.push(ShapeMatch {
                profile,
                shape,
                environment: shape.environment.or_else(|| env.and_then(|m| environment_named(m.as_str()))),
                prefix: prefix.filter(|p| p.len() < value.len()),
                public_id: caps.name("public").map(|m| m.as_str().to_owned()),
                secret_part: caps.name("secret").map(|m| m.as_str().to_owned()).filter(|p| p.len() < value.len()),
            });
        }
        found
    }

    /// The prefix masks show for `value` (first matching shape's), or `None` if none matches.
    pub fn prefix(&self, value: &str) -> Option<String> {
        self.matches(value).into_iter().find_map(|m| m.prefix)
    }

    /// The profiles that have at least one compiled shape, each once, in profile order.
    pub fn profiles(&self) -> Vec<&'a Profile> {
        let mut out: Vec<&'a Profile> = Vec::new();
        for (p, _, _) in &self.shapes {
            if !out.iter().any(|o| o.id == p.id) {
                out.push(p);
            }
        }
        out
    }
}

/// `live`/`production`/`prod` → Live; `test`/`sandbox`/`staging`/`development`/`dev` → Test.
pub fn environment_named(word: &str) -> Option<Environment> {
    match word.to_ascii_lowercase().as_str() {
        "live" | "production" | "prod" => Some(Environment::Live),
        "test" | "sandbox" | "staging" | "development" | "dev" => Some(Environment::Test),
        _ => None,
    }
}
