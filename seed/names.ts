/** Arabic names with their usual English spelling, for synthetic demo families. */
export const MALE_NAMES: Array<[string, string]> = [
  ["محمد", "Mohammed"], ["أحمد", "Ahmed"], ["عبدالله", "Abdullah"], ["عبدالرحمن", "Abdulrahman"], ["فيصل", "Faisal"],
  ["سلطان", "Sultan"], ["تركي", "Turki"], ["ماجد", "Majed"], ["ناصر", "Nasser"], ["سعود", "Saud"],
  ["بندر", "Bandar"], ["يوسف", "Yousef"], ["إبراهيم", "Ibrahim"], ["عمر", "Omar"], ["علي", "Ali"],
  ["حمد", "Hamad"], ["مشعل", "Mishal"], ["نواف", "Nawaf"], ["راشد", "Rashed"], ["زياد", "Ziyad"],
];
export const FEMALE_NAMES: Array<[string, string]> = [
  ["فاطمة", "Fatimah"], ["نورة", "Noura"], ["سارة", "Sarah"], ["ريم", "Reem"], ["هند", "Hind"],
  ["لمى", "Lama"], ["منيرة", "Munirah"], ["الجوهرة", "Aljawharah"], ["عبير", "Abeer"], ["دانة", "Dana"],
  ["غادة", "Ghada"], ["أمل", "Amal"], ["جود", "Joud"], ["رهف", "Rahaf"], ["شهد", "Shahad"],
];
export const FAMILY_NAMES: Array<[string, string]> = [
  ["العتيبي", "Alotaibi"], ["القحطاني", "Alqahtani"], ["الشهري", "Alshehri"], ["الغامدي", "Alghamdi"],
  ["الدوسري", "Aldosari"], ["الحربي", "Alharbi"], ["المطيري", "Almutairi"], ["الزهراني", "Alzahrani"],
  ["الشمري", "Alshammari"], ["السبيعي", "Alsubaie"], ["العنزي", "Alanazi"], ["الرشيد", "Alrasheed"],
];
/** Demo national addresses are in Arabic, as citizens write them; the short address keeps its Latin letters. */
export const CITIES: Array<{ city: string; districts: string[]; streets: string[]; postal: string; letters: string }> = [
  { city: "الرياض", districts: ["العليا", "الملقا", "النخيل"], streets: ["طريق الملك فهد", "شارع التخصصي"], postal: "12", letters: "RRRD" },
  { city: "جدة", districts: ["الروضة", "الصفا", "الحمراء"], streets: ["شارع التحلية", "طريق الأمير سلطان"], postal: "23", letters: "JJED" },
  { city: "الدمام", districts: ["الفيصلية", "الشاطئ"], streets: ["شارع الملك سعود", "طريق الظهران"], postal: "32", letters: "DDMM" },
];
