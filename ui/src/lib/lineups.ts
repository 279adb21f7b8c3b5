// Lineup helpers for the Lineups page: the default export file names and short names.

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
