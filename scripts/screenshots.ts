import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { buildWebForGateway, chooseLanguage, launchBrowser, networkSettled, openPage, signIn, VIEWPORTS, WORDS, type Language } from "../test/support/browser";
import { startTestStack, type TestStack } from "../test/support/stack";
import { DEMO_PASSWORD, FAHAD, fahadsFamily, KHALID, officersReadFahadsData } from "../test/web/scenario";

/**
 * `npm run screenshots`: the citizens' web app's main screens (sign-in, family, apply, data access)
 * in Arabic and English, at phone (360×800) and desktop (1280×900) sizes, as PNGs in
 * docs/screenshots/ (`family-ar-phone.png`, ...). Starts its own platform on free ports with fresh
 * demo data (Fahad's family and data-access screens, Khalid's application) and stops it after.
 */
const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "docs", "screenshots");

type Screen = "sign-in" | "family" | "apply" | "access";

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
    const goTo = async (page: Page, language: Language, screen: "apply" | "access" | "family") => {
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
