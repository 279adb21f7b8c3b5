import { afterEach, beforeEach } from "vitest";
import { cleanup } from "@testing-library/svelte";
import { clearMocks } from "@tauri-apps/api/mocks";
import { core } from "../lib/choices.svelte";
import { choicesFixture } from "./fixtures";

// Pages read the core's limits from `core.choices`, which the app loads once at start.
beforeEach(() => {
  core.choices = choicesFixture();
});

afterEach(() => {
  cleanup();
  clearMocks();
  core.choices = null;
});
