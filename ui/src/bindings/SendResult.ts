// Written by hand from api-contract.md (request tester) until ts-rs generates it from Rust.
import type { Diagnosis } from "./Diagnosis";
import type { HttpResponse } from "./HttpResponse";
import type { Prepared } from "./Prepared";

/**
 * What was sent, what came back, and what a failure means.
 */
export type SendResult = { request: Prepared, response: HttpResponse, diagnosis?: Diagnosis, };
