import { setRequestIdentity } from "./api/client";
import { ApplyScreen } from "./apply/ApplyScreen";
import { DataAccessScreen } from "./dataAccess/DataAccessScreen";
import { FamilyScreen } from "./family/FamilyScreen";
import { language } from "./i18n/language";
import { useRoute, type Route } from "./router";
import { currentToken, expire, useSession } from "./session/session";
import { SignIn } from "./session/SignIn";
import { Frame } from "./ui/Frame";

setRequestIdentity({ token: currentToken, language, onUnauthenticated: expire });

const SCREENS: Record<Route, () => preact.JSX.Element> = {
  family: FamilyScreen,
  apply: ApplyScreen,
  access: DataAccessScreen,
};

/**
 * When the 15-minute token expires, the sign-in form is shown above the screen, which stays as the
 * person left it (hidden, its state kept): signing in again as the same person shows it again; as
 * someone else, a fresh one.
 */
export function App() {
  const { session, ended, expiredFor } = useSession();
  const route = useRoute();
  const Screen = SCREENS[route];
  const owner = session?.nationalId ?? expiredFor;
  return (
    <Frame session={session} route={session ? route : null}>
      {!session && <SignIn ended={ended} />}
      {owner && (
        <div hidden={!session}>
          <Screen key={owner} />
        </div>
      )}
    </Frame>
  );
}
