import { useEffect, useState } from "preact/hooks";

/** The app's screens, addressed by the URL's hash so the gateway serves one page for all of them. */
export type Screen = "family" | "apply" | "access" | "review" | "pickups" | "shipments" | "support" | "dashboard";

export interface Route {
  screen: Screen | null;
  /** The case opened on the screen, e.g. an application's id: `#/review/<id>`. */
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
  return id ? { screen: screen as Screen, id: decodeURIComponent(id) } : { screen: screen as Screen };
}

export function hrefOf(screen: Screen, id?: string): string {
  return id ? `#/${screen}/${encodeURIComponent(id)}` : `#/${screen}`;
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
