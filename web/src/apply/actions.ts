import type { ApiError } from "../api/errors";

/**
 * What the sections of the application screen share: the latest refusal of an action on the
 * application (shown at the top and next to each field it names, wherever that field is) and a
 * way to read the application again after a change.
 */
export interface ApplyActions {
  error: ApiError | null;
  setError(error: ApiError | null): void;
  reload(): Promise<void>;
}

/** Where the edit form leaves what saves its unsaved edits (true when there were none or they were saved). */
export interface UnsavedEdits {
  current: (() => Promise<boolean>) | null;
}
