import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import {
  announced,
  buildWebForGateway,
  canvases,
  checkAccessibility,
  chooseLanguage,
  fact,
  factValue,
  fromArabicIndic,
  launchBrowser,
  navigate,
  navigationLinks,
  openPage,
  saveNationalAddress,
  scrollWidth,
  settled,
  signIn,
  VIEWPORTS,
  WORDS,
  type AccessibilityViolation,
  type Language,
  type OpenedPage,
  type ScreenName,
} from "../support/browser";
import { startInProcessPlatform, type InProcessPlatform } from "../support/inProcessPlatform";
import { ABDULLAH, ANALYST, DEMO_PASSWORD, FAHAD, KHALID, login, OFFICERS, run, runPersisted, type Stats, writeTestManifest } from "./scenario";
import { enrollmentMessages } from "../../subgraphs/labor/src/enrollments/messages";
import { riyadhLocalMinute, riyadhLocalToDateTime } from "../../kernel/riyadhCalendar";

/**
 * The officers' screens (civil affairs' review, Saudi Post's shipments, labor's support queue) and
 * the analysts' dashboard in a real browser (Chromium) against the real platform: three agencies
 * and the gateway, which refuses every operation it does not know (ONLY_PERSISTED_OPERATIONS=true)
 * and, as in production, every officer who states no purpose (ACCESS_PURPOSE_REQUIRED=true). The
 * app is registered by the manifest its build writes; the few operations this file runs itself to
 * prepare and cross-check data (scenario.ts, named Test*) by a manifest of their own. Nothing is
 * mocked.
 *
 * The tests share one platform and one browser and run in order, each person signed in once in a
 * page of their own kept for the whole file: Khalid applies and the civil-affairs officer issues
 * his card; the postal operator delivers it; a labor officer approves Abdullah's Citizen Account
 * enrollment while the analyst watches the dashboard; the dashboard is checked against the API;
 * Fahad is refused the officers' screens; then every officer screen and the dashboard go through
 * axe-core and a 360 px phone, in both languages.
 */
const PURPOSE = {
  review: "مراجعة طلب بطاقة عائلة جديدة",
  shipment: "تسجيل أحداث توصيل بطاقة العائلة",
  support: "دراسة طلب حساب المواطن",
} as const;

/** The shipment's statuses as the family and the operator read them (web/src/family/labels.ts). */
const SHIPMENT_STATUS = {
  ar: { CREATED: "أُنشئت الشحنة", PICKED_UP: "استلمها البريد", IN_TRANSIT: "في الطريق", OUT_FOR_DELIVERY: "خرجت للتوصيل", DELIVERED: "سُلّمت", DELIVERY_FAILED: "تعذّر التسليم" },
} as const;

/** Waits until the <dd> beside `term` says `value`. */
async function factBecomes(scope: Page | Locator, term: string, value: string): Promise<void> {
  const dd = factValue(scope, term);
  await dd.filter({ hasText: new RegExp(`^\\s*${value}\\s*$`) }).waitFor({ timeout: 10_000 }).catch(async () => {
    throw new Error(`${term}: ${JSON.stringify(await dd.innerText().catch(() => "(absent)"))}, not ${JSON.stringify(value)}`);
  });
}

/** One row of a chart's numbers table: its heading, each cell's data-value and visible text. */
interface NumbersRow {
  label: string;
  values: number[];
  texts: string[];
}

/** A dashboard chart's numbers table (`#<chart>-numbers`, web/src/dashboard/Chart.tsx), row by row. */
async function numbers(page: Page, chart: string): Promise<NumbersRow[]> {
  return page.locator(`#${chart}-numbers tbody tr`).evaluateAll((rows) =>
    rows.map((row) => ({
      label: (row.querySelector("th") as HTMLElement).innerText.trim(),
      values: [...row.querySelectorAll("td")].map((cell) => Number(cell.getAttribute("data-value"))),
      texts: [...row.querySelectorAll("td")].map((cell) => (cell as HTMLElement).innerText.trim()),
    })),
  );
}

/** The values of a numbers table, row by row: what the API's stats are compared with. */
const valuesOf = (rows: NumbersRow[]) => rows.map((row) => row.values);

/**
 * Every cell's visible number against its data-value: Arabic-Indic digits only in Arabic (with the
 * Arabic thousands separator), Latin ones in English. Lists the cells that disagree.
 */
function misprinted(rows: NumbersRow[], language: Language): string[] {
  const wrong: string[] = [];
  for (const row of rows) {
    row.texts.forEach((text, index) => {
      const digits = language === "ar" ? /^[\u0660-\u0669\u066C]+$/ : /^[0-9,]+$/;
      const plain = fromArabicIndic(text).replace(/[\u066C,]/g, "");
      if (!digits.test(text) || Number(plain) !== row.values[index]) wrong.push(`${row.label} #${index + 1}: ${JSON.stringify(text)} for ${row.values[index]}`);
    });
  }
  return wrong;
}

describe("the officers' screens and the analysts' dashboard in a browser, on a gateway that accepts only persisted operations", () => {
  let platform: InProcessPlatform;
  let browser: Browser;
  let origin: string;
  let webDir: string;
  let scratch: string;
  /** The app's operations by name, as its build registered them (persisted-operations.json). */
  let appOperations: Map<string, string>;
  /** Each person's page, signed in once for the whole file. */
  const people = new Map<string, OpenedPage>();
  /** What test 1 leaves: Khalid's application, card and shipment. */
  let khalid: { applicationId: string; cardNumber: string; trackingNumber: string } | undefined;

  /** The page `nationalId` is signed in on (signing in the first time), in `language`. */
  const as = async (nationalId: string, language: Language = "ar"): Promise<OpenedPage> => {
    let opened = people.get(nationalId);
    if (!opened) {
      opened = await openPage(browser, origin, { viewport: VIEWPORTS.desktop });
      people.set(nationalId, opened);
      await opened.page.goto("/");
      await opened.page.getByLabel(WORDS.ar.nationalId, { exact: true }).waitFor();
      await chooseLanguage(opened.page, language);
      await signIn(opened.page, nationalId, DEMO_PASSWORD, language);
      await opened.page.getByRole("button", { name: WORDS[language].signOut, exact: true }).waitFor({ timeout: 2_000 });
      await settled(opened.page);
    } else {
      await chooseLanguage(opened.page, language);
    }
    return opened;
  };

  /** The problems a page meets from now on (a test's happy path expects none). */
  const from = (opened: OpenedPage) => {
    const before = opened.problems().length;
    return () => opened.problems().slice(before);
  };

  /** Variables of the next request of the app's operation `name` that `trigger` causes. */
  const variablesOf = async (page: Page, name: string, trigger: () => Promise<unknown>): Promise<Record<string, any>> => {
    const hash = appOperations.get(name);
    if (!hash) throw new Error(`the app has no operation ${name}`);
    const sent = page.waitForRequest((request) => request.url().endsWith("/graphql") && (request.postData() ?? "").includes(hash), { timeout: 10_000 });
    await trigger();
    return (JSON.parse((await sent).postData()!) as { variables: Record<string, any> }).variables;
  };

  beforeAll(async () => {
    // The gateway registers the app's manifest when it starts: build first.
    webDir = await buildWebForGateway();
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "officers-app-"));
    const manifest = JSON.parse(fs.readFileSync(path.join(webDir, "persisted-operations.json"), "utf8")) as { operations: Array<{ id: string; name: string }> };
    appOperations = new Map(manifest.operations.map((operation) => [operation.name, operation.id]));
    [platform, browser] = await Promise.all([
      startInProcessPlatform({
        env: {
          ONLY_PERSISTED_OPERATIONS: "true",
          // As in production: an officer who states no purpose reads nothing of anyone.
          ACCESS_PURPOSE_REQUIRED: "true",
          PERSISTED_OPERATIONS_FILE: writeTestManifest(path.join(scratch, "test-operations.json")),
          WEB_DIR: webDir,
        },
      }),
      launchBrowser(),
    ]);
    origin = new URL(platform.gatewayUrl).origin;
  }, 240_000);

  afterAll(async () => {
    await Promise.all([...people.values()].map((opened) => opened.close().catch(() => undefined)));
    await browser?.close();
    await platform?.stop();
    for (const dir of [webDir, scratch]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it("lets a civil-affairs officer review, approve and issue the card Khalid applied for, and Khalid then sees it on My family", async () => {
    // Khalid applies with his wife and son, delivery by Saudi Post, through the citizens' app.
    const citizen = await as(KHALID.nationalId);
    const citizenProblems = from(citizen);
    const { page } = citizen;
    await navigate(page, "ar", "apply");
    await settled(page);
    const form = page.getByRole("region", { name: "طلب جديد" });
    await form.getByLabel("رقم هوية الزوجة ١", { exact: true }).fill(KHALID.wife);
    await form.getByLabel("رقم هوية الابن/الابنة ١", { exact: true }).fill(KHALID.son);
    await form.getByRole("radio", { name: "البريد السعودي (توصيل إلى العنوان الوطني)", exact: true }).check();
    await form.getByRole("button", { name: "إنشاء الطلب", exact: true }).click();
    const application = page.getByRole("region", { name: "طلبك الحالي" });
    await application.waitFor();
    await settled(page);
    // Saudi Post needs his national address, which the registry does not have yet.
    const address = page.getByRole("region", { name: "العنوان الوطني" });
    await saveNationalAddress(page, address);
    await application.getByRole("button", { name: "تقديم الطلب", exact: true }).click();
    await factBecomes(application, "الحالة", "مقدَّم");
    await settled(page);

    // The civil-affairs officer lands on the review queue (submitted applications, oldest first).
    const officer = await as(OFFICERS.civilAffairs);
    const officerProblems = from(officer);
    const review = officer.page;
    // Signed in with no screen in the address: his first screen is put there.
    expect(await review.evaluate(() => location.hash)).toBe("#/review");
    await review.getByRole("heading", { level: 1, name: "طلبات البطاقات" }).waitFor();
    await settled(review);
    const open = review.getByRole("link", { name: `فتح الطلب: ${KHALID.fullNameAr}`, exact: true });
    // Khalid's is the newest: on a later page when the demo data has more than a page submitted.
    while ((await open.count()) === 0) {
      await review.getByRole("button", { name: "الصفحة التالية", exact: true }).click();
      await settled(review);
    }
    await open.click();
    await review.waitForFunction(() => /^#\/review\/.+/.test(location.hash));
    const applicationId = decodeURIComponent((await review.evaluate(() => location.hash)).replace("#/review/", ""));

    // The purpose first: nothing of the case is read before it is stated.
    await review.getByRole("heading", { level: 1, name: "مراجعة طلب بطاقة العائلة" }).waitFor();
    expect(await review.getByRole("heading", { name: "مقدم الطلب" }).count()).toBe(0);
    await review.getByLabel("غرض الاطلاع", { exact: true }).fill(PURPOSE.review);
    await review.getByRole("button", { name: "فتح", exact: true }).click();
    await review.getByRole("heading", { level: 2, name: "مقدم الطلب" }).waitFor();
    await settled(review);
    await announced(review, "فُتح الطلب");
    expect(await fact(review, "رقم الهوية")).toBe(KHALID.nationalId);
    expect(await fact(review, "الحالة")).toBe("مقدَّم");
    expect(await review.getByText(`الغرض المعلن: ${PURPOSE.review}`).count()).toBe(1);
    const members = review.getByRole("region", { name: "الأفراد" });
    await expect(members.innerText()).resolves.toContain(KHALID.wife);
    await expect(members.innerText()).resolves.toContain(KHALID.son);

    // Start review, approve, issue: each move's result on the screen, said, and in the history.
    const moves = review.getByRole("region", { name: "الإجراءات" });
    const history = review.getByRole("region", { name: "سجل الحالة" }).locator("ol > li");
    const steps: Array<[button: string, status: string, said: string | RegExp]> = [
      ["بدء المراجعة", "قيد المراجعة", "بدأت المراجعة"],
      ["اعتماد", "مقبول", "تم الاعتماد"],
      ["إصدار البطاقة", "صدرت البطاقة", /^صدرت البطاقة رقم FC\d+$/],
    ];
    let cardSaid = "";
    for (const [button, status, said] of steps) {
      const before = await history.count();
      await moves.getByRole("button", { name: button, exact: true }).click();
      await factBecomes(review, "الحالة", status);
      cardSaid = await announced(review, said);
      await review.waitForFunction(({ count }) => document.querySelectorAll("#case-history-title ~ ol > li").length > count, { count: before });
      expect(await history.last().innerText()).toMatch(new RegExp(`← ${status}[\\s\\S]*بواسطة: أنت`));
      expect(await moves.getByRole("alert").count()).toBe(0);
    }
    await settled(review);
    const cardNumber = /FC\d+/.exec(cardSaid)![0];
    expect(await fact(review, "رقم البطاقة")).toBe(cardNumber);
    expect(await moves.innerText()).toContain("لا إجراء على الطلب في حالته هذه.");

    // The card went to delivery by the CardIssued event: wait for its shipment, then Khalid looks.
    const token = await login(platform.gatewayUrl, KHALID.nationalId);
    let card: { cardNumber: string; delivery: { __typename: string; trackingNumber?: string; carrier?: string; shipmentStatus?: string } | null } | null = null;
    for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 250))) {
      card = (await run(platform.gatewayUrl, "myCard", {}, { token })).me.family?.card ?? null;
      if (card?.delivery) break;
    }
    expect(card).toMatchObject({ cardNumber, delivery: { __typename: "Shipment", shipmentStatus: "CREATED" } });
    const trackingNumber = card!.delivery!.trackingNumber!;
    khalid = { applicationId, cardNumber, trackingNumber };

    await navigate(page, "ar", "family");
    await settled(page);
    const cardSection = page.getByRole("region", { name: "بطاقة العائلة" });
    await cardSection.waitFor();
    expect(await fact(cardSection, "رقم البطاقة")).toBe(cardNumber);
    expect(await fact(cardSection, "الحالة")).toBe("سارية");
    expect(await fact(cardSection, "رقم التتبع")).toBe(trackingNumber);
    expect(await fact(cardSection, "حالة الشحنة")).toMatch(new RegExp(`^${SHIPMENT_STATUS.ar.CREATED}`));
    const family = page.getByRole("region", { name: "أفراد الأسرة" });
    expect((await family.locator("tbody tr td:nth-child(3)").allInnerTexts()).map((text) => text.trim()).sort()).toEqual([KHALID.nationalId, KHALID.wife, KHALID.son].sort());

    expect({ citizen: citizenProblems(), officer: officerProblems() }).toEqual({ citizen: [], officer: [] });
  }, 90_000);

  it("lets the postal operator move Khalid's shipment event by event to DELIVERED, and Khalid's tracking timeline shows it delivered", async () => {
    if (!khalid) throw new Error("needs Khalid's card from the test before");
    const { trackingNumber } = khalid;
    const operator = await as(OFFICERS.post);
    const operatorProblems = from(operator);
    const { page } = operator;
    // Signed in with no screen in the address: his first screen is put there.
    expect(await page.evaluate(() => location.hash)).toBe("#/shipments");
    await page.getByRole("heading", { level: 1, name: "الشحنات بانتظار الحدث التالي" }).waitFor();
    await settled(page);

    // His shipment waits in the queue (the newest event last: on a later page when the queue is long).
    const row = page.getByRole("button", { name: `تسجيل حدث للشحنة ${trackingNumber}`, exact: true });
    while ((await row.count()) === 0) {
      await page.getByRole("button", { name: "الصفحة التالية", exact: true }).click();
      await settled(page);
    }
    await row.click();
    const panel = page.locator("#shipment-case");
    await panel.getByLabel("غرض الاطلاع", { exact: true }).fill(PURPOSE.shipment);
    await panel.getByRole("button", { name: "فتح", exact: true }).click();
    await announced(page, `فُتحت الشحنة ${trackingNumber}`);
    await settled(page);
    expect(await fact(panel, "الحالة")).toBe(SHIPMENT_STATUS.ar.CREATED);
    expect(await fact(panel, "اسم المستلم")).toContain("خالد");

    // RULES.md, "Delivery": CREATED → PICKED_UP → IN_TRANSIT → OUT_FOR_DELIVERY → DELIVERED, one event at a time.
    const route: Array<["PICKED_UP" | "IN_TRANSIT" | "OUT_FOR_DELIVERY" | "DELIVERED", string[], string]> = [
      ["PICKED_UP", ["PICKED_UP"], "مركز فرز الرياض"],
      ["IN_TRANSIT", ["IN_TRANSIT"], "الطريق إلى حي اليرموك"],
      ["OUT_FOR_DELIVERY", ["OUT_FOR_DELIVERY"], "مكتب بريد اليرموك"],
      ["DELIVERED", ["DELIVERED", "DELIVERY_FAILED"], "حي اليرموك"],
    ];
    // A location over the API's 200 characters: the summary names the field it is about.
    await panel.getByLabel("الموقع", { exact: true }).fill("م".repeat(201));
    await panel.getByRole("button", { name: "تسجيل", exact: true }).click();
    await panel.locator(".error-summary li").first().waitFor();
    expect(await panel.locator(".error-summary li").allInnerTexts()).toEqual(["الموقع: النص أطول من ٢٠٠ حرف."]);
    // When it happened, Riyadh time: not in the future (said by the form itself), else as given.
    const happenedAt = panel.getByLabel("وقت الحدث", { exact: true });
    await happenedAt.fill(riyadhLocalMinute(new Date(Date.now() + 86_400_000)));
    await panel.getByLabel("الموقع", { exact: true }).fill(route[0]![2]);
    await panel.getByRole("button", { name: "تسجيل", exact: true }).click();
    await panel.getByText("وقت الحدث: وقت الحدث في المستقبل: اتركه فارغاً لحدث يقع الآن.", { exact: true }).waitFor();
    // To the second: the shipment was created (issued) less than a minute ago.
    const now = new Date();
    const pickedUpAt = `${riyadhLocalMinute(now)}:${String(now.getUTCSeconds()).padStart(2, "0")}`;
    await happenedAt.fill(pickedUpAt);
    for (const [status, offered, location] of route) {
      const select = panel.getByLabel("الحالة الجديدة", { exact: true });
      expect(await select.locator("option").evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))).toEqual(offered);
      await select.selectOption(status);
      await panel.getByLabel("الموقع", { exact: true }).fill(location);
      await panel.getByRole("button", { name: "تسجيل", exact: true }).click();
      await factBecomes(panel, "الحالة", SHIPMENT_STATUS.ar[status]);
      const recorded = `سُجّل الحدث: الشحنة ${trackingNumber}، ${SHIPMENT_STATUS.ar[status]}`;
      await announced(page, status === "DELIVERED" ? `${recorded}. خرجت الشحنة من قائمة الانتظار.` : recorded);
      expect(await panel.getByRole("alert").count()).toBe(0);
      // The timeline, oldest first, ends with the event and where it happened.
      expect(await panel.locator("ol.timeline > li").last().innerText()).toContain(`${SHIPMENT_STATUS.ar[status]}`);
      expect(await panel.locator("ol.timeline > li").last().innerText()).toContain(location);
    }
    await settled(page);
    expect(await panel.locator("ol.timeline > li").count()).toBe(5);
    const [pickedUp] = await platform.subgraphs.delivery.db.query(`SELECT at FROM tracking_event WHERE tracking_number = $1 AND status = 'PICKED_UP'`, [trackingNumber]);
    expect(new Date(pickedUp.at).toISOString()).toBe(new Date(riyadhLocalToDateTime(pickedUpAt)).toISOString());
    // Delivered: no event left to record, and the shipment left the queue.
    await panel.getByText("خرجت الشحنة من قائمة الانتظار.", { exact: true }).waitFor();
    expect(await panel.getByLabel("الحالة الجديدة", { exact: true }).count()).toBe(0);
    expect(await row.count()).toBe(0);
    expect(await fact(panel, "تاريخ التسليم")).not.toBe("");

    // Khalid's family screen, read again: delivered, and the whole timeline, newest first.
    const citizen = await as(KHALID.nationalId);
    const citizenProblems = from(citizen);
    await citizen.page.reload();
    const cardSection = citizen.page.getByRole("region", { name: "بطاقة العائلة" });
    await cardSection.waitFor();
    await settled(citizen.page);
    expect(await fact(cardSection, "رقم التتبع")).toBe(trackingNumber);
    expect(await fact(cardSection, "حالة الشحنة")).toBe(SHIPMENT_STATUS.ar.DELIVERED);
    expect(await fact(cardSection, "تاريخ التسليم")).not.toBe("");
    const timeline = cardSection.locator("h3", { hasText: /^مسار الشحنة$/ }).locator("xpath=following-sibling::ol[1]/li/strong");
    expect((await timeline.allInnerTexts()).map((text) => text.trim())).toEqual(
      (["DELIVERED", "OUT_FOR_DELIVERY", "IN_TRANSIT", "PICKED_UP", "CREATED"] as const).map((status) => SHIPMENT_STATUS.ar[status]),
    );

    const { me } = await run(platform.gatewayUrl, "myCard", {}, { token: await login(platform.gatewayUrl, KHALID.nationalId) });
    expect(me.family.card.delivery).toMatchObject({ trackingNumber, shipmentStatus: "DELIVERED" });

    // The purposes the officers stated (in Arabic, sent percent-encoded) reached each agency's record as typed.
    await navigate(citizen.page, "ar", "access");
    const accesses = citizen.page.getByRole("main").getByRole("table");
    await accesses.waitFor();
    await settled(citizen.page);
    const rows = await accesses.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll("td")].map((td) => (td as HTMLElement).innerText.trim());
        return `${cells[1]} | ${cells[5]}`;
      }),
    );
    expect(rows).toEqual(expect.arrayContaining([`الأحوال المدنية | ${PURPOSE.review}`, `البريد السعودي | ${PURPOSE.shipment}`]));
    expect({ operator: operatorProblems(), citizen: citizenProblems() }).toEqual({ operator: [], citizen: [] });
  }, 60_000);

  it("lets Abdullah apply for Citizen Account from his family's screen, a labor officer approve it, and the dashboard's enrolled count rise by one", async () => {
    // Abdullah's family (six, 4,000 SAR a month) is eligible for Citizen Account and has no
    // enrollment in the demo data.
    const abdullah = await login(platform.gatewayUrl, ABDULLAH.nationalId);
    const before = (await run(platform.gatewayUrl, "mySupport", {}, { token: abdullah })).me.family;
    expect(before.registerNumber).toBe(ABDULLAH.registerNumber);
    expect(before.eligibility.find((decision: { program: { code: string } }) => decision.program.code === "CITIZEN_ACCOUNT")).toMatchObject({ eligible: true });
    expect(before.enrollments.filter((enrollment: { program: { code: string } }) => enrollment.program.code === "CITIZEN_ACCOUNT")).toEqual([]);
    const programs = await run<Stats>(platform.gatewayUrl, "stats", { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date().toISOString() }, { token: await login(platform.gatewayUrl, ANALYST.nationalId) });
    const row = programs.programStats.findIndex((entry) => entry.program.code === "CITIZEN_ACCOUNT");
    const program = programs.programStats[row]!.program.nameAr;
    const applyFor = (page: Page) => page.getByRole("article", { name: program, exact: true }).getByRole("button", { name: `طلب التسجيل في ${program}`, exact: true });

    // His wife reads the same eligibility, but the head of the family is the one who applies.
    const wife = await as(ABDULLAH.wife);
    await wife.page.getByRole("heading", { level: 1, name: "عائلتي" }).waitFor();
    await settled(wife.page);
    const wifesView = await wife.page.getByRole("article", { name: program, exact: true }).innerText();
    expect(wifesView).toContain("يتقدّم ربّ الأسرة بطلب التسجيل في البرنامج.");
    // The monthly amount in Arabic-Indic digits, as the reasons beside it.
    expect(wifesView).toMatch(/[٠-٩]+٫[٠-٩]{2} ر\.س/);
    expect(wifesView).not.toMatch(/[0-9]/);
    expect(await applyFor(wife.page).count()).toBe(0);

    // He applies from his family's screen; the program then says his request is pending.
    const applicant = await as(ABDULLAH.nationalId);
    const applicantProblems = from(applicant);
    await applyFor(applicant.page).click();
    await announced(applicant.page, `أُرسل طلب التسجيل في ${program}، وهو الآن قيد الدراسة.`);
    await settled(applicant.page);
    expect(await applyFor(applicant.page).count()).toBe(0);
    const requested = applicant.page.getByRole("article", { name: program, exact: true }).getByText("طلب التسجيل: قيد الدراسة", { exact: true });
    expect(await requested.evaluate((line) => line === document.activeElement)).toBe(true);
    const enrollment = (await run(platform.gatewayUrl, "mySupport", {}, { token: abdullah })).me.family.enrollments.find(
      (one: { program: { code: string } }) => one.program.code === "CITIZEN_ACCOUNT",
    );
    expect(enrollment).toMatchObject({ status: "PENDING" });
    expect(applicantProblems()).toEqual([]);

    // The analyst's dashboard before: Citizen Account's eligible, enrolled and pending families.
    const analyst = await as(ANALYST.nationalId);
    const analystProblems = from(analyst);
    await analyst.page.getByRole("heading", { level: 1, name: "لوحة المؤشرات" }).waitFor();
    await analyst.page.reload();
    await analyst.page.locator("#programs-numbers").waitFor();
    await settled(analyst.page);
    const citizenAccount = async () => (await numbers(analyst.page, "programs"))[row]!;
    const shown = await citizenAccount();
    expect(shown.label).toBe(program);
    const [eligible, enrolled, pending] = shown.values;
    expect(pending).toBeGreaterThanOrEqual(1);

    // The labor officer lands on the support screen; the enrollments waiting for a decision come first.
    const officer = await as(OFFICERS.labor);
    const officerProblems = from(officer);
    const { page } = officer;
    // Signed in with no screen in the address: his first screen is put there.
    expect(await page.evaluate(() => location.hash)).toBe("#/support");
    await page.getByRole("heading", { level: 1, name: "الدعم الاجتماعي" }).waitFor();
    await settled(page);
    const queue = page.getByRole("region", { name: "طلبات التسجيل قيد الدراسة" });
    const approve = queue.getByRole("button", { name: `قبول طلب ${program} للأسرة ${ABDULLAH.registerNumber}`, exact: true });
    // Abdullah applied last: on a later page when more than a page is waiting.
    while ((await approve.count()) === 0) {
      await queue.getByRole("navigation", { name: "صفحات طلبات التسجيل" }).getByRole("button", { name: "الصفحة التالية", exact: true }).click();
      await settled(page);
    }
    // His row shows his family eligible for the program it asks for.
    const abdullahsRow = queue.locator("tbody tr").filter({ has: page.getByRole("button", { name: `قبول طلب ${program} للأسرة ${ABDULLAH.registerNumber}`, exact: true }) });
    expect(await abdullahsRow.locator("th").innerText()).toBe(program);
    expect(await abdullahsRow.innerText()).toContain("مؤهلة");
    await approve.click();
    await announced(page, `قُبل طلب ${program} للأسرة ${ABDULLAH.registerNumber}`);
    await settled(page);
    // Decided: it left the list.
    expect(await approve.count()).toBe(0);
    expect(await queue.getByRole("alert").count()).toBe(0);
    const { me } = await run(platform.gatewayUrl, "mySupport", {}, { token: abdullah });
    expect(me.family.enrollments.find((one: { id: string }) => one.id === enrollment.id)).toMatchObject({ status: "APPROVED" });

    // His family opened: a wage with every problem the form can tell shows them all at once, next to their inputs.
    await page.evaluate((register) => void (location.hash = `#/support/${register}`), ABDULLAH.registerNumber);
    await page.getByLabel("غرض الاطلاع", { exact: true }).fill(PURPOSE.support);
    await page.getByRole("button", { name: "فتح", exact: true }).click();
    const wageForm = page.getByRole("form", { name: "تسجيل أجر" });
    await wageForm.getByLabel("الأجر الشهري (ريال)", { exact: true }).fill("-5");
    await wageForm.getByRole("button", { name: "تسجيل الأجر", exact: true }).click();
    await wageForm.locator(".field.invalid").first().waitFor();
    expect(await wageForm.locator(".field.invalid label").allInnerTexts()).toEqual(["جهة العمل", "الأجر الشهري (ريال)"]);

    // The dashboard, read again: one more family enrolled, one fewer pending, as many eligible.
    await analyst.page.reload();
    await analyst.page.locator("#programs-numbers").waitFor();
    await settled(analyst.page);
    expect((await citizenAccount()).values).toEqual([eligible, enrolled! + 1, pending! - 1]);

    expect({ officer: officerProblems(), analyst: analystProblems() }).toEqual({ officer: [], analyst: [] });
  }, 60_000);

  it("says why Abdullah's application for a program was refused when he had applied from elsewhere meanwhile, and shows the request that is open", async () => {
    const applicant = await as(ABDULLAH.nationalId);
    const problems = from(applicant);
    const { page } = applicant;
    const token = await login(platform.gatewayUrl, ABDULLAH.nationalId);
    const { programStats } = await run<Stats>(platform.gatewayUrl, "stats", { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date().toISOString() }, { token: await login(platform.gatewayUrl, ANALYST.nationalId) });
    const program = programStats.find((entry) => entry.program.code === "FOOD_SUPPORT")!.program.nameAr;
    await navigate(page, "ar", "family");
    await settled(page);
    const card = page.getByRole("article", { name: program, exact: true });
    const apply = card.getByRole("button", { name: `طلب التسجيل في ${program}`, exact: true });
    await apply.waitFor();

    // From another device, while this screen still offers the button.
    expect((await run(platform.gatewayUrl, "enrollInProgram", { program: "FOOD_SUPPORT", registerNumber: ABDULLAH.registerNumber }, { token })).enrollInProgram).toMatchObject({ status: "PENDING" });
    await apply.click();
    // The family read again: the request open instead of the button, and the refusal still there.
    await card.getByText("طلب التسجيل: قيد الدراسة", { exact: true }).waitFor();
    await settled(page);
    expect(await apply.count()).toBe(0);
    expect(await card.getByRole("alert").allInnerTexts()).toEqual([expect.stringContaining(enrollmentMessages.alreadyOpen.ar())]);
    expect(problems()).toEqual([]);
  });

  it("draws the analyst's charts with the API's numbers for the window shown, in Arabic and English, and the window picker changes the days", async () => {
    const analyst = await as(ANALYST.nationalId);
    const problems = from(analyst);
    const { page } = analyst;
    const token = await login(platform.gatewayUrl, ANALYST.nationalId);
    const charts = ["per-day", "by-status", "by-kind", "delivered-per-day", "pickups", "programs"];

    /** Every numbers table against the API's stats for the same window; the canvases drawn. */
    const compare = async (window: Record<string, any>, language: Language) => {
      await settled(page);
      const stats = await run<Stats>(platform.gatewayUrl, "stats", { from: window.from, to: window.to }, { token });
      const applications = stats.applicationStats;
      const delivery = stats.deliveryStats;
      const shown = Object.fromEntries(await Promise.all(charts.map(async (chart) => [chart, await numbers(page, chart)] as const)));
      const name = (entry: { nameAr: string; nameEn: string }) => (language === "ar" ? entry.nameAr : entry.nameEn);
      expect({
        "per-day": valuesOf(shown["per-day"]!),
        "by-status": valuesOf(shown["by-status"]!),
        "by-kind": valuesOf(shown["by-kind"]!),
        "delivered-per-day": valuesOf(shown["delivered-per-day"]!),
        pickups: shown.pickups!.map((row) => [row.label, ...row.values]),
        programs: shown.programs!.map((row) => [row.label, ...row.values]),
      }).toEqual({
        "per-day": applications.submittedPerDay.map((point, index) => [point.count, applications.issuedPerDay[index]!.count]),
        "by-status": applications.byStatus.map((entry) => [entry.count]),
        "by-kind": applications.byKind.map((entry) => [entry.count]),
        "delivered-per-day": delivery.deliveredPerDay.map((point) => [point.count]),
        pickups: delivery.pickupsByOffice.map((entry) => [name(entry.office), entry.waiting, entry.collected]),
        programs: stats.programStats.map((entry) => [name(entry.program), entry.eligibleFamilies, entry.enrolledFamilies, entry.pendingEnrollments]),
      });
      // The per-day series cover the same days (the number of calendar days in the window).
      expect(shown["per-day"]!.length).toBe(applications.submittedPerDay.length);
      expect(shown["delivered-per-day"]!.length).toBe(delivery.deliveredPerDay.length);
      const wrong = Object.values(shown).flatMap((rows) => misprinted(rows, language));
      expect({ language, wrong }).toEqual({ language, wrong: [] });
      const drawn = await canvases(page);
      expect(drawn).toHaveLength(charts.length);
      expect({ language, blank: drawn.filter((canvas) => !canvas.drawn) }).toEqual({ language, blank: [] });
      return shown["per-day"]!.length;
    };

    // Arabic, the default window (the last 30 days).
    await chooseLanguage(page, "ar");
    const thirty = await variablesOf(page, "Dashboard", () => page.reload());
    expect(Date.parse(thirty.to) - Date.parse(thirty.from)).toBe(30 * 86_400_000);
    expect(Math.abs(Date.now() - Date.parse(thirty.to))).toBeLessThan(60_000);
    await page.locator("#programs-numbers").waitFor();
    expect(await page.getByRole("radio", { name: "آخر ٣٠ يوماً", exact: true }).isChecked()).toBe(true);
    const days30 = await compare(thirty, "ar");

    // English: the same window read again, the same numbers in Latin digits.
    const english = await variablesOf(page, "Dashboard", () => chooseLanguage(page, "en"));
    await page.getByRole("heading", { level: 1, name: "Dashboard" }).waitFor();
    expect(english).toEqual(thirty);
    await compare(english, "en");

    // The window picker: 7 and 90 days, each compared with the API for its own window.
    const seven = await variablesOf(page, "Dashboard", () => page.getByRole("radio", { name: "Last 7 days", exact: true }).check());
    expect(Date.parse(seven.to) - Date.parse(seven.from)).toBe(7 * 86_400_000);
    await page.waitForFunction((count) => document.querySelectorAll("#per-day-numbers tbody tr").length !== count, days30);
    await announced(page, "The figures now cover the last 7 days.");
    const days7 = await compare(seven, "en");
    // The switch reads the same window again; waited for, so that it is not taken for the next read.
    expect(await variablesOf(page, "Dashboard", () => chooseLanguage(page, "ar"))).toEqual(seven);
    await settled(page);
    const ninety = await variablesOf(page, "Dashboard", () => page.getByRole("radio", { name: "آخر ٩٠ يوماً", exact: true }).check());
    expect(Date.parse(ninety.to) - Date.parse(ninety.from)).toBe(90 * 86_400_000);
    await page.waitForFunction((count) => document.querySelectorAll("#per-day-numbers tbody tr").length > count, days30);
    await announced(page, "تعرض الأرقام الآن آخر ٩٠ يوماً.");
    const days90 = await compare(ninety, "ar");
    expect({ days7, days30, days90 }).toEqual({ days7: expect.any(Number), days30: expect.any(Number), days90: expect.any(Number) });
    expect(days7).toBeGreaterThanOrEqual(7);
    expect(days7).toBeLessThanOrEqual(8);
    expect(days30).toBeGreaterThanOrEqual(30);
    expect(days90).toBeGreaterThanOrEqual(90);
    expect(days7 < days30 && days30 < days90).toBe(true);

    // Back to the default window for the screens that follow.
    await page.getByRole("radio", { name: "آخر ٣٠ يوماً", exact: true }).check();
    await settled(page);
    expect(problems()).toEqual([]);
  }, 60_000);

  it("refuses a citizen the officers' screens with the API's FORBIDDEN message, and shows him no link to them", async () => {
    const citizen = await as(FAHAD.nationalId);
    const problems = from(citizen);
    const { page } = citizen;
    await page.getByRole("heading", { level: 1, name: "عائلتي" }).waitFor();
    expect(await navigationLinks(page, "ar")).toEqual([WORDS.ar.family, WORDS.ar.apply, WORDS.ar.access]);

    const token = await login(platform.gatewayUrl, FAHAD.nationalId);
    // Each screen's first request, as the app sends it: what the API answers Fahad.
    const screens: Array<[ScreenName, string, Record<string, unknown>]> = [
      ["review", "ReviewQueue", { status: "SUBMITTED", first: 20, after: null }],
      ["shipments", "ShipmentsAwaiting", { first: 20, after: null }],
      ["support", "SupportPendingEnrollments", { first: 20, after: null }],
      ["pickups", "PickupsAwaiting", { officeId: "RUH-01", first: 20, after: null }],
      ["dashboard", "Dashboard", { from: new Date(Date.now() - 30 * 86_400_000).toISOString(), to: new Date().toISOString() }],
    ];
    const shown: Record<string, string> = {};
    const expected: Record<string, string> = {};
    for (const [screen, operation, variables] of screens) {
      const sent = page.waitForResponse((response) => response.url().endsWith("/graphql") && (response.request().postData() ?? "").includes(appOperations.get(operation)!));
      await page.evaluate((hash) => (location.hash = hash), `#/${screen}`);
      const alert = page.getByRole("main").getByRole("alert");
      await alert.first().waitFor();
      await settled(page);
      shown[screen] = (await alert.first().innerText()).trim();
      const answer = (await (await sent).json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
      expect({ screen, code: answer.errors?.[0]?.extensions?.code }).toEqual({ screen, code: "FORBIDDEN" });
      const api = await runPersisted(platform.gatewayUrl, appOperations.get(operation)!, variables, { token, lang: "ar" });
      expect({ screen, code: api.errors?.[0]?.extensions?.code }).toEqual({ screen, code: "FORBIDDEN" });
      expected[screen] = api.errors![0]!.message;
      // Nothing to work with, nor words for the officers: no table, form, picker or note.
      expect({ screen, tables: await page.getByRole("main").locator("table, form, select, .notice").count() }).toEqual({ screen, tables: 0 });
      expect(await navigationLinks(page, "ar")).toEqual([WORDS.ar.family, WORDS.ar.apply, WORDS.ar.access]);
    }
    for (const [screen, message] of Object.entries(shown)) {
      expect(message).toMatch(/[\u0600-\u06FF]/);
      expect({ screen, message }).toEqual({ screen, message: expect.stringContaining(expected[screen]!) });
    }
    // A refusal is an answer (HTTP 200 with the error), not a failure of the page.
    expect(problems()).toEqual([]);
  }, 60_000);

  it("finds no serious or critical accessibility violation on the officers' screens and the dashboard, in Arabic and English, and fits them on a 360 px phone", async () => {
    if (!khalid) throw new Error("needs Khalid's card from the first test");
    const found: Record<string, AccessibilityViolation[]> = {};
    const widths: Record<string, number> = {};
    const problems: Record<string, string[]> = {};

    /** axe at desktop size, then the width at 360 px (the screen as it is, read again if it asks). */
    const check = async (page: Page, name: string) => {
      await settled(page);
      found[name] = await checkAccessibility(page);
      await page.setViewportSize(VIEWPORTS.phone);
      await settled(page);
      widths[name] = await scrollWidth(page);
      await page.setViewportSize(VIEWPORTS.desktop);
    };
    const go = async (page: Page, language: Language, screen: ScreenName) => {
      await navigate(page, language, screen);
      await settled(page);
    };

    for (const language of ["ar", "en"] as const) {
      // Civil affairs: the review queue, a case under review with every move, the office pickups.
      const civil = await as(OFFICERS.civilAffairs, language);
      const civilProblems = from(civil);
      await go(civil.page, language, "review");
      await check(civil.page, `review queue ${language}`);
      await civil.page.getByLabel(language === "ar" ? "الحالة" : "Status", { exact: true }).selectOption("UNDER_REVIEW");
      await settled(civil.page);
      await civil.page.getByRole("link", { name: language === "ar" ? /^فتح الطلب: / : /^Open application: / }).first().click();
      await civil.page.getByLabel(language === "ar" ? "غرض الاطلاع" : "Purpose of access", { exact: true }).waitFor();
      await check(civil.page, `review purpose ${language}`);
      await civil.page.getByLabel(language === "ar" ? "غرض الاطلاع" : "Purpose of access", { exact: true }).fill(PURPOSE.review);
      await civil.page.getByRole("button", { name: language === "ar" ? "فتح" : "Open", exact: true }).click();
      await civil.page.getByRole("button", { name: language === "ar" ? "اعتماد" : "Approve", exact: true }).waitFor();
      await check(civil.page, `review case ${language}`);
      await go(civil.page, language, "pickups");
      await check(civil.page, `pickups ${language}`);
      problems[`civil affairs ${language}`] = civilProblems();

      // Saudi Post: the queue, and a shipment opened with its event form.
      const post = await as(OFFICERS.post, language);
      const postProblems = from(post);
      // The shipment opened before (in the other language) closed (it stays in the address): the queue read afresh.
      await settled(post.page);
      await post.page.goto("/#/shipments");
      await post.page.reload();
      await post.page.locator(".shipments table").waitFor();
      await check(post.page, `shipments ${language}`);
      await post.page.getByRole("button", { name: language === "ar" ? /^تسجيل حدث للشحنة / : /^Record an event for / }).first().click();
      await post.page.locator("#shipment-case").getByLabel(language === "ar" ? "غرض الاطلاع" : "Purpose of access", { exact: true }).fill(PURPOSE.shipment);
      await post.page.locator("#shipment-case").getByRole("button", { name: language === "ar" ? "فتح" : "Open", exact: true }).click();
      await post.page.locator("#shipment-case").getByLabel(language === "ar" ? "الحالة الجديدة" : "New status", { exact: true }).waitFor();
      await check(post.page, `shipment case ${language}`);
      problems[`post ${language}`] = postProblems();

      // Labor: the support queue.
      const labor = await as(OFFICERS.labor, language);
      const laborProblems = from(labor);
      await go(labor.page, language, "support");
      await check(labor.page, `support ${language}`);
      problems[`labor ${language}`] = laborProblems();

      // The analyst: the dashboard.
      const analyst = await as(ANALYST.nationalId, language);
      const analystProblems = from(analyst);
      await analyst.page.locator("#programs-numbers").waitFor();
      await check(analyst.page, `dashboard ${language}`);
      problems[`analyst ${language}`] = analystProblems();
    }
    // One comparison, so that a failure shows every screen's violations, widths and problems at once.
    expect({ found, widths, problems }).toEqual({
      found: Object.fromEntries(Object.keys(found).map((screen) => [screen, []])),
      widths: Object.fromEntries(Object.entries(widths).map(([screen, width]) => [screen, Math.min(width, VIEWPORTS.phone.width)])),
      problems: Object.fromEntries(Object.keys(problems).map((who) => [who, []])),
    });
  }, 120_000);
});
