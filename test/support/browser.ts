import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page, type Request } from "playwright-core";
import { buildWeb } from "../../web/tools/build";

/**
 * A real browser for the web app's tests (test/web) and `npm run screenshots`: Debian's Chromium,
 * driven by playwright-core. CI installs it (apt-get install chromium); a machine without it fails
 * here, saying so, rather than skipping the tests that prove the app works.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: the browser tests need one (apt-get install chromium, or set CHROMIUM_PATH to a Chromium or Chrome binary)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", `--disable-features=${[...playwrightDisabledFeatures(), ...UNUSED_BROWSER_UI].join(",")}`],
  });
}

/**
 * Chromium's own UI that headless windows still build: every browser context opens a window, and
 * each window preloaded two omnibox popups, each a renderer of its own (~a quarter of Chromium's CPU
 * in the browser tests).
 */
const UNUSED_BROWSER_UI = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

/**
 * The features Playwright itself disables. Chromium keeps only the last `--disable-features`, so a
 * second one must repeat Playwright's list; it is read from the installed playwright-core, which
 * exports no API for it, and an upgrade that moves it fails here rather than silently re-enabling them.
 */
function playwrightDisabledFeatures(): string[] {
  const bundle = fs.readFileSync(path.join(path.dirname(require.resolve("playwright-core/package.json")), "lib", "coreBundle.js"), "utf8");
  const list = /\bdisabledFeatures = \[([^\]]*)\]/.exec(bundle)?.[1];
  const features = list ? [...list.replace(/\/\/[^\n]*/g, "").matchAll(/"(\w+)"/g)].map((match) => match[1]!) : [];
  if (features.length === 0) throw new Error("playwright-core's list of disabled Chromium features was not found: see playwrightDisabledFeatures in test/support/browser.ts");
  return features;
}

export type Language = "ar" | "en";

/** The phone and desktop sizes the app is checked and photographed at. */
export const VIEWPORTS = {
  phone: { width: 360, height: 800 },
  desktop: { width: 1280, height: 900 },
} as const;

export interface OpenedPage {
  page: Page;
  /** The page's own browser context: its storage, cookies and requests are this page's only. */
  context: BrowserContext;
  /**
   * What went wrong since the page opened: console errors, uncaught exceptions, requests that
   * failed and HTTP answers ≥ 400, one readable line each (a happy path expects none).
   */
  problems(): string[];
  close(): Promise<void>;
}

/**
 * A fresh browser context (no storage, no cookies) with one page on the app at `baseUrl`. Every
 * problem the page meets is collected for `problems()`.
 */
export async function openPage(browser: Browser, baseUrl: string, options: { viewport?: { width: number; height: number } } = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: options.viewport ?? VIEWPORTS.desktop, locale: "ar-SA" });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}${message.location().url ? ` (${message.location().url})` : ""}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.method()} ${request.url()}: ${request.failure()?.errorText ?? "unknown"}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  const pending = new Set<Request>();
  inFlight.set(page, pending);
  page.on("request", (request) => pending.add(request));
  page.on("requestfinished", (request) => pending.delete(request));
  page.on("requestfailed", (request) => pending.delete(request));
  return { page, context, problems: () => [...problems], close: () => context.close() };
}

/** The requests each page opened by `openPage` is waiting for. */
const inFlight = new WeakMap<Page, Set<Request>>();

/**
 * Waits until the page (opened by `openPage`) has had no request in flight for `quietMs`: the
 * screen has its data, also after a re-read (a language switch asks again). Playwright's own
 * "networkidle" load state is reached once per document and does not wait for later requests.
 */
export async function networkSettled(page: Page, quietMs = 250, timeoutMs = 15_000): Promise<void> {
  const pending = inFlight.get(page);
  if (!pending) throw new Error("networkSettled: open the page with openPage");
  const deadline = Date.now() + timeoutMs;
  let quietSince = pending.size === 0 ? Date.now() : null;
  for (;;) {
    if (pending.size > 0) quietSince = null;
    else quietSince ??= Date.now();
    if (quietSince !== null && Date.now() - quietSince >= quietMs) return;
    if (Date.now() > deadline) throw new Error(`still waiting for ${[...pending].map((request) => `${request.method()} ${request.url()}`).join(", ")} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The <dd> beside the first <dt> that says exactly `term`, within `scope`. */
export function factValue(scope: Page | Locator, term: string): Locator {
  return scope.locator("dt", { hasText: new RegExp(`^${term}$`) }).locator("xpath=following-sibling::dd[1]").first();
}

/** The text of the <dd> beside the first <dt> that says exactly `term`, within `scope`. */
export async function fact(scope: Page | Locator, term: string): Promise<string> {
  return (await factValue(scope, term).innerText()).trim();
}

/** Types a national address into the application's address section (its Arabic labels), saves it, and waits until the saved address shows. */
export async function saveNationalAddress(page: Page, address: Locator): Promise<void> {
  const fields: Array<[string, string]> = [
    ["رقم المبنى", "3312"],
    ["الشارع", "Prince Turki Street"],
    ["الحي", "Al Yarmouk"],
    ["المدينة", "Riyadh"],
    ["الرمز البريدي", "13243"],
    ["الرقم الإضافي", "6621"],
    ["العنوان المختصر", "RRYK3312"],
  ];
  for (const [label, value] of fields) await address.getByLabel(label, { exact: true }).fill(value);
  await address.getByRole("button", { name: "حفظ العنوان", exact: true }).click();
  await address.locator("dd", { hasText: "RRYK3312" }).waitFor();
  await settled(page);
}

/** Waits until the screen has its data: no request in flight and no loading message in <main>. */
export async function settled(page: Page): Promise<void> {
  await networkSettled(page);
  await page.waitForFunction(() => !document.querySelector("main [role=status]"));
}

export interface AccessibilityViolation {
  id: string;
  impact: string;
  help: string;
  /** The offending elements, by axe's CSS selector, with a bit of their HTML. */
  nodes: Array<{ target: string; html: string }>;
}

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * The serious and critical accessibility violations axe-core finds on the page as it is now
 * (`expect(await checkAccessibility(page)).toEqual([])` shows them in the diff). axe is injected
 * with `page.evaluate`, not a script tag: the app's Content-Security-Policy refuses inline scripts,
 * and what the test runs through the DevTools protocol is not subject to it.
 */
export async function checkAccessibility(page: Page): Promise<AccessibilityViolation[]> {
  const violations = await runAxe(page);
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

/**
 * Landmarks (regions, navigation…) that share a name with another on the page as it is now: a
 * test, or a screen reader's list of regions, cannot tell them apart (axe's "landmark-unique").
 */
export async function landmarksSharingNames(page: Page): Promise<string[]> {
  const violations = await runAxe(page, ["landmark-unique"]);
  return violations.flatMap((violation) => violation.nodes.map((node) => node.html));
}

async function runAxe(page: Page, rules?: string[]): Promise<AccessibilityViolation[]> {
  const injected = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === "object");
  if (!injected) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const results = await axe.run(document, { resultTypes: ["violations"], ...(only ? { runOnly: { type: "rule", values: only } } : {}) });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? "unknown",
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target.map(String).join(" "), html: node.html.slice(0, 200) })),
    }));
  }, rules ?? null);
}

/** The frame's and the sign-in form's accessible names in each language (web/src/ui/words.ts, web/src/session/words.ts). */
export const WORDS = {
  ar: {
    nationalId: "رقم الهوية",
    password: "كلمة المرور",
    signIn: "تسجيل الدخول",
    signOut: "تسجيل الخروج",
    signedOut: "تم تسجيل خروجك.",
    switchLanguage: "Switch to English",
    family: "عائلتي",
    apply: "طلب بطاقة",
    access: "من اطّلع على بياناتي",
    review: "طلبات البطاقات",
    pickups: "الاستلام من المكاتب",
    shipments: "الشحنات",
    support: "الدعم الاجتماعي",
    dashboard: "لوحة المؤشرات",
  },
  en: {
    nationalId: "National ID",
    password: "Password",
    signIn: "Sign in",
    signOut: "Sign out",
    signedOut: "You are signed out.",
    switchLanguage: "التبديل إلى العربية",
    family: "My family",
    apply: "Apply for a card",
    access: "Who accessed my data",
    review: "Card applications",
    pickups: "Office pickups",
    shipments: "Shipments",
    support: "Social support",
    dashboard: "Dashboard",
  },
} as const;

/** The app's screens, as the main navigation names them (web/src/router.ts). */
export type ScreenName = "family" | "apply" | "access" | "review" | "pickups" | "shipments" | "support" | "dashboard";

/** The main navigation's accessible name (web/src/ui/words.ts). */
export const NAVIGATION = { ar: "التنقل الرئيسي", en: "Main navigation" } as const;

/** Follows one of the main navigation's links, by its accessible name, and waits for its route and aria-current. */
export async function navigate(page: Page, language: Language, screen: ScreenName): Promise<void> {
  const nav = page.getByRole("navigation", { name: NAVIGATION[language] });
  await nav.getByRole("link", { name: WORDS[language][screen], exact: true }).click();
  await page.waitForFunction((hash) => location.hash === hash || location.hash.startsWith(`${hash}/`), `#/${screen}`);
  await nav.getByRole("link", { name: WORDS[language][screen], exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
}

/** The link names of the main navigation, in order. */
export async function navigationLinks(page: Page, language: Language): Promise<string[]> {
  const links = page.getByRole("navigation", { name: NAVIGATION[language] }).getByRole("link");
  return (await links.allInnerTexts()).map((text) => text.trim());
}

/** Waits until the frame's polite live region (web/src/ui/Frame.tsx) says `text` (or matches it). */
export async function announced(page: Page, text: string | RegExp, timeout = 10_000): Promise<string> {
  const expected = typeof text === "string" ? { text, source: null } : { text: null, source: text.source };
  try {
    const handle = await page.waitForFunction(
      ({ text: wanted, source }) => {
        const said = document.querySelector('[role="status"][aria-live="polite"]')?.textContent ?? "";
        return (wanted !== null ? said === wanted : new RegExp(source!).test(said)) ? said : null;
      },
      expected,
      { timeout },
    );
    return (await handle.jsonValue()) as string;
  } catch {
    throw new Error(`the live region says ${JSON.stringify(await page.locator('[role="status"][aria-live="polite"]').textContent())}, not ${String(text)}`);
  }
}

/** "1000000099" as "١٠٠٠٠٠٠٠٩٩". */
export const toArabicIndic = (digits: string) => digits.replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));

/** "١٢" as "12" (Arabic-Indic digits to Latin ones; anything else kept). */
export const fromArabicIndic = (text: string) => text.replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660));

/** How wide the document is: more than the viewport means a horizontal scroll. */
export async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/**
 * Every <canvas> on the page: its drawn size, and whether anything was drawn on it (its pixels
 * differ from a blank canvas of the same size).
 */
export async function canvases(page: Page): Promise<Array<{ label: string; width: number; height: number; drawn: boolean }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll("canvas")].map((canvas) => {
      const blank = document.createElement("canvas");
      blank.width = canvas.width;
      blank.height = canvas.height;
      return { label: canvas.getAttribute("aria-label") ?? "", width: canvas.width, height: canvas.height, drawn: canvas.width > 0 && canvas.height > 0 && canvas.toDataURL() !== blank.toDataURL() };
    }),
  );
}

/** Switches the app to `language` with its switch button, if it is not in it already. */
export async function chooseLanguage(page: Page, language: Language): Promise<void> {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current === language) return;
  await page.getByRole("button", { name: WORDS[current === "en" ? "en" : "ar"].switchLanguage, exact: true }).click();
  await page.waitForFunction((wanted) => document.documentElement.lang === wanted, language);
}

/**
 * Fills the sign-in form by its accessible names in `language` and submits it; resolves once the
 * app shows either the signed-in frame (its sign-out button) or an error (role=alert).
 */
export async function signIn(page: Page, nationalId: string, password: string, language: Language = "ar"): Promise<void> {
  const words = WORDS[language];
  await page.getByLabel(words.nationalId, { exact: true }).fill(nationalId);
  await page.getByLabel(words.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: words.signIn, exact: true }).click();
  await page.getByRole("button", { name: words.signOut, exact: true }).or(page.getByRole("alert")).first().waitFor();
}

/**
 * Builds the web app into a folder of its own for a test gateway's WEB_DIR: it keeps serving what
 * it was started with while anyone else (`npm start`, another build) rebuilds web/dist.
 */
export async function buildWebForGateway(options: { ide?: boolean } = {}): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "web-dist-"));
  await buildWeb({ ide: options.ide ?? false, outDir: dir });
  return dir;
}
