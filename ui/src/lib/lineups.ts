// Lineup helpers for the Lineups page: exposure and the default export file names.
import type { Lineup, SlatePlayer } from "./bindings";

export interface Exposure {
  name: string;
  position: string;
  count: number;
  share: number;
}

/** The players of a stored lineup, in slot order. */
export function playersOf(lineup: Lineup): SlatePlayer[] {
  return lineup.slots.map((s) => s.player);
}

/** How often each player appears across lineups (each a list of players), most used first. */
export function exposure(lineups: SlatePlayer[][]): Exposure[] {
  const counts = new Map<number, Exposure>();
  for (const lineup of lineups) {
    const players = new Map(lineup.map((p) => [p.id, p]));
    for (const player of players.values()) {
      const seen = counts.get(player.id);
      if (seen) seen.count += 1;
      else counts.set(player.id, { name: player.name, position: player.position, count: 1, share: 0 });
    }
  }
  const all = [...counts.values()];
  for (const e of all) e.share = lineups.length ? e.count / lineups.length : 0;
  return all.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** "DKUpload-2027-01-03.csv" from the slate's first kickoff (today when unknown). */
export function uploadFileName(firstKickoff: string | null, now: Date = new Date()): string {
  const day = (firstKickoff ? new Date(firstKickoff) : now).toISOString().slice(0, 10);
  return `DKUpload-${day}.csv`;
}

/** "A. Garrison" for "Avery Garrison"; one-word names (defenses) stay whole. */
export function shortName(name: string): string {
  const space = name.indexOf(" ");
  return space > 0 ? `${name[0]}. ${name.slice(space + 1)}` : name;
}
