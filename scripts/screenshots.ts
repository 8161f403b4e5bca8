import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { buildWebForGateway, chooseLanguage, launchBrowser, networkSettled, openPage, signIn, VIEWPORTS, WORDS, type Language, type ScreenName } from "../test/support/browser";
import { startTestStack, type TestStack } from "../test/support/stack";
import { ANALYST, DEMO_PASSWORD, FAHAD, fahadsFamily, KHALID, OFFICERS, officersReadFahadsData } from "../test/web/scenario";

/**
 * `npm run screenshots`: the web app's screens in Arabic and English, at phone (360×800) and desktop
 * (1280×900) sizes, as PNGs in docs/screenshots/ (`family-ar-phone.png`, ...): the citizens' (sign-in,
 * family, apply, data access), the officers' (the review queue and a case under review, the office
 * pickups, the shipments queue with a shipment opened, the social-support screen) and the analysts'
 * dashboard. Starts its own platform on free ports with fresh demo data (Fahad's family and
 * data-access screens, Khalid's application form, the demo history's queues) and stops it after.
 */
const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "docs", "screenshots");

type Screen = "sign-in" | "family" | "apply" | "access" | "review" | "review-case" | "pickups" | "shipments" | "support" | "dashboard";

/** What an officer types as the purpose of opening a case (asked before each one). */
const PURPOSE = { ar: "مراجعة دورية للطلبات", en: "Routine case review" } as const;

/** Waits until the screen has its data: no request in flight, no loading message left. */
async function settled(page: Page): Promise<void> {
  await networkSettled(page);
  await page.waitForFunction(() => !document.querySelector("main [role=status]"), undefined, { timeout: 15_000 }).catch(() => undefined);
  // Fonts and layout after the last render.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

async function main(): Promise<void> {
  const started = Date.now();
  fs.mkdirSync(OUT, { recursive: true });
  console.log("Building the web app...");
  const webDir = await buildWebForGateway();
  let stack: TestStack | undefined;
  const browser = await launchBrowser();
  const saved: string[] = [];
  try {
    console.log("Starting the platform (three agencies and the gateway, fresh demo data)...");
    stack = await startTestStack({ WEB_DIR: webDir });
    const origin = new URL(stack.gatewayUrl).origin;
    const { trackingNumber } = await fahadsFamily(stack.gatewayUrl);
    // So that Fahad's data-access screen lists the three agencies.
    await officersReadFahadsData(stack.gatewayUrl, trackingNumber);

    const shoot = async (page: Page, screen: Screen, language: Language, size: keyof typeof VIEWPORTS) => {
      await settled(page);
      const file = path.join(OUT, `${screen}-${language}-${size}.png`);
      await page.screenshot({ path: file, fullPage: true });
      saved.push(path.relative(ROOT, file));
    };
    const goTo = async (page: Page, language: Language, screen: ScreenName) => {
      await page.getByRole("navigation").getByRole("link", { name: WORDS[language][screen], exact: true }).click();
      await page.waitForFunction((hash) => location.hash === hash, `#/${screen}`);
    };
    const signOut = async (page: Page, language: Language) => {
      await page.getByRole("button", { name: WORDS[language].signOut, exact: true }).click();
      await page.getByLabel(WORDS[language].nationalId, { exact: true }).waitFor();
    };

    for (const size of Object.keys(VIEWPORTS) as Array<keyof typeof VIEWPORTS>) {
      for (const language of ["ar", "en"] as const) {
        const opened = await openPage(browser, origin, { viewport: VIEWPORTS[size] });
        const { page } = opened;
        try {
          await page.goto("/");
          await chooseLanguage(page, language);
          await page.getByLabel(WORDS[language].nationalId, { exact: true }).waitFor();
          await shoot(page, "sign-in", language, size);

          await signIn(page, FAHAD.nationalId, DEMO_PASSWORD, language);
          await page.getByText(trackingNumber, { exact: true }).first().waitFor();
          await shoot(page, "family", language, size);
          await goTo(page, language, "access");
          await shoot(page, "access", language, size);
          await signOut(page, language);

          await signIn(page, KHALID.nationalId, DEMO_PASSWORD, language);
          await goTo(page, language, "apply");
          await shoot(page, "apply", language, size);
          await signOut(page, language);

          // The civil-affairs officer: his review queue, a case under review (its purpose stated), the office pickups.
          const ar = language === "ar";
          // Signed in after someone else, the address still names the screen they were on: each goes to his own.
          await signIn(page, OFFICERS.civilAffairs, DEMO_PASSWORD, language);
          await goTo(page, language, "review");
          await page.getByRole("heading", { level: 1, name: ar ? "طلبات البطاقات" : "Card applications" }).waitFor();
          await shoot(page, "review", language, size);
          await page.getByLabel(ar ? "الحالة" : "Status", { exact: true }).selectOption("UNDER_REVIEW");
          await settled(page);
          await page.getByRole("link", { name: ar ? /^فتح الطلب: / : /^Open application: / }).first().click();
          await page.getByLabel(ar ? "غرض الاطلاع" : "Purpose of access", { exact: true }).fill(PURPOSE[language]);
          await page.getByRole("button", { name: ar ? "فتح" : "Open", exact: true }).click();
          await page.getByRole("heading", { level: 2, name: ar ? "الإجراءات" : "Actions" }).waitFor();
          await shoot(page, "review-case", language, size);
          await goTo(page, language, "pickups");
          await shoot(page, "pickups", language, size);
          await signOut(page, language);

          // The postal operator: the shipments waiting for their next event, the first one opened.
          await signIn(page, OFFICERS.post, DEMO_PASSWORD, language);
          await goTo(page, language, "shipments");
          await page.getByRole("heading", { level: 1, name: ar ? "الشحنات بانتظار الحدث التالي" : "Shipments awaiting their next event" }).waitFor();
          await settled(page);
          await page.getByRole("button", { name: ar ? /^تسجيل حدث للشحنة / : /^Record an event for / }).first().click();
          const shipment = page.locator("#shipment-case");
          await shipment.getByLabel(ar ? "غرض الاطلاع" : "Purpose of access", { exact: true }).fill(PURPOSE[language]);
          await shipment.getByRole("button", { name: ar ? "فتح" : "Open", exact: true }).click();
          await shipment.getByLabel(ar ? "الحالة الجديدة" : "New status", { exact: true }).waitFor();
          await shoot(page, "shipments", language, size);
          await signOut(page, language);

          // The labor officer: enrollments waiting for a decision, and the families to review.
          await signIn(page, OFFICERS.labor, DEMO_PASSWORD, language);
          await goTo(page, language, "support");
          await page.getByRole("heading", { level: 1, name: ar ? "الدعم الاجتماعي" : "Social support" }).waitFor();
          await shoot(page, "support", language, size);
          await signOut(page, language);

          // The analyst: the dashboard (the last 30 days).
          await signIn(page, ANALYST.nationalId, DEMO_PASSWORD, language);
          await goTo(page, language, "dashboard");
          await page.locator("#programs-numbers").waitFor();
          await shoot(page, "dashboard", language, size);
          await signOut(page, language);
          const problems = opened.problems();
          if (problems.length > 0) console.warn(`Problems on the way (${language}, ${size}):\n  ${problems.join("\n  ")}`);
        } finally {
          await opened.close();
        }
      }
    }
  } finally {
    await browser.close();
    await stack?.stop();
    fs.rmSync(webDir, { recursive: true, force: true });
  }
  console.log(`Saved ${saved.length} screenshots in ${((Date.now() - started) / 1000).toFixed(0)} s:\n  ${saved.sort().join("\n  ")}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
