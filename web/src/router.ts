import { useEffect, useState } from "preact/hooks";

/** The app's screens, addressed by the URL's hash so the gateway serves one page for all of them. */
export type Screen = "family" | "apply" | "access" | "review" | "pickups" | "shipments" | "support" | "dashboard";

export interface Route {
  screen: Screen | null;
  /**
   * The case opened on the screen, e.g. an application's id (`#/review/<id>`), or the choice a
   * screen keeps in the address (`#/pickups/<office>`, `#/dashboard/<days>`; replaceRoute).
   */
  id?: string;
  /** The address names no screen of the app (`#/nonexistent`): said so, not another screen shown. */
  unknown?: boolean;
}

const SCREENS = new Set<Screen>(["family", "apply", "access", "review", "pickups", "shipments", "support", "dashboard"]);

/** Each role's screens, its own work first: the first is where a person of that role lands. */
const SCREENS_BY_ROLE: Array<[role: string, screens: Screen[]]> = [
  ["CIVIL_AFFAIRS_OFFICER", ["review", "pickups", "dashboard"]],
  ["POST_OPERATOR", ["shipments", "pickups", "dashboard"]],
  ["LABOR_OFFICER", ["support", "dashboard"]],
  ["ANALYST", ["dashboard"]],
  ["CITIZEN", ["family", "apply", "access"]],
];

/** The screens a person with these roles works on, in the navigation's order. */
export function screensFor(roles: string[]): Screen[] {
  const screens = SCREENS_BY_ROLE.filter(([role]) => roles.includes(role)).flatMap(([, list]) => list);
  return [...new Set(screens)];
}

export function routeOf(hash: string): Route {
  const [screen, id] = hash.replace(/^#\/?/, "").split("/");
  if (!screen) return { screen: null };
  if (!SCREENS.has(screen as Screen)) return { screen: null, unknown: true };
  if (!id) return { screen: screen as Screen };
  try {
    return { screen: screen as Screen, id: decodeURIComponent(id) };
  } catch {
    // A link cut in the middle of an escape (`#/pickups/%E0%A4`): no case of this screen.
    return { screen: null, unknown: true };
  }
}

export function hrefOf(screen: Screen, id?: string): string {
  return id ? `#/${screen}/${encodeURIComponent(id)}` : `#/${screen}`;
}

/**
 * Puts a screen and its choice into the address without a history entry of its own: a reload, a
 * bookmark, Back and Forward come back to it. Said to useRoute as a hash change (replaceState
 * fires none).
 */
export function replaceRoute(screen: Screen, id?: string): void {
  const href = hrefOf(screen, id);
  if (location.hash === href) return;
  history.replaceState(history.state, "", href);
  dispatchEvent(new HashChangeEvent("hashchange"));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(routeOf(location.hash));
  useEffect(() => {
    const follow = () => setRoute(routeOf(location.hash));
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);
  return route;
}
