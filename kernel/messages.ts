import { messages } from "./i18n";
import type { NationalIdProblem } from "./nationalId";

/** Messages for validations shared by every subgraph. */
export const sharedMessages = messages({
  nationalId: {
    en: (p: { problem: NationalIdProblem }) =>
      p.problem === "CHECK_DIGIT"
        ? "The national ID's check digit is wrong."
        : p.problem === "PREFIX"
          ? "A national ID starts with 1 (citizen) or 2 (resident)."
          : "A national ID is exactly 10 digits.",
    ar: (p: { problem: NationalIdProblem }) =>
      p.problem === "CHECK_DIGIT"
        ? "رقم التحقق في رقم الهوية غير صحيح."
        : p.problem === "PREFIX"
          ? "يبدأ رقم الهوية بالرقم ١ (مواطن) أو ٢ (مقيم)."
          : "رقم الهوية يتكون من ١٠ أرقام بالضبط.",
  },
});
