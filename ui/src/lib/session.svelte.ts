// State shared by the pages: the slate being worked on and the outcome of the last import
// (from the file dialog or a drop on the window).
import { api, errorText } from "./api";
import type { ImportReport } from "./bindings";

const SLATE_KEY = "nfl-dfs.slate";

function storedSlate(): number | null {
  const raw = globalThis.localStorage?.getItem(SLATE_KEY);
  const id = raw ? Number(raw) : NaN;
  return Number.isInteger(id) ? id : null;
}

export const session = $state({
  /** The slate the Players and Lineups pages show. */
  slateId: storedSlate(),
  /** What the last import did, shown on the Slate page. */
  lastImport: null as ImportReport | null,
  /** Why the last import failed (names the file, line and column). */
  importError: null as string | null,
  /** An import is running. */
  importing: false,
  /** Bumped after an import so pages reload their lists. */
  revision: 0,
  /** Files dropped on the window while the Data page is open, for it to load. */
  droppedData: [] as string[],
});

/** Makes a slate the current one (remembered across restarts). */
export function selectSlate(id: number | null) {
  session.slateId = id;
  if (id === null) globalThis.localStorage?.removeItem(SLATE_KEY);
  else globalThis.localStorage?.setItem(SLATE_KEY, String(id));
}

/** Imports a salary file and makes its slate current; the outcome lands in `session`. */
export async function importSlateFile(path: string): Promise<ImportReport | null> {
  session.importing = true;
  session.importError = null;
  try {
    const report = await api.importSlate({ path, name: null });
    session.lastImport = report;
    selectSlate(report.slate.id);
    session.revision += 1;
    return report;
  } catch (e) {
    session.lastImport = null;
    session.importError = errorText(e);
    return null;
  } finally {
    session.importing = false;
  }
}
