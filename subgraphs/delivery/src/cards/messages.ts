import { messages } from "../../../../kernel/i18n";

/** Messages of the cards' deliveries as a whole, in both languages. */
export const cardMessages = messages({
  ownCard: {
    en: () => "Another officer must handle this delivery: you, your spouse or your child is on the card.",
    ar: () => "يجب أن يتولى توصيل هذه البطاقة موظف آخر: أنت أو زوجك أو أحد أبنائك مدرج فيها.",
  },
});
