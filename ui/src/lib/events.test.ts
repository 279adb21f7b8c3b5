import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { APP_EVENTS } from "./bindings";

/** Every .svelte and .ts source under `dir`, tests and generated bindings left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    const source = /\.(svelte|ts)$/.test(name) && !/\.test\.ts$/.test(name) && name !== "bindings.ts";
    return source ? [path] : [];
  });
}

describe("app events", () => {
  const code = sources(join(__dirname, "..")).map((file) => readFileSync(file, "utf8"));

  it("has a listener for every event the app sends", () => {
    const unheard = APP_EVENTS.filter(
      (name) => !code.some((text) => text.includes(`onEvent("${name}"`)),
    );
    expect(unheard).toEqual([]);
  });

  it("is heard through onEvent only, never by a name typed into listen()", () => {
    const raw = code.filter((text) => /listen(<[^>]*>)?\("/.test(text));
    expect(raw).toEqual([]);
  });
});
