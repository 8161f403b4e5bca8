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
export const CITIES: Array<{ city: string; districts: string[]; streets: string[]; postal: string; letters: string }> = [
  { city: "Riyadh", districts: ["Al Olaya", "Al Malqa", "Al Nakheel"], streets: ["King Fahd Road", "Takhassusi Street"], postal: "12", letters: "RRRD" },
  { city: "Jeddah", districts: ["Al Rawdah", "Al Safa", "Al Hamra"], streets: ["Tahlia Street", "Prince Sultan Road"], postal: "23", letters: "JJED" },
  { city: "Dammam", districts: ["Al Faisaliyah", "Al Shati"], streets: ["King Saud Street", "Dhahran Road"], postal: "32", letters: "DDMM" },
];
