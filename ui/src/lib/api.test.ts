import { describe, expect, it } from "vitest";
import { mockIPC } from "@tauri-apps/api/mocks";
import { api, AppError } from "./api";
import { healthFixture } from "../test/fixtures";

describe("api", () => {
  it("returns a command's result", async () => {
    mockIPC((cmd) => (cmd === "health" ? healthFixture() : null));
    const health = await api.health();
    expect(health.schema_version).toBe("m20261128_000001_initial");
  });

  it("passes set_setting's input under `input`", async () => {
    let received: unknown;
    mockIPC((cmd, args) => {
      received = { cmd, args };
      return { key: "salary_cap", value: 60000 };
    });
    await api.setSetting({ key: "salary_cap", value: 60000 });
    expect(received).toEqual({
      cmd: "set_setting",
      args: { input: { key: "salary_cap", value: 60000 } },
    });
  });

  it("raises {code, message} errors as AppError with the code", async () => {
    mockIPC(() => {
      throw { code: "invalid_setting", message: "Invalid value '0' for setting 'cpu_threads'" };
    });
    const error = await api.getSettings().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("invalid_setting");
    expect((error as AppError).message).toContain("cpu_threads");
  });

  it("raises anything else as an `ipc` AppError", async () => {
    mockIPC(() => {
      throw "command health not allowed";
    });
    const error = (await api.health().catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe("ipc");
    expect(error.message).toBe("command health not allowed");
  });
});
