import { catalogue } from "../i18n/catalogue";

export const dataAccessWords = catalogue(
  {
    title: "من اطّلع على بياناتي",
    intro: "كل قراءة أو تعديل لبياناتك من غيرك، كما سجّلته الجهة التي تملك البيانات، الأحدث أولاً.",
    none: "لم يطّلع أحد على بياناتك بعد.",
    at: "الوقت",
    agency: "الجهة",
    who: "من",
    roles: "الصفة",
    action: "الإجراء",
    read: "قراءة",
    change: "تعديل",
    fields: "البيانات",
    refused: "طُلبت ورُفضت",
    purpose: "الغرض",
    noPurpose: "—",
    civilAffairs: "الأحوال المدنية",
    labor: "الدعم الاجتماعي",
    delivery: "البريد السعودي",
    count: (count: string) => `عدد السجلات: ${count}`,
  },
  {
    title: "Who accessed my data",
    intro: "Every read or change of your data by someone else, as the agency that owns the data recorded it, newest first.",
    none: "Nobody has accessed your data yet.",
    at: "When",
    agency: "Agency",
    who: "Who",
    roles: "As",
    action: "Action",
    read: "Read",
    change: "Change",
    fields: "Data",
    refused: "Asked for and refused",
    purpose: "Purpose",
    noPurpose: "—",
    civilAffairs: "Civil Affairs",
    labor: "Social support",
    delivery: "Saudi Post",
    count: (count: string) => `Records: ${count}`,
  },
);

export const roleLabels = catalogue(
  { CITIZEN: "مواطن", CIVIL_AFFAIRS_OFFICER: "موظف الأحوال المدنية", LABOR_OFFICER: "موظف الدعم الاجتماعي", POST_OPERATOR: "موظف البريد", ANALYST: "محلل" } as Record<string, string>,
  { CITIZEN: "Citizen", CIVIL_AFFAIRS_OFFICER: "Civil-affairs officer", LABOR_OFFICER: "Labor officer", POST_OPERATOR: "Postal operator", ANALYST: "Analyst" },
);
