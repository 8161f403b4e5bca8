import { dataAccessReportPart } from "../../../../kernel/audit/reportPart";

/** Labor's records in the citizen's data-access report (the entity is civil-affairs'). */
export const laborAccessReport = dataAccessReportPart("labor", "the social-support agency (labor)");
