import { formatNumber, messages } from "../i18n";

/** Messages of the officers' paginated queues, in both languages. */
export const pagingMessages = messages({
  badPageSize: {
    en: (p: { max: number }) => `first must be between 1 and ${p.max}.`,
    ar: (p: { max: number }) => `يجب أن تكون قيمة first بين ١ و${formatNumber("ar", p.max)}.`,
  },
  badCursor: {
    en: () => "The cursor is not one this list gave out.",
    ar: () => "المؤشر ليس من مؤشرات هذه القائمة.",
  },
});
