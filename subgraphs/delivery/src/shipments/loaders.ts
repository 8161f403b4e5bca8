import { In } from "typeorm";
import type { RequestContext } from "../../../../kernel/context";
import { loaderByKey, loaderOfMany } from "../../../../kernel/loaders";
import { Shipment } from "./shipment.entity";
import { TrackingEvent } from "./trackingEvent.entity";

export const shipmentByCard = loaderByKey<string, Shipment, RequestContext>(
  (numbers, ctx) => ctx.db.getRepository(Shipment).findBy({ cardNumber: In([...numbers]) }),
  (row) => row.cardNumber,
);

export const shipmentByTrackingNumber = loaderByKey<string, Shipment, RequestContext>(
  (numbers, ctx) => ctx.db.getRepository(Shipment).findBy({ trackingNumber: In([...numbers]) }),
  (row) => row.trackingNumber,
);

export const eventsByTrackingNumber = loaderOfMany<string, TrackingEvent, RequestContext>(
  (numbers, ctx) =>
    ctx.db.getRepository(TrackingEvent).find({
      where: { trackingNumber: In([...numbers]) },
      order: { trackingNumber: "ASC", at: "ASC", id: "ASC" },
    }),
  (row) => row.trackingNumber,
);
