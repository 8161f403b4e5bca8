import { demoCast } from "../../../seed/demoCast";
import { acceptedSecrets } from "../../../kernel/events/settings";
import type { SubgraphDefinition } from "../../../kernel/subgraph";
import { IssuedCard } from "./cards/issuedCard.entity";
import { FamilyCardResolver, resolveFamilyCardReference } from "./cards/familyCard.resolver";
import { FamilyCardRef } from "./cards/familyCard.type";
import { cardIssuedRoute } from "./events/cardIssuedRoute";
import { Delivery1764000000000 } from "./migrations/1764000000000-Delivery";
import { CivilAffairsOfficeRef } from "./pickups/civilAffairsOffice.type";
import { OfficePickup } from "./pickups/officePickup.entity";
import { OfficePickupResolver } from "./pickups/officePickup.resolver";
import { PickupEvent } from "./pickups/pickupEvent.entity";
import { seedDelivery } from "./seed/seedDemo";
import { deliverySettings } from "./settings";
import { carrierWebhookRoute } from "./shipments/carrierWebhookRoute";
import { Shipment } from "./shipments/shipment.entity";
import { resolveShipmentReference, ShipmentResolver } from "./shipments/shipment.resolver";
import { TrackingEvent } from "./shipments/trackingEvent.entity";
import { TrackingEventResolver } from "./shipments/trackingEvent.resolver";
import { DeliveryStatsResolver } from "./stats/deliveryStats.resolver";
import { deliveryAudit } from "./audit/personalData";
import { deliveryAccessReport } from "./audit/dataAccessReport";
import { DeliveryDataAccess1765000000000 } from "./migrations/1765000000000-DataAccess";
import { DashboardIndexes1766000000000 } from "./migrations/1766000000000-DashboardIndexes";
import { CardReaders1772000000000 } from "./migrations/1772000000000-CardReaders";
import { SystemEventWords1773000000000 } from "./migrations/1773000000000-SystemEventWords";
import { CardMembersIndex1774000000000 } from "./migrations/1774000000000-CardMembersIndex";
import { CardRegisterIndex1776000000000 } from "./migrations/1776000000000-CardRegisterIndex";
import { PickupWaitingSince1777000000000 } from "./migrations/1777000000000-PickupWaitingSince";
import { OfficerQueues1769000000000 } from "./migrations/1769000000000-OfficerQueues";
import { cardNumberVersionsMigration } from "../../../kernel/events/cardNumberMigration";
import { dataAccessRefusalsMigration } from "../../../kernel/audit/migration";
import { dataAccessOwnersMigration } from "../../../kernel/audit/ownersMigration";
import { dataAccessPartitionsMigration } from "../../../kernel/audit/partitions";
import { agency } from "../../agencies";

/** This subgraph's entry in the registry of agencies. */
const REGISTERED = agency("delivery");

export const delivery: SubgraphDefinition<typeof deliverySettings> = {
  name: REGISTERED.name,
  defaultPort: REGISTERED.defaultPort,
  settings: deliverySettings,
  entities: [IssuedCard, Shipment, TrackingEvent, OfficePickup, PickupEvent],
  migrations: [Delivery1764000000000, DeliveryDataAccess1765000000000, DashboardIndexes1766000000000, dataAccessRefusalsMigration("Delivery"), dataAccessPartitionsMigration("Delivery"), OfficerQueues1769000000000, cardNumberVersionsMigration("Delivery", ["issued_card", "shipment", "office_pickup", "pickup_event"]), dataAccessOwnersMigration("Delivery"), CardReaders1772000000000, SystemEventWords1773000000000, CardMembersIndex1774000000000, CardRegisterIndex1776000000000, PickupWaitingSince1777000000000],
  schema: {
    resolvers: [ShipmentResolver, TrackingEventResolver, OfficePickupResolver, FamilyCardResolver, DeliveryStatsResolver, deliveryAccessReport.DataAccessReportResolver],
    orphanedTypes: [FamilyCardRef, CivilAffairsOfficeRef, deliveryAccessReport.DataAccessReport],
    referenceResolvers: {
      FamilyCard: { __resolveReference: resolveFamilyCardReference },
      Shipment: { __resolveReference: resolveShipmentReference },
      DataAccessReport: deliveryAccessReport.referenceResolver,
    },
  },
  seedDemo: ({ db, config }) => seedDelivery(db, config.DELIVERY_WORKING_DAYS, demoCast(config.DEMO_FAMILIES, config.DEMO_ANCHOR_DATE)),
  async prepare({ config, db, log }) {
    return {
      audit: deliveryAudit,
      routes: [
        cardIssuedRoute({ db, log, secrets: acceptedSecrets(config.EVENTS_HMAC_SECRET, config.EVENTS_HMAC_PREVIOUS_SECRET), workingDays: config.DELIVERY_WORKING_DAYS }),
        carrierWebhookRoute({ db, log, secrets: acceptedSecrets(config.CARRIER_WEBHOOK_SECRET, config.CARRIER_WEBHOOK_PREVIOUS_SECRET) }),
      ],
    };
  },
};

export default delivery;
