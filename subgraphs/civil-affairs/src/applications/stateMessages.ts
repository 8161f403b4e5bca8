import type { Message } from "../../../../kernel/i18n";

export const applicationStateMessages = {
  invalidMove: {
    en: (p: { from: string; to: string }) => `An application that is ${p.from} cannot become ${p.to}.`,
    ar: (p: { from: string; to: string }) => `لا يمكن نقل طلب حالته ${p.from} إلى ${p.to}.`,
  } as Message<{ from: string; to: string }>,
  notEditable: {
    en: (p: { status: string }) => `An application that is ${p.status} can no longer be changed.`,
    ar: (p: { status: string }) => `لا يمكن تعديل طلب حالته ${p.status}.`,
  } as Message<{ status: string }>,
};
