import { arabicCount, arabicNouns, englishCount, formatNumber, messages } from "../../../../../kernel/i18n";

export const documentMessages = messages({
  tooLarge: {
    en: (p: { size: number }) => `The file is ${p.size} bytes; the limit is 5 MiB (5,242,880 bytes).`,
    ar: (p: { size: number }) => `حجم الملف ${formatNumber("ar", p.size)} بايت؛ الحد الأقصى ٥ ميغابايت (${formatNumber("ar", 5_242_880)} بايت).`,
  },
  notBase64: {
    en: () => "The file's content is not valid base64.",
    ar: () => "المحتوى ليس ترميز base64 صالحاً.",
  },
  empty: { en: () => "The file is empty.", ar: () => "الملف فارغ." },
  tooMany: {
    en: (p: { max: number }) => `An application holds at most ${p.max} documents.`,
    ar: (p: { max: number }) => `لا يتسع الطلب لأكثر من ${arabicCount(p.max, { singular: "مستند", dual: "مستندين", plural: "مستندات", accusative: "مستنداً" })}.`,
  },
  dailyBytes: {
    en: (p: { mib: number; minutes: number }) => `At most ${p.mib} MiB of documents may be attached in 24 hours, and this file would pass it. Try again in ${englishCount(p.minutes, "minute", "minutes")}.`,
    ar: (p: { mib: number; minutes: number }) =>
      `لا يُرفق في ٢٤ ساعة أكثر من ${formatNumber("ar", p.mib)} ميغابايت من المستندات، وهذا الملف يتجاوزها. حاول مرة أخرى بعد ${arabicCount(p.minutes, arabicNouns.minute)}.`,
  },
  oneAtATime: {
    en: () => "Another of your documents is being attached: send this one once it is done.",
    ar: () => "يُرفق مستند آخر لك الآن: أرسل هذا بعد أن يكتمل.",
  },
  unsupported: {
    en: () => "Only PDF, JPEG or PNG files are accepted (checked by content).",
    ar: () => "تقبل ملفات PDF أو JPEG أو PNG فقط (يُتحقق من المحتوى).",
  },
  mimeMismatch: {
    en: (p: { declared: string; detected: string }) => `The file's content is ${p.detected}, not ${p.declared} as declared: send it with its own type.`,
    ar: (p: { declared: string; detected: string }) => `محتوى الملف من نوع ${p.detected} وليس ${p.declared} كما ذُكر: أرسله بنوعه الصحيح.`,
  },
  fileNameRequired: { en: () => "A file name is required.", ar: () => "اسم الملف مطلوب." },
  fileNamePath: {
    en: () => 'A file name is a name only: no folder, and none of \\ / : * ? " < > |.',
    ar: () => 'اسم الملف اسم فقط: بلا مجلد، ودون أي من \\ / : * ? " < > |.',
  },
  notSubmitted: {
    en: () => "This application has not been submitted: its documents are read by civil affairs once the applicant submits it.",
    ar: () => "لم يُقدَّم هذا الطلب بعد: تطّلع الأحوال المدنية على مستنداته بعد أن يقدّمه صاحبه.",
  },
  onePerRequest: {
    en: () => "Documents are downloaded one per request.",
    ar: () => "يُنزَّل مستند واحد في كل طلب.",
  },
});
