// The player pool as the Players page shows it: filtering, sorting, value, kickoff labels.
import type { PlayerView, Position, SlatePlayer } from "./bindings";

export type SortKey = "name" | "position" | "team" | "kickoff" | "salary" | "projection" | "value";

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

/** Whether a player passes the filter; projection, value and playability are the core's. */
export function matches(p: PlayerView, f: PoolFilter): boolean {
  if (f.positions.length > 0) {
    const flex = f.positions.includes("FLEX") && ["RB", "WR", "TE"].includes(p.position);
    if (!flex && !f.positions.includes(p.position)) return false;
  }
  if (f.team && p.team !== f.team) return false;
  if (f.gameId !== null && p.game_id !== f.gameId) return false;
  if (f.search && !p.name.toLowerCase().includes(f.search.trim().toLowerCase())) return false;
  if (f.playableOnly && (!p.playable || p.excluded)) return false;
  return true;
}

function sortValue(p: PlayerView, key: SortKey): number | string {
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
    case "projection":
      return p.projection;
    case "value":
      return p.value;
  }
}

/** Filters then sorts (ties broken by salary, highest first, then name). */
export function pool(
  players: PlayerView[],
  filter: PoolFilter,
  key: SortKey,
  descending: boolean,
): PlayerView[] {
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
