// File dialogs and drag-and-drop, the only places the UI touches the file system's names. The
// app's commands read and write the files; the UI only passes paths.
import { open, save } from "@tauri-apps/plugin-dialog";
import { getCurrentWebview } from "@tauri-apps/api/webview";

const CSV = [{ name: "CSV files", extensions: ["csv"] }];

/** Asks for one CSV file to open; null when cancelled. */
export async function pickCsv(title: string): Promise<string | null> {
  const chosen = await open({ title, multiple: false, directory: false, filters: CSV });
  return typeof chosen === "string" ? chosen : null;
}

const NFL_DATA = [{ name: "nflverse CSV files", extensions: ["csv", "gz"] }];

/** Asks for nflverse files (plain or gzip CSV), or a folder of them; [] when cancelled. */
export async function pickNflData(folder: boolean): Promise<string[]> {
  const chosen = await open({
    title: folder ? "Choose a folder of nflverse files" : "Choose nflverse files",
    multiple: !folder,
    directory: folder,
    filters: folder ? undefined : NFL_DATA,
  });
  if (chosen === null) return [];
  return Array.isArray(chosen) ? chosen : [chosen];
}

/** Asks where to save a CSV file; null when cancelled. */
export async function pickSaveCsv(title: string, defaultPath: string): Promise<string | null> {
  return save({ title, defaultPath, filters: CSV });
}

/** Whether a dropped path looks like a CSV file. */
export function isCsv(path: string): boolean {
  return /\.csv$/i.test(path);
}

/**
 * Calls `ondrop` with the paths of CSV files dropped on the window, and `onhover` with whether
 * files are being dragged over it. Returns a function that stops listening.
 */
export async function listenForCsvDrops(
  ondrop: (paths: string[], ignored: string[]) => void,
  onhover: (hovering: boolean) => void,
): Promise<() => void> {
  return getCurrentWebview().onDragDropEvent((event) => {
    const payload = event.payload;
    if (payload.type === "enter" || payload.type === "over") onhover(true);
    else if (payload.type === "leave") onhover(false);
    else if (payload.type === "drop") {
      onhover(false);
      ondrop(payload.paths.filter(isCsv), payload.paths.filter((p) => !isCsv(p)));
    }
  });
}
