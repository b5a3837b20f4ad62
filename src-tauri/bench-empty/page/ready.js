// For .ci/bench-startup: after the first paint, tell the app (which writes it down only when
// TOKENBENCH_STARTUP_TRACE is set), the floor for Tokenbench's "inventory interactive".
requestAnimationFrame(() => setTimeout(() => window.__TAURI_INTERNALS__.invoke("mark_startup", { what: "page-painted -" }), 0));
