import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, PrimaryColumn } from "typeorm";
import { NationalAddress } from "../../../../kernel/graphql/nationalAddress";

@Entity()
@ObjectType()
@Directive('@key(fields: "trackingNumber")')
export class Shipment {
  @PrimaryColumn({ type: "varchar", length: 20 })
  @Field(() => ID)
  trackingNumber!: string;

  @Column({ type: "varchar", length: 14, unique: true })
  cardNumber!: string;

  @Column({ type: "text" })
  @Field()
  carrier!: string;

  @Column({ type: "varchar", length: 20 })
  @Field()
  status!: string;

  @Column(() => NationalAddress, { prefix: "address" })
  @Field(() => NationalAddress)
  address!: NationalAddress;

  @Column({ type: "text" })
  @Field()
  recipientName!: string;

  @Column({ type: "int", default: 0 })
  @Field(() => Int)
  attempts!: number;

  @CreateDateColumn({ type: "timestamptz" })
  @Field()
  createdAt!: Date;
}
