import { messages } from "../../../../kernel/i18n";

export const enrollmentMessages = messages({
  alreadyOpen: {
    en: () => "This family already has a pending or approved enrollment in this program.",
    ar: () => "لدى الأسرة تسجيل قائم (قيد المراجعة أو معتمد) في هذا البرنامج.",
  },
  notPending: {
    en: (p: { status: string }) => `Only a PENDING enrollment can be decided; this one is ${p.status}.`,
    ar: (p: { status: string }) => `لا يُبت إلا في تسجيل قيد المراجعة؛ حالة هذا التسجيل ${p.status}.`,
  },
});
