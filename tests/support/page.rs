//! Small page actions for end-to-end tests, in a person's terms: click a test id, type into a
//! field, pick an option. Values are set the way the UI listens for them (input and change
//! events), so the tests exercise the same handlers a person's typing does.

use fantoccini::Locator;

use super::app::AppSession;

/// CSS for `[data-testid="<id>"]`.
pub fn tid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

impl AppSession {
    /// Waits for a visible element with this test id, then clicks it.
    pub async fn click(&self, id: &str) {
        self.wait_visible(id).await;
        let el = self.client.find(Locator::Css(&tid(id))).await.unwrap_or_else(|e| panic!("find {id}: {e}"));
        el.click().await.unwrap_or_else(|e| panic!("click {id}: {e}"));
    }

    /// Waits until an element with this test id is displayed.
    pub async fn wait_visible(&self, id: &str) {
        let sel = tid(id);
        self.wait_until(&format!("{id} to be visible"), &format!("(() => {{ const e = document.querySelector('{sel}'); return !!e && e.getClientRects().length > 0; }})()")).await;
    }

    /// Types `text` into the field with this test id through WebDriver (real key events).
    pub async fn type_into(&self, id: &str, text: &str) {
        self.wait_visible(id).await;
        let el = self.client.find(Locator::Css(&tid(id))).await.unwrap_or_else(|e| panic!("find {id}: {e}"));
        el.clear().await.unwrap_or_else(|e| panic!("clear {id}: {e}"));
        el.send_keys(text).await.unwrap_or_else(|e| panic!("type into {id}: {e}"));
    }

    /// Sets a select (or input) to `value` and fires `input` and `change`, as a person's choice would.
    pub async fn choose(&self, id: &str, value: &str) {
        self.wait_visible(id).await;
        let script = r#"const [sel, value] = arguments; const e = document.querySelector(sel);
            if (!e) return 'missing';
            if (e.tagName === 'SELECT' && ![...e.options].some(o => o.value === value)) return 'no option ' + value + ' in ' + [...e.options].map(o => o.value).join(',');
            e.value = value; e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true})); return 'ok';"#;
        let out = self.client.execute(script, vec![tid(id).into(), value.into()]).await.unwrap_or_else(|e| panic!("choose {id}: {e}"));
        assert_eq!(out, serde_json::json!("ok"), "could not choose {value} in {id}");
    }

    /// The visible text of the first element with this test id ("" when absent).
    pub async fn text_of(&self, id: &str) -> String {
        let script = "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';";
        let v = self.client.execute(script, vec![tid(id).into()]).await.unwrap_or_else(|e| panic!("read {id}: {e}"));
        v.as_str().unwrap_or_default().to_owned()
    }
}
