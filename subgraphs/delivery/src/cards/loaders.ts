import { In } from "typeorm";
import type { RequestContext } from "../../../../kernel/context";
import { loaderByKey } from "../../../../kernel/loaders";
import { IssuedCard } from "./issuedCard.entity";

export const issuedCardByNumber = loaderByKey<string, IssuedCard, RequestContext>(
  (numbers, ctx) => ctx.db.getRepository(IssuedCard).findBy({ cardNumber: In([...numbers]) }),
  (row) => row.cardNumber,
);
