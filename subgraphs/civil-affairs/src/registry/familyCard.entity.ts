import { CARD_NUMBER_MAX_LENGTH } from "../../../../kernel/events/cardIssued";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Authenticated } from "../../../../kernel/graphql/authorization";
import { Column, Entity, PrimaryColumn } from "typeorm";
import { CardStatus } from "./enums";

@Entity()
@Authenticated()
@ObjectType()
@Directive('@key(fields: "cardNumber")')
export class FamilyCard {
  @PrimaryColumn({ type: "varchar", length: CARD_NUMBER_MAX_LENGTH })
  @Field(() => ID)
  cardNumber!: string;

  @Column({ type: "varchar", length: 10 })
  registerNumber!: string;

  @Column({ type: "int" })
  @Field(() => Int, { description: "1 for the first card of a family, +1 for each replacement." })
  version!: number;

  @Column({ type: "varchar", length: 9 })
  @Field(() => CardStatus)
  status!: CardStatus;

  @Column({ type: "timestamptz" })
  @Field()
  issuedAt!: Date;

  @Column({ type: "uuid", nullable: true })
  applicationId!: string | null;
}
