import { In } from "typeorm";
import type { RequestContext } from "../../../../kernel/context";
import { loaderByKey } from "../../../../kernel/loaders";
import { OfficePickup } from "./officePickup.entity";

export const pickupByCard = loaderByKey<string, OfficePickup, RequestContext>(
  (numbers, ctx) => ctx.db.getRepository(OfficePickup).findBy({ cardNumber: In([...numbers]) }),
  (row) => row.cardNumber,
);
