import type { SubgraphDefinition } from "../../../kernel/subgraph";
import { Shipments1764000000000 } from "./migrations/1764000000000-Shipments";
import { Shipment } from "./shipments/shipment.entity";
import { ShipmentResolver } from "./shipments/shipment.resolver";
import { deliverySettings } from "./settings";

export const delivery: SubgraphDefinition<typeof deliverySettings> = {
  name: "delivery",
  defaultPort: 4003,
  settings: deliverySettings,
  entities: [Shipment],
  migrations: [Shipments1764000000000],
  schema: { resolvers: [ShipmentResolver] },
};
