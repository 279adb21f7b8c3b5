// The player pool as the Players page shows it: filtering, sorting, value, kickoff labels.
import type { Position, SlatePlayer } from "./bindings";

export type SortKey = "name" | "position" | "team" | "kickoff" | "salary" | "avg" | "value";

export interface PoolFilter {
  /** Positions to show; empty shows all. FLEX shows RB, WR and TE. */
  positions: (Position | "FLEX")[];
  /** A team code, or "" for all. */
  team: string;
  /** A game id, or null for all. */
  gameId: number | null;
  /** Case-insensitive part of the name. */
  search: string;
  /** Hide players without a playable game and excluded players. */
  playableOnly: boolean;
}

export const EMPTY_FILTER: PoolFilter = {
  positions: [],
  team: "",
  gameId: null,
  search: "",
  playableOnly: false,
};

/** The projection used for value: the user's override, else DraftKings' average. */
export function projection(p: SlatePlayer): number {
  return p.projection_override ?? p.avg_points_per_game;
}

/** Points per $1,000 of salary. */
export function value(p: SlatePlayer): number {
  return p.salary > 0 ? projection(p) / (p.salary / 1000) : 0;
}

export function playable(p: SlatePlayer): boolean {
  return p.game_state === "scheduled" && p.game_id !== null;
}

export function matches(p: SlatePlayer, f: PoolFilter): boolean {
  if (f.positions.length > 0) {
    const flex = f.positions.includes("FLEX") && ["RB", "WR", "TE"].includes(p.position);
    if (!flex && !f.positions.includes(p.position)) return false;
  }
  if (f.team && p.team !== f.team) return false;
  if (f.gameId !== null && p.game_id !== f.gameId) return false;
  if (f.search && !p.name.toLowerCase().includes(f.search.trim().toLowerCase())) return false;
  if (f.playableOnly && (!playable(p) || p.excluded)) return false;
  return true;
}

function sortValue(p: SlatePlayer, key: SortKey): number | string {
  switch (key) {
    case "name":
      return p.name.toLowerCase();
    case "position":
      return ["QB", "RB", "WR", "TE", "DST"].indexOf(p.position);
    case "team":
      return p.team;
    case "kickoff":
      return p.kickoff_utc ?? "9999";
    case "salary":
      return p.salary;
    case "avg":
      return projection(p);
    case "value":
      return value(p);
  }
}

/** Filters then sorts (ties broken by salary, highest first, then name). */
export function pool(
  players: SlatePlayer[],
  filter: PoolFilter,
  key: SortKey,
  descending: boolean,
): SlatePlayer[] {
  const dir = descending ? -1 : 1;
  return players
    .filter((p) => matches(p, filter))
    .sort((a, b) => {
      const x = sortValue(a, key);
      const y = sortValue(b, key);
      if (x < y) return -dir;
      if (x > y) return dir;
      return b.salary - a.salary || a.name.localeCompare(b.name);
    });
}

const EASTERN = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/New_York",
  weekday: "short",
  hour: "numeric",
  minute: "2-digit",
});

/** "Sun 1:00 PM ET", the way DraftKings shows kickoffs. */
export function kickoffLabel(iso: string | null): string {
  if (!iso) return "—";
  return `${EASTERN.format(new Date(iso))} ET`;
}

/** "$7,400". */
export function dollars(n: number): string {
  return `$${n.toLocaleString("en-US")}`;
}

/** Why a player cannot be used, or "" when he can. */
export function unusableReason(p: SlatePlayer): string {
  switch (p.game_state) {
    case "scheduled":
      return "";
    case "in_progress":
      return "game in progress";
    case "final":
      return "game over";
    case "postponed":
      return "game postponed";
    case "no_game":
      return "no game on this slate";
  }
}
