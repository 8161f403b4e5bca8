import { ApplicationKind } from "./enums";

/** NEW_CARD and MEMBERS_UPDATE are free; a replacement carries the configured nominal fee. */
export function feeFor(kind: ApplicationKind, replacementFeeHalalas: number): number {
  return kind === ApplicationKind.REPLACEMENT_LOST || kind === ApplicationKind.REPLACEMENT_DAMAGED ? replacementFeeHalalas : 0;
}
