// Unit tests cover the UI's pure logic (formatting, filters, keyboard, validation, errors).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
