import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import {
  announced,
  buildWebForGateway,
  checkAccessibility,
  landmarksSharingNames,
  chooseLanguage,
  fact,
  launchBrowser,
  navigate,
  openPage,
  saveNationalAddress,
  scrollWidth,
  settled,
  signIn,
  toArabicIndic,
  VIEWPORTS,
  WORDS,
  type AccessibilityViolation,
  type Language,
  type OpenedPage,
} from "../support/browser";
import { graphql } from "../support/http";
import { startInProcessPlatform, type InProcessPlatform } from "../support/inProcessPlatform";
import { ABDULLAH, DEMO_PASSWORD, FAHAD, fahadsFamily, KHALID, login, OFFICERS, officersReadFahadsData, PURPOSES, run, TEST_OPERATIONS, writeSampleDocuments, writeTestManifest } from "./scenario";

/**
 * The citizens' web app in a real browser (Chromium) against the real platform: three agencies and
 * the gateway, with the gateway refusing every operation that is not registered
 * (ONLY_PERSISTED_OPERATIONS=true). The app is registered by the manifest its build writes; the few
 * operations this file runs itself to prepare and cross-check data (scenario.ts, named Test*) by a
 * manifest of their own. Nothing is mocked.
 *
 * The tests share one platform and run in order: the accessibility and 360 px checks see Khalid's
 * application form before he applies.
 */
const AR = WORDS.ar;
const EN = WORDS.en;

async function signOut(page: Page, language: Language): Promise<void> {
  await page.getByRole("button", { name: WORDS[language].signOut, exact: true }).click();
  await page.getByLabel(WORDS[language].nationalId, { exact: true }).waitFor();
}

/** The access tokens `login` answered to this page (read off the wire, to look for them in storage). */
function tokensAnswered(page: Page): string[] {
  const tokens: string[] = [];
  page.on("response", async (response) => {
    if (!response.url().endsWith("/graphql")) return;
    try {
      const body = (await response.json()) as { data?: { login?: { accessToken?: string } } };
      if (body.data?.login?.accessToken) tokens.push(body.data.login.accessToken);
    } catch {
      // not JSON
    }
  });
  return tokens;
}

describe("the citizens' web app in a browser, on a gateway that accepts only persisted operations", () => {
  let platform: InProcessPlatform;
  let browser: Browser;
  let origin: string;
  let webDir: string;
  let scratch: string;
  /** The app's operations by name, as its build registered them (persisted-operations.json). */
  let appOperations: Map<string, string>;
  /** Fahad's family as the API answers him. */
  let fahad: { members: string[]; trackingNumber: string };
  const opened: OpenedPage[] = [];

  /** A fresh browser context (no storage) on the app's page; closed after the test. */
  const open = async (viewport: { width: number; height: number } = VIEWPORTS.desktop): Promise<OpenedPage> => {
    const result = await openPage(browser, origin, { viewport });
    opened.push(result);
    await result.page.goto("/");
    await result.page.getByLabel(AR.nationalId, { exact: true }).or(result.page.getByLabel(EN.nationalId, { exact: true })).waitFor();
    return result;
  };

  beforeAll(async () => {
    // The gateway registers the app's manifest when it starts: build first.
    webDir = await buildWebForGateway();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "citizen-app-"));
    const manifest = JSON.parse(fs.readFileSync(path.join(webDir, "persisted-operations.json"), "utf8")) as { operations: Array<{ id: string; name: string }> };
    appOperations = new Map(manifest.operations.map((operation) => [operation.name, operation.id]));
    platform = await startInProcessPlatform({
      env: {
        ONLY_PERSISTED_OPERATIONS: "true",
        PERSISTED_OPERATIONS_FILE: writeTestManifest(path.join(scratch, "test-operations.json")),
        WEB_DIR: webDir,
      },
    });
    origin = new URL(platform.gatewayUrl).origin;
    browser = await launchBrowser();
    fahad = await fahadsFamily(platform.gatewayUrl);
    // An officer of each agency reads Fahad's data: his data-access screen has something to list.
    await officersReadFahadsData(platform.gatewayUrl, fahad.trackingNumber);
  }, 240_000);

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((page) => page.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    for (const dir of [webDir, scratch]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("runs on a gateway that refuses any operation it does not know", async () => {
    const response = await graphql(platform.gatewayUrl, `{ me { nationalId } }`, {}, { asGateway: false });
    expect(response.status).toBe(403);
    expect(response.errors?.[0]?.extensions?.reason).toBe("PERSISTED_QUERY_NOT_ALLOWED");
    expect([...appOperations.keys()]).toEqual(expect.arrayContaining(["MyFamily", "MyDataAccesses", "MyApplications", "SignIn", "SignOut"]));
    expect([...fahad.members].sort()).toEqual([...FAHAD.members].sort());
    expect(fahad.trackingNumber).toMatch(/^[A-Z]{2}\d{9}SA$/);
  });

  it("signs Fahad in, in Arabic, and shows his four family members and his card's tracking number", async () => {
    const { page, problems } = await open();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["ar", "rtl"]);
    await page.getByRole("heading", { level: 1, name: AR.signIn }).waitFor();

    await signIn(page, FAHAD.nationalId, DEMO_PASSWORD, "ar");
    // The family screen is where a sign-in lands: its link is the current page.
    await page.getByRole("link", { name: AR.family, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
    await page.getByRole("heading", { level: 1, name: "عائلتي" }).waitFor();
    const members = page.getByRole("region", { name: "أفراد الأسرة" });
    await members.waitFor();
    await settled(page);

    const rows = members.getByRole("table").locator("tbody tr");
    expect(await rows.count()).toBe(4);
    const ids = (await rows.locator("td:nth-child(3)").allInnerTexts()).map((text) => text.trim());
    expect(ids.sort()).toEqual([...fahad.members].sort());
    // The relations, as a reader says them.
    expect((await rows.locator("td:nth-child(2)").allInnerTexts()).map((text) => text.trim()).sort()).toEqual(["ابن", "ابنة", "ربّ الأسرة", "زوجة"].sort());

    const card = page.getByRole("region", { name: "بطاقة العائلة" });
    await card.waitFor();
    expect(await fact(page, "رقم التتبع")).toBe(fahad.trackingNumber);
    expect(await fact(page, "رقم البطاقة")).toBe("FC300000000101");
    await announced(page, "تم تسجيل الدخول.");

    expect(problems()).toEqual([]);
  });

  it("switches to English, flipping lang and dir, and remembers the choice after a reload", async () => {
    const { page, problems } = await open();
    await page.getByRole("button", { name: AR.switchLanguage, exact: true }).click();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["en", "ltr"]);
    await page.getByLabel(EN.nationalId, { exact: true }).waitFor();
    await expect(page.getByRole("button", { name: EN.switchLanguage, exact: true }).innerText()).resolves.toBe("العربية");

    await page.reload();
    await page.getByLabel(EN.nationalId, { exact: true }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["en", "ltr"]);

    // Signed in, the screens speak English too, and switching back re-renders them in Arabic.
    await signIn(page, FAHAD.nationalId, DEMO_PASSWORD, "en");
    await page.getByRole("heading", { level: 1, name: "My family" }).waitFor();
    await settled(page);
    expect(await fact(page, "Tracking number")).toBe(fahad.trackingNumber);
    await page.getByRole("button", { name: EN.switchLanguage, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "عائلتي" }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["ar", "rtl"]);
    expect(await fact(page, "رقم التتبع")).toBe(fahad.trackingNumber);
    // The screen asks again in Arabic (the API words reasons in the request's language): let it finish.
    await settled(page);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "عائلتي" }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["ar", "rtl"]);
    await settled(page);

    expect(problems()).toEqual([]);
  });

  it("keeps the language chosen last when the answer in the other language arrives after it", async () => {
    const { page, problems } = await open();
    await signIn(page, FAHAD.nationalId, DEMO_PASSWORD, "ar");
    const support = page.getByRole("region", { name: "الدعم الاجتماعي" });
    await support.waitFor();
    await settled(page);
    const arabic = await support.innerText();
    expect(arabic).toMatch(/[\u0600-\u06FF]/);
    // Each decision says which rules made it, and that their figures are the shipped illustrative ones (RULES.md).
    const citizenAccount = support.getByRole("article", { name: "حساب المواطن", exact: true });
    expect(await citizenAccount.getByText("إصدار القواعد ٢٠٢٦-١ (أرقام توضيحية افتراضية، وليست الأرقام الرسمية)", { exact: true }).count()).toBe(1);

    // A slow network for the English re-read only (the answers themselves are the API's).
    await page.route("**/graphql", async (route) => {
      if (route.request().headers()["accept-language"] === "en") await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.getByRole("button", { name: AR.switchLanguage, exact: true }).click();
    await page.getByRole("button", { name: EN.switchLanguage, exact: true }).click();
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ar");
    // The API words the reasons and amounts in the request's language: the late English answer must not replace the Arabic one.
    expect(await support.innerText()).toBe(arabic);

    expect(problems()).toEqual([]);
  });

  it("shows Fahad who accessed his data: each agency's officer, newest first, with their purpose", async () => {
    const { page, problems } = await open();
    await signIn(page, FAHAD.nationalId, DEMO_PASSWORD, "ar");
    await navigate(page, "ar", "access");
    await page.getByRole("heading", { level: 1, name: AR.access }).waitFor();
    const table = page.getByRole("main").getByRole("table");
    await table.waitFor();
    await settled(page);

    const readRows = () =>
      table.locator("tbody tr").evaluateAll((trs) =>
        trs.map((tr) => {
          const cells = [...tr.querySelectorAll("td")].map((td) => (td as HTMLElement).innerText.trim());
          return { at: tr.querySelector("time")?.getAttribute("datetime") ?? "", agency: cells[1]!, who: cells[2]!, fields: cells[4]!, purpose: cells[5]! };
        }),
      );
    const rows = await readRows();
    // One entry per agency and officer at least (labor's officer also made civil affairs record a read: the gateway fetched the register facts labor requires).
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const times = rows.map((row) => Date.parse(row.at));
    expect(times.every((time) => Number.isFinite(time))).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The postal operator read last, so comes first.
    expect(rows[0]).toMatchObject({ agency: "البريد السعودي", purpose: PURPOSES.post });
    expect(rows[0]!.who).toContain(OFFICERS.post);
    const seen = (agency: string, officer: string, purpose: string) => rows.some((row) => row.agency === agency && row.who.includes(officer) && row.purpose === purpose);
    expect({
      civilAffairs: seen("الأحوال المدنية", OFFICERS.civilAffairs, PURPOSES.civilAffairs),
      labor: seen("الدعم الاجتماعي", OFFICERS.labor, PURPOSES.labor),
      post: seen("البريد السعودي", OFFICERS.post, PURPOSES.post),
    }).toEqual({ civilAffairs: true, labor: true, post: true });
    // His own reads are not "someone else's".
    expect(rows.filter((row) => row.who.includes(FAHAD.nationalId))).toEqual([]);
    // The data read, in words under the kind of data, never as the API names it ("Shipment.address").
    expect(rows.filter((row) => /[A-Za-z]+\.[A-Za-z]+/.test(row.fields))).toEqual([]);
    expect(rows[0]!.fields).toBe("الشحنة: الحالة، اسم المستلم، عنوان التوصيل");
    const civilAffairs = rows.find((row) => row.who.includes(OFFICERS.civilAffairs) && row.purpose === PURPOSES.civilAffairs);
    expect(civilAffairs?.fields).toContain("بيانات الهوية: الاسم بالعربية، رقم الهوية، تاريخ الميلاد");
    await chooseLanguage(page, "en");
    await page.getByRole("heading", { level: 1, name: EN.access }).waitFor();
    await settled(page);
    expect((await readRows())[0]!.fields).toBe("Shipment: Status, Recipient's name, Delivery address");

    expect(problems()).toEqual([]);
  });

  it("finds no serious or critical accessibility violation on any screen, in Arabic or English, and fits each on a 360 px phone", async () => {
    const found: Record<string, AccessibilityViolation[]> = {};
    const widths: Record<string, number> = {};
    const sharedNames: Record<string, string[]> = {};
    /**
     * The walk is done on a 360 px phone, signing in and following links there; each screen's width
     * and landmarks sharing a name (a table's scroll box was a region named like its section there)
     * are read there, then axe runs at desktop size (the screen as it is, read again if it asks).
     */
    const check = async (page: Page, name: string) => {
      widths[name] = await scrollWidth(page);
      sharedNames[name] = await landmarksSharingNames(page);
      await page.setViewportSize(VIEWPORTS.desktop);
      await settled(page);
      found[name] = await checkAccessibility(page);
      await page.setViewportSize(VIEWPORTS.phone);
    };
    for (const language of ["ar", "en"] as const) {
      const { page, problems } = await open(VIEWPORTS.phone);
      await chooseLanguage(page, language);
      await page.getByLabel(WORDS[language].nationalId, { exact: true }).waitFor();
      await check(page, `sign-in ${language}`);

      await signIn(page, FAHAD.nationalId, DEMO_PASSWORD, language);
      await page.getByText(fahad.trackingNumber, { exact: true }).first().waitFor();
      await settled(page);
      await check(page, `family ${language}`);
      await navigate(page, language, "access");
      await page.getByRole("main").getByRole("table").waitFor();
      await settled(page);
      await check(page, `data access ${language}`);
      await signOut(page, language);

      // Khalid has no application yet: the form to start one.
      await signIn(page, KHALID.nationalId, DEMO_PASSWORD, language);
      await navigate(page, language, "apply");
      await settled(page);
      await check(page, `apply ${language}`);
      expect({ language, problems: problems() }).toEqual({ language, problems: [] });
    }
    // One comparison, so that a failure shows every screen's violations and widths at once.
    expect({ found, widths, sharedNames }).toEqual({
      found: Object.fromEntries(Object.keys(found).map((screen) => [screen, []])),
      sharedNames: Object.fromEntries(Object.keys(sharedNames).map((screen) => [screen, []])),
      widths: Object.fromEntries(Object.entries(widths).map(([screen, width]) => [screen, Math.min(width, VIEWPORTS.phone.width)])),
    });
  }, 120_000);

  it("lets Khalid apply for a new card with his wife and son, attach documents, give his address and submit it", async () => {
    const files = writeSampleDocuments(path.join(scratch, "documents"));
    const { page, problems } = await open();
    await signIn(page, KHALID.nationalId, DEMO_PASSWORD, "ar");
    // My family tells him how to apply; its link is not named like the navigation's "طلب بطاقة" (one link by that name).
    await page.getByRole("heading", { level: 2, name: "لا يوجد لك سجل أسرة بعد." }).waitFor();
    expect(await page.getByRole("link", { name: "طلب بطاقة" }).count()).toBe(1);
    await navigate(page, "ar", "apply");
    await page.getByRole("heading", { level: 1, name: "طلب بطاقة العائلة" }).waitFor();
    await settled(page);

    // No card yet: a new card is the kind offered first.
    const form = page.getByRole("region", { name: "طلب جديد" });
    expect(await form.getByRole("radio", { name: "بطاقة جديدة", exact: true }).isChecked()).toBe(true);
    await form.getByLabel("رقم هوية الزوجة ١", { exact: true }).fill(KHALID.wife);
    await form.getByLabel("رقم هوية الابن/الابنة ١", { exact: true }).fill(KHALID.son);
    await form.getByRole("radio", { name: "البريد السعودي (توصيل إلى العنوان الوطني)", exact: true }).check();
    await form.getByRole("button", { name: "إنشاء الطلب", exact: true }).click();

    const application = page.getByRole("region", { name: "طلبك الحالي" });
    await application.waitFor();
    await settled(page);
    await announced(page, "تم إنشاء الطلب");
    expect(await fact(page, "الحالة")).toBe("مسودة");

    // His wife and son are linked to him in the civil registry: nothing is asked for; he adds two documents anyway.
    const asked = await application.locator("h4", { hasText: "ما زال مطلوباً" }).locator("xpath=following-sibling::*[1]").innerText();
    expect(asked.trim()).toBe("لا مستندات ناقصة.");
    // A file over 5 MB is refused before it is sent: said at once (an alert), the picker marked and given the keyboard.
    const other = application.getByLabel("إرفاق مستند آخر", { exact: true });
    await other.setInputFiles({ name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(6 * 1024 * 1024) });
    await application.getByRole("alert").filter({ hasText: "الملف big.pdf أكبر من ٥ ميجابايت؛ اختر ملفاً أصغر." }).waitFor();
    expect(await other.getAttribute("aria-invalid")).toBe("true");
    await page.waitForFunction(() => document.activeElement?.id === "attach-extra");
    // An additional document goes under the type he chooses (what an officer may ask for), "another document" unless he does.
    for (const [file, type] of [[files.pdf, "مستند آخر"], [files.png, "صورة سجل الأسرة"]] as const) {
      await application.getByLabel("نوع المستند", { exact: true }).selectOption({ label: type });
      await application.getByLabel("إرفاق مستند آخر", { exact: true }).setInputFiles(file);
      await application.locator("ul.documents li").filter({ hasText: `${type}: ${path.basename(file)}` }).waitFor();
      await announced(page, `تم إرفاق ${type}`);
    }
    // The same file again is the document already attached, and said so.
    await application.getByLabel("نوع المستند", { exact: true }).selectOption({ label: "مستند آخر" });
    await application.getByLabel("إرفاق مستند آخر", { exact: true }).setInputFiles(files.pdf);
    await announced(page, `الملف ${path.basename(files.pdf)} مرفق من قبل بالمحتوى نفسه؛ لم يُضف مرة أخرى.`);
    await settled(page);

    // Saudi Post needs his national address, which he has not given yet: the API says so, in Arabic.
    await application.getByRole("button", { name: "تقديم الطلب", exact: true }).click();
    const refusal = application.getByRole("alert");
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/[\u0600-\u06FF]/);
    const address = page.getByRole("region", { name: "العنوان الوطني" });
    await address.locator(".field-errors").first().waitFor();
    expect(await fact(page, "الحالة")).toBe("مسودة");

    await saveNationalAddress(page, address);
    expect(await address.locator(".field-errors").count()).toBe(0);

    await application.getByRole("button", { name: "تقديم الطلب", exact: true }).click();
    await page.waitForFunction(() => [...document.querySelectorAll("dt")].some((dt) => dt.textContent === "الحالة" && dt.nextElementSibling?.textContent?.trim() === "مقدَّم"));
    await settled(page);
    await announced(page, "تم تقديم الطلب");
    expect(await application.getByRole("alert").count()).toBe(0);
    // Submitted: no longer editable.
    expect(await application.getByRole("button", { name: "تقديم الطلب", exact: true }).count()).toBe(0);
    expect(await application.getByLabel("إرفاق مستند آخر", { exact: true }).count()).toBe(0);
    expect(await checkAccessibility(page)).toEqual([]);
    // The submitted application, its history and documents fit a phone too.
    await page.setViewportSize(VIEWPORTS.phone);
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);

    // What the API holds: his application, submitted, naming his wife and son, with both files.
    const { myCardApplications } = await run(platform.gatewayUrl, "myApplications", {}, { token: await login(platform.gatewayUrl, KHALID.nationalId) });
    expect(myCardApplications).toHaveLength(1);
    expect(myCardApplications[0]).toMatchObject({ status: "SUBMITTED", spouses: [{ nationalId: KHALID.wife }], children: [{ nationalId: KHALID.son }] });
    expect(myCardApplications[0].documents.map((document: { type: string; fileName: string }) => `${document.type} ${document.fileName}`).sort()).toEqual(
      [`FAMILY_REGISTER_COPY ${path.basename(files.png)}`, `OTHER ${path.basename(files.pdf)}`].sort(),
    );

    // My family, still without a register, shows where his application stands and leads to it.
    await navigate(page, "ar", "family");
    const inProgress = page.getByRole("region", { name: "طلبك الجاري" });
    await inProgress.waitFor();
    expect(await inProgress.innerText()).toContain("بطاقة جديدة: مقدَّم");
    await inProgress.getByRole("link", { name: "افتح طلبك", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "طلب بطاقة العائلة" }).waitFor();

    expect(problems()).toEqual([]);
  }, 120_000);

  it("signs out: logout is called, the sign-in form comes back and the token no longer works", async () => {
    const { page, problems } = await open();
    const tokens = tokensAnswered(page);
    await signIn(page, FAHAD.nationalId, DEMO_PASSWORD, "ar");
    await page.getByText(fahad.trackingNumber, { exact: true }).first().waitFor();
    await settled(page);
    expect(tokens).toHaveLength(1);
    await navigate(page, "ar", "access");
    await settled(page);

    const logout = page.waitForResponse((response) => response.url().endsWith("/graphql") && (response.request().postData() ?? "").includes(appOperations.get("SignOut")!));
    await page.getByRole("button", { name: AR.signOut, exact: true }).click();
    const answer = await logout;
    expect(await answer.json()).toEqual({ data: { logout: true } });
    expect(answer.request().headers().authorization).toBe(`Bearer ${tokens[0]}`);

    await page.getByRole("heading", { level: 1, name: AR.signIn }).waitFor();
    await page.getByText(AR.signedOut, { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: AR.signOut }).count()).toBe(0);
    expect(await page.getByRole("navigation", { name: "التنقل الرئيسي" }).count()).toBe(0);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    // A reload does not bring the session back.
    await page.reload();
    await page.getByLabel(AR.nationalId, { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: AR.signOut }).count()).toBe(0);
    // The token is revoked (civil affairs refuses it at once).
    await expect(run(platform.gatewayUrl, "myFamily", {}, { token: tokens[0] })).rejects.toThrow(/UNAUTHENTICATED/);

    // Whoever signs in next on this tab starts on their own screen, not Fahad's last one: the officer on his queue.
    expect(await page.evaluate(() => location.hash)).toMatch(/^#?$/);
    await signIn(page, OFFICERS.civilAffairs, DEMO_PASSWORD, "ar");
    await page.getByRole("heading", { level: 1, name: "طلبات البطاقات" }).waitFor();

    expect(problems()).toEqual([]);
  });

  it("shows the API's own words for a wrong password, and never keeps the token in localStorage or a cookie", async () => {
    const { page, context, problems } = await open();
    const tokens = tokensAnswered(page);
    const refused = await graphql(platform.gatewayUrl, TEST_OPERATIONS.login, { nationalId: ABDULLAH.nationalId, password: "not-the-password" }, { lang: "ar", asGateway: false });
    const apiWords = refused.errors?.[0]?.message ?? "";
    expect(apiWords).toMatch(/[\u0600-\u06FF]/);

    await signIn(page, ABDULLAH.nationalId, "not-the-password-either", "ar");
    const alert = page.getByRole("alert");
    await expect(alert.innerText()).resolves.toContain(apiWords);
    expect(await page.getByLabel(AR.password, { exact: true }).inputValue()).toBe("");
    expect(await page.getByRole("button", { name: AR.signOut }).count()).toBe(0);
    // A refusal is an answer (HTTP 200 with the error), not a failure of the page.
    expect(problems()).toEqual([]);

    // Typed with Arabic-Indic digits, as the hint allows.
    await signIn(page, toArabicIndic(ABDULLAH.nationalId), DEMO_PASSWORD, "ar");
    await page.getByRole("button", { name: AR.signOut, exact: true }).waitFor();
    await settled(page);
    expect(tokens).toHaveLength(1);
    const token = tokens[0]!;
    const stored = await page.evaluate(() => ({
      localStorage: Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])),
      cookie: document.cookie,
    }));
    expect(JSON.stringify(stored.localStorage)).not.toContain(token);
    expect(JSON.stringify(stored.localStorage)).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(stored.cookie).toBe("");
    expect(await context.cookies()).toEqual([]);
    expect(problems()).toEqual([]);
  });

  it("asks to sign in again when the 15-minute token expires, and returns to the screen as the person left it", async () => {
    const { page, problems } = await open();
    // The page's clock, so that 15 minutes pass in a moment; the server's is the real one.
    const start = new Date();
    await page.clock.install({ time: start });
    await page.reload();
    await signIn(page, ABDULLAH.nationalId, DEMO_PASSWORD, "ar");
    await navigate(page, "ar", "apply");
    await settled(page);
    const wife = page.getByLabel("رقم هوية الزوجة ١", { exact: true });
    await wife.fill("1000000024");

    await page.clock.fastForward("15:01");
    await page.getByLabel(AR.nationalId, { exact: true }).waitFor();
    // Said on the screen, and (below) in the live region: the screen's notice is the one in main.
    await expect(page.getByRole("main").getByText("انتهت جلستك").isVisible()).resolves.toBe(true);
    await announced(page, "انتهت جلستك. سجّل الدخول مرة أخرى لتكمل من حيث توقفت.");
    expect(await wife.isVisible()).toBe(false);

    // Back to the server's time for the new token, then the same person signs in again.
    await page.clock.setSystemTime(new Date(start.getTime() + 1000));
    await signIn(page, ABDULLAH.nationalId, DEMO_PASSWORD, "ar");
    expect(await page.evaluate(() => location.hash)).toBe("#/apply");
    await expect(wife.inputValue()).resolves.toBe("1000000024");
    expect(problems()).toEqual([]);
  });
});
