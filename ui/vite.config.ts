// Vite builds the UI into ui/dist, which tauri.conf.json embeds (frontendDist).
import { defineConfig } from "vite";

export default defineConfig({
  root: ".",
  base: "./",
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // One small CSS file; no inlined scripts (the app's CSP forbids them).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    strictPort: true,
    // The browser preview's mock backend reads the bundled provider profiles.
    fs: { allow: [".", "../src-tauri/core/profiles"] },
  },
});
