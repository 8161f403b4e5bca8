import { checkNationalAddress } from "../../registry/nationalAddressRules";
import { DeliveryMethod } from "../enums";
import { applicationMessages as m } from "../messages";
import type { ApplicationDraft, ApplicationFacts } from "./facts";
import type { RuleOutcome } from "./outcome";

/** An office, when one is named, must exist (checked on every save). */
export function checkOfficeExists(draft: ApplicationDraft, facts: ApplicationFacts, out: RuleOutcome): void {
  if (draft.pickupOfficeId && !facts.office) {
    out.violations.add("pickupOfficeId", "OFFICE_NOT_FOUND", m.officeNotFound, { id: draft.pickupOfficeId });
  }
}

/** At submission: a delivery method; SAUDI_POST needs a complete valid address, OFFICE_PICKUP an office. */
export function checkDelivery(draft: ApplicationDraft, facts: ApplicationFacts, out: RuleOutcome): void {
  if (!draft.deliveryMethod) {
    out.violations.add("deliveryMethod", "DELIVERY_METHOD_REQUIRED", m.deliveryMethodRequired, undefined);
  } else if (draft.deliveryMethod === DeliveryMethod.SAUDI_POST) {
    const address = facts.applicant?.address;
    if (!address?.buildingNumber && !address?.street && !address?.city) {
      out.violations.add("nationalAddress", "ADDRESS_REQUIRED", m.addressRequired, undefined);
    } else {
      checkNationalAddress(address, out.violations, "nationalAddress");
    }
  } else if (!draft.pickupOfficeId) {
    out.violations.add("pickupOfficeId", "OFFICE_REQUIRED", m.officeRequired, undefined);
  }
}
