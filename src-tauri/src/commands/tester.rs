//! Request tester commands: preview, send, snippets, cURL import, HMAC verification, history.

use tauri::State;
use tokenbench_core::request::curl_import::{import_curl as parse_curl, CurlImport};
use tokenbench_core::request::snippet::SnippetLang;
use tokenbench_core::request::spec::RequestDraft;
use tokenbench_core::tester::{verify_signature as verify, Prepared, RecentRequest, SavedRequest, SendOptions, SendResult, VerifyResult};

use super::{blocking, CommandResult};
use crate::AppState;

#[tauri::command]
pub async fn prepare_request(state: State<'_, AppState>, token_id: String, draft: RequestDraft, options: SendOptions) -> CommandResult<Prepared> {
    let tester = state.tester.clone();
    blocking(move || tester.prepare(&token_id, &draft, &options)).await
}

#[tauri::command]
pub async fn send_request(state: State<'_, AppState>, token_id: String, draft: RequestDraft, options: SendOptions) -> CommandResult<SendResult> {
    state.tester.send(token_id, draft, options).await.map_err(|e| e.payload())
}

#[tauri::command]
pub async fn snippet(state: State<'_, AppState>, token_id: String, draft: RequestDraft, lang: SnippetLang, inline_secret: bool) -> CommandResult<String> {
    let tester = state.tester.clone();
    blocking(move || tester.snippet(&token_id, &draft, &SendOptions::default(), lang, inline_secret)).await
}

#[tauri::command]
pub fn import_curl(text: String) -> CommandResult<CurlImport> {
    parse_curl(&text).map_err(|e| e.payload())
}

#[tauri::command]
pub async fn verify_signature(state: State<'_, AppState>, body: String, signature: String) -> CommandResult<VerifyResult> {
    let (inv, now) = (state.inventory.clone(), state.clock.now());
    blocking(move || verify(&inv, body.as_bytes(), &signature, now)).await
}

// History is file and SQLite work: async commands, so it runs off the main thread like the rest.
#[tauri::command]
pub async fn recent_requests(state: State<'_, AppState>) -> CommandResult<Vec<RecentRequest>> {
    let tester = state.tester.clone();
    blocking(move || tester.recent(50)).await
}

#[tauri::command]
pub async fn saved_requests(state: State<'_, AppState>) -> CommandResult<Vec<SavedRequest>> {
    let tester = state.tester.clone();
    blocking(move || Ok(tester.history().saved())).await
}

#[tauri::command]
pub async fn save_request(state: State<'_, AppState>, name: String, token_id: Option<String>, draft: RequestDraft) -> CommandResult<SavedRequest> {
    let tester = state.tester.clone();
    blocking(move || tester.history().save(&name, token_id, &draft, tester.inventory().profiles())).await
}

#[tauri::command]
pub async fn delete_saved_request(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    let tester = state.tester.clone();
    blocking(move || tester.history().delete_saved(&id)).await
}
