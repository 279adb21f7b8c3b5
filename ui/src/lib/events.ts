// The one way pages hear the app's events: names and payload types come from the Rust enum
// (`AppEvents` in the generated bindings), so a renamed event or a changed payload is a type
// error here rather than a listener that silently never fires.
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { AppEvents } from "./bindings";

/** The name of an event the app sends. */
export type AppEventName = keyof AppEvents;

/**
 * Calls `handler` with the payload of every `name` event until the returned function is
 * called (return it from `onMount`, or call it in the cleanup). Outside the app (unit tests
 * without event mocks) nothing is heard and nothing fails.
 */
export function onEvent<K extends AppEventName>(
  name: K,
  handler: (payload: AppEvents[K]) => void,
): () => void {
  let stop: UnlistenFn | undefined;
  let stopped = false;
  listen<AppEvents[K]>(name, (event) => handler(event.payload))
    .then((unlisten) => {
      if (stopped) unlisten();
      else stop = unlisten;
    })
    .catch(() => {});
  return () => {
    stopped = true;
    stop?.();
  };
}
