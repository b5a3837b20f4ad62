import { describe, expect, it } from "vitest";

// ts-rs will overwrite ui/src/bindings; these checks keep the hand-written stand-ins in the
// shape it produces, so the swap is a no-op for every importer.
const sources = import.meta.glob<string>("./bindings/**/*.ts", { query: "?raw", import: "default", eager: true });
// errorCodes.ts is the one generated value (the list of ErrorCode), checked on its own below.
const files = Object.keys(sources).map((path) => path.replace("./bindings/", "")).filter((f) => f !== "errorCodes.ts");
const basename = (file: string) => file.replace(/^.*\//, "").replace(/\.ts$/, "");
const read = (file: string) => sources[`./bindings/${file}`];

describe("bindings", () => {
  it.each(files)("%s exports exactly one type named after the file", (file) => {
    const text = read(file);
    const name = basename(file);
    const exported = [...text.matchAll(/^export type (\w+)/gm)].map((m) => m[1]);
    expect(exported).toEqual([name]);
  });

  it.each(files)("%s imports other bindings only as types from ./<Type>", (file) => {
    const text = read(file);
    for (const line of text.split("\n").filter((l) => l.startsWith("import"))) {
      expect(line).toMatch(/^import type \{ (\w+) \} from "\.\/(serde_json\/)?\1";$/);
    }
  });

  it("errorCodes.ts lists exactly the members of the generated ErrorCode type", () => {
    const union = [...read("ErrorCode.ts").matchAll(/"(\w+)"/g)].map((m) => m[1]).sort();
    const listed = [...sources["./bindings/errorCodes.ts"].matchAll(/^  "(\w+)",$/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(union);
    expect(listed).toContain("keychain_locked");
  });

  it("covers every type the contract names", () => {
    const contract = ["Environment", "TokenKind", "AuthMode", "Status", "ValueRole", "KeychainState", "KeychainStatus", "TokenRecord", "TokenView", "ListQuery", "StatusFilter", "SortKey", "NewToken", "TokenPatch", "Candidate", "WarningCode", "RecognitionWarning", "Recognition", "Proposal", "ProposalChoice", "ImportReport", "AppInfo", "Revealed", "Copied", "Profile"];
    const tester = ["FormRow", "RequestDraft", "ConfirmationKind", "Confirmation", "SendOptions", "ShownHeader", "HmacDebug", "Prepared", "Timing", "HttpResponse", "Diagnosis", "SendResult", "SnippetLang", "FoundCredential", "CurlImport", "VerifyResult", "SandboxStatus", "RecentRequest", "SavedRequest", "Endpoint", "Param"];
    const usage = ["LogRow", "LogFilter", "LogCursor", "LogPage", "UsageQuery", "UsageFigures", "UsageRange", "TimelinePoint", "EndpointFigure", "StatusClasses", "ExportFormat", "FailureKind", "Settings", "ProviderLogs", "ProviderLogRow"];
    const present = new Set(files.map(basename));
    expect([...contract, ...tester, ...usage].filter((t) => !present.has(t))).toEqual([]);
  });
});
