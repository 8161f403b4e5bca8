import { arabicCount, formatNumber, messages } from "../../../../kernel/i18n";
import { APPLICATION_STATUS_AR, statusInArabic } from "../../../../kernel/statusNames";

const statusAr = (status: string) => statusInArabic(APPLICATION_STATUS_AR, status);

const DOCUMENT_NAMES: Record<string, { en: string; ar: string }> = {
  MARRIAGE_CONTRACT: { en: "a marriage contract", ar: "عقد زواج" },
  BIRTH_CERTIFICATE: { en: "a birth certificate", ar: "شهادة ميلاد" },
  NATIONAL_ID_COPY: { en: "a copy of the national ID or iqama", ar: "صورة من الهوية الوطنية أو الإقامة" },
  FAMILY_REGISTER_COPY: { en: "a copy of the family register", ar: "صورة من سجل الأسرة" },
  LOSS_REPORT: { en: "a loss report", ar: "بلاغ فقدان" },
  DAMAGED_CARD_PHOTO: { en: "a photo of the damaged card", ar: "صورة البطاقة التالفة" },
  OTHER: { en: "a document", ar: "مستند" },
};

/** Messages of the card-application rules, in English and Arabic. */
export const applicationMessages = messages({
  notSaudi: {
    en: () => "The family card is issued to Saudi citizens; residents use other services.",
    ar: () => "تصدر بطاقة العائلة للمواطنين السعوديين فقط، ويستفيد المقيمون من خدمات أخرى.",
  },
  underAge: {
    en: (p: { age: number }) => `The head of the family must be 18 or older (you are ${p.age}).`,
    ar: (p: { age: number }) => `يجب أن يكون رب الأسرة بعمر ١٨ سنة أو أكثر (عمرك ${arabicCount(p.age, { singular: "سنة", dual: "سنتان", plural: "سنوات", accusative: "سنة" })}).`,
  },
  invalidMove: {
    en: (p: { from: string; to: string }) => `An application that is ${p.from} cannot become ${p.to}.`,
    ar: (p: { from: string; to: string }) => `لا يمكن نقل طلب حالته «${statusAr(p.from)}» إلى «${statusAr(p.to)}».`,
  },
  notEditable: {
    en: (p: { status: string }) => `An application that is ${p.status} can no longer be changed.`,
    ar: (p: { status: string }) => `لا يمكن تعديل طلب حالته «${statusAr(p.status)}».`,
  },
  openApplication: {
    en: () => "You already have an application in progress; finish or cancel it first.",
    ar: () => "لديك طلب قيد المعالجة؛ أكمله أو ألغه أولاً.",
  },
  cardAlreadyActive: {
    en: () => "Your family already has an active card; apply for a replacement or a members update instead.",
    ar: () => "لأسرتك بطاقة سارية؛ قدم طلب بدل أو تحديث أفراد بدلاً من ذلك.",
  },
  noActiveCard: {
    en: () => "This kind of application needs an active family card; apply for a new card instead.",
    ar: () => "هذا النوع من الطلبات يتطلب بطاقة عائلة سارية؛ قدم طلب بطاقة جديدة بدلاً من ذلك.",
  },
  familyCardIsTheHeads: {
    en: () => "Your family already has an active card, held by its head, who applies for a replacement or a members update.",
    ar: () => "لأسرتك بطاقة سارية باسم ربّ الأسرة، وهو من يطلب بدلها أو تحديث أفرادها.",
  },
  cardIsTheHeads: {
    // No word on applying for a card of one's own: a child under 18 is told this too.
    en: () => "Your family's card is replaced or updated on its head's application.",
    ar: () => "يطلب ربّ الأسرة بدل بطاقة الأسرة أو تحديث أفرادها.",
  },
  personNotFound: {
    en: (p: { id: string }) => `No person with national ID ${p.id} is in the civil registry.`,
    ar: (p: { id: string }) => `لا يوجد شخص برقم الهوية ${p.id} في السجل المدني.`,
  },
  self: {
    en: () => "You cannot list yourself as a spouse or child.",
    ar: () => "لا يمكنك إضافة نفسك زوجاً أو ابناً.",
  },
  duplicate: {
    en: (p: { id: string }) => `${p.id} is listed more than once.`,
    ar: (p: { id: string }) => `الرقم ${p.id} مكرر.`,
  },
  spouseAndChild: {
    en: (p: { id: string }) => `${p.id} is listed both as a spouse and as a child.`,
    ar: (p: { id: string }) => `الرقم ${p.id} مذكور زوجاً وابناً معاً.`,
  },
  tooManySpouses: {
    en: (p: { count: number }) => `At most four spouses can be listed (${p.count} given).`,
    ar: (p: { count: number }) => `لا يمكن إضافة أكثر من أربع زوجات (تمت إضافة ${formatNumber("ar", p.count)}).`,
  },
  tooManyChildren: {
    en: (p: { count: number; max: number }) => `At most ${p.max} children can be listed (${p.count} given).`,
    ar: (p: { count: number; max: number }) =>
      `لا يمكن إضافة أكثر من ${arabicCount(p.max, { singular: "ابن", dual: "ابنين", plural: "أبناء", accusative: "ابناً" })} (تمت إضافة ${formatNumber("ar", p.count)}).`,
  },
  ownCase: {
    en: () => "Another officer must handle this application: you, your spouse or your child is its applicant or a member.",
    ar: () => "يجب أن يتولى هذا الطلب موظف آخر: أنت أو زوجك أو أحد أبنائك مقدم الطلب أو أحد أفراده.",
  },
  headsAnotherFamily: {
    en: (p: { id: string }) => `${p.id} is the head of another family register.`,
    ar: (p: { id: string }) => `${p.id} رب أسرة في سجل آخر.`,
  },
  marriedToAnother: {
    en: (p: { id: string }) => `The civil registry records ${p.id} as married to someone else: no contract or certificate adds her to this family.`,
    ar: (p: { id: string }) => `يسجل السجل المدني ${p.id} متزوجة من شخص آخر: لا يضيفها عقد ولا شهادة إلى هذه الأسرة.`,
  },
  lossDeclaration: {
    en: () => "A lost-card replacement needs your declaration that the card is lost.",
    ar: () => "يتطلب بدل الفاقد إقرارك بفقدان البطاقة.",
  },
  deliveryMethodRequired: {
    en: () => "Choose how to receive the card: Saudi Post or office pickup.",
    ar: () => "اختر طريقة استلام البطاقة: البريد السعودي أو الاستلام من المكتب.",
  },
  addressRequired: {
    en: () => "Delivery by Saudi Post needs your national address; add it first.",
    ar: () => "التوصيل عبر البريد السعودي يتطلب عنوانك الوطني؛ أضفه أولاً.",
  },
  officeRequired: {
    en: () => "Choose the office where you will collect the card.",
    ar: () => "اختر المكتب الذي ستستلم منه البطاقة.",
  },
  officeNotFound: {
    en: (p: { id: string }) => `There is no civil-affairs office ${p.id}.`,
    ar: (p: { id: string }) => `لا يوجد مكتب أحوال مدنية بالرمز ${p.id}.`,
  },
  documentMissing: {
    en: (p: { type: string; subject: string | null }) => `Attach ${DOCUMENT_NAMES[p.type]!.en}${p.subject ? ` for ${p.subject}` : ""}.`,
    ar: (p: { type: string; subject: string | null }) => `أرفق ${DOCUMENT_NAMES[p.type]!.ar}${p.subject ? ` للرقم ${p.subject}` : ""}.`,
  },
  textRequired: {
    en: () => "This cannot be empty.",
    ar: () => "هذا الحقل مطلوب.",
  },
  idempotencyKeyOfEarlierRound: {
    en: () => "This idempotency key was sent with an earlier submission of this application: send a new key to submit it again.",
    ar: () => "أُرسل مفتاح عدم التكرار هذا مع تقديم سابق لهذا الطلب: أرسل مفتاحًا جديدًا لتقديمه مرة أخرى.",
  },
  idempotencyKeyUsed: {
    en: () => "This idempotency key was already used to submit another application: send a new key with each new submission.",
    ar: () => "استُخدم مفتاح عدم التكرار هذا لتقديم طلب آخر: أرسل مفتاحًا جديدًا مع كل تقديم جديد.",
  },
});
