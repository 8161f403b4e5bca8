import type { ComponentChildren } from "preact";
import { request } from "../api/client";
import { SignOutDocument } from "../graphql/graphql";
import { useWords } from "../i18n/catalogue";
import { setLanguage, useLanguage } from "../i18n/language";
import { hrefOf, screensFor, type Screen } from "../router";
import { signedOut, type Session } from "../session/session";
import { useEffect } from "preact/hooks";
import { clearAnnouncement, useAnnouncement } from "./announcer";
import { commonWords } from "./words";

async function signOut(): Promise<void> {
  try {
    await request(SignOutDocument, {});
  } finally {
    // Signed out here whatever the network did: the token is forgotten either way.
    signedOut();
  }
}

/**
 * The skip link only moves focus to <main>: following "#main" would change the hash, which is the
 * app's route, and leave the screen (its open case and what was typed in it).
 */
function skipToMain(event: MouseEvent): void {
  event.preventDefault();
  document.getElementById("main")?.focus();
}

/** What was said in one language is not left in the live region after switching to the other. */
function switchLanguage(from: "ar" | "en"): void {
  clearAnnouncement();
  setLanguage(from === "ar" ? "en" : "ar");
}

/** The page around every screen: the header, the language switch, the navigation, the live region. */
export function Frame({ session, screen, children }: { session: Session | null; screen: Screen | null; children: ComponentChildren }) {
  const words = useWords(commonWords);
  const language = useLanguage();
  const announcement = useAnnouncement();
  // Signed out or expired: what the screen last said is not said on the sign-in form.
  const signedInNow = session !== null;
  useEffect(() => {
    if (!signedInNow) clearAnnouncement();
  }, [signedInNow]);
  const name = session ? (language === "en" && session.fullNameEn) || session.fullNameAr : null;
  return (
    <>
      <a class="skip" href="#main" onClick={skipToMain}>
        {words.skipToContent}
      </a>
      <header class="top">
        <div class="brand">
          <p class="app-name">{words.appName}</p>
          <p class="agencies">{words.agencies}</p>
        </div>
        <div class="tools">
          <button type="button" class="link-button" lang={language === "ar" ? "en" : "ar"} aria-label={words.switchLanguageLabel} onClick={() => switchLanguage(language)}>
            {words.switchLanguage}
          </button>
          {session && (
            <>
              <span class="who">{words.signedInAs(name ?? "")}</span>
              <button type="button" onClick={() => void signOut()}>
                {words.signOut}
              </button>
            </>
          )}
        </div>
      </header>
      {session && (
        <nav aria-label={words.navigation}>
          <ul>
            {screensFor(session.roles).map((item) => (
              <li key={item}>
                <a href={hrefOf(item)} aria-current={item === screen ? "page" : undefined}>
                  {words[item]}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <div class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
    </>
  );
}
