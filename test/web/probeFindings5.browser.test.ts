import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { buildWebForGateway, chooseLanguage, launchBrowser, openPage, settled, signIn, VIEWPORTS, WORDS, type Language, type OpenedPage } from "../support/browser";
import { graphql, PURPOSE } from "../support/http";
import { startInProcessPlatform, type InProcessPlatform } from "../support/inProcessPlatform";
import { ABDULLAH, ANALYST, DEMO_PASSWORD, FAHAD, OFFICERS, run } from "./scenario";

/**
 * What the fifth outside browser walk-through found, each kept fixed: officers' tables on a phone,
 * the wage form's problems in one round, choices kept in the address, linked error summaries, the
 * app's own purposes in the reader's language, the last correction round's notes, the submission
 * hint, the tables' names, eligibility reasons as sentences, the dashboard's spacing, and recent
 * purposes forgotten on signing out.
 */
const AR = WORDS.ar;

/** A phone the walk-through used. */
const PHONE = { width: 390, height: 844 };

/** The purpose the labor families list states, in each language (web/src/support/words.ts). */
const FAMILIES_PURPOSE = { ar: "مراجعة أسر سجل الدعم الاجتماعي", en: "Reviewing the families of the social support register" };

describe("the web app, as the fifth outside browser walk-through found it", () => {
  let platform: InProcessPlatform;
  let browser: Browser;
  let origin: string;
  let webDir: string;
  const opened: OpenedPage[] = [];

  const signedIn = async (nationalId: string, options: { viewport?: { width: number; height: number }; language?: Language } = {}): Promise<Page> => {
    const result = await openPage(browser, origin, { viewport: options.viewport ?? VIEWPORTS.desktop });
    opened.push(result);
    const { page } = result;
    await page.goto("/");
    await page.getByLabel(AR.nationalId, { exact: true }).waitFor();
    if (options.language === "en") await chooseLanguage(page, "en");
    await signIn(page, nationalId, DEMO_PASSWORD, options.language ?? "ar");
    await settled(page);
    return page;
  };

  /** Opens a family on the labor officer's screen, stating a purpose. */
  const openFamily = async (page: Page, registerNumber: string, language: Language = "ar") => {
    await page.evaluate((register) => void (location.hash = `#/support/${register}`), registerNumber);
    await page.getByLabel(language === "en" ? "Purpose of access" : "غرض الاطلاع", { exact: true }).fill(PURPOSE["x-access-purpose"]);
    await page.getByRole("button", { name: language === "en" ? "Open" : "فتح", exact: true }).click();
    await page.getByRole("form", { name: language === "en" ? "Record a wage" : "تسجيل أجر" }).waitFor();
    await settled(page);
  };

  /** Abdullah applies, submits, and a civil-affairs officer sends it back for correction; cancelled by the caller. */
  const sentBackForCorrection = async () => {
    const [abdullah, officer] = await Promise.all([ABDULLAH.nationalId, OFFICERS.civilAffairs].map((id) => platform.login(id)));
    const as = (token: string) => (query: string, variables: Record<string, unknown> = {}) => graphql(platform.gatewayUrl, query, variables, { token, headers: PURPOSE });
    const id: string = (await as(abdullah)(`mutation { createCardApplication(input: { kind: REPLACEMENT_LOST, lossDeclaration: true, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`)).data.createCardApplication.id;
    await as(abdullah)(`mutation($id: ID!) { submitCardApplication(id: $id) { status } }`, { id });
    await as(officer)(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id });
    expect((await as(officer)(`mutation($id: ID!) { requestCorrection(id: $id, notes: "Please attach a clearer photo") { status } }`, { id })).errors).toBeUndefined();
    return {
      id,
      resubmit: async () => expect((await as(abdullah)(`mutation($id: ID!) { submitCardApplication(id: $id) { status } }`, { id })).errors).toBeUndefined(),
      cancel: () => as(abdullah)(`mutation($id: ID!) { cancelCardApplication(id: $id) { status } }`, { id }),
    };
  };

  /**
   * Every pair of cells of one row of the tables in <main> that overlap, and every cell that lies
   * outside the viewport's width (on a phone nothing is left to scroll to: a cell out of view is
   * out of reach of a reader who does not know to scroll the box).
   */
  const hiddenCells = (page: Page) =>
    page.evaluate(() => {
      const problems: string[] = [];
      const rows = [...document.querySelectorAll("main table tbody tr")];
      for (const row of rows) {
        const cells = [...row.children].map((cell) => ({ text: (cell.textContent ?? "").trim().slice(0, 30), box: cell.getBoundingClientRect() })).filter(({ box }) => box.width > 0 && box.height > 0);
        for (const cell of cells) if (cell.box.left < -1 || cell.box.right > innerWidth + 1) problems.push(`outside the viewport: ${cell.text}`);
        for (let i = 0; i < cells.length; i++) {
          for (let j = i + 1; j < cells.length; j++) {
            const [a, b] = [cells[i]!.box, cells[j]!.box];
            const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
            if (overlap) problems.push(`${cells[i]!.text} overlaps ${cells[j]!.text}`);
          }
        }
      }
      return { rows: rows.length, problems };
    });

  beforeAll(async () => {
    webDir = await buildWebForGateway();
    platform = await startInProcessPlatform({ env: { WEB_DIR: webDir } });
    origin = new URL(platform.gatewayUrl).origin;
    browser = await launchBrowser();
  }, 240_000);

  afterEach(() => Promise.all(opened.splice(0).map((page) => page.close())));
  afterAll(async () => {
    await Promise.all([browser?.close(), platform?.stop()]);
    if (webDir) fs.rmSync(webDir, { recursive: true, force: true });
  }, 60_000);

  it.each(["ar", "en"] as const)("hides no cell of the officers' tables under another on a 390 px phone, each row's action in view (%s)", async (language) => {
    const postal = await signedIn(OFFICERS.post, { viewport: PHONE, language });
    await postal.locator("main table tbody tr").first().waitFor();
    await settled(postal);
    const shipments = await hiddenCells(postal);
    const labor = await signedIn(OFFICERS.labor, { viewport: PHONE, language });
    await labor.locator("main table tbody tr").first().waitFor();
    await settled(labor);
    // The pending enrollments and the families to review are both on the labor officer's first screen.
    const support = await hiddenCells(labor);
    expect({ shipments: shipments.problems, support: support.problems }).toEqual({ shipments: [], support: [] });
    expect(shipments.rows).toBeGreaterThan(0);
    expect(support.rows).toBeGreaterThan(1);
    // The families list's action column has a visible heading on a desktop.
    const desktop = await signedIn(OFFICERS.labor, { language });
    const heading = desktop.getByRole("columnheader", { name: language === "en" ? "Action" : "الإجراء", exact: true }).last();
    expect((await heading.boundingBox())!.width).toBeGreaterThan(10);
  });

  it("shows the wage form's own problems and the API's in one round: no employer, a negative wage and a date before the member's birth", async () => {
    const page = await signedIn(OFFICERS.labor);
    await openFamily(page, ABDULLAH.registerNumber);
    const wageForm = page.getByRole("form", { name: "تسجيل أجر" });
    const member = wageForm.getByLabel("رقم الهوية", { exact: false }).first();
    const options = await member.locator("option").evaluateAll((items) => items.map((item) => (item as HTMLOptionElement).value));
    await member.selectOption(options[options.length - 1]!); // the youngest, a child
    await wageForm.getByLabel("الأجر الشهري (ريال)", { exact: true }).fill("-5");
    await wageForm.getByLabel("يسري من", { exact: true }).fill("1950-01-01");
    await wageForm.getByRole("button", { name: "تسجيل الأجر", exact: true }).click();
    await wageForm.locator(".error-summary li").first().waitFor();
    await settled(page);
    const summary = await wageForm.locator(".error-summary li").allInnerTexts();
    expect(summary.map((line) => line.split(": ")[0])).toEqual(["جهة العمل", "الأجر الشهري (ريال)", "يسري من"]);
    expect(summary[2]).toContain("ميلاد");

    // Values the API can take: its problems and the form's together (here it says the employer, the form the birth).
    await wageForm.getByLabel("الأجر الشهري (ريال)", { exact: true }).fill("100");
    await wageForm.getByRole("button", { name: "تسجيل الأجر", exact: true }).click();
    await settled(page);
    await page.waitForFunction(() => document.querySelectorAll(".record-wage .error-summary li").length === 2);
    expect((await wageForm.locator(".error-summary li").allInnerTexts()).map((line) => line.split(": ")[0])).toEqual(["جهة العمل", "يسري من"]);
  });

  it("keeps the office chosen on Office pickups and the dashboard's period across a reload and Back, and puts the first screen in the address after signing in", async () => {
    const result = await openPage(browser, origin);
    opened.push(result);
    const officer = result.page;
    await officer.goto("/");
    await officer.getByLabel(AR.nationalId, { exact: true }).waitFor();
    const entries = await officer.evaluate(() => history.length);
    await signIn(officer, OFFICERS.civilAffairs, DEMO_PASSWORD);
    await settled(officer);
    // The first screen is in the address, with no history entry of its own.
    expect(await officer.evaluate(() => [location.hash, history.length])).toEqual(["#/review", entries]);
    await officer.evaluate(() => void (location.hash = "#/pickups"));
    const office = officer.getByLabel("المكتب", { exact: true });
    await office.waitFor();
    await settled(officer);
    const second = await office.locator("option").nth(1).getAttribute("value");
    await office.selectOption(second!);
    await settled(officer);
    await officer.reload();
    await officer.getByLabel("المكتب", { exact: true }).waitFor();
    await settled(officer);
    expect(await officer.getByLabel("المكتب", { exact: true }).inputValue()).toBe(second);
    await officer.evaluate(() => void (location.hash = "#/dashboard"));
    await settled(officer);
    await officer.goBack();
    await settled(officer);
    expect(await officer.getByLabel("المكتب", { exact: true }).inputValue()).toBe(second);

    const analyst = await signedIn(ANALYST.nationalId);
    expect(await analyst.evaluate(() => location.hash)).toBe("#/dashboard");
    const period = analyst.getByRole("group", { name: "الفترة" });
    await period.getByRole("radio", { name: "آخر ٩٠ يوماً", exact: true }).check();
    await settled(analyst);
    await analyst.reload();
    await analyst.getByRole("group", { name: "الفترة" }).waitFor();
    await settled(analyst);
    expect(await analyst.getByRole("group", { name: "الفترة" }).getByRole("radio", { name: "آخر ٩٠ يوماً", exact: true }).isChecked()).toBe(true);
  });

  it("links each item of an error summary to its field and gives that field the keyboard (sign-in, wage, address)", async () => {
    const result = await openPage(browser, origin);
    opened.push(result);
    const { page } = result;
    await page.goto("/");
    await page.getByLabel(AR.nationalId, { exact: true }).fill("123");
    await page.getByLabel(AR.password, { exact: true }).fill("x");
    await page.getByRole("button", { name: AR.signIn, exact: true }).click();
    const signInLink = page.getByRole("alert").getByRole("link").first();
    await signInLink.waitFor();
    expect(await signInLink.getAttribute("href")).toBe("#national-id");
    await signInLink.click();
    expect(await page.evaluate(() => [document.activeElement?.id, location.hash])).toEqual(["national-id", ""]);

    const labor = await signedIn(OFFICERS.labor);
    await openFamily(labor, ABDULLAH.registerNumber);
    const wageForm = labor.getByRole("form", { name: "تسجيل أجر" });
    await wageForm.getByRole("button", { name: "تسجيل الأجر", exact: true }).click();
    const amountLink = wageForm.getByRole("link", { name: /^الأجر الشهري \(ريال\): / });
    await amountLink.waitFor();
    expect(await amountLink.getAttribute("href")).toBe("#wage-amount");
    await amountLink.click();
    expect(await labor.evaluate(() => document.activeElement?.id)).toBe("wage-amount");
    expect(await labor.evaluate(() => location.hash)).toBe(`#/support/${ABDULLAH.registerNumber}`);

    const son = await signedIn(FAHAD.members[2]!); // no address yet
    await son.goto("/#/apply");
    const address = son.getByRole("region", { name: "العنوان الوطني" });
    await address.getByRole("button", { name: "حفظ العنوان", exact: true }).waitFor();
    await settled(son);
    await address.getByLabel("الرمز البريدي", { exact: true }).fill("1");
    await address.getByRole("button", { name: "حفظ العنوان", exact: true }).click();
    const postalLink = address.getByRole("link", { name: /^الرمز البريدي: / });
    await postalLink.waitFor();
    await postalLink.click();
    expect(await son.evaluate(() => document.activeElement?.id)).toBe("address-postalCode");
  });

  it("shows the purpose the app states for an officer's list in the reader's language, and an officer's own words as typed", async () => {
    await run(platform.gatewayUrl, "reviewSupport", { registerNumbers: [FAHAD.registerNumber] }, { token: await platform.login(OFFICERS.labor), headers: { "x-access-purpose": FAMILIES_PURPOSE.en } });
    const page = await signedIn(FAHAD.nationalId);
    await page.evaluate(() => void (location.hash = "#/access"));
    await page.locator("main table").first().waitFor();
    await settled(page);
    const records = page.getByRole("main").getByRole("table");
    expect(await records.getByText(FAMILIES_PURPOSE.ar, { exact: true }).count()).toBeGreaterThan(0);
    expect(await records.getByText(FAMILIES_PURPOSE.en, { exact: true }).count()).toBe(0);
    await chooseLanguage(page, "en");
    await settled(page);
    expect(await records.getByText(FAMILIES_PURPOSE.en, { exact: true }).count()).toBeGreaterThan(0);
  });

  it("labels the correction notes an officer sees on a resubmitted application as the last correction request's", async () => {
    const application = await sentBackForCorrection();
    try {
      await application.resubmit();
      const page = await signedIn(OFFICERS.civilAffairs);
      await page.evaluate((id) => void (location.hash = `#/review/${id}`), application.id);
      await page.getByLabel("غرض الاطلاع", { exact: true }).fill(PURPOSE["x-access-purpose"]);
      await page.getByRole("button", { name: "فتح", exact: true }).click();
      await page.getByRole("heading", { level: 3, name: "ملاحظات آخر طلب تصحيح", exact: true }).waitFor();
      expect(await page.getByRole("heading", { level: 3, name: "ملاحظات التصحيح", exact: true }).count()).toBe(0);
    } finally {
      await application.cancel();
    }
  });

  it("tells a citizen correcting his application that submitting saves his unsaved changes itself", async () => {
    const application = await sentBackForCorrection();
    try {
      const page = await signedIn(ABDULLAH.nationalId, { language: "en" });
      await page.evaluate(() => void (location.hash = "#/apply"));
      await page.getByRole("button", { name: "Submit application", exact: true }).waitFor();
      await settled(page);
      const main = await page.getByRole("main").innerText();
      expect(main).not.toContain("Save your changes before submitting");
      expect(main).toContain("Submitting saves your unsaved changes first");
    } finally {
      await application.cancel();
    }
  });

  it("names the labor family screen's tables without the word 'table', and starts each eligibility reason with a capital letter", async () => {
    const page = await signedIn(OFFICERS.labor, { language: "en" });
    await openFamily(page, ABDULLAH.registerNumber, "en");
    const names = await page.getByRole("main").locator("table caption").allInnerTexts();
    expect(names).toEqual(expect.arrayContaining(["Family members", "Wages"]));
    expect(names.filter((name) => /table/i.test(name))).toEqual([]);
    const reasons = await page.getByRole("main").getByRole("list", { name: "Reasons" }).locator("li").allInnerTexts();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.filter((reason) => /^[a-z]/.test(reason))).toEqual([]);
    await chooseLanguage(page, "ar");
    await settled(page);
    expect((await page.getByRole("main").locator("table caption").allInnerTexts()).filter((name) => name.includes("جدول"))).toEqual([]);
  });

  it("spaces the dashboard's section headings from the cards above them and shows every row of its number tables", async () => {
    const page = await signedIn(ANALYST.nationalId);
    await page.getByRole("heading", { level: 2, name: "برامج الدعم" }).waitFor();
    await settled(page);
    const gaps = await page.evaluate(() =>
      [...document.querySelectorAll("main section > h2")].map((heading) => {
        const above = heading.parentElement!.previousElementSibling!;
        return { heading: heading.textContent, gap: heading.getBoundingClientRect().top - above.getBoundingClientRect().bottom };
      }),
    );
    expect(gaps.filter(({ gap }) => gap < 8)).toEqual([]);
    await page.getByRole("group", { name: "الفترة" }).getByRole("radio", { name: "آخر ٩٠ يوماً", exact: true }).check();
    await settled(page);
    const cut = await page.evaluate(() => [...document.querySelectorAll(".chart-numbers")].filter((box) => box.scrollHeight > box.clientHeight + 1).map((box) => box.getAttribute("aria-label")));
    expect(cut).toEqual([]);
  });

  it("forgets an officer's recent purposes when he signs out: nothing of them is left in the browser's storage", async () => {
    const page = await signedIn(OFFICERS.civilAffairs);
    await page.getByRole("link", { name: /^فتح الطلب: / }).first().click();
    await page.getByRole("textbox", { name: "غرض الاطلاع", exact: true }).fill("probe five: a purpose to forget");
    await page.getByRole("button", { name: "فتح", exact: true }).click();
    await page.getByRole("heading", { level: 2, name: "مقدم الطلب" }).waitFor();
    await page.getByRole("button", { name: AR.signOut, exact: true }).click();
    await page.getByLabel(AR.nationalId, { exact: true }).waitFor();
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain("probe five");
  });
});
