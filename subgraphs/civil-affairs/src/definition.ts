import path from "node:path";
import type { SubgraphDefinition } from "../../../kernel/subgraph";
import { sendJson } from "../../../kernel/http/server";
import { Account } from "./identity/account.entity";
import { LoginResolver } from "./identity/login.resolver";
import { LoginThrottle } from "./identity/loginThrottle.entity";
import { loadSigningKeys } from "./identity/signingKeys";
import { Registry1764000000000 } from "./migrations/1764000000000-Registry";
import { Applications1764000100000 } from "./migrations/1764000100000-Applications";
import { CardApplication } from "./applications/cardApplication.entity";
import { CardApplicationMutations } from "./applications/cardApplication.mutations";
import { CardApplicationResolver, resolveApplicationReference } from "./applications/cardApplication.resolver";
import { ApplicationDocument } from "./applications/documents/document.entity";
import { DocumentBlob } from "./applications/documents/documentBlob.entity";
import { DocumentContentResolver } from "./applications/documents/documentContent.resolver";
import { CardApplicationOfCardResolver, FamilyApplicationsResolver } from "./applications/familyApplications.resolver";
import { startOutboxDispatcher } from "./applications/outbox/dispatcher";
import { OutboxMessage } from "./applications/outbox/outboxMessage.entity";
import { registerOutboxMetrics } from "./applications/outbox/outboxMetrics";
import { ApplicationQueueResolver } from "./applications/queue.resolver";
import { StatusChange } from "./applications/statusChange.entity";
import { SubmissionKey } from "./applications/submissionKey.entity";
import { NationalAddressResolver } from "./registry/nationalAddress.resolver";
import { BirthRecord } from "./registry/birthRecord.entity";
import { Citizen } from "./registry/citizen.entity";
import { CitizenResolver, resolveCitizenReference } from "./registry/citizen.resolver";
import { Family } from "./registry/family.entity";
import { FamilyResolver, resolveFamilyReference } from "./registry/family.resolver";
import { FamilyCard } from "./registry/familyCard.entity";
import { FamilyCardResolver, resolveFamilyCardReference } from "./registry/familyCard.resolver";
import { FamilyMember } from "./registry/familyMember.entity";
import { Marriage } from "./registry/marriage.entity";
import { CivilAffairsOffice } from "./registry/office.entity";
import { OfficeResolver, resolveOfficeReference } from "./registry/office.resolver";
import { seedCivilAffairs } from "./seed/seedDemo";
import { demoCast } from "../../../seed/demoCast";
import { civilAffairsSettings } from "./settings";
import { civilAffairsAudit } from "./audit/personalData";
import { civilAffairsAccessReport, MyDataAccessesResolver } from "./audit/dataAccessReport";
import { LogoutResolver } from "./identity/logout.resolver";
import { RevokedTokens } from "./identity/revokedTokens";
import { DataAccessAndRevocation1765000000000 } from "./migrations/1765000000000-DataAccessAndRevocation";
import { DocumentFiles1767000000000 } from "./migrations/1767000000000-DocumentFiles";
import { OfficeCityArabic1772000000000 } from "./migrations/1772000000000-OfficeCityArabic";
import { SubmissionFirstResult1773000000000 } from "./migrations/1773000000000-SubmissionFirstResult";
import { cardNumberVersionsMigration } from "../../../kernel/events/cardNumberMigration";
import { databaseDocumentStore, documentFilesFolder, fileDocumentStore } from "./applications/documents/documentStore";
import { REVOKED_TOKENS_PATH } from "../../../kernel/auth/revocation";
import { dataAccessRefusalsMigration } from "../../../kernel/audit/migration";
import { dataAccessOwnersMigration } from "../../../kernel/audit/ownersMigration";
import { dataAccessPartitionsMigration } from "../../../kernel/audit/partitions";
import { agency } from "../../agencies";

/** This subgraph's entry in the registry of agencies. */
const REGISTERED = agency("civil-affairs");

export const civilAffairs: SubgraphDefinition<typeof civilAffairsSettings> = {
  name: REGISTERED.name,
  defaultPort: REGISTERED.defaultPort,
  settings: civilAffairsSettings,
  entities: [
    Citizen,
    Marriage,
    BirthRecord,
    Family,
    FamilyMember,
    FamilyCard,
    CivilAffairsOffice,
    Account,
    LoginThrottle,
    CardApplication,
    StatusChange,
    ApplicationDocument,
    DocumentBlob,
    SubmissionKey,
    OutboxMessage,
  ],
  migrations: [Registry1764000000000, Applications1764000100000, DataAccessAndRevocation1765000000000, DocumentFiles1767000000000, dataAccessRefusalsMigration("CivilAffairs"), dataAccessPartitionsMigration("CivilAffairs"), cardNumberVersionsMigration("CivilAffairs", ["family_card", "card_application"]), dataAccessOwnersMigration("CivilAffairs"), OfficeCityArabic1772000000000, SubmissionFirstResult1773000000000],
  // A sign-in hashes a password: only the gateway limits sign-ins per address and per national ID,
  // so one sent around it could fill the sign-ins in flight (LOGIN_MAX_IN_FLIGHT) for everyone.
  gatewayOnlyFields: ["login"],
  schema: {
    resolvers: [
      CitizenResolver,
      FamilyResolver,
      FamilyCardResolver,
      OfficeResolver,
      LoginResolver,
      NationalAddressResolver,
      CardApplicationResolver,
      CardApplicationMutations,
      DocumentContentResolver,
      FamilyApplicationsResolver,
      CardApplicationOfCardResolver,
      ApplicationQueueResolver,
      LogoutResolver,
      civilAffairsAccessReport.DataAccessReportResolver,
      MyDataAccessesResolver,
    ],
    referenceResolvers: {
      Citizen: { __resolveReference: resolveCitizenReference },
      Family: { __resolveReference: resolveFamilyReference },
      FamilyCard: { __resolveReference: resolveFamilyCardReference },
      CivilAffairsOffice: { __resolveReference: resolveOfficeReference },
      CardApplication: { __resolveReference: resolveApplicationReference },
      DataAccessReport: civilAffairsAccessReport.referenceResolver,
    },
  },
  seedDemo: ({ db, config }) => seedCivilAffairs(db, demoCast(config.DEMO_FAMILIES, config.DEMO_ANCHOR_DATE)),
  async prepare({ config, db, log }) {
    if (!config.JWT_PRIVATE_KEY && config.DATABASE_URL) {
      log.warn("JWT_PRIVATE_KEY is not set: this replica signs with a key of its own, which other replicas do not publish; give every replica the same key");
    }
    const keys = await loadSigningKeys(config.JWT_PRIVATE_KEY, path.resolve(config.DATA_DIR, "civil-affairs", "keys", "signing-key.pem"), config.JWT_VERIFY_KEYS);
    const policy = {
      maxFailures: config.LOGIN_MAX_FAILURES,
      lockMinutes: config.LOGIN_LOCK_MINUTES,
      tokenTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    };
    registerOutboxMetrics(db);
    const dispatcher = startOutboxDispatcher(db, log, {
      secret: config.EVENTS_HMAC_SECRET,
      pollMs: config.OUTBOX_POLL_MS,
      maxBackoffMs: config.OUTBOX_MAX_BACKOFF_MS,
    });
    const revoked = new RevokedTokens(db, log);
    await revoked.load();
    revoked.start(config.TOKEN_REVOCATION_REFRESH_MS);
    const documents = config.DATABASE_URL ? null : documentFilesFolder(config.DATA_DIR, config.EMBEDDED_DATABASE);
    const applicationSettings = {
      replacementFeeHalalas: config.REPLACEMENT_FEE_HALALAS,
      subscribers: config.OUTBOX_SUBSCRIBERS,
      documents: documents ? fileDocumentStore(documents.path) : databaseDocumentStore,
    };
    return {
      keys: keys.keys,
      resolvers: [
        new LoginResolver(keys, policy, Math.max(1, config.LOGIN_MAX_IN_FLIGHT)),
        new CardApplicationMutations(applicationSettings, dispatcher),
        new DocumentContentResolver(applicationSettings.documents),
        new LogoutResolver(revoked),
      ],
      background: {
        stop: async () => {
          revoked.stop();
          await dispatcher.stop();
          documents?.discard();
        },
      },
      revocations: revoked,
      audit: civilAffairsAudit,
      routes: [
        { method: "GET", path: "/.well-known/jwks.json", handle: (_req, res) => sendJson(res, 200, keys.jwks) },
        { method: "GET", path: REVOKED_TOKENS_PATH, handle: async (_req, res) => sendJson(res, 200, await revoked.document()) },
      ],
    };
  },
};

export default civilAffairs;
