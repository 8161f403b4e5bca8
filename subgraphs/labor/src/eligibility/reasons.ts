import { ADULT_AGE } from "../../../../kernel/adulthood";
import { arabicCount, englishCount, formatNumber, type Lang } from "../../../../kernel/i18n";
import type { Reason } from "./engine";

/** "9,200 SAR" / "٩٬٢٠٠ ريال": whole riyals without decimals, otherwise to the halala. */
function sar(lang: Lang, halalas: number): string {
  const amount = formatNumber(lang, halalas / 100, halalas % 100 === 0 ? 0 : 2);
  return lang === "ar" ? `${amount} ريال` : `${amount} SAR`;
}

const n = formatNumber;

function english(reason: Reason): string {
  switch (reason.rule) {
    case "SAUDI_HEAD":
      return reason.passed ? "the head of the family is a Saudi citizen" : `the head of the family is not a Saudi citizen (nationality ${reason.nationality})`;
    case "MIN_HEAD_AGE":
      return `the head of the family is ${reason.age}, ${reason.passed ? "at least" : "under"} the minimum age of ${reason.years}`;
    case "MAX_HEAD_AGE":
      return `the head of the family is ${reason.age}, ${reason.passed ? "within" : "over"} the maximum age of ${reason.years}`;
    case "MIN_MEMBERS":
      return `the household has ${englishCount(reason.members, "member", "members")}, ${reason.passed ? "at least" : "fewer than"} the required ${reason.count}`;
    case "MIN_CHILDREN":
      return `the household has ${englishCount(reason.children, "child", "children")} under ${ADULT_AGE}, ${reason.passed ? "at least" : "fewer than"} the required ${reason.count}`;
    case "INCOME":
      return (
        `household income ${sar("en", reason.incomeHalalas)} is ${reason.passed ? "within" : "above"} the ` +
        `${sar("en", reason.thresholdHalalas)} threshold for ${englishCount(reason.members, "member", "members")} ` +
        `(${englishCount(reason.adults, "adult", "adults")}, ${englishCount(reason.children, "child", "children")})`
      );
    case "AMOUNT":
      return `estimated monthly amount: ${sar("en", reason.amountHalalas)}`;
  }
}

// After "من" (genitive): لأسرة من فردين; in the parentheses, nominative: بالغان وطفلان.
const MEMBERS = { singular: "فرد", dual: "فردين", plural: "أفراد", accusative: "فرداً", none: "دون أفراد" };
const ADULTS = { singular: "بالغ", dual: "بالغان", plural: "بالغين", accusative: "بالغاً", none: "دون بالغين" };
const CHILDREN = { singular: "طفل", dual: "طفلان", plural: "أطفال", accusative: "طفلاً", none: "دون أطفال" };

function arabic(reason: Reason): string {
  switch (reason.rule) {
    case "SAUDI_HEAD":
      return reason.passed ? "رب الأسرة مواطن سعودي" : `رب الأسرة ليس مواطناً سعودياً (الجنسية ${reason.nationality})`;
    case "MIN_HEAD_AGE":
      return `عمر رب الأسرة ${n("ar", reason.age)} سنة، ${reason.passed ? "لا يقل عن" : "أقل من"} الحد الأدنى ${n("ar", reason.years)} سنة`;
    case "MAX_HEAD_AGE":
      return `عمر رب الأسرة ${n("ar", reason.age)} سنة، ${reason.passed ? "لا يتجاوز" : "يتجاوز"} الحد الأعلى ${n("ar", reason.years)} سنة`;
    case "MIN_MEMBERS":
      return `عدد أفراد الأسرة ${n("ar", reason.members)}، ${reason.passed ? "لا يقل عن" : "أقل من"} العدد المطلوب ${n("ar", reason.count)}`;
    case "MIN_CHILDREN":
      return `عدد الأبناء دون ${n("ar", ADULT_AGE)} سنة ${n("ar", reason.children)}، ${reason.passed ? "لا يقل عن" : "أقل من"} العدد المطلوب ${n("ar", reason.count)}`;
    case "INCOME":
      return (
        `دخل الأسرة ${sar("ar", reason.incomeHalalas)} ${reason.passed ? "لا يتجاوز" : "يتجاوز"} الحد ${sar("ar", reason.thresholdHalalas)} ` +
        `لأسرة من ${arabicCount(reason.members, MEMBERS)} (${arabicCount(reason.adults, ADULTS)} و${arabicCount(reason.children, CHILDREN)})`
      );
    case "AMOUNT":
      return `المبلغ الشهري التقديري: ${sar("ar", reason.amountHalalas)}`;
  }
}

/** A reason as one full sentence with its figures, in the request's language. */
export function describeReason(reason: Reason, lang: Lang): string {
  return lang === "ar" ? arabic(reason) : english(reason);
}
