import { dataAccessReportPart } from "../../../../kernel/audit/reportPart";

/** Delivery's records in the citizen's data-access report (the entity is civil-affairs'). */
export const deliveryAccessReport = dataAccessReportPart("delivery", "Saudi Post delivery");
