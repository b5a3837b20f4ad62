// Generated from tokenbench_core::error::ErrorCode::ALL by the bindings test. Do not edit.
import type { ErrorCode } from "./ErrorCode";

/** Every code an error from the backend can carry. */
export const ERROR_CODES: readonly ErrorCode[] = [
  "not_found",
  "duplicate_name",
  "invalid",
  "keychain_locked",
  "keychain_unavailable",
  "secret_missing",
  "keychain_error",
  "corrupt_metadata",
  "io",
  "revoked",
  "network",
  "request_log",
  "needs_confirmation",
  "internal",
];
