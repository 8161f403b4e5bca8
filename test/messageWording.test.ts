import { errorMessages } from "../kernel/errors";
import { sharedMessages } from "../kernel/messages";
import { pagingMessages } from "../kernel/graphql/pagingMessages";
import { textMessages } from "../kernel/text";
import { windowMessages } from "../kernel/stats/window";
import { documentLimitMessages } from "../kernel/graphql/documentGuard";
import { LIMIT_MESSAGES } from "../gateway/src/security/plugin";
import { identityMessages } from "../subgraphs/civil-affairs/src/identity/messages";
import { registryMessages } from "../subgraphs/civil-affairs/src/registry/messages";
import { applicationMessages } from "../subgraphs/civil-affairs/src/applications/messages";
import { documentMessages } from "../subgraphs/civil-affairs/src/applications/documents/messages";
import { shipmentMessages } from "../subgraphs/delivery/src/shipments/messages";
import { cardMessages } from "../subgraphs/delivery/src/cards/messages";
import { pickupMessages } from "../subgraphs/delivery/src/pickups/messages";
import { enrollmentMessages } from "../subgraphs/labor/src/enrollments/messages";
import { familyMessages } from "../subgraphs/labor/src/family/messages";
import { wageMessages } from "../subgraphs/labor/src/wages/messages";

/**
 * The API's messages are what the web app shows people, in both languages: they speak of the
 * form, not of the API's names. A lost-card replacement said "(lossDeclaration: true)" and every
 * refused input "see violations".
 */
const CATALOGUES = {
  errorMessages,
  sharedMessages,
  pagingMessages,
  textMessages,
  windowMessages,
  documentLimitMessages,
  identityMessages,
  registryMessages,
  applicationMessages,
  documentMessages,
  shipmentMessages,
  cardMessages,
  pickupMessages,
  enrollmentMessages,
  familyMessages,
  wageMessages,
};

/** Any parameter a message takes, as a plain word (an address part for `field`, a document for `type`), so that only the message's own wording is judged. */
const anyParameters = new Proxy({}, { get: (_, name) => (name === "field" ? "street" : name === "type" ? "BIRTH_CERTIFICATE" : "X") });

/** A camelCase API name (lossDeclaration, buildingNumber), or the error format's own words. */
const API_WORDING = /\b[a-z]+[A-Z][A-Za-z]*\b|\bviolations?\b|المخالفات/;

it("words no message with an API field's name or the error format's", () => {
  const offending: string[] = [];
  for (const [catalogue, entries] of Object.entries(CATALOGUES)) {
    for (const [key, message] of Object.entries(entries as Record<string, Record<string, (parameters: unknown) => string>>)) {
      for (const [language, say] of Object.entries(message)) {
        const text = say(anyParameters);
        if (API_WORDING.test(text)) offending.push(`${catalogue}.${key} (${language}): ${text}`);
      }
    }
  }
  expect(offending).toEqual([]);
});

/** Parameters as numbers where a message counts (a length, an age, a size), words where it names (an ID, a status). */
const numericParameters = new Proxy(
  {},
  { get: (_, name) => (name === "field" ? "street" : name === "type" ? "BIRTH_CERTIFICATE" : ["id", "from", "to", "status", "subject", "service", "format", "declared", "detected"].includes(String(name)) ? "X" : name === "latest" || name === "birthDate" ? "2027-12-03" : 200) },
);

/** Arabic messages that must keep Latin digits: an example of the ISO-8601 form the API reads, the name of base64. */
const LATIN_BY_DESIGN = ["shipmentMessages.badInstant", "documentMessages.notBase64"];

it("writes every number of an Arabic message in the Arabic-Indic digits the rest of the app uses", () => {
  const latin: string[] = [];
  for (const [catalogue, entries] of Object.entries(CATALOGUES)) {
    for (const [key, message] of Object.entries(entries as Record<string, Record<string, (parameters: unknown) => string>>)) {
      const text = message.ar!(numericParameters);
      if (/[0-9]/.test(text) && !LATIN_BY_DESIGN.includes(`${catalogue}.${key}`)) latin.push(`${catalogue}.${key}: ${text}`);
    }
  }
  expect(latin).toEqual([]);
});

it("puts the noun after a number in the form Arabic counts it by", () => {
  const tooLong = (max: number) => textMessages.TOO_LONG.ar({ max });
  expect([tooLong(200), tooLong(50), tooLong(10), tooLong(2000)]).toEqual(["النص أطول من ٢٠٠ حرف.", "النص أطول من ٥٠ حرفاً.", "النص أطول من ١٠ أحرف.", "النص أطول من ٢٬٠٠٠ حرف."]);
  expect(applicationMessages.underAge.ar({ age: 14 })).toBe("يجب أن يكون رب الأسرة بعمر ١٨ سنة أو أكثر (عمرك ١٤ سنة).");
});

it("says one and two by the noun alone and counts one minute or character in the singular, in both languages", () => {
  const locked = (minutes: number) => [identityMessages.locked.ar({ minutes }), identityMessages.locked.en({ minutes })];
  expect(locked(1)).toEqual(["محاولات فاشلة كثيرة. حاول مرة أخرى بعد دقيقة واحدة.", "Too many failed attempts. Try again in 1 minute."]);
  expect(locked(2)[0]).toBe("محاولات فاشلة كثيرة. حاول مرة أخرى بعد دقيقتين.");
  expect(locked(10)[0]).toBe("محاولات فاشلة كثيرة. حاول مرة أخرى بعد ١٠ دقائق.");
  expect(locked(15)).toEqual(["محاولات فاشلة كثيرة. حاول مرة أخرى بعد ١٥ دقيقة.", "Too many failed attempts. Try again in 15 minutes."]);
  expect(documentMessages.dailyBytes.en({ mib: 200, minutes: 1 })).toMatch(/Try again in 1 minute\.$/);
  expect(wageMessages.employer.ar({ max: 200 })).toBe("يجب ذكر جهة العمل (بحد أقصى ٢٠٠ حرف).");
});

it("words the operation limits in Arabic-Indic digits and the counted noun", () => {
  expect(documentLimitMessages.MAX_DEPTH.ar({ actual: 14, max: 12 })).toBe("عمق الاستعلام ١٤ مستوًى؛ الحد الأقصى ١٢.");
  for (const [rule, message] of Object.entries(LIMIT_MESSAGES)) expect([rule, /[0-9]/.test(message.ar(14, 12))]).toEqual([rule, false]);
});

it("names statuses in Arabic words in Arabic refusals, not by the API's enum names", () => {
  const said = [
    applicationMessages.invalidMove.ar({ from: "SUBMITTED", to: "APPROVED" }),
    applicationMessages.notEditable.ar({ status: "UNDER_REVIEW" }),
    shipmentMessages.invalidMove.ar({ from: "DELIVERED", to: "IN_TRANSIT" }),
    pickupMessages.invalidMove.ar({ from: "COLLECTED", to: "READY_FOR_PICKUP" }),
    enrollmentMessages.notPending.ar({ status: "APPROVED" }),
  ];
  expect(said.filter((text) => /[A-Z_]{4,}/.test(text))).toEqual([]);
  expect(said[0]).toBe("لا يمكن نقل طلب حالته «مقدَّم» إلى «مقبول».");
});
