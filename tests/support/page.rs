//! Small page actions for end-to-end tests, in a person's terms: click a test id, type into a
//! field, pick an option. Values are set the way the UI listens for them (input and change
//! events), so the tests exercise the same handlers a person's typing does.
//!
//! Every action first scrolls its target to the middle of its scroll area, as a person would
//! before clicking: a target below the fold of a nested scroll area is otherwise "not
//! interactable" for WebKitWebDriver. Every WebDriver error is printed with `{:?}`, because
//! fantoccini's `Display` of an error can be empty ("webdriver returned error: ").

use fantoccini::elements::Element;
use fantoccini::Locator;

use super::app::AppSession;

/// CSS for `[data-testid="<id>"]`.
pub fn tid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

impl AppSession {
    /// Waits for a visible element with this test id, scrolls it into view, then clicks it.
    pub async fn click(&self, id: &str) {
        self.click_css(&tid(id), id).await;
    }

    /// [`AppSession::click`] for any CSS selector; `what` names the target in failures.
    pub async fn click_css(&self, css: &str, what: &str) {
        let el = self.visible_element(css, what).await;
        el.click().await.unwrap_or_else(|e| panic!("click {what}: {e:?}"));
    }

    /// Waits until an element with this test id is displayed.
    pub async fn wait_visible(&self, id: &str) {
        self.wait_visible_css(&tid(id), id).await;
    }

    /// Waits until an element matching `css` is displayed.
    pub async fn wait_visible_css(&self, css: &str, what: &str) {
        let script = format!("(() => {{ const e = document.querySelector({}); return !!e && e.getClientRects().length > 0; }})()", js_string(css));
        self.wait_until(&format!("{what} to be visible"), &script).await;
    }

    /// Types `text` into the field with this test id through WebDriver (real key events).
    pub async fn type_into(&self, id: &str, text: &str) {
        let el = self.visible_element(&tid(id), id).await;
        el.clear().await.unwrap_or_else(|e| panic!("clear {id}: {e:?}"));
        el.send_keys(text).await.unwrap_or_else(|e| panic!("type into {id}: {e:?}"));
    }

    /// Sets a select (or input) to `value` and fires `input` and `change`, as a person's choice would.
    pub async fn choose(&self, id: &str, value: &str) {
        self.visible_element(&tid(id), id).await;
        let script = r#"const [sel, value] = arguments; const e = document.querySelector(sel);
            if (!e) return 'missing';
            if (e.tagName === 'SELECT' && ![...e.options].some(o => o.value === value)) return 'no option ' + value + ' in ' + [...e.options].map(o => o.value).join(',');
            e.value = value; e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true})); return 'ok';"#;
        let out = self.client.execute(script, vec![tid(id).into(), value.into()]).await.unwrap_or_else(|e| panic!("choose {id}: {e:?}"));
        assert_eq!(out, serde_json::json!("ok"), "could not choose {value} in {id}");
    }

    /// The visible text of the first element with this test id ("" when absent).
    pub async fn text_of(&self, id: &str) -> String {
        let script = "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';";
        let v = self.client.execute(script, vec![tid(id).into()]).await.unwrap_or_else(|e| panic!("read {id}: {e:?}"));
        v.as_str().unwrap_or_default().to_owned()
    }

    /// Runs `script` (a function body using `arguments`) and returns its value; a WebDriver
    /// error fails the test naming `what`.
    pub async fn run_js(&self, what: &str, script: &str, args: Vec<serde_json::Value>) -> serde_json::Value {
        self.client.execute(script, args).await.unwrap_or_else(|e| panic!("{what}: {e:?}"))
    }

    /// Asserts that the element with this test id is wholly in sight as the page stands, with
    /// no scrolling: inside the window and inside every scroll area around it. What a person at
    /// this window size sees without hunting for it.
    pub async fn assert_in_sight(&self, id: &str) {
        let script = r#"const e = document.querySelector(arguments[0]);
            if (!e) return 'missing';
            const r = e.getBoundingClientRect();
            if (r.width === 0 || r.height === 0) return 'not displayed';
            const clips = [[0, 0, window.innerWidth, window.innerHeight, 'the window']];
            for (let a = e.parentElement; a; a = a.parentElement) {
                const s = getComputedStyle(a);
                if (/auto|scroll|hidden/.test(s.overflowX + ' ' + s.overflowY)) {
                    const c = a.getBoundingClientRect();
                    clips.push([c.left, c.top, c.right, c.bottom, a.tagName.toLowerCase() + '.' + a.className]);
                }
            }
            for (const [l, t, rt, b, name] of clips) {
                if (r.left < l - 0.5 || r.top < t - 0.5 || r.right > rt + 0.5 || r.bottom > b + 0.5)
                    return `cut off by ${name}: element at ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)}, area ${Math.round(l)},${Math.round(t)}-${Math.round(rt)},${Math.round(b)}`;
            }
            return 'ok';"#;
        let seen = self.run_js(&format!("measure {id}"), script, vec![tid(id).into()]).await;
        assert_eq!(seen, serde_json::json!("ok"), "{id} must be in sight without scrolling at this window size");
    }

    /// Reloads the page (the app keeps running) and waits until it has asked for the keychain
    /// state again, as after a start: for state prepared behind the UI's back (CLI, D-Bus).
    pub async fn reload(&self) {
        self.client.refresh().await.unwrap_or_else(|e| panic!("reload the page: {e:?}"));
        self.wait_until("the reloaded page to check the keychain", &format!("document.querySelector({})?.dataset.state && document.querySelector({}).dataset.state !== 'unknown'", js_string(&tid("keychain-status")), js_string(&tid("keychain-status")))).await;
    }

    /// The first displayed element matching `css`, scrolled to the middle of its scroll area.
    async fn visible_element(&self, css: &str, what: &str) -> Element {
        self.wait_visible_css(css, what).await;
        self.run_js(
            &format!("scroll {what} into view"),
            "const e = [...document.querySelectorAll(arguments[0])].find(e => e.getClientRects().length > 0); if (e) e.scrollIntoView({block: 'center', inline: 'nearest'});",
            vec![css.into()],
        )
        .await;
        let all = self.client.find_all(Locator::Css(css)).await.unwrap_or_else(|e| panic!("find {what}: {e:?}"));
        for el in all {
            if el.is_displayed().await.unwrap_or_else(|e| panic!("is {what} displayed: {e:?}")) {
                return el;
            }
        }
        panic!("{what} ({css}) was visible but is gone");
    }
}

/// `s` as a JavaScript string literal.
fn js_string(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}
