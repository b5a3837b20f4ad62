//! The path template a request is counted under, so `/v2/core/stores/shp_a/products` and
//! `/v2/core/stores/shp_b/products` are one endpoint in the breakdown. The template is the
//! draft's path as the user wrote it (`{storeId}` and all); a concrete path typed by hand is
//! matched against the provider's catalogue (same method, `{variables}` matching one segment)
//! and counted under the catalogue's template when one fits. A template equal to a catalogue
//! path names that endpoint.

use crate::profile::Profile;

/// Where a request went, as the user wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The path template (`/v2/core/stores/{storeId}/products`), no query.
    pub template: String,
    /// The draft was a path, joined to the token's base URL (else a full URL).
    pub relative: bool,
    /// The catalogue endpoint, when the template is one.
    pub endpoint_id: Option<String>,
}

impl Target {
    /// The target of a draft whose URL is `draft_url` (a path or a full URL), sent with
    /// `method`, started from catalogue endpoint `endpoint_id`, for `profile`'s provider.
    pub fn of(draft_url: &str, method: &str, endpoint_id: Option<&str>, profile: &Profile) -> Self {
        let url = draft_url.trim();
        let without_query = url.split(['?', '#']).next().unwrap_or("");
        let (relative, path) = if without_query.starts_with('/') {
            (true, without_query.to_owned())
        } else {
            let after_scheme = without_query.split_once("://").map_or(without_query, |(_, rest)| rest);
            (false, after_scheme.find('/').map_or_else(|| "/".to_owned(), |i| after_scheme[i..].to_owned()))
        };
        let method = method.trim();
        let same = |e: &&crate::profile::Endpoint| e.method.eq_ignore_ascii_case(method);
        let chosen = endpoint_id.and_then(|id| profile.endpoints.iter().filter(same).find(|e| e.id == id && e.path == path));
        let matched = chosen
            .or_else(|| relative.then(|| profile.endpoints.iter().filter(same).find(|e| e.path == path)).flatten())
            .or_else(|| (relative && !path.contains('{')).then(|| profile.endpoints.iter().filter(same).find(|e| fits(&e.path, &path))).flatten());
        match matched {
            Some(e) => Target { template: e.path.clone(), relative, endpoint_id: Some(e.id.clone()) },
            None => Target { template: path, relative, endpoint_id: None },
        }
    }
}

/// Whether `path` is `template` with each `{variable}` filled by one non-empty segment.
fn fits(template: &str, path: &str) -> bool {
    let (t, p): (Vec<&str>, Vec<&str>) = (template.split('/').collect(), path.trim_end_matches('/').split('/').collect());
    let t: Vec<&str> = if template.ends_with('/') { t[..t.len() - 1].to_vec() } else { t };
    t.len() == p.len()
        && t.iter().zip(&p).all(|(ts, ps)| if ts.starts_with('{') && ts.ends_with('}') { !ps.is_empty() } else { ts == ps })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Profiles;

    fn pandabase() -> Profile {
        Profiles::bundled().get("pandabase").cloned().expect("bundled")
    }

    #[test]
    fn a_catalogue_template_is_kept_with_its_endpoint() {
        let t = Target::of("/v2/core/stores/{storeId}/products?page=2", "GET", Some("products.list"), &pandabase());
        assert_eq!(t, Target { template: "/v2/core/stores/{storeId}/products".into(), relative: true, endpoint_id: Some("products.list".into()) });
    }

    #[test]
    fn a_concrete_path_typed_by_hand_is_counted_under_the_catalogue_template() {
        let t = Target::of("/v2/core/stores/shp_abc/products", "post", None, &pandabase());
        assert_eq!(t.template, "/v2/core/stores/{storeId}/products");
        assert_eq!(t.endpoint_id.as_deref(), Some("products.create"), "the method picks the endpoint");
        let other = Target::of("/v2/core/stores/shp_abc/orders", "GET", None, &pandabase());
        assert_eq!((other.template.as_str(), other.endpoint_id), ("/v2/core/stores/shp_abc/orders", None), "no template fits: the path itself");
    }

    #[test]
    fn a_full_url_keeps_its_path_and_says_it_is_not_relative() {
        let t = Target::of("https://api.example.com/v1/things/{id}?x=1", "GET", None, &pandabase());
        assert_eq!((t.template.as_str(), t.relative), ("/v1/things/{id}", false));
        assert_eq!(Target::of("https://api.example.com", "GET", None, &pandabase()).template, "/");
    }

    #[test]
    fn an_edited_catalogue_draft_is_not_credited_to_the_endpoint_it_started_from() {
        let t = Target::of("/v2/core/stores/{storeId}/products/{id}", "GET", Some("products.list"), &pandabase());
        assert_eq!(t.endpoint_id, None);
    }
}
