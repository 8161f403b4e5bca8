import { demoCast } from "../../../seed/demoCast";
import type { SubgraphDefinition } from "../../../kernel/subgraph";
import { ReplicaReader } from "../../../kernel/http/replicas";
import { CivilAffairsRegister, type FamilyRegister } from "./civilAffairs/civilAffairsRegister";
import { familyEvaluations } from "./eligibility/familyEvaluations";
import { BenefitEnrollment } from "./enrollments/benefitEnrollment.entity";
import { EnrollmentResolver, resolveEnrollmentReference } from "./enrollments/enrollment.resolver";
import { EnrollmentEvent } from "./enrollments/enrollmentEvent.entity";
import { FamilyResolver, resolveFamilyReference } from "./family/family.resolver";
import { Programs1764000000000 } from "./migrations/1764000000000-Programs";
import { Eligibility1764100000000 } from "./migrations/1764100000000-Eligibility";
import { RegisterCopyIssuedAt1777000000000 } from "./migrations/1777000000000-RegisterCopyIssuedAt";
import { BenefitProgram } from "./programs/benefitProgram.entity";
import { BenefitProgramResolver, resolveProgramReference } from "./programs/benefitProgram.resolver";
import type { RuleSet } from "./rules/ruleSet";
import { seedLabor } from "./seed/seedDemo";
import { laborSettings } from "./settings";
import { ProgramStatsResolver } from "./stats/programStats.resolver";
import { WageResolver } from "./wages/wage.resolver";
import { WageRecord } from "./wages/wageRecord.entity";
import { laborAudit } from "./audit/personalData";
import { laborAccessReport } from "./audit/dataAccessReport";
import { LaborDataAccess1765000000000 } from "./migrations/1765000000000-DataAccess";
import { RegisterCopy1766000000000 } from "./migrations/1766000000000-RegisterCopy";
import { OfficerQueues1769000000000 } from "./migrations/1769000000000-OfficerQueues";
import { ProgramDescriptionsAr1775000000000 } from "./migrations/1775000000000-ProgramDescriptionsAr";
import { acceptedSecrets } from "../../../kernel/events/settings";
import { startEligibilityRefresher } from "./register/eligibilityRefresher";
import { refreshStaleEligibility } from "./register/refreshEligibility";
import { registerEventsRoute } from "./register/registerEventsRoute";
import { dataAccessRefusalsMigration } from "../../../kernel/audit/migration";
import { dataAccessOwnersMigration } from "../../../kernel/audit/ownersMigration";
import { dataAccessPartitionsMigration } from "../../../kernel/audit/partitions";
import { agency } from "../../agencies";

/** This subgraph's entry in the registry of agencies. */
const REGISTERED = agency("labor");

/** The resolver instances that need dependencies; one evaluations loader shared by all of them. */
export function laborResolvers(ruleSet: RuleSet, register: FamilyRegister): object[] {
  const evaluations = familyEvaluations(ruleSet);
  return [
    new BenefitProgramResolver(ruleSet),
    new FamilyResolver(evaluations),
    new EnrollmentResolver(evaluations, register),
    new ProgramStatsResolver(ruleSet),
    new WageResolver(ruleSet, register),
  ];
}

export const labor: SubgraphDefinition<typeof laborSettings> = {
  name: REGISTERED.name,
  defaultPort: REGISTERED.defaultPort,
  settings: laborSettings,
  entities: [BenefitProgram, WageRecord, BenefitEnrollment, EnrollmentEvent],
  migrations: [Programs1764000000000, Eligibility1764100000000, LaborDataAccess1765000000000, RegisterCopy1766000000000, dataAccessRefusalsMigration("Labor"), dataAccessPartitionsMigration("Labor"), OfficerQueues1769000000000, dataAccessOwnersMigration("Labor"), ProgramDescriptionsAr1775000000000, RegisterCopyIssuedAt1777000000000],
  schema: {
    resolvers: [BenefitProgramResolver, FamilyResolver, EnrollmentResolver, WageResolver, ProgramStatsResolver, laborAccessReport.DataAccessReportResolver],
    orphanedTypes: [laborAccessReport.DataAccessReport],
    referenceResolvers: {
      BenefitProgram: { __resolveReference: resolveProgramReference },
      Family: { __resolveReference: resolveFamilyReference },
      BenefitEnrollment: { __resolveReference: resolveEnrollmentReference },
      DataAccessReport: laborAccessReport.referenceResolver,
    },
  },
  seedDemo: ({ db, config }) => seedLabor(db, demoCast(config.DEMO_FAMILIES, config.DEMO_ANCHOR_DATE), config.RULES_FILE, config.DEMO_ANCHOR_DATE),
  async prepare({ config, db, log }) {
    const ruleSet = config.RULES_FILE;
    // The dashboards count from the stored eligibility: bring it up to date before serving.
    await refreshStaleEligibility(db, ruleSet);
    const register = new CivilAffairsRegister(new ReplicaReader(config.CIVIL_AFFAIRS_URL));
    return {
      resolvers: laborResolvers(ruleSet, register),
      audit: laborAudit(register),
      routes: [registerEventsRoute({ db, log, secrets: acceptedSecrets(config.EVENTS_HMAC_SECRET, config.EVENTS_HMAC_PREVIOUS_SECRET), ruleSet })],
      background: startEligibilityRefresher(db, ruleSet, log, config.ELIGIBILITY_REFRESH_MS),
    };
  },
};

export default labor;
