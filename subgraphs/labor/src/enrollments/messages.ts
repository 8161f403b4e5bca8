import { messages } from "../../../../kernel/i18n";
import { ENROLLMENT_STATUS_AR, statusInArabic } from "../../../../kernel/statusNames";

export const enrollmentMessages = messages({
  alreadyOpen: {
    en: () => "This family already has a pending or approved enrollment in this program.",
    ar: () => "لدى الأسرة تسجيل قائم (قيد المراجعة أو معتمد) في هذا البرنامج.",
  },
  ownCase: {
    en: () => "An officer does not decide the enrollment of a family he, his spouse or his child belongs to: another officer must.",
    ar: () => "لا يبت الموظف في تسجيل أسرة هو أو زوجه أو أحد أبنائه من أفرادها: يبت فيه موظف آخر.",
  },
  notEligibleNow: {
    en: () => "The family is not eligible for this program now.",
    ar: () => "الأسرة غير مؤهلة لهذا البرنامج الآن.",
  },
  notPending: {
    en: (p: { status: string }) => `Only a PENDING enrollment can be decided; this one is ${p.status}.`,
    ar: (p: { status: string }) => `لا يُبت إلا في تسجيل قيد المراجعة؛ حالة هذا التسجيل «${statusInArabic(ENROLLMENT_STATUS_AR, p.status)}».`,
  },
});
