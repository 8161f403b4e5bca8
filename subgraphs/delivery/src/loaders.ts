import { In } from "typeorm";
import type { RequestContext } from "../../../kernel/context";
import { loaderByKey, loaderOfMany } from "../../../kernel/loaders";
import { IssuedCard } from "./cards/issuedCard.entity";
import { OfficePickup } from "./pickups/officePickup.entity";
import { Shipment } from "./shipments/shipment.entity";
import { TrackingEvent } from "./shipments/trackingEvent.entity";

type Ctx = RequestContext;

export const issuedCardByNumber = loaderByKey<string, IssuedCard, Ctx>(
  (numbers, ctx) => ctx.db.getRepository(IssuedCard).findBy({ cardNumber: In([...numbers]) }),
  (row) => row.cardNumber,
);

export const shipmentByCard = loaderByKey<string, Shipment, Ctx>(
  (numbers, ctx) => ctx.db.getRepository(Shipment).findBy({ cardNumber: In([...numbers]) }),
  (row) => row.cardNumber,
);

export const shipmentByTrackingNumber = loaderByKey<string, Shipment, Ctx>(
  (numbers, ctx) => ctx.db.getRepository(Shipment).findBy({ trackingNumber: In([...numbers]) }),
  (row) => row.trackingNumber,
);

export const pickupByCard = loaderByKey<string, OfficePickup, Ctx>(
  (numbers, ctx) => ctx.db.getRepository(OfficePickup).findBy({ cardNumber: In([...numbers]) }),
  (row) => row.cardNumber,
);

export const eventsByTrackingNumber = loaderOfMany<string, TrackingEvent, Ctx>(
  (numbers, ctx) =>
    ctx.db.getRepository(TrackingEvent).find({
      where: { trackingNumber: In([...numbers]) },
      order: { trackingNumber: "ASC", at: "ASC", id: "ASC" },
    }),
  (row) => row.trackingNumber,
);
