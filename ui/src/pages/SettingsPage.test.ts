import { describe, expect, it } from "vitest";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { mockIPC } from "@tauri-apps/api/mocks";
import SettingsPage from "./SettingsPage.svelte";
import type { SetSettingInput, SettingEntry } from "../lib/bindings";
import { settingsFixture } from "../test/fixtures";

function mockSettings(onSet: (input: SetSettingInput) => SettingEntry) {
  const calls: SetSettingInput[] = [];
  mockIPC((cmd, args) => {
    if (cmd === "get_settings") return settingsFixture();
    if (cmd === "set_setting") {
      const input = (args as { input: SetSettingInput }).input;
      calls.push(input);
      return onSet(input);
    }
    return null;
  });
  return calls;
}

const echo = (input: SetSettingInput): SettingEntry => {
  const entry = settingsFixture().find((e) => e.key === input.key)!;
  return { ...entry, value: input.value, source: "database" };
};

async function capInput(): Promise<HTMLInputElement> {
  return (await screen.findByLabelText(/Salary cap/)) as HTMLInputElement;
}

describe("Settings page", () => {
  it("saves only the changed setting with its typed value", async () => {
    const calls = mockSettings(echo);
    render(SettingsPage);
    await fireEvent.input(await capInput(), { target: { value: "60000" } });
    await fireEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() =>
      expect(screen.getByTestId("settings-status").textContent).toBe("Saved 1 setting."),
    );
    expect(calls).toEqual([{ key: "salary_cap", value: 60000 }]);
  });

  it("refuses an out-of-range value before calling the app", async () => {
    const calls = mockSettings(echo);
    render(SettingsPage);
    await fireEvent.input(await capInput(), { target: { value: "5" } });
    await fireEvent.click(screen.getByTestId("settings-save"));
    expect((await screen.findByRole("alert")).textContent).toContain("at least 10,000");
    expect(calls).toEqual([]);
  });

  it("shows the app's validation message next to the setting", async () => {
    mockSettings(() => {
      throw { code: "invalid_setting", message: "Invalid value '70000' for setting 'salary_cap'" };
    });
    render(SettingsPage);
    await fireEvent.input(await capInput(), { target: { value: "70000" } });
    await fireEvent.click(screen.getByTestId("settings-save"));
    expect((await screen.findByRole("alert")).textContent).toContain("for setting 'salary_cap'");
  });

  it("locks a setting forced by the environment and names the variable", async () => {
    mockSettings(echo);
    render(SettingsPage);
    const threads = (await screen.findByLabelText(/CPU threads/)) as HTMLInputElement;
    expect(threads.disabled).toBe(true);
    expect(screen.getByTestId("setting-cpu_threads").textContent).toContain(
      "Set by NFL_DFS_CPU_THREADS",
    );
  });

  it("toggles a boolean setting", async () => {
    const calls = mockSettings(echo);
    render(SettingsPage);
    const toggle = (await screen.findByLabelText(/Self-tuning/)) as HTMLInputElement;
    await fireEvent.click(toggle);
    await fireEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(calls).toEqual([{ key: "self_tuning", value: false }]));
  });

  it("edits the data address as text and refuses one that is not http(s)", async () => {
    const calls = mockSettings(echo);
    render(SettingsPage);
    const url = (await screen.findByLabelText(/NFL data address/)) as HTMLInputElement;
    await fireEvent.input(url, { target: { value: "ftp://mirror" } });
    await fireEvent.click(screen.getByTestId("settings-save"));
    expect((await screen.findByRole("alert")).textContent).toContain("http:// or https://");
    expect(calls).toEqual([]);
    await fireEvent.input(url, { target: { value: " http://127.0.0.1:8080/dl " } });
    await fireEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() =>
      expect(calls).toEqual([{ key: "nfl_data_url", value: "http://127.0.0.1:8080/dl" }]),
    );
  });
});
