import { Column, Entity, PrimaryColumn } from "typeorm";

/** The registry's birth record: who the parents of a child are. */
@Entity()
export class BirthRecord {
  @PrimaryColumn({ type: "varchar", length: 10 })
  childId!: string;

  @Column({ type: "varchar", length: 10, nullable: true })
  fatherId!: string | null;

  @Column({ type: "varchar", length: 10, nullable: true })
  motherId!: string | null;
}
