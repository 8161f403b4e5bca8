import { useEffect, useRef } from "preact/hooks";
import { setRequestIdentity } from "./api/client";
import { ApplyScreen } from "./apply/ApplyScreen";
import { DataAccessScreen } from "./dataAccess/DataAccessScreen";
import { FamilyScreen } from "./family/FamilyScreen";
import { language } from "./i18n/language";
import { DashboardScreen } from "./dashboard/DashboardScreen";
import { PickupsScreen } from "./pickups/PickupsScreen";
import { ReviewScreen } from "./review/ReviewScreen";
import { replaceRoute, screensFor, useRoute, type Screen } from "./router";
import { ShipmentsScreen } from "./shipments/ShipmentsScreen";
import { SupportScreen } from "./support/SupportScreen";
import { currentToken, expire, useSession } from "./session/session";
import { SignIn } from "./session/SignIn";
import { Frame } from "./ui/Frame";
import { NotFound } from "./ui/NotFound";

setRequestIdentity({ token: currentToken, language, onUnauthenticated: expire });

/** Every screen takes the case opened on it, if any (`#/review/<id>`). */
const SCREENS: Record<Screen, (props: { id?: string; home?: Screen }) => preact.JSX.Element> = {
  family: FamilyScreen,
  apply: ApplyScreen,
  access: DataAccessScreen,
  review: ReviewScreen,
  pickups: PickupsScreen,
  shipments: ShipmentsScreen,
  support: SupportScreen,
  dashboard: DashboardScreen,
};

/**
 * When the 15-minute token expires, the sign-in form is shown above the screen, which stays as the
 * person left it (hidden, its state kept): signing in again as the same person shows it again; as
 * someone else, a fresh one.
 */
export function App() {
  const { session, ended, expiredFor } = useSession();
  const route = useRoute();
  // No screen in the address: where the person's own work is (a citizen's family, an officer's queue).
  const screen = route.screen ?? (session ? screensFor(session.roles)[0] : undefined) ?? "family";
  const Screen = route.unknown ? NotFound : SCREENS[screen];
  // Signed in with no screen in the address: the one shown is put there, so it can be bookmarked.
  useEffect(() => {
    if (session && !route.screen && !route.unknown) replaceRoute(screen);
  }, [session, route.screen, route.unknown, screen]);
  const owner = session?.nationalId ?? expiredFor;
  // Signed in again after the token expired: the kept screen reappears and its heading takes the
  // keyboard (the sign-in button that had it is gone).
  const kept = useRef<HTMLDivElement>(null);
  const hidden = useRef(!session);
  useEffect(() => {
    if (session && hidden.current) kept.current?.querySelector<HTMLElement>("h1")?.focus();
    hidden.current = !session;
  }, [session]);
  return (
    <Frame session={session} screen={session && !route.unknown ? screen : null}>
      {!session && <SignIn ended={ended} expiredFor={expiredFor} />}
      {owner && (
        <div hidden={!session} ref={kept}>
          <Screen key={owner} id={route.id} home={session ? screensFor(session.roles)[0] : undefined} />
        </div>
      )}
    </Frame>
  );
}
