import type { Browser, Page } from "playwright-core";
import { announced, buildWebForGateway, checkAccessibility, chooseLanguage, fact, launchBrowser, navigate, openPage, settled, signIn, VIEWPORTS, WORDS, type OpenedPage } from "../support/browser";
import { graphql, PURPOSE } from "../support/http";
import { startInProcessPlatform, type InProcessPlatform } from "../support/inProcessPlatform";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ABDULLAH, ANALYST, DEMO_PASSWORD, FAHAD, KHALID, OFFICERS, run, writeSampleDocuments } from "./scenario";

/**
 * What an outside browser probe found, each kept fixed: the skip link, unknown addresses, focus
 * after saving, violations tied to their inputs, the live region, digits and names.
 */
const AR = WORDS.ar;

describe("the web app, as an outside browser probe walked it", () => {
  let platform: InProcessPlatform;
  let browser: Browser;
  let origin: string;
  let webDir: string;
  const opened: OpenedPage[] = [];

  const open = async (viewport: { width: number; height: number } = VIEWPORTS.desktop): Promise<OpenedPage> => {
    const result = await openPage(browser, origin, { viewport });
    opened.push(result);
    await result.page.goto("/");
    await result.page.getByLabel(AR.nationalId, { exact: true }).waitFor();
    return result;
  };

  const signedIn = async (nationalId: string, viewport: { width: number; height: number } = VIEWPORTS.desktop): Promise<Page> => {
    const { page } = await open(viewport);
    await signIn(page, nationalId, DEMO_PASSWORD, "ar");
    await settled(page);
    return page;
  };

  /** Abdullah's session ends while he saves his address on the apply screen (the gateway sees a token it does not know); he signs in again. */
  const signedInAgainAfterExpiry = async () => {
    const page = await signedIn(ABDULLAH.nationalId);
    await page.goto("/#/apply");
    const address = page.getByRole("region", { name: "العنوان الوطني" });
    await address.getByRole("button", { name: "حفظ العنوان", exact: true }).waitFor();
    await settled(page);
    // The session ends while the address is being saved: the gateway sees a token it does not know.
    let expireNext = true;
    await page.route("**/graphql", async (route) => {
      const headers = { ...route.request().headers() };
      if (expireNext && headers.authorization) {
        expireNext = false;
        headers.authorization = "Bearer expired.token.value";
      }
      await route.continue({ headers });
    });
    await address.getByRole("button", { name: "حفظ العنوان", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: AR.signIn }).waitFor();
    await signIn(page, ABDULLAH.nationalId, DEMO_PASSWORD, "ar");
    await settled(page);
    return { page, address };
  };

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

  it("moves focus with the skip link and stays on the screen (the hash is the route); numbers the rows in Arabic-Indic digits", async () => {
    const page = await signedIn(KHALID.nationalId);
    await page.goto("/#/apply");
    await page.getByRole("link", { name: AR.apply, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
    await settled(page);
    const skip = page.getByRole("link", { name: "تخطَّ إلى المحتوى", exact: true });
    await skip.focus();
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => [location.hash, document.activeElement?.id])).toEqual(["#/apply", "main"]);
    await page.getByRole("link", { name: AR.apply, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
    expect(await page.getByRole("heading", { level: 1, name: AR.family }).count()).toBe(0);
    // The wives' and children's rows are numbered in Arabic-Indic digits in Arabic.
    await page.getByLabel("رقم هوية الزوجة ١", { exact: true }).waitFor();
    await page.getByRole("button", { name: "إزالة الزوجة ١", exact: true }).waitFor();
    await page.getByLabel("رقم هوية الابن/الابنة ١", { exact: true }).waitFor();
    await page.getByRole("button", { name: AR.switchLanguage, exact: true }).click();
    await page.getByLabel("Wife's national ID 1", { exact: true }).waitFor();
  });

  it("keeps a refusal when the reader switches language, marked in the language it came in, and says the next one in the new language", async () => {
    const page = await signedIn(FAHAD.nationalId);
    await page.goto("/#/apply");
    const form = page.getByRole("region", { name: "طلب جديد" });
    await form.getByRole("radio", { name: "تحديث الأفراد", exact: true }).check();
    await form.getByLabel("رقم هوية الزوجة ١", { exact: true }).fill("1000000017"); // a wrong check digit
    await form.getByRole("button", { name: "إنشاء الطلب", exact: true }).click();
    await page.getByRole("alert").first().waitFor();
    expect(await page.getByRole("alert").first().innerText()).toMatch(/[\u0600-\u06FF]/);

    // Switched to English: every problem is still there and still tied to its field, marked Arabic, with a word on how to have it in English.
    await chooseLanguage(page, "en");
    await page.getByRole("button", { name: "Create application", exact: true }).waitFor();
    await settled(page);
    const main = page.getByRole("main");
    const summary = main.getByRole("alert").first();
    expect(await summary.innerText()).toContain("These messages came in Arabic; send again to have them in English.");
    const wife = page.getByLabel("Wife's national ID 1", { exact: true });
    expect(await wife.getAttribute("aria-invalid")).toBe("true");
    const problemsId = (await wife.getAttribute("aria-describedby"))!.split(" ").find((id) => id.endsWith("-errors"));
    const fieldProblem = page.locator(`[id="${problemsId}"] li`).first();
    expect(await fieldProblem.getAttribute("lang")).toBe("ar");
    expect(await fieldProblem.innerText()).toMatch(/[\u0600-\u06FF]/);

    // Sent again: answered in English, and no word about another language any more.
    await page.getByRole("button", { name: "Create application", exact: true }).click();
    await settled(page);
    expect(await main.getByRole("alert").first().innerText()).not.toMatch(/[\u0600-\u06FF]/);
    expect(await main.getByText("These messages came in Arabic", { exact: false }).count()).toBe(0);
  });

  it("says a request that never reached the API in the reader's language after a switch, with no word about another language", async () => {
    const page = await signedIn(FAHAD.nationalId);
    await page.goto("/#/apply");
    const form = page.getByRole("region", { name: "طلب جديد" });
    await form.getByRole("radio", { name: "بدل فاقد", exact: true }).check();
    await page.route("**/graphql", (route) => route.abort());
    await form.getByRole("button", { name: "إنشاء الطلب", exact: true }).click();
    await page.getByRole("main").getByRole("alert").first().waitFor();
    await page.unroute("**/graphql");
    await chooseLanguage(page, "en");
    await page.getByRole("button", { name: "Create application", exact: true }).waitFor();
    await settled(page);
    const alert = await page.getByRole("main").getByRole("alert").first().innerText();
    expect(alert).not.toMatch(/[\u0600-\u06FF]/);
    expect(alert).not.toContain("These messages came in Arabic");
  });

  it("says an unknown address is not found rather than showing another screen, and offers no retry of a refusal", async () => {
    const page = await signedIn(FAHAD.nationalId);
    // A link cut in the middle of an escape is not found either, not a blank page.
    await page.goto("/#/pickups/%E0%A4%A");
    await page.getByRole("heading", { level: 1, name: "الصفحة غير موجودة" }).waitFor();
    await page.goto("/#/nonexistent");
    await page.getByRole("heading", { level: 1, name: "الصفحة غير موجودة" }).waitFor();
    expect(await page.getByRole("heading", { level: 1, name: "عائلتي" }).count()).toBe(0);
    expect(await page.locator('nav [aria-current="page"]').count()).toBe(0);
    expect(await checkAccessibility(page)).toEqual([]);
    // An officer's screen answers a citizen FORBIDDEN: no "Try again", asking again cannot change it.
    for (const screen of ["review", "dashboard"]) {
      await page.evaluate((hash) => (location.hash = hash), `#/${screen}`);
      await page.getByRole("main").getByRole("alert").first().waitFor();
      await settled(page);
      expect({ screen, retry: await page.getByRole("button", { name: "إعادة المحاولة" }).count() }).toEqual({ screen, retry: 0 });
    }
  });

  it("opens a past application on its status history, in both languages", async () => {
    // Khalid applies and cancels: a closed application of his, with a history of two moves.
    const token = await platform.login(KHALID.nationalId);
    const created = await graphql(platform.gatewayUrl, `mutation { createCardApplication(input: { kind: NEW_CARD, spouseIds: ["${KHALID.wife}"] }) { id } }`, {}, { token });
    const id = created.data.createCardApplication.id as string;
    await graphql(platform.gatewayUrl, `mutation($id: ID!) { cancelCardApplication(id: $id) { id } }`, { id }, { token });
    const page = await signedIn(KHALID.nationalId);
    await page.goto("/#/apply");
    const past = page.getByRole("region", { name: "طلباتك السابقة" });
    await past.waitFor();
    await settled(page);
    const opener = past.getByRole("button", { name: /^طلب بطاقة جديدة، .+/ }).first();
    await opener.click();
    expect(await opener.getAttribute("aria-expanded")).toBe("true");
    const details = past.getByRole("region", { name: /^تفاصيل طلب بطاقة جديدة، / });
    await details.getByRole("heading", { name: "سجل الحالة" }).waitFor();
    expect(await details.locator("ol.timeline li").count()).toBe(2);
    expect(await details.innerText()).toContain("ملغى");
    expect(await checkAccessibility(page)).toEqual([]);
    await page.getByRole("button", { name: AR.switchLanguage, exact: true }).click();
    await settled(page);
    const english = page.getByRole("region", { name: "Your previous applications" });
    await english.getByRole("button", { name: /^New card application, / }).first().waitFor();
    await english.getByRole("region", { name: /^Details of the new card application, / }).getByRole("heading", { name: "Status history" }).waitFor();
  });

  it("moves focus to the error summary when saving the address is refused, and to its confirmation when it is saved", async () => {
    const page = await signedIn(ABDULLAH.nationalId);
    await page.goto("/#/apply");
    const address = page.getByRole("region", { name: "العنوان الوطني" });
    await address.waitFor();
    await settled(page);
    const building = address.getByLabel("رقم المبنى", { exact: true });
    const kept = await building.inputValue();
    await building.fill("x");
    await address.getByRole("button", { name: "حفظ العنوان", exact: true }).press("Enter");
    await page.getByRole("alert").first().waitFor();
    await page.waitForFunction(() => !!document.activeElement?.querySelector('[role="alert"]'));
    await building.fill("٤٥١٢");
    await address.getByRole("button", { name: "حفظ العنوان", exact: true }).press("Enter");
    await page.waitForFunction(() => document.activeElement?.textContent === "تم حفظ العنوان");
    // The input shows what was stored: the digits as the API normalised them.
    expect(await building.inputValue()).toBe("4512");
    await building.fill(kept || "3312");
    await address.getByRole("button", { name: "حفظ العنوان", exact: true }).press("Enter");
    await page.waitForFunction(() => document.activeElement?.textContent === "تم حفظ العنوان");
  });

  it("ties a refused submission's missing documents and missing address to their inputs", async () => {
    // Saad's (1000000081) birth record names another father: his birth certificate is asked for.
    const token = await platform.login(KHALID.nationalId);
    await graphql(platform.gatewayUrl, `mutation { createCardApplication(input: { kind: NEW_CARD, spouseIds: ["${KHALID.wife}"], childIds: ["1000000081"], deliveryMethod: SAUDI_POST }) { id } }`, {}, { token });
    const page = await signedIn(KHALID.nationalId);
    await page.goto("/#/apply");
    await page.getByRole("button", { name: "تقديم الطلب", exact: true }).waitFor();
    await settled(page);
    await page.getByRole("button", { name: "تقديم الطلب", exact: true }).press("Enter");
    await page.getByRole("alert").first().waitFor();
    await settled(page);
    const picker = page.getByLabel("إرفاق شهادة الميلاد", { exact: true });
    expect(await picker.getAttribute("aria-invalid")).toBe("true");
    const pickerDescription = await picker.evaluate((input) => (input.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" "));
    expect(pickerDescription).toMatch(/شهادة ميلاد/);
    const address = page.getByRole("region", { name: "العنوان الوطني" });
    const building = address.getByLabel("رقم المبنى", { exact: true });
    expect(await building.getAttribute("aria-invalid")).toBe("true");
    const missing = await address.locator("ul.field-errors.block").innerText();
    const buildingDescription = await building.evaluate((input) => (input.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? "").join(" "));
    expect(buildingDescription).toContain(missing.trim());
    // Saad's line asks for the document until it is attached, then says it is.
    const members = page.getByRole("region", { name: "طلبك الحالي" });
    expect(await members.getByText("1000000081 · غير مرتبط بك في السجل المدني؛ أرفق المستند المطلوب").count()).toBe(1);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "documents-"));
    // A PNG saved under a .jpg name (the browser calls it image/jpeg): taken for what its content is.
    const misnamed = path.join(folder, "birth-certificate.jpg");
    fs.copyFileSync(writeSampleDocuments(folder).png, misnamed);
    await picker.setInputFiles(misnamed);
    await announced(page, "تم إرفاق شهادة الميلاد");
    await members.getByText("1000000081 · غير مرتبط بك في السجل المدني؛ أُرفق المستند المطلوب").waitFor();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it("names no members on a replacement, which lists its register's, and gives the keyboard to the application's heading after saving", async () => {
    const token = await platform.login(FAHAD.nationalId);
    const created = await graphql(platform.gatewayUrl, `mutation { createCardApplication(input: { kind: REPLACEMENT_DAMAGED, deliveryMethod: SAUDI_POST }) { id } }`, {}, { token });
    const id = created.data.createCardApplication.id as string;
    try {
      const page = await signedIn(FAHAD.nationalId);
      await page.goto("/#/apply");
      const application = page.getByRole("region", { name: "طلبك الحالي" });
      await application.getByRole("button", { name: "حفظ التعديلات", exact: true }).waitFor();
      await settled(page);
      expect(await application.getByRole("textbox", { name: /رقم هوية/ }).count()).toBe(0);
      expect(await application.getByText("تحمل البطاقة البديلة أفراد الأسرة كما في سجلها", { exact: false }).count()).toBe(1); // said once, by the record above the form
      await application.getByRole("radio", { name: "الاستلام من مكتب الأحوال المدنية", exact: true }).check();
      await application.getByLabel("المكتب", { exact: true }).selectOption("RUH-01");
      await application.getByRole("button", { name: "حفظ التعديلات", exact: true }).click();
      await announced(page, "تم حفظ التعديلات");
      await page.waitForFunction(() => document.activeElement?.id === "application-title");
    } finally {
      await graphql(platform.gatewayUrl, `mutation($id: ID!) { cancelCardApplication(id: $id) { id } }`, { id }, { token });
    }
  });

  it("tells a resident up front that the card is for Saudi citizens, offering no application form", async () => {
    const page = await signedIn("2000000014");
    await page.getByText("تُصدر بطاقة العائلة للمواطنين السعوديين فقط، فلا يمكنك التقدّم بطلب لها.").waitFor();
    expect(await page.getByRole("link", { name: "ابدأ طلبك الآن" }).count()).toBe(0);
    await page.goto("/#/apply");
    await page.getByRole("heading", { level: 2, name: "بطاقة العائلة للمواطنين السعوديين" }).waitFor();
    await settled(page);
    expect(await page.getByRole("button", { name: "إنشاء الطلب" }).count()).toBe(0);
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it("keeps each queue row's action in view on a phone, at the end of the table's scrolling box", async () => {
    const inView = async (page: Page, action: ReturnType<Page["getByRole"]>) => {
      await action.waitFor();
      await settled(page);
      const box = (await action.boundingBox())!;
      return box.x >= 0 && box.x + box.width <= VIEWPORTS.phone.width;
    };
    const officer = await signedIn(OFFICERS.civilAffairs, VIEWPORTS.phone);
    await officer.goto("/#/review");
    expect(await inView(officer, officer.getByRole("link", { name: /^فتح الطلب: / }).first())).toBe(true);
    const postal = await signedIn(OFFICERS.post, VIEWPORTS.phone);
    await postal.goto("/#/shipments");
    expect(await inView(postal, postal.getByRole("button", { name: /^تسجيل حدث للشحنة / }).first())).toBe(true);
  });

  it("opens a family by its register number and a shipment by its tracking number from a search box, off the lists' pages, each box found by its label alone", async () => {
    const labor = await signedIn(OFFICERS.labor);
    await labor.goto("/#/support");
    const findFamily = labor.getByRole("search");
    const registerBox = labor.getByLabel("البحث برقم سجل الأسرة", { exact: true });
    expect(await registerBox.count()).toBe(1);
    // A number of another shape is refused beside the box, before any purpose is asked for or anything opened.
    await registerBox.fill("123");
    await findFamily.getByRole("button", { name: "بحث", exact: true }).click();
    expect(await findFamily.getByText("رقم سجل الأسرة ١٠ أرقام.", { exact: true }).isVisible()).toBe(true);
    expect(await registerBox.getAttribute("aria-invalid")).toBe("true");
    expect(await labor.evaluate(() => location.hash)).toBe("#/support");
    await registerBox.fill("٣٠٠٠٠٠٠٠٠٢");
    await findFamily.getByRole("button", { name: "بحث", exact: true }).click();
    await labor.waitForFunction(() => location.hash === "#/support/3000000002");

    const token = await platform.login(FAHAD.nationalId);
    const family = await graphql(platform.gatewayUrl, `{ me { family { card { delivery { ... on Shipment { trackingNumber status } } } } } }`, {}, { token });
    const shipment = family.data.me.family.card.delivery as { trackingNumber: string; status: string };
    expect(shipment.status).toBe("DELIVERED"); // gone from the postal queue
    const postal = await signedIn(OFFICERS.post);
    await postal.goto("/#/shipments");
    const findShipment = postal.getByRole("search");
    const trackingBox = postal.getByLabel("البحث برقم التتبع", { exact: true });
    expect(await trackingBox.count()).toBe(1);
    await findShipment.getByRole("button", { name: "بحث", exact: true }).click();
    expect(await findShipment.getByText("اكتب الرقم الذي تبحث عنه.", { exact: true }).isVisible()).toBe(true);
    await trackingBox.fill("XX");
    await findShipment.getByRole("button", { name: "بحث", exact: true }).click();
    expect(await findShipment.getByText("رقم التتبع حرفان ثم ٩ أرقام ثم حرفان، مثل RR123456789SA.", { exact: true }).isVisible()).toBe(true);
    expect(await postal.evaluate(() => location.hash)).toBe("#/shipments");
    await trackingBox.fill(` ${shipment.trackingNumber.toLowerCase()} `);
    await findShipment.getByRole("button", { name: "بحث", exact: true }).click();
    await postal.waitForFunction((tracking) => location.hash === `#/shipments/${tracking}`, shipment.trackingNumber);
    await postal.getByRole("heading", { name: `الشحنة ${shipment.trackingNumber}` }).waitFor();
  });

  it("keeps the shipment a postal operator opened across a reload, and the list's address once he closes it", async () => {
    const postal = await signedIn(OFFICERS.post);
    await postal.goto("/#/shipments");
    const record = postal.getByRole("button", { name: /^تسجيل حدث للشحنة / }).first();
    await record.waitFor();
    await settled(postal);
    const tracking = /RR\d{9}SA/.exec((await record.getAttribute("aria-label"))!)![0];
    await record.click();
    await postal.getByRole("heading", { name: `الشحنة ${tracking}` }).waitFor();
    expect(await postal.evaluate(() => location.hash)).toBe(`#/shipments/${tracking}`);
    await postal.reload();
    await postal.getByRole("heading", { name: `الشحنة ${tracking}` }).waitFor();
    await settled(postal);
    await postal.getByRole("button", { name: /^تسجيل حدث للشحنة / }).first().waitFor();
    await postal.getByRole("button", { name: `تسجيل حدث للشحنة ${tracking}`, exact: true }).click();
    await postal.waitForFunction(() => location.hash === "#/shipments");
  });

  it("tells a daughter under 18 up front who reads the register and applies, not that an agency did not answer, offering no form", async () => {
    const page = await signedIn(FAHAD.members[3]!);
    await page.getByRole("heading", { level: 2, name: "سجل الأسرة لمن بلغ ١٨ سنة" }).waitFor();
    expect(await page.getByText("بعض الجهات لم تُجب", { exact: false }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "ابدأ طلبك الآن" }).count()).toBe(0);
    await page.goto("/#/apply");
    await page.getByRole("heading", { level: 2, name: "يتقدّم بطلب البطاقة من بلغ ١٨ سنة" }).waitFor();
    await settled(page);
    expect(await page.getByRole("button", { name: "إنشاء الطلب" }).count()).toBe(0);
    expect(await page.getByText("بعض الجهات لم تُجب", { exact: false }).count()).toBe(0);
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it("empties the live region when what it said is stale: after switching language, after signing out", async () => {
    const liveRegion = (page: Page) => page.locator('[role="status"][aria-live="polite"]').textContent();
    const page = await signedIn(ABDULLAH.nationalId);
    await announced(page, "تم تسجيل الدخول.");
    await page.getByRole("button", { name: AR.switchLanguage, exact: true }).click();
    await settled(page);
    expect(await liveRegion(page)).toBe("");
    await page.getByRole("button", { name: WORDS.en.switchLanguage, exact: true }).click();
    await page.goto("/#/apply");
    const address = page.getByRole("region", { name: "العنوان الوطني" });
    await address.getByRole("button", { name: "حفظ العنوان", exact: true }).waitFor();
    await settled(page);
    await address.getByRole("button", { name: "حفظ العنوان", exact: true }).click();
    await announced(page, "تم حفظ العنوان");
    await page.getByRole("button", { name: AR.signOut, exact: true }).click();
    await page.getByLabel(AR.nationalId, { exact: true }).waitFor();
    // What the screen said is gone; the sign-out itself is said.
    await announced(page, "تم تسجيل خروجك.");
  });

  it("names every list's pager buttons alike: the review queue's as the social-support lists'", async () => {
    const page = await signedIn(OFFICERS.civilAffairs);
    await page.getByRole("heading", { level: 1, name: AR.review }).waitFor();
    await settled(page);
    // Every status: more than a page.
    await page.locator("#review-status").selectOption("");
    await settled(page);
    await page.getByRole("button", { name: "الصفحة التالية", exact: true }).click();
    await settled(page);
    await page.getByRole("button", { name: "الصفحة الأولى", exact: true }).waitFor();
    expect(await page.getByRole("button", { name: /^(التالي|الأولى)$/ }).count()).toBe(0);
    // And back a page: the page before comes again, its first case the same.
    const firstCase = () => page.getByRole("link", { name: /^فتح الطلب: / }).first().getAttribute("href");
    const secondPage = await firstCase();
    await page.getByRole("button", { name: "الصفحة التالية", exact: true }).click();
    await settled(page);
    expect(await firstCase()).not.toBe(secondPage);
    await page.getByRole("button", { name: "الصفحة السابقة", exact: true }).click();
    await settled(page);
    expect(await firstCase()).toBe(secondPage);
    expect(await page.getByText("الصفحة ٢", { exact: false }).count()).toBeGreaterThan(0);
  });

  it("names the dashboard's windows with the counted noun Arabic wants (آخر ٧ أيام، آخر ٣٠ يوماً), and gives no two of its elements the same id", async () => {
    const page = await signedIn(ANALYST.nationalId);
    await page.getByRole("radio", { name: "آخر ٧ أيام", exact: true }).waitFor();
    await page.getByRole("radio", { name: "آخر ٣٠ يوماً", exact: true }).waitFor();
    await page.getByRole("radio", { name: "آخر ٩٠ يوماً", exact: true }).waitFor();
    await page.locator("#programs-numbers").waitFor();
    await settled(page);
    const repeated = await page.evaluate(() => {
      const ids = [...document.querySelectorAll("[id]")].map((element) => element.id);
      return ids.filter((id, index) => ids.indexOf(id) !== index);
    });
    expect(repeated).toEqual([]);
    // Each section and chart is found by its heading alone, as a test searching by name finds it
    // (Playwright's names match within longer ones): a chart named as its section made two.
    const main = page.getByRole("main");
    for (const [role, level] of [["region", 2], ["figure", 3]] as const) {
      const names = await main.getByRole("heading", { level }).allTextContents();
      expect(names.length).toBeGreaterThan(2);
      for (const name of names) expect([name, await main.getByRole(role, { name }).count()]).toEqual([name, 1]);
    }
  });

  it("does not keep a screen's 'token expired' error once the person has signed in again", async () => {
    const { page, address } = await signedInAgainAfterExpiry();
    await address.getByRole("button", { name: "حفظ العنوان", exact: true }).waitFor();
    expect(await page.locator("main").getByRole("alert").count()).toBe(0);
  });

  it("says a family is no longer eligible, with the reasons, when approving its enrollment is refused NOT_ELIGIBLE", async () => {
    const labor = await platform.login(OFFICERS.labor);
    const call = (query: string, variables: Record<string, unknown> = {}) => graphql(platform.gatewayUrl, query, variables, { token: labor, headers: PURPOSE });
    const pending = await call(`{ pendingEnrollments(first: 1) { edges { node { id program { nameAr } family { registerNumber members { relation citizen { nationalId } } } } } } }`);
    const enrollment = pending.data.pendingEnrollments.edges[0].node as { program: { nameAr: string }; family: { registerNumber: string; members: Array<{ relation: string; citizen: { nationalId: string } }> } };
    // Its head now earns far more than any program allows.
    const head = enrollment.family.members.find((member) => member.relation === "HEAD")!.citizen.nationalId;
    const today = new Date().toISOString().slice(0, 10);
    const wage = await call(`mutation($input: RecordWageInput!) { recordWage(input: $input) { nationalId } }`, { input: { nationalId: head, monthlyHalalas: 9_000_000, employer: "Probe Co", effectiveFrom: today } });
    expect(wage.errors).toBeUndefined();
    const page = await signedIn(OFFICERS.labor);
    await page.getByRole("button", { name: `قبول طلب ${enrollment.program.nameAr} للأسرة ${enrollment.family.registerNumber}`, exact: true }).click();
    const alert = page.getByRole("alert").filter({ hasText: "لم تعد الأسرة" });
    await alert.waitFor();
    expect(await alert.innerText()).toContain(`لم تعد الأسرة ${enrollment.family.registerNumber} مؤهلة لبرنامج ${enrollment.program.nameAr}`);
    expect(await alert.locator("li").count()).toBeGreaterThan(0);
    expect(await alert.innerText()).not.toContain("مدخلات غير صحيحة");
    // The refusal is read out by the alert; the live region no longer says "Recording the decision…".
    await settled(page);
    expect(await page.locator('[role="status"][aria-live="polite"]').textContent()).toBe("");
  });

  it("tells an applicant that a civil-affairs officer moved his application, never the officer's national ID", async () => {
    const [abdullah, officer] = await Promise.all([ABDULLAH.nationalId, OFFICERS.civilAffairs].map((id) => platform.login(id)));
    const as = (token: string) => (query: string, variables: Record<string, unknown> = {}) => graphql(platform.gatewayUrl, query, variables, { token, headers: PURPOSE });
    const id = (await as(abdullah)(`mutation { createCardApplication(input: { kind: REPLACEMENT_LOST, lossDeclaration: true, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`)).data.createCardApplication.id;
    try {
      await as(abdullah)(`mutation($id: ID!) { submitCardApplication(id: $id) { status } }`, { id });
      await as(officer)(`mutation($id: ID!) { startReview(id: $id) { status } }`, { id });
      expect((await as(officer)(`mutation($id: ID!) { requestCorrection(id: $id, notes: "صورة أوضح") { status } }`, { id })).errors).toBeUndefined();
      const page = await signedIn(ABDULLAH.nationalId);
      await page.goto("/#/apply");
      const history = page.locator("ol.timeline").first();
      await history.waitFor();
      await settled(page);
      const text = await history.innerText();
      expect(text).toContain("بواسطة: موظف الأحوال المدنية");
      expect(text).toContain("بواسطة: أنت");
      expect(text).not.toContain(OFFICERS.civilAffairs);
    } finally {
      await as(abdullah)(`mutation($id: ID!) { cancelCardApplication(id: $id) { status } }`, { id });
    }
  });

  it("shows the family the shipment its card came back from after three failed attempts, with the whole timeline", async () => {
    const [fahad, officer, operator] = await Promise.all([FAHAD.nationalId, OFFICERS.civilAffairs, OFFICERS.post].map((id) => platform.login(id)));
    const as = (token: string) => (query: string, variables: Record<string, unknown> = {}) => graphql(platform.gatewayUrl, query, variables, { token, headers: PURPOSE });
    const id = (await as(fahad)(`mutation { createCardApplication(input: { kind: REPLACEMENT_LOST, lossDeclaration: true, deliveryMethod: SAUDI_POST }) { id } }`)).data.createCardApplication.id;
    await as(fahad)(`mutation($id: ID!) { submitCardApplication(id: $id) { status } }`, { id });
    for (const move of ["startReview(id: $id)", "approveCardApplication(id: $id)"]) await as(officer)(`mutation($id: ID!) { ${move} { status } }`, { id });
    expect((await as(officer)(`mutation($id: ID!) { issueFamilyCard(applicationId: $id) { cardNumber } }`, { id })).errors).toBeUndefined();
    const DELIVERY = `{ me { family { card { delivery { ... on Shipment { trackingNumber } } } } } }`;
    let trackingNumber: string | undefined;
    for (const started = Date.now(); !trackingNumber && Date.now() - started < 10_000; ) trackingNumber = (await as(fahad)(DELIVERY)).data.me.family.card.delivery?.trackingNumber;
    const statuses = ["PICKED_UP", "IN_TRANSIT", ...Array(3).fill(["OUT_FOR_DELIVERY", "DELIVERY_FAILED"]).flat()];
    for (const status of statuses) {
      const recorded = await as(operator)(`mutation($t: ID!, $s: ShipmentStatus!) { recordTrackingEvent(trackingNumber: $t, status: $s) { status } }`, { t: trackingNumber, s: status });
      expect(recorded.errors).toBeUndefined();
    }

    const page = await signedIn(FAHAD.nationalId);
    const returned = page.getByRole("region", { name: "الشحنة التي أُعيدت منها البطاقة إلى المكتب" });
    await returned.waitFor();
    await settled(page);
    expect(await fact(returned, "رقم التتبع")).toBe(trackingNumber);
    const timeline = returned.locator("ol.timeline > li");
    expect(await timeline.count()).toBe(statuses.length + 2); // CREATED, the operator's events, RETURNED_TO_OFFICE
    // The return is at the instant of the third failure; its description is the agency's, in Arabic.
    expect(await timeline.filter({ hasText: "أُعيدت إلى المكتب بعد ٣ محاولات تسليم لم تنجح" }).count()).toBe(1);
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it("lists the return above the third failure at the same instant, and gives the returned shipment no on-time badge (after the test above)", async () => {
    const page = await signedIn(FAHAD.nationalId);
    const returned = page.getByRole("region", { name: "الشحنة التي أُعيدت منها البطاقة إلى المكتب" });
    await returned.waitFor();
    await settled(page);
    const [latest, before] = await returned.locator("ol.timeline > li strong").allInnerTexts();
    expect({ latest, before, status: await fact(returned, "حالة الشحنة") }).toEqual({ latest: "أُعيدت إلى المكتب", before: "تعذّر التسليم", status: "أُعيدت إلى المكتب" });
  });

  it("offers the head of a family with a card a members update of his register's people, and tells his wife up front that the card is its head's, with no form", async () => {
    const head = await signedIn(FAHAD.nationalId);
    await head.goto("/#/apply");
    const update = head.getByRole("radio", { name: "تحديث الأفراد", exact: true });
    await update.waitFor();
    await settled(head);
    expect(await update.isChecked()).toBe(true);
    // The update starts from the register's people: adding a newborn drops nobody.
    const form = head.getByRole("region", { name: "طلب جديد" });
    expect(await form.getByLabel("رقم هوية الزوجة ١", { exact: true }).inputValue()).toBe("1000000024");
    expect(await form.getByLabel("رقم هوية الابن/الابنة ١", { exact: true }).inputValue()).toBe("1000000032");
    expect(await form.getByLabel("رقم هوية الابن/الابنة ٢", { exact: true }).inputValue()).toBe("1000000040");

    const wife = await signedIn("1000000024");
    await wife.goto("/#/apply");
    await wife.getByRole("heading", { level: 2, name: "بطاقة أسرتك باسم ربّها" }).waitFor();
    await settled(wife);
    expect(await wife.getByText("لأسرتك بطاقة سارية، ويتقدّم ربّ الأسرة بطلب بدلها أو تحديث أفرادها.", { exact: true }).count()).toBe(1);
    expect(await wife.getByRole("region", { name: "طلب جديد" }).count()).toBe(0);
    expect(await wife.getByRole("radio").count()).toBe(0);
  });

  it("offers the officer his recent purposes as buttons that fill the purpose, which stays a text box on every case", async () => {
    const page = await signedIn(OFFICERS.civilAffairs);
    await page.getByRole("heading", { level: 1, name: "طلبات البطاقات" }).waitFor();
    await settled(page);
    const cases = page.getByRole("link", { name: /^فتح الطلب: / });
    const purpose = page.getByRole("textbox", { name: "غرض الاطلاع", exact: true });
    await cases.first().click();
    await purpose.fill("probe: first case of the day");
    await page.getByRole("button", { name: "فتح", exact: true }).click();
    await page.getByRole("heading", { level: 2, name: "مقدم الطلب" }).waitFor();
    await page.getByRole("link", { name: "العودة إلى طلبات البطاقات", exact: true }).click();
    await settled(page);
    await cases.first().click(); // the same case again: each opening asks its purpose
    await purpose.waitFor();
    const recent = page.getByRole("group", { name: "أغراضك الأخيرة (اختر أحدها لملء الحقل):", exact: true });
    await recent.getByRole("button", { name: "probe: first case of the day", exact: true }).click();
    expect(await purpose.inputValue()).toBe("probe: first case of the day");
    expect(await purpose.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await checkAccessibility(page)).toEqual([]);
  });

  it("lets the keyboard read the citizens' tables on a phone: each scrolling table box is a named, focusable group; the access records need no sideways scroll", async () => {
    // Officers read Fahad's data: his data-access screen has rows to list.
    await run(platform.gatewayUrl, "reviewFamily", { registerNumber: FAHAD.registerNumber }, { token: await platform.login(OFFICERS.civilAffairs), headers: PURPOSE });
    await run(platform.gatewayUrl, "reviewSupport", { registerNumbers: [FAHAD.registerNumber] }, { token: await platform.login(OFFICERS.labor), headers: PURPOSE });
    const page = await signedIn(FAHAD.nationalId, VIEWPORTS.phone);
    await navigate(page, "ar", "access");
    await page.locator("main table").first().waitFor();
    await settled(page);
    expect(await checkAccessibility(page)).toEqual([]);
    // The records are stacked, each line labelled: still a table to assistive technology, nothing to scroll sideways.
    const records = page.getByRole("main").getByRole("table");
    expect(await records.getByRole("row").count()).toBeGreaterThan(2);
    expect(await records.evaluate((table) => table.parentElement!.scrollWidth <= table.parentElement!.clientWidth + 1)).toBe(true);
    expect(await page.getByRole("region", { name: AR.access, exact: true }).count()).toBe(0);
    await page.getByRole("button", { name: AR.switchLanguage, exact: true }).click();
    await navigate(page, "en", "family");
    await page.locator("main table").first().waitFor();
    await settled(page);
    expect(await checkAccessibility(page)).toEqual([]);
    // The registry's Arabic on an English screen is marked Arabic, for a screen reader's voice.
    expect(await page.getByRole("main").getByText("طريق الملك فهد", { exact: true }).getAttribute("lang")).toBe("ar");
  });

  it("submits a draft with the edits not yet saved, and offers the safe choice first when asked to cancel it (Escape keeps the application)", async () => {
    const token = await platform.login(FAHAD.nationalId);
    const created = await graphql(platform.gatewayUrl, `mutation { createCardApplication(input: { kind: REPLACEMENT_LOST, deliveryMethod: SAUDI_POST }) { id } }`, {}, { token });
    const id = created.data.createCardApplication.id as string;
    try {
      const page = await signedIn(FAHAD.nationalId);
      await page.goto("/#/apply");
      // The declaration is ticked and the application submitted without pressing "Save changes".
      const declaration = page.getByLabel("أقر بفقدان البطاقة", { exact: true });
      await declaration.waitFor();
      await settled(page);
      // Said once that the card carries the register's members (the form repeated the record's words).
      expect(await page.getByText("تحمل البطاقة البديلة أفراد الأسرة", { exact: false }).count()).toBe(1);
      await declaration.check();
      await page.getByRole("button", { name: "تقديم الطلب", exact: true }).click();
      await announced(page, "تم تقديم الطلب");
      expect(await page.locator("main").getByRole("alert").count()).toBe(0);
      // The submit button is gone: the keyboard is on the application's heading.
      await page.waitForFunction(() => document.activeElement?.id === "application-title");
      // Cancelling it: Enter on "Cancel application" lands on "Keep the application"; Escape closes the question.
      const ask = page.getByRole("button", { name: "إلغاء الطلب", exact: true });
      await ask.click();
      await page.waitForFunction(() => document.activeElement?.textContent === "تراجع");
      await page.keyboard.press("Escape");
      await page.waitForFunction(() => document.activeElement?.textContent === "إلغاء الطلب");
      expect(await page.getByRole("button", { name: "نعم، ألغِ الطلب" }).count()).toBe(0);
    } finally {
      await graphql(platform.gatewayUrl, `mutation($id: ID!) { cancelCardApplication(id: $id) { id } }`, { id }, { token });
    }
  });

  it("signs in on a device whose clock is 20 minutes fast, and takes the keyboard to a refused sign-in's error", async () => {
    const { page } = await open();
    await page.addInitScript(() => {
      const deviceNow = Date.now;
      Date.now = () => deviceNow() + 20 * 60_000;
    });
    await page.reload();
    await page.getByLabel(AR.nationalId, { exact: true }).fill(FAHAD.nationalId);
    await page.getByLabel(AR.password, { exact: true }).fill("wrong-password");
    await page.getByRole("button", { name: AR.signIn, exact: true }).press("Enter");
    await page.getByRole("alert").first().waitFor();
    const focusOnError = await page
      .waitForFunction(
        () => {
          const focused = document.activeElement;
          return !!focused && focused !== document.body && (!!focused.closest('[role="alert"]') || !!focused.querySelector('[role="alert"]'));
        },
        undefined,
        { timeout: 3_000 },
      )
      .then(() => true, () => false);
    await page.getByLabel(AR.password, { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: AR.signIn, exact: true }).click();
    await settled(page);
    await page.waitForTimeout(1_000);
    const signedInStill = (await page.getByRole("button", { name: AR.signOut, exact: true }).count()) === 1;
    expect({ focusOnError, signedInStill }).toEqual({ focusOnError: true, signedInStill: true });
  });

  it("keeps the keyboard on the review queue's status filter while the arrow keys step through the statuses", async () => {
    const page = await signedIn(OFFICERS.civilAffairs);
    await page.getByRole("heading", { level: 1, name: AR.review }).waitFor();
    await settled(page);
    const filter = page.getByLabel("الحالة", { exact: true });
    await filter.focus();
    const chosen: string[] = [];
    for (let step = 0; step < 2; step++) {
      await page.keyboard.press("ArrowDown");
      await settled(page);
      chosen.push(await filter.inputValue());
    }
    expect({ chosen, focused: await page.evaluate(() => document.activeElement?.id) }).toEqual({ chosen: ["UNDER_REVIEW", "NEEDS_CORRECTION"], focused: "review-status" });
  });

  it("gives the keyboard to the kept screen's heading after signing in again once the session expired", async () => {
    const { page } = await signedInAgainAfterExpiry();
    expect(await page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.closest("main") !== null])).toEqual(["H1", true]);
    // The page is named after the kept screen again, not after the sign-in form that was over it.
    const heading = (await page.locator("main h1").innerText()).trim();
    await page.waitForFunction((expected) => document.title === expected, `${heading} · بطاقة العائلة`, { timeout: 5_000 }).catch(() => undefined);
    expect(await page.title()).toBe(`${heading} · بطاقة العائلة`);
  });

  it("names the page after the screen shown, in the chosen language", async () => {
    const page = await signedIn(FAHAD.nationalId);
    const titled = (title: string) => page.waitForFunction((expected) => document.title === expected, title, { timeout: 5_000 }).then(() => title, () => page.title());
    const titles = [await titled("عائلتي · بطاقة العائلة")];
    await navigate(page, "ar", "access");
    titles.push(await titled("من اطّلع على بياناتي · بطاقة العائلة"));
    await page.getByRole("button", { name: AR.switchLanguage, exact: true }).click();
    titles.push(await titled("Who accessed my data · Family card"));
    expect(titles).toEqual(["عائلتي · بطاقة العائلة", "من اطّلع على بياناتي · بطاقة العائلة", "Who accessed my data · Family card"]);
  });

  it("shows the officer, person by person, whom the registry links to the applicant and which document was asked for whom", async () => {
    const abdullah = await platform.login(ABDULLAH.nationalId);
    const as = (query: string, variables: Record<string, unknown> = {}) => graphql(platform.gatewayUrl, query, variables, { token: abdullah });
    const stranger = "1000000024"; // Fahad's wife: no marriage record names Abdullah
    const created = await as(`mutation($s: [ID!]) { createCardApplication(input: { kind: MEMBERS_UPDATE, spouseIds: $s, deliveryMethod: OFFICE_PICKUP, pickupOfficeId: "RUH-01" }) { id } }`, { s: [ABDULLAH.wife, stranger] });
    const id = created.data.createCardApplication.id as string;
    try {
      const contract = { applicationId: id, type: "MARRIAGE_CONTRACT", fileName: "contract.pdf", mimeType: "application/pdf", contentBase64: Buffer.from("%PDF-1.7 contract").toString("base64") };
      expect((await as(`mutation($input: AttachDocumentInput!) { attachDocument(input: $input) { id } }`, { input: contract })).errors).toBeUndefined();
      expect((await as(`mutation($id: ID!) { submitCardApplication(id: $id) { status } }`, { id })).data.submitCardApplication.status).toBe("SUBMITTED");

      const page = await signedIn(OFFICERS.civilAffairs);
      await page.evaluate((caseId) => void (location.hash = `#/review/${encodeURIComponent(caseId)}`), id);
      await page.getByLabel("غرض الاطلاع", { exact: true }).fill(PURPOSE["x-access-purpose"]);
      await page.getByRole("button", { name: "فتح", exact: true }).click();
      const members = page.getByRole("region", { name: "الأفراد" });
      await members.getByRole("columnheader", { name: "الربط في السجل المدني" }).first().waitFor();
      await settled(page);
      // Each table found by its name, as every table of the app is.
      expect(await members.getByRole("table", { name: "الزوجات", exact: true }).count()).toBe(1);
      expect(await members.getByRole("table", { name: "الأبناء", exact: true }).count()).toBe(1);
      const rowOf = async (nationalId: string) => (await members.getByRole("row").filter({ hasText: nationalId }).innerText()).replace(/\s+/g, " ");
      expect(await rowOf(ABDULLAH.wife)).toContain("مرتبط بمقدم الطلب");
      expect(await rowOf(ABDULLAH.wife)).not.toContain("غير مرتبط");
      expect(await rowOf(stranger)).toContain("غير مرتبط بمقدم الطلب");
      expect(await rowOf(stranger)).toContain("يُطلب له: عقد الزواج");
      // A document downloaded by the keyboard leaves the keyboard on its button.
      const download = page.getByRole("button", { name: "تنزيل عقد الزواج: contract.pdf", exact: true });
      await download.focus();
      const saved = page.waitForEvent("download");
      await download.press("Enter");
      expect((await saved).suggestedFilename()).toBe("contract.pdf");
      await page.getByRole("status").filter({ hasText: "contract.pdf" }).waitFor({ state: "attached" });
      expect(await download.evaluate((button) => button === document.activeElement)).toBe(true);
    } finally {
      await as(`mutation($id: ID!) { cancelCardApplication(id: $id) { status } }`, { id });
    }
  });

  it("names each field in the labor wage form's error summary, in the form's order", async () => {
    const page = await signedIn(OFFICERS.labor);
    await page.evaluate((register) => void (location.hash = `#/support/${register}`), ABDULLAH.registerNumber);
    await page.getByLabel("غرض الاطلاع", { exact: true }).fill(PURPOSE["x-access-purpose"]);
    await page.getByRole("button", { name: "فتح", exact: true }).click();
    const wageForm = page.getByRole("form", { name: "تسجيل أجر" });
    await wageForm.getByLabel("الأجر الشهري (ريال)", { exact: true }).fill("-5");
    await wageForm.getByRole("button", { name: "تسجيل الأجر", exact: true }).click();
    await wageForm.locator(".field.invalid").first().waitFor();
    const summary = await wageForm.locator(".error-summary li").allInnerTexts();
    expect(summary.map((line) => line.split(": ")[0])).toEqual(["جهة العمل", "الأجر الشهري (ريال)"]);
    // Tried again unchanged: the keyboard goes to the summary again, not left on the button.
    const button = wageForm.getByRole("button", { name: "تسجيل الأجر", exact: true });
    await button.focus();
    await button.press("Enter");
    await page.waitForFunction(() => !!document.activeElement?.querySelector(".error-summary"));
    // A wage above the API's ceiling is refused by the form, in riyals, not by the API in halalas.
    await wageForm.getByLabel("جهة العمل", { exact: true }).fill("شركة");
    await wageForm.getByLabel("الأجر الشهري (ريال)", { exact: true }).fill("99999999999");
    await button.click();
    await wageForm.locator(".error-summary li", { hasText: "لا يتجاوز" }).waitFor();
    expect(await wageForm.locator(".error-summary li").allInnerTexts()).toEqual(["الأجر الشهري (ريال): الأجر الشهري لا يتجاوز ١٬٠٠٠٬٠٠٠٫٠٠ ر.س."]);
  });

  it("names each field in the address form's and the application form's error summaries, in the forms' order", async () => {
    const page = await signedIn(FAHAD.members[2]!); // the adult son: no address yet, no application
    await page.goto("/#/apply");
    const address = page.getByRole("region", { name: "العنوان الوطني" });
    await address.getByRole("button", { name: "حفظ العنوان", exact: true }).waitFor();
    await settled(page);
    await address.getByLabel("الرمز البريدي", { exact: true }).fill("1");
    await address.getByLabel("الشارع", { exact: true }).fill("ش".repeat(250));
    await address.getByLabel("رقم المبنى", { exact: true }).fill("x");
    await address.getByRole("button", { name: "حفظ العنوان", exact: true }).click();
    await address.locator(".error-summary li").first().waitFor();
    const addressSummary = await address.locator(".error-summary li").allInnerTexts();
    expect(addressSummary.map((line) => line.split(": ")[0])).toEqual(["رقم المبنى", "الشارع", "الحي", "المدينة", "الرمز البريدي", "الرقم الإضافي"]);

    const form = page.getByRole("region", { name: "طلب جديد" });
    await form.getByLabel("رقم هوية الزوجة ١", { exact: true }).fill("1000000017"); // a wrong check digit
    await form.getByLabel("رقم هوية الابن/الابنة ١", { exact: true }).fill("123");
    await form.getByRole("button", { name: "إنشاء الطلب", exact: true }).click();
    await form.locator(".error-summary li").first().waitFor();
    const applicationSummary = await form.locator(".error-summary li").allInnerTexts();
    expect(applicationSummary.map((line) => line.split(": ")[0])).toEqual(["رقم هوية الزوجة ١", "رقم هوية الابن/الابنة ١"]);
  });
});
