import { useEffect, useState } from "preact/hooks";
import { forgetRecentPurposes } from "../ui/purpose";

/** The signed-in person, as `login` answered. */
export interface Session {
  accessToken: string;
  expiresAt: string;
  roles: string[];
  nationalId: string;
  fullNameAr: string;
  fullNameEn: string | null;
  /**
   * When it ends by this device's clock (ms since the epoch): the token's lifetime (its expiresAt
   * minus its issue time, both the server's) counted from when it arrived, so a device whose clock
   * is fast or slow keeps the session as long as the server does.
   */
  endsLocally?: number;
}

/** The token's lifetime in ms by the server's clock (expiresAt minus the token's `iat`), or null if the token does not say. */
function lifetimeOf(session: Session): number | null {
  try {
    const payload = session.accessToken.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const { iat } = JSON.parse(atob(payload)) as { iat?: unknown };
    return typeof iat === "number" ? Date.parse(session.expiresAt) - iat * 1000 : null;
  } catch {
    return null;
  }
}

/** When the session ends by this device's clock. */
function endOf(session: Session): number {
  return session.endsLocally ?? Date.parse(session.expiresAt);
}

export interface SessionState {
  session: Session | null;
  /** Why there is no session: the person signed out, or the token expired and must be renewed. */
  ended: "signed-out" | "expired" | null;
  /** Who was signed in when the token expired: their screen stays, hidden, until they sign in again. */
  expiredFor: string | null;
}

// sessionStorage, never localStorage or a cookie: the token dies with the tab and is never sent
// by the browser on its own (no CSRF), and a shared computer keeps nothing after the tab closes.
const STORAGE_KEY = "family-record.session";

function stored(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    const session = raw ? (JSON.parse(raw) as Session) : null;
    return session && endOf(session) > Date.now() ? session : null;
  } catch {
    return null;
  }
}

let state: SessionState = { session: stored(), ended: null, expiredFor: null };
const listeners = new Set<(next: SessionState) => void>();
let expiryTimer: ReturnType<typeof setTimeout> | undefined;

function publish(next: SessionState): void {
  state = next;
  try {
    if (next.session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next.session));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused: the session lives in memory for this page.
  }
  clearTimeout(expiryTimer);
  if (next.session) expiryTimer = setTimeout(() => expire(), Math.max(0, endOf(next.session) - Date.now()));
  for (const listener of listeners) listener(next);
}

publish(state);

export function currentToken(): string | null {
  return state.session?.accessToken ?? null;
}

export function currentSession(): Session | null {
  return state.session;
}

export function signedIn(session: Session): void {
  const lifetime = lifetimeOf(session);
  publish({ session: lifetime === null ? session : { ...session, endsLocally: Date.now() + lifetime }, ended: null, expiredFor: null });
}

export function signedOut(): void {
  publish({ session: null, ended: "signed-out", expiredFor: null });
  forgetRecentPurposes();
  // Whoever signs in next on this tab starts on their own screen, not the last person's.
  location.hash = "";
}

/** The token expired or was refused: ask the person to sign in again, where they are. */
export function expire(): void {
  if (state.session) publish({ session: null, ended: "expired", expiredFor: state.session.nationalId });
}

export function useSession(): SessionState {
  const [value, setValue] = useState(state);
  useEffect(() => {
    listeners.add(setValue);
    setValue(state);
    return () => void listeners.delete(setValue);
  }, []);
  return value;
}
