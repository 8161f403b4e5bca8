import { errorMessages } from "../kernel/errors";
import { sharedMessages } from "../kernel/messages";
import { pagingMessages } from "../kernel/graphql/pagingMessages";
import { textMessages } from "../kernel/text";
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
