import { useEffect, useState } from "preact/hooks";

/** The app's screens, addressed by the URL's hash so the gateway serves one page for all of them. */
export type Route = "family" | "apply" | "access";

const ROUTES: Record<string, Route> = { "": "family", "#/": "family", "#/family": "family", "#/apply": "apply", "#/access": "access" };

export function routeOf(hash: string): Route {
  return ROUTES[hash] ?? "family";
}

export function hrefOf(route: Route): string {
  return `#/${route}`;
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
