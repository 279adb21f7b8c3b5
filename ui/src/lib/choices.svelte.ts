// The limits and choices the core owns (lineup range, percent bounds, which positions fill each
// slot, the salary cap in force, the backup schedule), read once from the core. Pages use these
// instead of constants of their own; until they arrive the core's own checks still refuse bad
// input.
import { api } from "./api";
import type { Choices, Position } from "./bindings";

export const core = $state({ choices: null as Choices | null });

/** Reads the choices from the core (again after a setting changed). */
export async function loadChoices(): Promise<void> {
  try {
    core.choices = (await api.getChoices()) ?? null;
  } catch {
    // Left as they were: the core validates every request anyway.
  }
}

/** Whether a player of `position` may fill a slot named like the upload header (`RB1`, `FLEX`). */
export function fits(choices: Choices, slotName: string, position: Position): boolean {
  const slot = slotName.replace(/\d$/, "");
  return choices.slots.some((s) => s.slot === slot && s.positions.includes(position));
}

/** "03:00" for an hour. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}
