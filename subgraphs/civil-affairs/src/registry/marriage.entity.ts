import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/** A marriage known to the registry; `registered` is false when no contract was recorded. */
@Entity()
export class Marriage {
  @PrimaryGeneratedColumn("uuid")
  id!: string;

  @Column({ type: "varchar", length: 10 })
  husbandId!: string;

  @Column({ type: "varchar", length: 10 })
  wifeId!: string;

  @Column({ type: "boolean" })
  registered!: boolean;

  @Column({ type: "date" })
  contractedOn!: string;

  @Column({ type: "date", nullable: true })
  endedOn!: string | null;
}
